// The progress report on a plan with known records and a clock the test sets: exact counts by
// status and by unit, the overdue item with its units and latest note, the records of the range;
// the .docx unzipped holds the overdue item and its note (and the war map's picture), the .xlsx
// read back with ExcelJS holds the counts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Hono } from 'hono';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressReport } from '../../contract/api/reports.ts';
import type { ItemState } from '../../contract/progress.ts';
import { loadPlanModel } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import { buildReport } from '../../graph/reports/build.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { loadSeed, seedApp, type ErrorAnswer } from './support.ts';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));
const LEDGER = readFileSync(`${EXAMPLES}07-ledger.xlsx`);
const PAGE = { Host: 'localhost', Origin: 'http://localhost', 'X-Guatu-Request': '1' };
/** A 1×1 PNG: the war map as the browser would send it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const NOTE = '剩余管线迁改已完成一半，预计12月底完工。';

useTestNeo4j();

let driver: Driver;
let database: string;
let app: Hono;
let planId: string;

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ database });
  try {
    return (await session.run(query, params)).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

const range = { from: '2023-11-01', to: '2023-11-15' };

beforeAll(async () => {
  driver = getDriver();
  database = connection().database;
  await loadSeed(driver, database);
  await removePlansOtherThanSeed(driver);
  const model = await parseDocument(LEDGER, { name: '07-ledger.xlsx' });
  planId = model.plan.id;
  await loadPlanModel(
    driver,
    model,
    { name: '07-ledger.xlsx', text: '', sha256: model.source?.sha256 ?? '' },
    { database, replace: true, force: true },
  );
  await cypher('MATCH (p:Progress {planId: $planId}) DETACH DELETE p', { planId });
  const record = (
    ref: string,
    at: string,
    update: Parameters<typeof recordProgress>[2]['update'],
  ) =>
    recordProgress(driver, database, {
      itemId: `${planId}/${ref}`,
      update,
      by: 'liaison-zjj',
      source: 'update',
      now: new Date(at),
    });
  // Before the range: does not count as a change in it.
  await record('1', '2023-10-01T02:00:00Z', { status: 'in-progress', note: '十月进展' });
  await record('3', '2023-11-10T02:00:00Z', { status: 'in-progress', note: NOTE });
  await record('9', '2023-11-12T02:00:00Z', { status: 'in-progress', percent: 10 });
  app = seedApp(driver, database, { now: () => new Date('2023-11-15T04:00:00Z') });
});

afterAll(async () => {
  await cypher('MATCH (p:Progress {planId: $planId}) DETACH DELETE p', { planId });
  await removePlansOtherThanSeed(driver);
});

async function fileOf(format: 'docx' | 'xlsx', figure: Uint8Array | null = null) {
  const query = new URLSearchParams({ plan: planId, ...range, format });
  return app.request(`/api/reports/progress?${query.toString()}`, {
    method: 'POST',
    headers: { ...PAGE, 'Content-Type': 'application/octet-stream' },
    body: figure ?? new Uint8Array(0),
  });
}

describe('GET /api/reports/progress', () => {
  it('counts the plan by status and by unit, lists the overdue item and the range’s records', async () => {
    const query = new URLSearchParams({ plan: planId, ...range });
    const response = await app.request(`/api/reports/progress?${query.toString()}`);
    expect(response.status).toBe(200);
    const report = ProgressReport.parse(await response.json());
    expect(report.today).toBe('2023-11-15');
    expect(report.totals).toEqual({
      items: 11,
      done: 3,
      'in-progress': 7,
      late: 1,
      'not-started': 0,
      paused: 0,
      none: 0,
      overdue: 1,
      dueSoon: 1,
    });
    expect(report.overdue).toEqual([
      {
        itemId: `${planId}/3`,
        ref: '3',
        title: '推进城市排水管网建设',
        theme: null,
        deadline: '2023年10月底',
        dueDate: '2023-10-31',
        daysLate: 15,
        status: 'in-progress',
        leads: ['市住建局'],
        supports: ['市水务局', '市城管局'],
        note: NOTE,
        lastReportedAt: '2023-11-10T02:00:00.000Z',
      },
    ]);
    expect(
      report.units.slice(0, 3).map((unit) => [unit.name, unit.counts.overdue, unit.counts.items]),
    ).toEqual([
      ['市住建局', 1, 4],
      ['市城管局', 1, 3],
      ['市水务局', 1, 2],
    ]);
    expect(report.changes.map((change) => [change.ref, change.before, change.after])).toEqual([
      ['3', 'late', 'in-progress'],
      ['9', 'not-started', 'in-progress'],
    ]);
    expect(report.changedItems).toBe(2);
  });

  it('refuses a range that ends before it starts', async () => {
    const response = await app.request(
      `/api/reports/progress?plan=${encodeURIComponent(planId)}&from=2023-11-20&to=2023-11-01`,
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorAnswer).error.code).toBe('bad_range');
  });
});

describe('POST /api/reports/progress', () => {
  it('builds a 督办通报 in Word with the overdue item, its note and the war map', async () => {
    const response = await fileOf('docx', PNG);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      encodeURIComponent('示例2023市政府台账-进展通报-2023-11-01至2023-11-15.docx'),
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    for (const words of [
      '一、总体情况',
      '三、逾期事项',
      '四、下一步工作',
      '推进城市排水管网建设',
      NOTE,
    ]) {
      expect(xml).toContain(words);
    }
    expect(Object.keys(files).some((name) => name.startsWith('word/media/'))).toBe(true);
  });

  it('builds a workbook, one sheet per section, that reads back with the counts', async () => {
    const response = await fileOf('xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '总体情况',
      '分主题',
      '分单位',
      '逾期事项',
      '主要指标',
      '本期进展',
    ]);
    const overview = workbook.getWorksheet('总体情况');
    expect(overview?.getRow(2).values).toEqual([
      undefined,
      '事项数',
      '已完成',
      '推进中',
      '滞后',
      '未启动',
      '暂缓',
      '未报送',
      '已逾期',
      '30日内到期',
    ]);
    expect(overview?.getRow(3).values).toEqual([undefined, 11, 3, 7, 1, 0, 0, 0, 1, 1]);
    const overdue = workbook.getWorksheet('逾期事项');
    expect(overdue?.getRow(3).getCell(3).value).toBe('推进城市排水管网建设');
    expect(overdue?.getRow(3).getCell(10).value).toBe(NOTE);
  });

  it('refuses a figure that is not a PNG, and a page of another origin', async () => {
    expect((await fileOf('docx', new TextEncoder().encode('<svg/>'))).status).toBe(415);
    const response = await app.request(
      `/api/reports/progress?plan=${encodeURIComponent(planId)}&format=docx`,
      {
        method: 'POST',
        headers: {
          ...PAGE,
          Origin: 'http://evil.example',
          'Content-Type': 'application/octet-stream',
        },
        body: new Uint8Array(0),
      },
    );
    expect(response.status).toBe(403);
  });
});

describe('buildReport', () => {
  it('counts each theme and unit once per item, and judges indicators on their newest value', () => {
    const state = (itemId: string, status: ItemState['status']): ItemState => ({
      itemId,
      ref: itemId,
      title: itemId,
      kind: 'task',
      status,
      percent: null,
      note: null,
      lastReportedAt: null,
      dueKind: null,
      dueDate: null,
      deadline: null,
      deadlineChanged: false,
      overdue: false,
      dueSoon: false,
    });
    const unit = { id: 'u', name: '市发改委' };
    const place = (itemId: string) => ({
      itemId,
      themeId: 't',
      themeRef: '二(一)',
      themeTitle: '科技创新',
      leads: [unit],
      supports: [unit],
      targetText: null,
      targetMeasure: null,
      targetComparator: null,
      targetValue: null,
    });
    const report = buildReport(
      {
        plan: { id: 'p', title: 'p', jurisdiction: null },
        ...range,
        today: '2023-11-15',
        timeZone: 'Asia/Shanghai',
        dayOf: (at) => at.slice(0, 10),
      },
      {
        states: [state('a', 'done'), state('b', null), { ...state('i', null), kind: 'indicator' }],
        places: [
          place('a'),
          place('b'),
          {
            ...place('i'),
            targetText: '≥3.5%',
            targetMeasure: '%',
            targetComparator: '>=',
            targetValue: 3.5,
          },
        ],
        records: [],
        // 2023's value, then a correction of it; 2024's is after the range and not counted.
        values: [
          { itemId: 'i', year: 2023, value: 3.1, at: '2023-11-02T00:00:00Z' },
          { itemId: 'i', year: 2023, value: 3.6, at: '2023-11-03T00:00:00Z' },
          { itemId: 'i', year: 2024, value: 1, at: '2023-11-20T00:00:00Z' },
        ],
        documentStatus: new Map(),
      },
    );
    expect(report.themes).toEqual([
      {
        id: 't',
        ref: '二(一)',
        name: '科技创新',
        counts: expect.objectContaining({ items: 2, done: 1, none: 1 }) as unknown,
      },
    ]);
    expect(report.units[0]?.counts.items).toBe(2);
    expect(report.totals.items).toBe(2);
    expect(report.indicators).toEqual([
      {
        itemId: 'i',
        ref: 'i',
        title: 'i',
        target: '≥3.5%',
        measure: '%',
        year: 2023,
        value: 3.6,
        track: 'on-track',
      },
    ]);
  });
});
