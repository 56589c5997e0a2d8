// A unit's 任务清单 as Excel and Word (GET /api/units/task-list) on the real seed: the files are
// read back — the workbook with ExcelJS, the Word document with guatu's own Word reader — and
// their rows compared with the unit's LEADS/SUPPORTS edges read straight from Neo4j; each item's
// status, deadline and its date, overdue mark and latest note as progress records and a ledger
// plan's deadlines give them, on a clock the test sets.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Hono } from 'hono';
import neo4j, { Record as Neo4jRecord, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../graph/api/context.ts';
import { attachment, taskListFileName } from '../../graph/api/task-list/file-name.ts';
import { readTaskList } from '../../graph/api/task-list/rows.ts';
import { TASK_LIST_WORDS } from '../../graph/api/task-list/words.ts';
import { loadPlanModel } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { DEFAULT_LIMITS, type RowBlock } from '../../graph/parse/read/blocks.ts';
import { readDocx } from '../../graph/parse/read/docx.ts';
import * as roles from '../../web/src/i18n/features/roles.ts';
import { ARTIFACTS } from '../web/browser.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { FGW, loadSeed, SEED_PLAN, seedApp, url, type ErrorAnswer } from './support.ts';

useTestNeo4j();

const DAY = '2026-12-06';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZH_HEADERS = [
  '序号',
  '编号',
  '任务',
  '所属主题',
  '角色',
  '牵头单位',
  '配合单位',
  '完成时限',
  '到期时间',
  '逾期状态',
  '状态',
  '最新进展',
];
const COLUMNS = ZH_HEADERS.length;
const NOTE = '已完成方案编制，进入实施阶段。';

let driver: Driver;
let app: Hono;

/** What Neo4j itself says the unit answers for: each item's ref, role word and co-units. */
interface Expected {
  ref: string;
  role: string;
  leads: string[];
  supports: string[];
  theme: string | null;
}
let expected: Expected[];
let seedTitle: string;
/** An item 市发改委 leads in the seed, given a status and a note before the lists are made. */
const REPORTED = '二(一)2';

async function read(query: string, params: Record<string, unknown>) {
  const session = driver.session({
    database: connection().database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    return (await session.run(query, params)).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

async function write(query: string, params: Record<string, unknown>): Promise<void> {
  const session = driver.session({ database: connection().database });
  try {
    await session.run(query, params);
  } finally {
    await session.close();
  }
}

async function fetchFile(query: Record<string, string>) {
  const response = await app.request(url('/api/units/task-list', query));
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

/** The UTF-8 name of `filename*=UTF-8''…`. */
function fileNameOf(disposition: string | null): string {
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return decodeURIComponent(match?.[1] ?? '');
}

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

async function firstSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const sheet = (await workbookOf(bytes)).worksheets[0];
  if (sheet === undefined) throw new Error('the workbook has no sheet');
  return sheet;
}

/** A part of a Word package as text. */
function partText(bytes: Uint8Array, name: string): string {
  const part = unzipSync(bytes)[name];
  if (part === undefined) throw new Error(`no ${name} in the package`);
  return strFromU8(part);
}

function rowTexts(sheet: ExcelJS.Worksheet, row: number, columns = COLUMNS): string[] {
  return Array.from({ length: columns }, (_, index) =>
    sheet
      .getRow(row)
      .getCell(index + 1)
      .text.trim(),
  );
}

beforeAll(async () => {
  driver = getDriver();
  const { database } = connection();
  await loadSeed(driver, database);
  // Correctness, not speed, is tested here: a loaded machine must not turn a slow read into a 504.
  app = seedApp(driver, database, { queryTimeoutMs: 60_000 });
  const rows = await read(
    `MATCH (u:Unit {id: $unit})-[r:LEADS|SUPPORTS]->(i:Item {planId: $plan})
     OPTIONAL MATCH (i)-[:UNDER*1..2]->(t:Theme)
     RETURN i.ref AS ref, type(r) AS type, r.inferred AS inferred, t.title AS theme,
            COLLECT { MATCH (l:Unit)-[e:LEADS]->(i) RETURN l.name ORDER BY e.position } AS leads,
            COLLECT { MATCH (s:Unit)-[e:SUPPORTS]->(i) RETURN s.name ORDER BY e.position } AS supports
     ORDER BY i.sortKey`,
    { unit: FGW, plan: SEED_PLAN },
  );
  expected = rows.map((row) => ({
    ref: row['ref'] as string,
    role:
      row['type'] === 'SUPPORTS'
        ? roles.zh.roleSupport
        : row['inferred'] === true
          ? roles.zh.roleOwner
          : roles.zh.roleLead,
    leads: row['leads'] as string[],
    supports: row['supports'] as string[],
    theme: row['theme'] as string | null,
  }));
  const [plan] = await read('MATCH (p:Plan {id: $plan}) RETURN p.title AS title', {
    plan: SEED_PLAN,
  });
  seedTitle = plan?.['title'] as string;
  await write('MATCH (p:Progress {itemId: $id}) DETACH DELETE p', {
    id: `${SEED_PLAN}/${REPORTED}`,
  });
  await recordProgress(driver, database, {
    itemId: `${SEED_PLAN}/${REPORTED}`,
    update: { status: 'late', note: NOTE },
    by: 'local',
    source: 'update',
  });
});

afterAll(async () => {
  await write('MATCH (p:Progress {itemId: $id}) DETACH DELETE p', {
    id: `${SEED_PLAN}/${REPORTED}`,
  });
  await removePlansOtherThanSeed(driver);
});

describe('GET /api/units/task-list?format=xlsx', () => {
  it("holds exactly 市发改委's items, with its role on each, under a title row and Chinese headers", async () => {
    const file = await fetchFile({ id: FGW, plan: SEED_PLAN, format: 'xlsx', day: DAY });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/,
    );
    expect(fileNameOf(file.headers.get('content-disposition'))).toBe(
      `武汉十四五分工-市发改委任务清单-${DAY}.xlsx`,
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'task-list-fgw.xlsx'), file.bytes);

    const workbook = await workbookOf(file.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['市发改委']);
    const sheet = await firstSheet(file.bytes);
    const title = sheet.getRow(1).getCell(1).text;
    expect(title).toContain(seedTitle);
    expect(title).toContain('市发改委任务清单');
    expect(rowTexts(sheet, 2)).toEqual(ZH_HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getRow(3).getCell(3).alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);

    const rows = Array.from({ length: sheet.rowCount - 2 }, (_, index) =>
      rowTexts(sheet, index + 3),
    );
    expect(expected.length).toBe(74);
    // Same items, same roles, in document order, numbered from 1.
    expect(rows.map((row) => [row[1], row[4]])).toEqual(expected.map((e) => [e.ref, e.role]));
    expect(rows.map((row) => row[0])).toEqual(expected.map((_, index) => String(index + 1)));
    // Co-units as the notice prints them, in its order, the unit itself included.
    expect(rows.map((row) => row[5])).toEqual(expected.map((e) => e.leads.join('、')));
    expect(rows.map((row) => row[6])).toEqual(expected.map((e) => e.supports.join('、')));
    const byRef = new Map(rows.map((row) => [row[1], row]));
    // A task's theme; an indicator's, a sub-project's and a requirement's place in the notice.
    for (const e of expected.filter((e) => e.theme !== null)) {
      expect(byRef.get(e.ref)?.[3]).toBe(e.theme);
    }
    expect(byRef.get('一(一)8')?.[3]).toBe('约束性指标');
    expect(byRef.get('一(二)1')?.[3]).toBe('预期性指标');
    expect(byRef.get('三(一)')?.[3]).toBe('重大工程');
    expect(byRef.get('四(三)')?.[3]).toBe('工作要求');
    const [project] = await read('MATCH (p:Item {id: $id}) RETURN p.title AS title', {
      id: `${SEED_PLAN}/三(十一)`,
    });
    expect(byRef.get('三(十一)1')?.[3]).toBe(project?.['title']);
    // 一(一)8 names only 责任单位: 市发改委 owns it by the rule.
    expect(byRef.get('一(一)8')?.[4]).toBe('推定牵头');
    // The seed prints no deadlines: the columns are there, blank, and nothing is overdue.
    expect(rows.every((row) => row[7] === '' && row[8] === '' && row[9] === '')).toBe(true);
    // The item reported on has its status in words and its note; the rest have no status.
    expect(byRef.get(REPORTED)?.slice(9)).toEqual(['', '滞后', NOTE]);
    expect(rows.filter((row) => row[1] !== REPORTED).every((row) => row[10] === '未报送')).toBe(
      true,
    );
  });

  it('speaks English when asked: headers, roles, unit names and the file name', async () => {
    const file = await fetchFile({ id: FGW, format: 'xlsx', lang: 'en', day: DAY });
    expect(file.status).toBe(200);
    expect(fileNameOf(file.headers.get('content-disposition'))).toBe(
      `武汉十四五分工-市发改委-task-list-${DAY}.xlsx`,
    );
    const sheet = await firstSheet(file.bytes);
    expect(rowTexts(sheet, 2)).toEqual([
      'No.',
      'Ref.',
      'Item',
      'Theme',
      'Role',
      'Lead units',
      'Supporting units',
      'Deadline',
      'Due date',
      'Overdue',
      'Status',
      'Latest note',
    ]);
    expect(sheet.getRow(1).getCell(1).text).toContain(
      'Wuhan Municipal Development and Reform Commission',
    );
    const rows = Array.from({ length: sheet.rowCount - 2 }, (_, index) =>
      rowTexts(sheet, index + 3),
    );
    const english: Record<string, string> = {
      [roles.zh.roleLead]: roles.en.roleLead,
      [roles.zh.roleOwner]: roles.en.roleOwner,
      [roles.zh.roleSupport]: roles.en.roleSupport,
    };
    expect(rows.map((row) => [row[1], row[4]])).toEqual(
      expected.map((e) => [e.ref, english[e.role]]),
    );
    expect(rows.find((row) => row[1] === REPORTED)?.[10]).toBe('Late');
    expect(rows.find((row) => row[1] === '一(一)2')?.[5]).toBe(
      'Wuhan Municipal Development and Reform Commission',
    );
  });
});

describe('GET /api/units/task-list?format=docx', () => {
  it("reads back through guatu's own Word reader as an annex whose table holds the same refs", async () => {
    const file = await fetchFile({ id: FGW, plan: SEED_PLAN, format: 'docx', day: DAY });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(DOCX_TYPE);
    expect(fileNameOf(file.headers.get('content-disposition'))).toBe(
      `武汉十四五分工-市发改委任务清单-${DAY}.docx`,
    );
    writeFileSync(join(ARTIFACTS, 'task-list-fgw.docx'), file.bytes);

    const { blocks, issues } = await readDocx(file.bytes, DEFAULT_LIMITS);
    expect(issues).toEqual([]);
    const paragraphs = blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
    expect(paragraphs.slice(0, 3)).toEqual(['附件', '市发改委任务清单', `《${seedTitle}》`]);
    const rows = blocks.filter((block): block is RowBlock => block.kind === 'row');
    expect(new Set(rows.map((row) => row.table))).toEqual(new Set([1]));
    const [header, ...body] = rows.map((row) => row.cells.map((cell) => cell.text));
    expect(header).toEqual(ZH_HEADERS);
    expect(body.map((cells) => [cells[1], cells[4]])).toEqual(expected.map((e) => [e.ref, e.role]));
    expect(body.map((cells) => cells[5])).toEqual(expected.map((e) => e.leads.join('、')));

    // A notice's annex: A4 landscape, header row repeated on each page, borders, CJK fonts.
    const xml = partText(file.bytes, 'word/document.xml');
    const styles = partText(file.bytes, 'word/styles.xml');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:tblBorders>.*<w:insideV w:val="single"/s);
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋".*<w:lang [^>]*w:eastAsia="zh-CN"/s);
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="宋体"');
  });

  it('is a task table the parser itself reads back: the same leads on the same items', async () => {
    const file = await fetchFile({ id: FGW, format: 'docx', day: DAY });
    const model = await parseDocument(file.bytes, { name: 'task-list.docx' });
    const fgwLeads = model.items
      .filter((item) => item.units.some((unit) => unit.key === '市发改委' && unit.edge === 'LEADS'))
      .map((item) => item.title);
    // Every item it leads as printed (not those it owns by the rule: the list names those as
    // 牵头单位 too, so the parser sees a lead either way).
    const led = expected.filter((e) => e.role !== roles.zh.roleSupport).length;
    expect(fgwLeads.length).toBe(led);
  });
});

describe('GET /api/units/task-list on a ledger with deadlines', () => {
  it('marks what is overdue on the server’s day, with the deadline as printed and its date', async () => {
    const ledger = readFileSync(
      fileURLToPath(new URL('../fixtures/examples/07-ledger.xlsx', import.meta.url)),
    );
    const model = await parseDocument(ledger, { name: '07-ledger.xlsx' });
    const { database } = connection();
    await loadPlanModel(
      driver,
      model,
      { name: '07-ledger.xlsx', text: '', sha256: model.source?.sha256 ?? '' },
      { database, replace: true, force: true },
    );
    const onDay = seedApp(driver, database, { now: () => new Date('2023-11-15T04:00:00Z') });
    // The other tests expect the seed alone.
    const response = await Promise.resolve(
      onDay.request(
        url('/api/units/task-list', {
          id: '示例市/市住建局',
          plan: model.plan.id,
          format: 'xlsx',
          day: DAY,
        }),
      ),
    ).finally(() => removePlansOtherThanSeed(driver));
    expect(response.status).toBe(200);
    const sheet = await firstSheet(new Uint8Array(await response.arrayBuffer()));
    const rows = Array.from({ length: sheet.rowCount - 2 }, (_, index) =>
      rowTexts(sheet, index + 3),
    );
    // Refs 2 and 3 it leads, 4 and 5 it supports; only 3 (due 2023-10-31, 滞后) is overdue.
    expect(rows.map((row) => [row[1], ...row.slice(7, 11)])).toEqual([
      ['2', '2023年11月底', '2023-11-30', '', '推进中'],
      ['3', '2023年10月底', '2023-10-31', '已逾期', '滞后'],
      ['4', '2023年8月底', '2023-08-31', '', '已完成'],
      ['5', '2023年12月底', '2023-12-31', '', '已完成'],
    ]);
  });
});

describe('GET /api/units/task-list errors', () => {
  it('says which formats there are', async () => {
    for (const format of ['pdf', undefined]) {
      const response = await app.request(
        url('/api/units/task-list', { id: FGW, ...(format ? { format } : {}) }),
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorAnswer;
      expect(body.error.code).toBe('unsupported_format');
      expect(body.error.message).toContain('format=xlsx or format=docx');
    }
  });

  it('answers 404 for a unit nobody knows and 400 for a wrong language or day', async () => {
    const unknown = await app.request(
      url('/api/units/task-list', { id: '武汉市/市不存在局', format: 'xlsx' }),
    );
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorAnswer).error.code).toBe('not_found');
    const wrong: Record<string, string>[] = [
      { lang: 'fr' },
      { day: '2026-13-40' },
      { plan: 'nope' },
    ];
    for (const query of wrong) {
      const response = await app.request(
        url('/api/units/task-list', { id: FGW, format: 'docx', ...query }),
      );
      expect(response.status).toBe('plan' in query ? 404 : 400);
    }
  });
});

describe('task list rows', () => {
  it('refuses a row of another shape from Neo4j with a 500 that names the query', async () => {
    const row = new Neo4jRecord(
      ['unit', 'items'],
      [{ name: '市发改委', englishName: null }, [{ ref: '二(一)1', edge: 'OWNS' }]],
    );
    const api = {
      lookup: () => Promise.resolve({ keys: ['unit', 'items'], records: [row], truncated: false }),
    } as unknown as ApiContext;
    await expect(
      readTaskList(api, FGW, { id: SEED_PLAN, title: '规划', jurisdiction: '武汉市' }),
    ).rejects.toMatchObject({
      status: 500,
      code: 'bad_row',
      message: expect.stringContaining('unit-task-list') as unknown,
    });
  });
});

describe('task list words and names', () => {
  it("uses the app's one vocabulary for roles and co-unit headers", () => {
    for (const lang of ['zh', 'en'] as const) {
      const words = TASK_LIST_WORDS[lang];
      const vocabulary = roles[lang];
      expect(words.roles).toEqual({
        lead: vocabulary.roleLead,
        inferredLead: vocabulary.roleOwner,
        support: vocabulary.roleSupport,
      });
      expect([words.headers.leads, words.headers.supports]).toEqual([
        vocabulary.leadUnits,
        vocabulary.supportUnits,
      ]);
    }
  });

  it('names files safely and encodes them as RFC 5987 asks', () => {
    const plan = { title: '示例市2023年市政府重点工作督办台账', jurisdiction: '示例市' };
    expect(
      taskListFileName({ plan, unitName: '市委/市政府', format: 'docx', lang: 'zh', day: DAY }),
    ).toBe(`示例2023市政府台账-市委-市政府任务清单-${DAY}.docx`);
    expect(attachment("a'(b)*.xlsx", 'a"b\\.xlsx')).toBe(
      `attachment; filename="a_b_.xlsx"; filename*=UTF-8''a%27%28b%29%2A.xlsx`,
    );
    expect(attachment('市发改委.xlsx', 'x.xlsx')).toContain(
      `filename*=UTF-8''${encodeURIComponent('市发改委')}.xlsx`,
    );
  });
});
