// Progress survives re-loading the plan: the load relinks every record in its own transaction.
// The same text again keeps every record on its item; a new edition that renumbers one item,
// rewords another and drops a third moves what is certain and keeps the rest unattached — no
// record is ever dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanText, type LoadOutcome } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { recordDeadline } from '../../graph/progress/deadlines.ts';
import { recordIndicatorValue } from '../../graph/progress/indicator-values.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import { relinkLines } from '../../graph/progress/relink-lines.ts';
import { similarWording } from '../../graph/progress/relink.ts';
import { renamedSeed, seedText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';

useTestNeo4j();
const driver = () => getDriver();
const database = () => connection().database;

// The seed's first themes under a title of their own: a plan small enough to load four times in
// a few seconds, and not the seed the other suites read.
const PLAN_TEXT = renamedSeed('进展', seedText.split('\n').slice(0, 90).join('\n'));
let planId = '';
const id = (ref: string) => `${planId}/${ref}`;

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

/** Every record: label, id, the item it is ON (or null), unattached flag. */
async function records() {
  const rows = await cypher(
    `MATCH (r:Progress|DeadlineChange|IndicatorValue)
     OPTIONAL MATCH (r)-[:ON]->(i:Item)
     RETURN labels(r)[0] AS label, r.id AS id, i.id AS on, r.itemId AS itemId,
            coalesce(r.unattached, false) AS unattached, r.movedFrom AS movedFrom,
            r.rewordedFrom AS rewordedFrom
     ORDER BY id`,
  );
  return rows as {
    label: string;
    id: string;
    on: string | null;
    itemId: string;
    unattached: boolean;
    movedFrom: string | null;
    rewordedFrom: string | null;
  }[];
}

function written(outcome: LoadOutcome) {
  if (outcome.status === 'already-loaded') throw new Error('the load was skipped');
  return outcome.write;
}

const load = (text: string) =>
  loadPlanText(driver(), text, 'reload.txt', { database: database(), force: true, replace: true });

// The edition: 二(一)1 dropped, 二(一)2 reworded, 二(一)4 renumbered 5.
const EDITION = PLAN_TEXT.replace(/^1\.创建东湖综合性国家科学中心。.*\n/mu, '')
  .replace('2.打造产业创新高地。', '2.加快打造产业创新高地。')
  .replace('4.打造科技成果转化高地。', '5.打造科技成果转化高地。');

const progressOn = async (ref: string, note: string) =>
  (
    await recordProgress(driver(), database(), {
      itemId: id(ref),
      update: { status: 'in-progress', note },
      by: 'zhang',
      source: 'update',
    })
  ).after.id;

let ids: Record<string, string> = {};

beforeAll(async () => {
  const outcome = await load(PLAN_TEXT);
  planId = outcome.planId;
  await clearRecords();
  ids = {
    dropped: await progressOn('二(一)1', '科学城规划已批复'),
    reworded: await progressOn('二(一)2', '高新技术企业新增120家'),
    kept: await progressOn('二(一)3', '人才工作体系已印发'),
    renumbered: await progressOn('二(一)4', '技术合同成交额增长'),
    deadline: (
      await recordDeadline(driver(), database(), {
        itemId: id('二(一)4'),
        due: { deadline: '2026年6月底前', dueKind: 'date', dueDate: '2026-06-30' },
        by: 'planner',
      })
    ).after.id,
    value: (
      await recordIndicatorValue(driver(), database(), {
        itemId: id('一(一)6'),
        year: 2023,
        value: 14.8,
        by: 'planner',
      })
    ).after.id,
  };
});

afterAll(async () => {
  await clearRecords();
  await removePlansOtherThanSeed(driver());
});

describe('re-loading the plan', () => {
  it('keeps every record on the same item when the same text is loaded again', async () => {
    const before = await records();
    const write = written(await load(PLAN_TEXT));
    expect(write.replaced).toBe(true);
    expect(write.records.kept).toEqual({ Progress: 4, DeadlineChange: 1, IndicatorValue: 1 });
    expect(write.records.followed).toEqual([]);
    expect(write.records.unattached).toEqual([]);
    expect(await records()).toEqual(before);
    expect(before.every((record) => record.on === record.itemId)).toBe(true);
  });

  it('follows a renumbered and a reworded item, and keeps a dropped one’s record unattached', async () => {
    const write = written(await load(EDITION));
    expect(write.records.kept).toEqual({ Progress: 1, DeadlineChange: 0, IndicatorValue: 1 });
    expect(write.records.followed.map((f) => [f.label, f.how, f.fromRef, f.toRef]).sort()).toEqual([
      ['DeadlineChange', 'renumbered', '二(一)4', '二(一)5'],
      ['Progress', 'renumbered', '二(一)4', '二(一)5'],
      ['Progress', 'reworded', '二(一)2', '二(一)2'],
    ]);
    expect(write.records.unattached.map((u) => [u.label, u.id, u.itemRef])).toEqual([
      ['Progress', ids['dropped'], '二(一)1'],
    ]);

    const after = new Map((await records()).map((record) => [record.id, record]));
    expect(after.size).toBe(6);
    expect(after.get(ids['kept'] ?? '')).toMatchObject({ on: id('二(一)3'), unattached: false });
    expect(after.get(ids['reworded'] ?? '')).toMatchObject({
      on: id('二(一)2'),
      rewordedFrom: '打造产业创新高地',
    });
    expect(after.get(ids['renumbered'] ?? '')).toMatchObject({
      on: id('二(一)5'),
      itemId: id('二(一)5'),
      movedFrom: id('二(一)4'),
    });
    expect(after.get(ids['deadline'] ?? '')).toMatchObject({ on: id('二(一)5') });
    expect(after.get(ids['value'] ?? '')).toMatchObject({ on: id('一(一)6') });
    expect(after.get(ids['dropped'] ?? '')).toMatchObject({ on: null, unattached: true });

    const lines = relinkLines(write.records).join('\n');
    expect(lines).toContain('二(一)4 打造科技成果转化高地 → 二(一)5 打造科技成果转化高地');
    expect(lines).toContain('unattached     1');
    expect(lines).toContain('二(一)1 创建东湖综合性国家科学中心');
  });

  it('gives a record back its item when an edition brings the item back', async () => {
    const write = written(await load(PLAN_TEXT));
    expect(write.records.unattached).toEqual([]);
    const dropped = (await records()).find((record) => record.id === ids['dropped']);
    expect(dropped).toMatchObject({ on: id('二(一)1'), unattached: false });
  });
});

describe('the wording rule', () => {
  it('takes the same task in other words for the same item, and another task for another', () => {
    expect(similarWording('打造产业创新高地', '加快打造产业创新高地')).toBe(true);
    expect(similarWording('推进数字经济发展', '加快推进数字经济高质量发展')).toBe(true);
    expect(similarWording('打造产业创新高地', '打造创新人才集聚高地')).toBe(false);
    expect(similarWording('大力发展先进制造业', '加快发展现代服务业')).toBe(false);
  });
});
