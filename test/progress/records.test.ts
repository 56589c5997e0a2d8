// Progress records in Neo4j: written beside the plan, never overwritten, linked again after a
// reload, following a renumbered item where the match is certain and kept where it is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { recordDeadline } from '../../graph/progress/deadlines.ts';
import { progressHistory, ProgressError, recordProgress } from '../../graph/progress/records.ts';
import { relinkProgress, unattachedProgress } from '../../graph/progress/relink.ts';
import { statusOfText, isOverdue, isDueSoon } from '../../contract/progress.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { loadSeed, SEED_PLAN, TASK_1 } from '../api/support.ts';

useTestNeo4j();
const driver = () => getDriver();
const database = () => connection().database;

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const session = driver().session({ database: database() });
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  await loadSeed(driver(), database());
  await cypher('MATCH (p:Progress) DETACH DELETE p');
});
afterAll(async () => {
  await cypher('MATCH (p:Progress) DETACH DELETE p');
  await cypher('MATCH (d:DeadlineChange {itemId: $id}) DETACH DELETE d', {
    id: `${SEED_PLAN}/二(一)2`,
  });
});

describe('recordProgress', () => {
  it('keeps every update as a new record; what an update leaves out carries over', async () => {
    const t0 = new Date('2026-03-01T08:00:00Z');
    const first = await recordProgress(driver(), database(), {
      itemId: TASK_1,
      update: { status: 'in-progress', percent: 30, note: '已完成方案编制' },
      by: 'zhang',
      source: 'update',
      now: t0,
    });
    expect(first.before).toBeNull();
    const second = await recordProgress(driver(), database(), {
      itemId: TASK_1,
      update: { note: '已召开推进会' },
      by: 'zhang',
      source: 'update',
      now: new Date('2026-04-01T08:00:00Z'),
    });
    expect(second.before?.id).toBe(first.after.id);
    expect(second.after).toMatchObject({
      status: 'in-progress',
      percent: 30,
      note: '已召开推进会',
    });
    const history = await progressHistory(driver(), database(), TASK_1);
    expect(history.map((r) => r.note)).toEqual(['已召开推进会', '已完成方案编制']);
    expect(history[0]).toMatchObject({
      itemId: TASK_1,
      planId: SEED_PLAN,
      by: 'zhang',
      itemRef: '二(一)1',
    });
    const [edges] = await cypher(
      'MATCH (:Progress)-[r:ON]->(i:Item {id: $id}) RETURN count(r) AS n',
      { id: TASK_1 },
    );
    expect(Number(edges?.['n'])).toBe(2);
  });

  it('asks the write rule with the item’s units before writing, and writes nothing if refused', async () => {
    let asked: string[] = [];
    await expect(
      recordProgress(driver(), database(), {
        itemId: TASK_1,
        update: { status: 'done' },
        by: 'li',
        source: 'update',
        allowed: (item) => {
          asked = item.unitIds;
          throw new Error('not allowed');
        },
      }),
    ).rejects.toThrow('not allowed');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((id) => id.startsWith('武汉市/'))).toBe(true);
    expect((await progressHistory(driver(), database(), TASK_1)).length).toBe(2);
  });

  it('refuses an unknown item by its id', async () => {
    await expect(
      recordProgress(driver(), database(), {
        itemId: `${SEED_PLAN}/九(九)99`,
        update: { status: 'done' },
        by: 'zhang',
        source: 'update',
      }),
    ).rejects.toBeInstanceOf(ProgressError);
  });
});

describe('relinkProgress', () => {
  it('links records again after a reload dropped the items’ edges', async () => {
    await cypher('MATCH (:Progress)-[r:ON]->() DELETE r');
    const session = driver().session({ database: database() });
    try {
      const report = await session.executeWrite((tx) => relinkProgress(tx, SEED_PLAN));
      expect(report).toEqual({ linked: 2, moved: 0, unattached: 0 });
    } finally {
      await session.close();
    }
    expect((await progressHistory(driver(), database(), TASK_1)).length).toBe(2);
  });

  it('follows a renumbered item with the same title, and keeps one with no certain match', async () => {
    // As if the records had been made on an edition where the item had another number.
    await cypher(
      `MATCH (p:Progress {itemId: $id})-[r:ON]->() DELETE r
       SET p.itemId = $old`,
      { id: TASK_1, old: `${SEED_PLAN}/二(一)77` },
    );
    await cypher(
      `CREATE (:Progress {id: 'lost', itemId: $gone, planId: $plan, itemRef: '九(九)9',
         itemTitle: '一项新版本里不再有的任务', at: '2026-01-01T00:00:00.000Z', by: 'zhang',
         source: 'update', status: 'late', note: null, percent: null})`,
      { gone: `${SEED_PLAN}/九(九)9`, plan: SEED_PLAN },
    );
    const session = driver().session({ database: database() });
    try {
      const report = await session.executeWrite((tx) => relinkProgress(tx, SEED_PLAN));
      expect(report).toEqual({ linked: 0, moved: 2, unattached: 1 });
      const unattached = await session.executeRead((tx) => unattachedProgress(tx, SEED_PLAN));
      expect(unattached.map((r) => [r.id, r.itemRef])).toEqual([['lost', '九(九)9']]);
    } finally {
      await session.close();
    }
    const history = await progressHistory(driver(), database(), TASK_1);
    expect(history.map((r) => r.movedFrom)).toEqual([
      `${SEED_PLAN}/二(一)77`,
      `${SEED_PLAN}/二(一)77`,
    ]);
  });
});

describe('concurrent updates to one item', () => {
  const ITEM = `${SEED_PLAN}/二(一)2`;
  const seqsOf = async (label: 'Progress' | 'DeadlineChange') =>
    (
      await cypher(
        `MATCH (r:${label})-[:ON]->(:Item {id: $id}) RETURN r.id AS id, r.seq AS seq, r.at AS at`,
        { id: ITEM },
      )
    ).map((row) => ({ id: String(row['id']), seq: Number(row['seq']), at: String(row['at']) }));

  it('numbers 20 updates fired at once 1 to 20, each following the one before it', async () => {
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        recordProgress(driver(), database(), {
          itemId: ITEM,
          update: { status: 'in-progress', percent: n, note: `第${n + 1}次报送` },
          by: 'zhang',
          source: 'update',
        }),
      ),
    );
    const records = (await seqsOf('Progress')).sort((a, b) => a.seq - b.seq);
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    // Numbered in the order written: the clock never runs backwards along the seqs.
    expect(records.map((r) => r.at)).toEqual(records.map((r) => r.at).sort());
    // Each write saw the one numbered just before it as the latest (the audit's before → after).
    const seqOf = new Map(records.map((r) => [r.id, r.seq]));
    const chain = writes
      .map(({ before, after }) => [seqOf.get(after.id), before && seqOf.get(before.id)])
      .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    expect(chain).toEqual(records.map((r) => [r.seq, r.seq === 1 ? null : r.seq - 1]));
  });

  it('numbers deadline changes fired at once without gaps or repeats', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        recordDeadline(driver(), database(), {
          itemId: ITEM,
          due: { deadline: `2027年${n + 1}月底前`, dueKind: 'date', dueDate: null },
          by: 'zhang',
        }),
      ),
    );
    const seqs = (await seqsOf('DeadlineChange')).map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, n) => n + 1));
  });
});

describe('the rules', () => {
  it('reads the status words ledgers print', () => {
    expect(
      ['已完成', '序时推进', '未启动', '滞后', '暂缓', '未完成', '已办结。', '正在研究'].map(
        statusOfText,
      ),
    ).toEqual(['done', 'in-progress', 'not-started', 'late', 'paused', 'late', 'done', null]);
  });

  it('calls an item overdue only past a dated deadline and not done', () => {
    const due = { dueKind: 'date', dueDate: '2026-06-30' };
    expect(isOverdue(due, 'in-progress', '2026-07-01')).toBe(true);
    expect(isOverdue(due, 'done', '2026-07-01')).toBe(false);
    expect(isOverdue(due, 'paused', '2026-07-01')).toBe(true);
    expect(isOverdue(due, null, '2026-06-30')).toBe(false);
    expect(isOverdue({ dueKind: 'recurring', dueDate: null }, null, '2030-01-01')).toBe(false);
    expect(isDueSoon(due, null, '2026-06-01')).toBe(true);
    expect(isDueSoon(due, null, '2026-05-30')).toBe(false);
  });
});
