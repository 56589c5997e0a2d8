// Where each item stands today: the latest record's status over the document's own status word,
// the newest note, and the deadline in force (a planner's newest change over the document's),
// judged overdue / due soon on the day given.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanFile } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { recordDeadline } from '../../graph/progress/deadlines.ts';
import { itemStates } from '../../graph/progress/item-state.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { ensureSeedLoaded } from '../../graph/load/seed.ts';

useTestNeo4j();
const driver = () => getDriver();
const database = () => connection().database;
// Not from test/api/support.ts: that one builds the whole app, and this file needs none of it.
const SEED_PLAN = '武汉市-f64b89c6';
const TASK_1 = `${SEED_PLAN}/二(一)1`;
const LEDGER = fileURLToPath(new URL('../fixtures/examples/07-ledger.xlsx', import.meta.url));
let ledgerPlan = '';

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const session = driver().session({ database: database() });
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

const clearRecords = () =>
  cypher('MATCH (p:Progress|DeadlineChange|IndicatorValue) DETACH DELETE p');

async function states(planId: string, today: string, itemIds?: string[]) {
  const session = driver().session({ database: database() });
  try {
    return await session.executeRead((tx) => itemStates(tx, planId, today, itemIds));
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  await ensureSeedLoaded(driver(), { database: database() });
  const outcome = await loadPlanFile(driver(), LEDGER, { database: database(), force: true });
  ledgerPlan = outcome.planId;
  await clearRecords();
});
afterAll(async () => {
  await clearRecords();
  await removePlansOtherThanSeed(driver());
});

describe('itemStates', () => {
  it('reads a ledger’s own status words and deadlines when nobody has reported yet', async () => {
    const all = await states(ledgerPlan, '2023-11-15');
    const byRef = new Map(all.map((state) => [state.ref, state]));
    expect(byRef.get('1')).toMatchObject({
      status: 'in-progress',
      deadline: '2023年12月底',
      dueKind: 'date',
      dueDate: '2023-12-31',
      overdue: false,
      dueSoon: false,
      lastReportedAt: null,
      percent: null,
      note: null,
      deadlineChanged: false,
    });
    expect(byRef.get('2')).toMatchObject({ dueDate: '2023-11-30', overdue: false, dueSoon: true });
    expect(byRef.get('3')).toMatchObject({ status: 'late', overdue: true, dueSoon: false });
  });

  it('takes the latest record’s status and the newest note; a planner’s deadline change wins', async () => {
    const by = 'zhang';
    await recordProgress(driver(), database(), {
      itemId: TASK_1,
      update: { status: 'in-progress', percent: 40, note: '方案已印发' },
      by,
      source: 'update',
      now: new Date('2026-03-01T08:00:00Z'),
    });
    await recordProgress(driver(), database(), {
      itemId: TASK_1,
      update: { status: 'late' },
      by,
      source: 'update',
      now: new Date('2026-04-01T08:00:00Z'),
    });
    const [before] = await states(SEED_PLAN, '2026-05-01', [TASK_1]);
    expect(before).toMatchObject({
      itemId: TASK_1,
      status: 'late',
      percent: 40,
      note: '方案已印发',
      lastReportedAt: '2026-04-01T08:00:00.000Z',
      overdue: false,
    });
    await recordDeadline(driver(), database(), {
      itemId: TASK_1,
      due: { deadline: '2026年3月底前', dueKind: 'date', dueDate: '2026-03-31' },
      by: 'planner',
      now: new Date('2026-03-02T00:00:00Z'),
    });
    await recordDeadline(driver(), database(), {
      itemId: TASK_1,
      due: { deadline: '2026年6月底前', dueKind: 'date', dueDate: '2026-06-30' },
      by: 'planner',
      now: new Date('2026-04-02T00:00:00Z'),
    });
    const [changed] = await states(SEED_PLAN, '2026-06-10', [TASK_1]);
    expect(changed).toMatchObject({
      deadline: '2026年6月底前',
      dueDate: '2026-06-30',
      deadlineChanged: true,
      overdue: false,
      dueSoon: true,
    });
    const [after] = await states(SEED_PLAN, '2026-07-01', [TASK_1]);
    expect(after).toMatchObject({ overdue: true, dueSoon: false });
  });

  it('gives every item of the plan, in document order', async () => {
    const all = await states(SEED_PLAN, '2026-05-01');
    const [{ n }] = (await cypher('MATCH (i:Item {planId: $p}) RETURN count(i) AS n', {
      p: SEED_PLAN,
    })) as [{ n: unknown }];
    expect(all.length).toBe(Number(n));
    expect(all.filter((s) => s.lastReportedAt !== null).map((s) => s.itemId)).toEqual([TASK_1]);
  });
});
