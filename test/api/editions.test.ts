// GET /api/editions/compare against the run's Neo4j: two editions loaded side by side — the seed's
// first themes under a title of their own (small enough to load in a moment, and not the seed the
// other suites read), and a copy with one item added, one removed, one lead changed — compared as
// JSON and as CSV; and a file read for import, not loaded, compared with the plan it would replace.
import type { Hono } from 'hono';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditionComparison, type ItemChange } from '../../contract/api/editions.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { parsed, renamedSeed, seedText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { get, seedApp, url, type ErrorAnswer } from './support.ts';

useTestNeo4j();

let driver: Driver;
let app: Hono;
let editionId = '';

/** The seed with one item added, one removed and one lead changed. */
function threeEdits(text: string): string {
  const edits: [string, string][] = [
    [
      '(二)构建现代产业体系',
      '5.建设新型研发机构集群。(牵头单位:市科技局;责任单位:市发改委)\n\n(二)构建现代产业体系',
    ],
    ['11.每千人口拥有3岁以下婴幼儿托位数达到3个。(责任单位:市卫健委)\n\n', ''],
    ['(牵头单位:市教育局;责任单位:市人社局)', '(牵头单位:市科技局;责任单位:市人社局)'],
  ];
  for (const [before, after] of edits) {
    expect(text.split(before)).toHaveLength(2);
    text = text.replace(before, after);
  }
  return text;
}

const summary = (rows: readonly ItemChange[]) =>
  rows.map(
    (row) =>
      `${row.changes.join('+')} ${row.match ?? '-'} ${row.from?.ref ?? '∅'} → ${row.to?.ref ?? '∅'}`,
  );

const THREE = ['units same 一(一)1 → 一(一)1', 'removed - 一(二)11 → ∅', 'added - ∅ → 二(一)5'];

async function compared(query: Record<string, string>): Promise<EditionComparison> {
  const answer = await get(app, '/api/editions/compare', query);
  expect(answer.status).toBe(200);
  return EditionComparison.parse(answer.body);
}

// The indicators and the first themes of the seed: every item the three edits touch.
const FIRST_THEMES = seedText.split('\n').slice(0, 90).join('\n');
const OLDER = renamedSeed('版本对比', FIRST_THEMES);
const NEWER = renamedSeed('版本对比修订', threeEdits(FIRST_THEMES));
const OLDER_ITEMS = parsed(OLDER).items.length;
let olderId = '';

beforeAll(async () => {
  driver = getDriver();
  const { database } = connection();
  await removePlansOtherThanSeed(driver);
  olderId = (await loadPlanText(driver, OLDER, 'older.txt', { database })).planId;
  editionId = (await loadPlanText(driver, NEWER, 'newer.txt', { database })).planId;
  // The day in a file's name comes from the app's clock.
  app = seedApp(driver, database, { now: () => new Date('2026-12-07T04:00:00Z') });
});

afterAll(async () => {
  await removePlansOtherThanSeed(driver);
});

describe('two loaded plans', () => {
  it('reports exactly the three edits, with the units that gained and lost', async () => {
    const comparison = await compared({ from: olderId, to: editionId });
    expect(summary(comparison.items)).toEqual(THREE);
    expect(comparison.from).toEqual({
      source: 'plan',
      planId: olderId,
      title: '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案(版本对比)',
      date: '2022-03-03',
      items: OLDER_ITEMS,
      file: null,
    });
    expect(comparison.to).toMatchObject({ source: 'plan', planId: editionId, items: OLDER_ITEMS });
    expect(comparison.counts).toMatchObject({
      matched: OLDER_ITEMS - 1,
      unchanged: OLDER_ITEMS - 2,
      added: 1,
      removed: 1,
    });
    expect(comparison.items[0]?.units).toEqual([
      { unitId: '武汉市/市教育局', name: '市教育局', change: 'lead-lost' },
      { unitId: '武汉市/市科技局', name: '市科技局', change: 'lead-gained' },
    ]);
    expect(
      comparison.units.map(
        (unit) =>
          `${unit.names.join('/')} +${unit.leadsGained} -${unit.leadsLost} +${unit.supportsGained} -${unit.supportsLost}`,
      ),
    ).toEqual([
      '市科技局 +2 -0 +0 -0',
      '市卫健委 +0 -1 +0 -0',
      '市发改委 +0 -0 +1 -0',
      '市教育局 +0 -1 +0 -0',
    ]);
  });

  it('exports the changed items and the units as CSV with Chinese headers and words', async () => {
    const response = await app.request(
      url('/api/editions/compare', { from: olderId, to: editionId, format: 'csv' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const named = /filename\*=UTF-8''(.+)$/.exec(response.headers.get('content-disposition') ?? '');
    expect(decodeURIComponent(named?.[1] ?? '')).toBe('武汉十四五-版本对比-2026-12-07.csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The byte order mark Excel needs to read UTF-8 (the decoder drops it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines).toEqual([
      '变化,对应依据,标题相似度,类型,原编号,原标题,原所属,新编号,新标题,新所属,单位变化,可能对应',
      '责任单位变化,一致,100%,指标,一(一)1,劳动年龄人口平均受教育年限12.5年,,一(一)1,劳动年龄人口平均受教育年限12.5年,,市教育局 不再牵头;市科技局 新增牵头,',
      '删除,,,指标,一(二)11,每千人口拥有3岁以下婴幼儿托位数达到3个,,,,,市卫健委 不再牵头,',
      '新增,,,任务,,,,二(一)5,建设新型研发机构集群,二(一) 坚持创新第一动力,市科技局 新增牵头;市发改委 新增配合,',
    ]);

    const units = await app.request(
      url('/api/editions/compare', {
        from: olderId,
        to: editionId,
        format: 'csv',
        table: 'units',
        lang: 'en',
      }),
    );
    expect((await units.text()).trimEnd().split('\r\n')).toEqual([
      'Unit,Leads gained,Leads lost,Supports gained,Supports lost',
      '市科技局,2,0,0,0',
      '市卫健委,0,1,0,0',
      '市发改委,0,0,1,0',
      '市教育局,0,1,0,0',
    ]);
  });

  it('says what is wrong with a request, in English and Chinese', async () => {
    const answers = await Promise.all([
      get<ErrorAnswer>(app, '/api/editions/compare', { from: olderId }),
      get<ErrorAnswer>(app, '/api/editions/compare', { to: editionId }),
      get<ErrorAnswer>(app, '/api/editions/compare', { from: olderId, to: 'no-such-plan' }),
      get<ErrorAnswer>(app, '/api/editions/compare', { review: 'f'.repeat(32) }),
    ]);
    expect(answers.map((answer) => [answer.status, answer.body.error.code])).toEqual([
      [400, 'compare_what'],
      [400, 'from_required'],
      [404, 'unknown_plan'],
      [404, 'unknown_import'],
    ]);
    expect(answers[0]?.body.error.message).toContain('请指定对比对象');
  });
});

describe('a file read for import', () => {
  const PAGE = {
    Host: 'localhost',
    Origin: 'http://localhost',
    'X-Guatu-Request': '1',
    'Content-Type': 'application/octet-stream',
  };

  async function reviewToken(text: string): Promise<string> {
    const response = await app.request('http://localhost/api/import', {
      method: 'POST',
      headers: { ...PAGE, 'X-Guatu-File-Name': encodeURIComponent('新版分工.txt') },
      body: new TextEncoder().encode(text),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  it('is compared with the plan it would replace, its units named as the loader would', async () => {
    // 东湖高新区 for 东湖高新区管委会: one unit once loaded (the dictionary's alias), so no change.
    const token = await reviewToken(
      renamedSeed('版本对比', threeEdits(FIRST_THEMES)).replace(
        '(牵头单位:东湖高新区管委会、',
        '(牵头单位:东湖高新区、',
      ),
    );
    const comparison = await compared({ review: token });
    expect(summary(comparison.items)).toEqual(THREE);
    expect(comparison.from).toMatchObject({ source: 'plan', planId: olderId });
    expect(comparison.to).toMatchObject({
      source: 'review',
      planId: olderId,
      items: OLDER_ITEMS,
      file: '新版分工.txt',
    });
    // Nothing was loaded: the seed is as it was.
    const again = await compared({ from: olderId, to: olderId });
    expect(again.items).toEqual([]);
    expect(again.counts.unchanged).toBe(OLDER_ITEMS);
  });

  it('can be compared with another plan than the one of its id', async () => {
    const token = await reviewToken(OLDER);
    const comparison = await compared({ review: token, from: editionId });
    expect(summary(comparison.items)).toEqual([
      'units same 一(一)1 → 一(一)1',
      'removed - 二(一)5 → ∅',
      'added - ∅ → 一(二)11',
    ]);
  });
});
