// The Cypher console in a real Chromium against the real API and Neo4j with the seed loaded:
// writes and file reads refused in the planner's words and the graph unchanged, a query of cypher/
// run from the picker with a parameter changed, a typed read drawn and marked on the main graph,
// the editor loaded only when the console opens and highlighting under the CSP, CSV and JSON
// downloads, and a history that survives a reload.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import type { QueryParamInfo } from '../../web/src/api/schema.ts';
import { addToHistory, HISTORY_LIMIT, readHistory } from '../../web/src/console/history.ts';
import { initialField, ParamError, paramsOf } from '../../web/src/console/params.ts';
import { cellText, worded } from '../../web/src/export/table-data.ts';
import { SEED_PLAN } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot, waitForExpression } from './browser.ts';
import {
  openExplorer,
  openInApp,
  readCanvas,
  startExplorerSession,
  stopExplorerSession,
} from './session.ts';

useTestNeo4j();

interface Answer {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  graph?: { nodes: { data: { id: string } }[]; edges: { data: { id: string } }[] };
}

let server: ServerHandle;
let browser: Browser;
let page: Page;
/** Console errors and page errors; refused requests log "Failed to load resource", the rest must not. */
const problems: string[] = [];
const requested: string[] = [];

async function post(path: string, body: unknown): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

/** Everything in the database, in a stable order, hashed: any write would change it. */
async function databaseChecksum(): Promise<{ hash: string; nodes: number }> {
  const canonical = (value: unknown): unknown => {
    if (neo4j.isInt(value)) return value.toString();
    if (Array.isArray(value)) return value.map(canonical);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value)
          .toSorted(([a], [b]) => a.localeCompare(b))
          .map(([key, item]) => [key, canonical(item)]),
      );
    }
    return value;
  };
  const session = getDriver().session({
    database: connection().database,
    defaultAccessMode: 'READ',
  });
  try {
    const hash = createHash('sha256');
    const nodes = await session.run(
      'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id',
    );
    const relationships = await session.run(
      'MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS a, elementId(b) AS b, properties(r) AS properties ORDER BY id',
    );
    for (const record of [...nodes.records, ...relationships.records]) {
      hash.update(JSON.stringify(canonical(record.toObject())));
      hash.update('\n');
    }
    return { hash: hash.digest('hex'), nodes: nodes.records.length };
  } finally {
    await session.close();
  }
}

const canvas = <T>(read: string) => readCanvas<T>(page, read);
// In the page's app: the tests are of the console, not of loading the page; the first (which
// scripts the first screen fetched) and the reload the history survives load it.
const open = (query = '') => openInApp(page, server, query);

async function openConsole(): Promise<void> {
  await page.locator('[data-tool="console"]').click();
  await page.locator('gt-console gt-cypher-editor .cm-content').waitFor();
  // The queries of cypher/ are in the picker once it has them.
  await page.locator('gt-console select[data-role="picker"] option[value="unit-load"]').waitFor({
    state: 'attached',
  });
}

/** Replaces the editor's text as a planner would: select all, then type (inserted in one go). */
async function setQuery(text: string, { check = true } = {}): Promise<void> {
  await page.locator('gt-console gt-cypher-editor .cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  if (check) await expect.poll(() => editorText()).toBe(text);
}

function editorText(): Promise<string> {
  // CodeMirror draws one .cm-line per line of the document.
  return page
    .locator('gt-console gt-cypher-editor .cm-line')
    .allTextContents()
    .then((lines) => lines.join('\n'));
}

async function runAndWait(): Promise<void> {
  const before = await page.locator('gt-console ol.history li').count();
  await page.locator('gt-console [data-action="run"]').click();
  await expect.poll(() => page.locator('gt-console ol.history li').count()).toBe(before + 1);
}

async function tableRows(): Promise<string[][]> {
  const rows = page.locator('gt-console gt-result-table tbody tr');
  const out: string[][] = [];
  for (const row of await rows.all()) {
    out.push((await row.locator('td[data-column]').allTextContents()).map((text) => text.trim()));
  }
  return out;
}

/** The computed text colour of an element (run in the page; the tests' types have no DOM). */
function colourOf(element: unknown): string {
  const page = globalThis as unknown as { getComputedStyle(element: unknown): { color: string } };
  return page.getComputedStyle(element).color;
}

function seriousProblems(): string[] {
  return problems.filter((problem) => !problem.includes('Failed to load resource'));
}

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
  page.on('request', (request) => requested.push(request.url()));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

beforeEach(() => {
  problems.length = 0;
  requested.length = 0;
});

describe('the Cypher console in Chromium', () => {
  it('loads the editor only when the console opens, highlights Cypher, and breaks no CSP rule', async () => {
    await openExplorer(page, server);
    const scripts = () => requested.filter((url) => url.endsWith('.js'));
    const firstScreen = scripts();
    expect(firstScreen.length).toBeGreaterThan(0);
    expect(firstScreen.some((url) => url.includes('gt-cypher-editor'))).toBe(false);
    expect(firstScreen.some((url) => url.includes('gt-console'))).toBe(false);
    // Nor does any first-screen script carry CodeMirror's code.
    for (const url of firstScreen) {
      const body = await (await fetch(url.replace(/^https?:\/\/[^/]+/, server.url))).text();
      expect(body.includes('cm-editor'), url).toBe(false);
    }
    await openConsole();
    const editorChunk = scripts().find((url) => url.includes('gt-cypher-editor'));
    expect(editorChunk).toBeDefined();
    // Cypher is highlighted: keywords, labels and relationship types carry token classes.
    await page.locator('gt-cypher-editor .cm-content .cm-keyword').first().waitFor();
    const keywords = await page
      .locator('gt-cypher-editor .cm-content .cm-keyword')
      .allTextContents();
    expect(keywords.map((word) => word.toUpperCase())).toEqual(
      expect.arrayContaining(['MATCH', 'RETURN', 'LIMIT']),
    );
    expect(
      await page.locator('gt-cypher-editor .cm-content .cm-p-label').allTextContents(),
    ).toEqual([':Unit']);
    expect(
      await page.locator('gt-cypher-editor .cm-content .cm-p-relationshipType').allTextContents(),
    ).toEqual([':LEADS']);
    // The grammar's colours apply inside the shadow root (the package's stylesheet is adopted).
    const keywordColour = await page
      .locator('gt-cypher-editor .cm-content .cm-keyword')
      .first()
      .evaluate(colourOf);
    const plainColour = await page
      .locator('gt-cypher-editor .cm-content .cm-line')
      .first()
      .evaluate(colourOf);
    expect(keywordColour).not.toBe(plainColour);
    // Completion offers the graph's labels (fed from db.labels() through the console).
    await setQuery('MATCH (u:U');
    await page.keyboard.press('Control+Space');
    const options = page.locator('gt-cypher-editor .cm-tooltip-autocomplete li');
    await options.first().waitFor();
    expect(await options.allTextContents()).toContain('Unit');
    await page.keyboard.press('Escape');
    await artefactShot(page, 'console-open');
    expect(
      problems.filter((problem) => /Content Security Policy|unsafe-eval/i.test(problem)),
    ).toEqual([]);
    expect(seriousProblems()).toEqual([]);
  });

  it('refuses a write in plain words with its code, and the graph stays as it was', async () => {
    const before = await databaseChecksum();
    expect(before.nodes).toBeGreaterThan(255);
    await open();
    const drawn = await canvas<number>('cy.nodes().length');
    await openConsole();
    for (const query of ["MATCH (u:Unit) SET u.name = 'x' RETURN u", "CREATE (n:Unit {id:'x'})"]) {
      await setQuery(query);
      await runAndWait();
      const failure = page.locator('gt-console .failure[role="alert"]');
      await expect.poll(() => failure.getAttribute('data-code')).toBe('write_rejected');
      expect(await failure.locator('[data-error-code]').textContent()).toBe('write_rejected');
      expect(await failure.textContent()).toContain('控制台只能读取');
      expect(await failure.textContent()).toContain('HTTP 422');
      expect(await page.locator('gt-console gt-result-table').count()).toBe(0);
    }
    await artefactShot(page, 'console-write-refused');
    // A file read and a syntax error, each in its own words; the syntax error keeps its position.
    await setQuery("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line");
    await runAndWait();
    const failure = page.locator('gt-console .failure[role="alert"]');
    await expect.poll(() => failure.getAttribute('data-code')).toBe('command_rejected');
    expect(await failure.textContent()).toContain('控制台不读取文件');
    await setQuery('MATCH (n RETURN n');
    await runAndWait();
    await expect.poll(() => failure.getAttribute('data-code')).toBe('cypher_syntax');
    expect(await failure.locator('pre[data-error-message]').textContent()).toMatch(
      /line 1, column \d+/,
    );
    const goTo = failure.locator('[data-action="go-to-error"]');
    expect(await goTo.textContent()).toMatch(/第 1 行第 \d+ 列/);
    await goTo.click();
    // CodeMirror marks its focus on its next update, not in the click's own task.
    await expect.poll(() => page.locator('gt-cypher-editor .cm-editor.cm-focused').count()).toBe(1);
    // Too large: a text over 20 KB is refused before Neo4j sees it.
    await setQuery(`RETURN 1 AS one // ${'长'.repeat(7_000)}`, { check: false });
    await runAndWait();
    await expect.poll(() => failure.getAttribute('data-code')).toBe('query_too_large');
    expect(await failure.textContent()).toContain('查询或参数太大');
    expect(await failure.textContent()).toContain('HTTP 413');
    const after = await databaseChecksum();
    expect(after).toEqual(before);
    expect(await canvas<number>('cy.nodes().length')).toBe(drawn);
  });

  it('runs a query of cypher/ from the picker with a parameter changed, as the API answers it', async () => {
    await open();
    await openConsole();
    await page.locator('gt-console select[data-role="picker"]').selectOption('unit-load');
    await expect.poll(editorText).toContain('ORDER BY load DESC');
    const params = page.locator('gt-console fieldset[data-role="params"]');
    expect(await params.locator('input[name="planId"]').inputValue()).toBe(SEED_PLAN);
    expect(await params.locator('input[name="limit"]').getAttribute('type')).toBe('number');
    expect(await params.locator('input[name="limit"]').inputValue()).toBe('20');
    expect(await params.locator('input[name="includeCollectives"]').getAttribute('type')).toBe(
      'checkbox',
    );
    await params.locator('input[name="limit"]').fill('3');
    await runAndWait();
    // Unchanged text goes by name: the API reads the text from cypher/ itself.
    expect(requested.some((url) => url.endsWith('/api/queries/unit-load'))).toBe(true);
    const api = await post('/queries/unit-load', {
      params: { planId: SEED_PLAN, limit: 3, includeCollectives: false },
    });
    expect(api.status).toBe(200);
    expect(api.body.rows).toHaveLength(3);
    const rows = await tableRows();
    expect(rows).toHaveLength(3);
    const headers = await page
      .locator('gt-console gt-result-table thead th[data-column]')
      .allTextContents();
    // Each column under its header's Chinese label, its meaning as the tooltip (issue 13).
    expect(headers.map((text) => text.trim())).toEqual([
      '单位',
      '牵头',
      '其中推定牵头',
      '配合',
      '涉及主题',
      '工作量',
      '集合单位',
      '单位编号',
    ]);
    expect(api.body.columns[0]).toBe('unit');
    expect(
      await page
        .locator('gt-console gt-result-table thead th[data-column="supports"]')
        .getAttribute('title'),
    ).toBe('它配合的事项数');
    const first = api.body.rows[0] ?? {};
    expect(rows[0]).toEqual(
      api.body.columns.map((column) => cellText(worded('zh', column, first[column]))),
    );
    expect(rows[0]?.slice(0, 3)).toEqual(['市发改委', '53', '16']);
    expect(rows[0]?.[6]).toBe('否');
    expect(rows[0]?.[0]).toBe('市发改委');
    // Changed by hand, the same text runs through the console with the same parameters.
    const consoleRuns = () => requested.filter((url) => url.endsWith('/api/cypher')).length;
    const ranBefore = consoleRuns();
    await page.locator('gt-console gt-cypher-editor .cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(' ');
    await page.locator('gt-console [data-modified]').waitFor();
    await runAndWait();
    expect(consoleRuns()).toBe(ranBefore + 1);
    expect(await tableRows()).toEqual(rows);
  });

  it('draws a typed read beside its table and marks its nodes on the main graph', async () => {
    await open();
    await openConsole();
    const query =
      "MATCH (u:Unit {name: '市发改委'})-[r:LEADS]->(t:Task) RETURN u, r, t ORDER BY t.id LIMIT 6";
    await setQuery(query);
    // Ctrl/Cmd+Enter runs from the editor.
    const before = await page.locator('gt-console ol.history li').count();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => page.locator('gt-console ol.history li').count()).toBe(before + 1);
    const api = await post('/cypher', { query, params: {} });
    expect(api.status).toBe(200);
    expect(api.body.rows).toHaveLength(6);
    const expected = (api.body.graph?.nodes ?? []).map((node) => node.data.id).toSorted();
    expect(expected).toHaveLength(7);
    expect(await tableRows()).toHaveLength(api.body.rows.length);
    expect(await page.locator('gt-console [data-row-count]').getAttribute('data-row-count')).toBe(
      '6',
    );
    const graph = page.locator('gt-console gt-result-graph');
    await expect.poll(() => graph.getAttribute('data-node-count')).toBe('7');
    const drawn = await graph.evaluate((element) =>
      (element as unknown as { nodeIds(): string[] }).nodeIds(),
    );
    expect(drawn.toSorted()).toEqual(expected);
    expect(await page.locator('gt-console gt-result-table td button[data-node]').count()).toBe(12);

    await page.locator('gt-console [data-action="mark"]').click();
    await waitForExpression(page, 'window.__guatu.cy.$(".marked").nodes().length > 0');
    const marked = await canvas<string[]>('cy.$(".marked").nodes().map((n) => n.id())');
    expect(marked.toSorted()).toEqual(expected);
    expect(await canvas<number>('cy.$(".marked").edges().length')).toBe(6);
    expect(new URL(page.url()).searchParams.getAll('mark').length).toBe(13);
    await artefactShot(page, 'console-result');
  });

  it('says plainly when a result was cut at 5,000 rows', async () => {
    await open();
    await openConsole();
    await setQuery('UNWIND range(1, 5003) AS n RETURN n');
    await runAndWait();
    const notice = page.locator('gt-console [data-truncated]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('5,000');
    expect(await page.locator('gt-console [data-row-count]').getAttribute('data-row-count')).toBe(
      '5000',
    );
    expect(await page.locator('gt-console gt-result-table tbody tr').count()).toBe(5000);
    expect(await page.locator('gt-console ol.history li').first().textContent()).toContain('5000');
  });

  it('downloads the table view as CSV with a BOM and as JSON, and a console result as CSV', async () => {
    await open();
    await page.locator('gt-canvas-controls [data-view="table"]').click();
    await page.locator('gt-table-view tbody tr').first().waitFor();
    const csvDownload = page.waitForEvent('download');
    await page.locator('gt-table-view [data-export="csv"]').click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^武汉十四五分工-分工表-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await csv.path());
    expect(bytes.length).toBeGreaterThan(1000);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('市发改委');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF类型,序号,名称,牵头(全规划),其中推定牵头,配合(全规划),相关单位(全规划),id',
    );

    const jsonDownload = page.waitForEvent('download');
    await page.locator('gt-table-view [data-export="json"]').click();
    const json = await jsonDownload;
    const rows = JSON.parse(readFileSync(await json.path(), 'utf8')) as Record<string, unknown>[];
    expect(rows).toHaveLength(255);
    expect(rows.some((row) => row['id'] === '武汉市/市发改委')).toBe(true);

    await openConsole();
    await page.locator('gt-console select[data-role="picker"]').selectOption('unit-load');
    await runAndWait();
    const resultDownload = page.waitForEvent('download');
    await page.locator('gt-console [data-action="export-csv"]').click();
    const result = await resultDownload;
    expect(result.suggestedFilename()).toMatch(
      /^武汉十四五分工-单位工作量排名-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const resultText = readFileSync(await result.path(), 'utf8');
    // The spreadsheet in the planner's words: Chinese headers, 是/否 for flags.
    expect(resultText.startsWith('\uFEFF单位,牵头,其中推定牵头,配合,')).toBe(true);
    expect(resultText.split('\r\n')[1]).toMatch(/^市发改委,53,16,21,13,63\.5,否,武汉市\/市发改委$/);
  });

  it('keeps a history, newest first, that survives a reload and restores into the editor', async () => {
    await open();
    await page.evaluate('localStorage.clear()');
    await openConsole();
    expect(await page.locator('gt-console ol.history li').count()).toBe(0);
    await setQuery('RETURN 1 AS one');
    await runAndWait();
    await setQuery('RETURN 2 AS two');
    await runAndWait();
    const listed = () =>
      page
        .locator('gt-console ol.history li code')
        .allTextContents()
        .then((texts) => texts.map((text) => text.trim()));
    expect(await listed()).toEqual(['RETURN 2 AS two', 'RETURN 1 AS one']);
    // A stored entry of the wrong shape is dropped when read back, the others kept.
    await page.evaluate(
      `localStorage.setItem('guatu.console.history', JSON.stringify([{ text: 'RETURN 3', at: 'yesterday' }, ...JSON.parse(localStorage.getItem('guatu.console.history'))]))`,
    );
    await page.reload();
    await page.locator('gt-console gt-cypher-editor .cm-content').waitFor();
    expect(await listed()).toEqual(['RETURN 2 AS two', 'RETURN 1 AS one']);
    await page.locator('gt-console ol.history li[data-history="1"] button').click();
    await expect.poll(editorText).toBe('RETURN 1 AS one');
    expect(seriousProblems()).toEqual([]);
  });
});

describe('the console without a browser', () => {
  const params: QueryParamInfo[] = [
    { name: 'planId', example: SEED_PLAN, type: 'string', required: true },
    { name: 'limit', example: 10, type: 'integer', required: false, default: 20 },
    { name: 'share', example: 0.5, type: 'float', required: false, default: 0.25 },
    {
      name: 'includeCollectives',
      example: false,
      type: 'boolean',
      required: false,
      default: false,
    },
    { name: 'units', example: ['市发改委'], type: 'list', required: true },
  ];

  it('starts each field from the default, the example, or the plan on screen', () => {
    expect(params.map((param) => initialField(param, 'other-plan'))).toEqual([
      'other-plan',
      '20',
      '0.25',
      false,
      '["市发改委"]',
    ]);
    expect(initialField(params[0] as QueryParamInfo, null)).toBe(SEED_PLAN);
  });

  it('sends typed values, leaves empty optional ones out and names a bad one', () => {
    expect(
      paramsOf(params, {
        planId: SEED_PLAN,
        limit: '3',
        share: '',
        includeCollectives: true,
        units: '["市发改委","市经信局"]',
      }),
    ).toEqual({
      planId: SEED_PLAN,
      limit: 3,
      includeCollectives: true,
      units: ['市发改委', '市经信局'],
    });
    expect(() => paramsOf(params, { planId: SEED_PLAN, limit: '2.5', units: '[]' })).toThrow(
      ParamError,
    );
    expect(() => paramsOf(params, { planId: SEED_PLAN, units: '市发改委' })).toThrow(/units/);
    expect(() => paramsOf(params, { planId: '', units: '[]' })).toThrow(/planId/);
  });

  it('keeps the history newest first, capped, and drops entries it cannot read', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    };
    const entry = (n: number) => ({
      text: `RETURN ${n}`,
      params: {},
      name: null,
      at: new Date(Date.UTC(2026, 10, 29, 4, 0, n)).toISOString(),
      rows: 1,
      error: null,
    });
    for (let n = 0; n < HISTORY_LIMIT + 5; n += 1) addToHistory(storage, entry(n));
    const kept = readHistory(storage);
    expect(kept).toHaveLength(HISTORY_LIMIT);
    expect(kept[0]?.text).toBe(`RETURN ${HISTORY_LIMIT + 4}`);
    const stored = JSON.parse(store.get('guatu.console.history') ?? '[]') as unknown[];
    store.set(
      'guatu.console.history',
      JSON.stringify([{ text: 'old shape' }, 42, ...stored.slice(0, 2)]),
    );
    expect(readHistory(storage).map((item) => item.text)).toEqual([
      `RETURN ${HISTORY_LIMIT + 4}`,
      `RETURN ${HISTORY_LIMIT + 3}`,
    ]);
    store.set('guatu.console.history', '{not json');
    expect(readHistory(storage)).toEqual([]);
  });
});
