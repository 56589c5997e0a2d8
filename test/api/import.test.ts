// Import in the explorer, through the API in process: a file uploaded is read and reviewed with
// nothing written; 载入 loads the kept model, 取消 forgets it; a plan of the same id is replaced
// only when asked; the size limit; and every write refused that does not come from guatu's own
// page (Origin, the custom header, Host, the body's type) — with the database counted before and
// after, so "nothing written" is checked, not assumed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { missingFields, withHeader } from '../../graph/api/import/edit-plan.ts';
import { identifyUnit } from '../../graph/dictionary/identify.ts';
import { PendingImports } from '../../graph/api/import/pending.ts';
import { MAX_IMPORT_BYTES } from '../../graph/api/routes/import.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { readDocument } from '../../graph/parse/parse-document.ts';
import { planIdOf } from '../../graph/parse/parse-plan.ts';
import {
  ImportReview,
  LoadAnswer,
  type ImportReview as Review,
} from '../../web/src/api/import-schema.ts';
import { unitMarker } from '../../web/src/import/mark-units.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { loadSeed, SEED_PLAN, seedApp, type ErrorAnswer } from './support.ts';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));
const EXAMPLE = '02-lead-suffix-style.txt';
const exampleBytes = () => readFileSync(`${EXAMPLES}${EXAMPLE}`);
const expected = JSON.parse(
  readFileSync(`${EXAMPLES}02-lead-suffix-style.expected.json`, 'utf8'),
) as { items: { units: { name: string; edge: 'LEADS' | 'SUPPORTS' }[] }[] };

/** The request guatu's own page makes: its origin, the custom header, the raw file. */
const PAGE = {
  Host: 'localhost',
  Origin: 'http://localhost',
  'X-Guatu-Request': '1',
  'Content-Type': 'application/octet-stream',
};

useTestNeo4j();

let driver: Driver;
let database: string;
let app: Hono;

beforeAll(async () => {
  driver = getDriver();
  database = connection().database;
  await loadSeed(driver, database);
  await removePlansOtherThanSeed(driver);
  app = seedApp(driver, database);
});

afterAll(async () => {
  await removePlansOtherThanSeed(driver);
});

const count = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : Number(value));

/** Every node and relationship, and the plans: what "nothing written" is checked against. */
async function census(): Promise<{ nodes: number; relationships: number; plans: string[] }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const nodes = await session.run('MATCH (n) RETURN count(n) AS n');
    const relationships = await session.run('MATCH ()-[r]->() RETURN count(r) AS n');
    const plans = await session.run('MATCH (p:Plan) RETURN p.id AS id ORDER BY id');
    return {
      nodes: count(nodes.records[0]?.get('n')),
      relationships: count(relationships.records[0]?.get('n')),
      plans: plans.records.map((record) => record.get('id') as string),
    };
  } finally {
    await session.close();
  }
}

async function readOne(query: string, params: Record<string, unknown>): Promise<unknown> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(query, params);
    const value: unknown = result.records[0]?.get(0);
    return neo4j.isInt(value) ? value.toNumber() : value;
  } finally {
    await session.close();
  }
}

function upload(
  body: Uint8Array | ReadableStream<Uint8Array>,
  headers: Record<string, string | undefined> = {},
  name = EXAMPLE,
): Promise<Response> {
  const sent: Record<string, string> = {};
  for (const [key, value] of Object.entries({
    ...PAGE,
    'X-Guatu-File-Name': encodeURIComponent(name),
    ...headers,
  })) {
    if (value !== undefined) sent[key] = value;
  }
  return Promise.resolve(
    app.request('http://localhost/api/import', { method: 'POST', headers: sent, body }),
  );
}

async function review(bytes: Uint8Array = exampleBytes(), name = EXAMPLE): Promise<Review> {
  const response = await upload(bytes, {}, name);
  expect(response.status).toBe(200);
  const parsed = ImportReview.safeParse(await response.json());
  if (!parsed.success)
    throw new Error(`the review does not match the web's schema: ${parsed.error.message}`);
  return parsed.data;
}

async function load(
  token: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  return app.request(`http://localhost/api/import/${token}/load`, {
    method: 'POST',
    headers: { ...PAGE, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function cancel(token: string, headers: Record<string, string> = {}): Promise<Response> {
  return app.request(`http://localhost/api/import/${token}`, {
    method: 'DELETE',
    headers: { Host: PAGE.Host, Origin: PAGE.Origin, 'X-Guatu-Request': '1', ...headers },
  });
}

async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as ErrorAnswer;
  return { status: response.status, code: body.error.code };
}

describe('upload and review', () => {
  it('reads the file and answers with its review, writing nothing', async () => {
    const before = await census();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let answer: Review;
    let logLines: string[];
    try {
      answer = await review();
    } finally {
      logLines = logged.mock.calls.map((call) => call.join(' '));
      logged.mockRestore();
    }
    expect(await census()).toEqual(before);

    const reading = await readDocument(exampleBytes(), { name: EXAMPLE });
    expect(answer.plan).toEqual(reading.model.plan);
    expect(answer.plan.id).toBe(planIdOf('示例市', '示例市2023年优化营商环境重点任务清单'));
    expect(answer.file).toMatchObject({
      name: EXAMPLE,
      format: 'text',
      bytes: exampleBytes().length,
    });
    expect(answer.file.sha256).toBe(reading.model.source?.sha256);

    // Counts: the example's expected result, not the parser's own word for it.
    const edges = expected.items.flatMap((item) => item.units);
    expect(answer.counts).toMatchObject({
      theme: 2,
      task: expected.items.length,
      indicator: 0,
      project: 0,
      requirement: 0,
      units: new Set(edges.map((unit) => unit.name)).size,
      LEADS: edges.filter((unit) => unit.edge === 'LEADS').length,
      SUPPORTS: edges.filter((unit) => unit.edge === 'SUPPORTS').length,
      errors: 0,
    });
    // Each unit as the dictionaries know it (示例市 has none of its own: the general table, or
    // only the form of the name); those no dictionary knows are flagged and counted.
    for (const unit of answer.units) {
      const { known } = identifyUnit(unit.name, { jurisdiction: '示例市', dictionary: null });
      expect(unit.known, unit.name).toBe(known);
      expect(unit.verified, unit.name).toBe(known === 'dictionary' || known === 'general');
    }
    expect(answer.counts.unverified).toBe(answer.units.filter((unit) => !unit.verified).length);

    // The document as read, and every item and unit pointing at its own line.
    const printed = exampleBytes().toString('utf8').split('\n');
    expect(answer.lines.map((line) => line.text)).toEqual(printed);
    expect(answer.lines[0]?.source).toEqual({ format: 'text', line: 1 });
    for (const item of answer.items) {
      expect(answer.lines[item.line - 1]?.text).toContain(item.title);
    }
    const task4 = answer.items.find((item) => item.ref === '二4');
    expect(task4?.units.map((unit) => [unit.name, unit.edge])).toEqual([
      ['人民银行示例市分行', 'LEADS'],
      ['市金融局', 'SUPPORTS'],
      ['示例金融监管分局', 'SUPPORTS'],
    ]);
    for (const unit of answer.units) expect(answer.lines[unit.line - 1]?.text).toContain(unit.name);

    // What the document does not print is offered for editing; what it prints is not.
    expect(answer.missing).toEqual({ title: false, issuer: true, date: true, jurisdiction: false });
    expect(answer.issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['no-issuer', 'no-date']),
    );
    expect(answer.loadable).toBe(true);
    expect(answer.existing).toBeNull();
    expect(answer.token).toMatch(/^[0-9a-f]{32}$/);

    const line = logLines.find((text) => text.includes('[import]'));
    expect(line).toContain(EXAMPLE);
    expect(line).toContain(answer.file.sha256.slice(0, 16));
    expect(line).toContain(answer.plan.id);
    expect(line).toContain('nothing written');
  });

  it('reviews a corrupt file with its coded issue, and refuses to load it', async () => {
    const before = await census();
    // A .docx cut short: a zip whose central directory is gone.
    const docx = readFileSync(`${EXAMPLES}06-table-word.docx`);
    const corrupt = await review(docx.subarray(0, Math.floor(docx.length / 3)), 'broken.docx');
    expect(corrupt.loadable).toBe(false);
    expect(corrupt.items).toEqual([]);
    const error = corrupt.issues.find((issue) => issue.severity === 'error');
    expect(error?.code).toMatch(/./);
    expect(error?.zh ?? '').toMatch(/[\u4e00-\u9fff]/u);

    const refused = await load(corrupt.token);
    expect(await errorOf(refused)).toEqual({ status: 422, code: 'not_loadable' });
    expect(await census()).toEqual(before);
  });

  it('reviews random bytes as unreadable', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919 + 13) % 251;
    const answer = await review(bytes, 'noise.bin');
    expect(answer.loadable).toBe(false);
    expect(answer.counts.errors).toBeGreaterThan(0);
  });
});

describe('load, replace and cancel', () => {
  it('loads the reviewed model, then the plan is served and searchable', async () => {
    const before = await census();
    const answer = await review();
    const response = await load(answer.token);
    expect(response.status).toBe(200);
    const loaded = LoadAnswer.parse(await response.json());
    expect(loaded).toMatchObject({
      status: 'loaded',
      planId: answer.plan.id,
      title: answer.plan.title,
      counts: {
        items: answer.items.length,
        units: answer.counts.units,
        LEADS: answer.counts.LEADS,
        SUPPORTS: answer.counts.SUPPORTS,
      },
    });

    const after = await census();
    expect(after.plans).toEqual([...before.plans, answer.plan.id].sort());
    expect(
      await readOne('MATCH (i:Item {planId: $id}) RETURN count(i)', { id: answer.plan.id }),
    ).toBe(answer.items.length);
    expect(
      await readOne('MATCH ()-[r:LEADS {planId: $id}]->() RETURN count(r)', { id: answer.plan.id }),
    ).toBe(answer.counts.LEADS);
    // The source kept for "show source" is the document as read: line n is the review's line n.
    const text = (await readOne('MATCH (p:Plan {id: $id}) RETURN p.sourceText', {
      id: answer.plan.id,
    })) as string;
    expect(text.split('\n')).toEqual(answer.lines.map((line) => line.text));

    // The explorer sees it at once (no stale list of plans), and finds its units.
    const plans = (await (await app.request('/api/plans')).json()) as { id: string }[];
    expect(plans.map((plan) => plan.id)).toContain(answer.plan.id);
    const search = await app.request(
      `/api/search?q=${encodeURIComponent('市政务服务局')}&plan=${encodeURIComponent(answer.plan.id)}`,
    );
    const hits = (await search.json()) as { id: string }[];
    expect(hits.map((hit) => hit.id)).toContain('示例市/市政务服务局');

    // The token was used up.
    expect(await errorOf(await load(answer.token))).toEqual({
      status: 404,
      code: 'unknown_import',
    });
  });

  it('refuses a plan of the same id unless asked to replace it', async () => {
    const again = await review();
    expect(again.existing).toEqual({ id: again.plan.id, title: again.plan.title, sameFile: true });
    const before = await census();
    expect(await errorOf(await load(again.token))).toEqual({ status: 409, code: 'plan_exists' });
    // The title is printed: it stays as printed, whatever the request says.
    expect(await errorOf(await load(again.token, { replace: true, title: '别的标题' }))).toEqual({
      status: 422,
      code: 'field_printed',
    });
    expect(await census()).toEqual(before);

    // The review is kept after a refusal: the planner ticks "replace" and loads it.
    const replaced = await load(again.token, {
      replace: true,
      issuer: '示例市人民政府办公室',
      date: '2023-03-01',
    });
    expect(replaced.status).toBe(200);
    expect(LoadAnswer.parse(await replaced.json()).status).toBe('replaced');
    expect(await census()).toEqual(before);
    expect(
      await readOne('MATCH (p:Plan {id: $id}) RETURN p.issuer + " " + p.date', {
        id: again.plan.id,
      }),
    ).toBe('示例市人民政府办公室 2023-03-01');
  });

  it('takes a jurisdiction and title the document lacks, and ids follow them', async () => {
    // The example without its title line: no title, and no place to file its units under.
    const text = exampleBytes().toString('utf8').split('\n').slice(2).join('\n');
    const answer = await review(new TextEncoder().encode(text), 'untitled.txt');
    expect(answer.missing.jurisdiction).toBe(true);
    expect(answer.missing.title).toBe(true);

    const badDate = await load(answer.token, { date: '2023-02-30' });
    expect(await errorOf(badDate)).toEqual({ status: 400, code: 'bad_request' });

    const title = '样例市优化营商环境重点任务';
    const response = await load(answer.token, { title, jurisdiction: '样例市' });
    expect(response.status).toBe(200);
    const loaded = LoadAnswer.parse(await response.json());
    expect(loaded.planId).toBe(planIdOf('样例市', title));
    expect(
      await readOne('MATCH (i:Item {planId: $id}) RETURN collect(i.id)', { id: loaded.planId }),
    ).toEqual(expect.arrayContaining([`${loaded.planId}/一1`, `${loaded.planId}/二5`]));
    expect(
      await readOne('MATCH (u:Unit {id: $id}) RETURN u.name', { id: '样例市/市自然资源局' }),
    ).toBe('市自然资源局');
  });

  it('cancels: the review is forgotten and nothing is written', async () => {
    const before = await census();
    const answer = await review();
    const response = await cancel(answer.token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ cancelled: true });
    expect(await errorOf(await load(answer.token, { replace: true }))).toEqual({
      status: 404,
      code: 'unknown_import',
    });
    expect(await errorOf(await cancel(answer.token))).toEqual({
      status: 404,
      code: 'unknown_import',
    });
    expect(await errorOf(await cancel('not-a-token'))).toEqual({
      status: 404,
      code: 'unknown_import',
    });
    expect(await census()).toEqual(before);
  });
});

describe('limits', () => {
  it('refuses a declared size over 20 MB before reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1 << 20;
        controller.enqueue(new Uint8Array(1 << 20));
      },
    });
    const response = await app.request('http://localhost/api/import', {
      method: 'POST',
      headers: { ...PAGE, 'Content-Length': String(MAX_IMPORT_BYTES + 1) },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await errorOf(response)).toEqual({ status: 413, code: 'file_too_large' });
    // The stream may have been primed with a chunk or two, never read through.
    expect(pulled).toBeLessThanOrEqual(4 << 20);
  });

  it('cuts off a body that passes 20 MB without declaring its size', async () => {
    const before = await census();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 40 << 20) return controller.close();
        pulled += 1 << 20;
        controller.enqueue(new Uint8Array(1 << 20).fill(0x41));
      },
    });
    const response = await app.request('http://localhost/api/import', {
      method: 'POST',
      headers: PAGE,
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await errorOf(response)).toEqual({ status: 413, code: 'file_too_large' });
    expect(pulled).toBeLessThanOrEqual(MAX_IMPORT_BYTES + (3 << 20));
    expect(await census()).toEqual(before);
  });

  it('keeps a bounded number of reviews, and lets them expire', () => {
    let now = 0;
    const store = new PendingImports({ maxCount: 2, maxBytes: 100, ttlMs: 1_000 }, () => now);
    const entry = (bytes: number) => ({
      fileName: 'f',
      model: {} as never,
      lines: [],
      bytes,
    });
    const first = store.add(entry(10)).token;
    const second = store.add(entry(10)).token;
    const third = store.add(entry(10)).token;
    expect([first, second, third].map((token) => store.get(token) !== undefined)).toEqual([
      false,
      true,
      true,
    ]);
    // Room is made oldest first, and only as much as the new one needs.
    const large = store.add(entry(90)).token;
    expect(store.get(second)).toBeUndefined();
    expect(store.get(third)).toBeDefined();
    expect(store.bytes).toBe(100);
    store.add(entry(50));
    expect(store.get(third)).toBeUndefined();
    expect(store.get(large)).toBeUndefined();
    expect(store.bytes).toBe(50);
    now = 999;
    expect(store.size).toBe(1);
    now = 1_000;
    expect(store.size).toBe(0);
  });
});

describe('only from guatu’s own page', () => {
  const refusals: [string, Record<string, string | undefined>, number, string][] = [
    ['another site’s origin', { Origin: 'http://evil.example' }, 403, 'cross_origin'],
    ['an origin on another port', { Origin: 'http://localhost:9999' }, 403, 'cross_origin'],
    ['no custom header', { 'X-Guatu-Request': undefined }, 403, 'request_header_required'],
    ['a wrong custom header', { 'X-Guatu-Request': 'yes' }, 403, 'request_header_required'],
    [
      'a rebound name (Host)',
      { Host: 'evil.example', Origin: 'http://evil.example' },
      403,
      'host_not_served',
    ],
    [
      'a served name on another port',
      { Host: 'localhost:9999', Origin: 'http://localhost:9999' },
      403,
      'host_not_served',
    ],
    ['no Origin and no Sec-Fetch-Site', { Origin: undefined }, 403, 'origin_required'],
    [
      'a cross-site fetch',
      { Origin: undefined, 'Sec-Fetch-Site': 'cross-site' },
      403,
      'origin_required',
    ],
    ['same Origin but a cross-site mark', { 'Sec-Fetch-Site': 'same-site' }, 403, 'cross_origin'],
    ['text/plain', { 'Content-Type': 'text/plain' }, 415, 'unsupported_media_type'],
    [
      'a form',
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported_media_type',
    ],
    [
      'multipart',
      { 'Content-Type': 'multipart/form-data; boundary=x' },
      415,
      'unsupported_media_type',
    ],
  ];

  it.each(refusals)('refuses an upload with %s', async (_case, headers, status, code) => {
    const before = await census();
    expect(await errorOf(await upload(exampleBytes(), headers))).toEqual({ status, code });
    expect(await census()).toEqual(before);
  });

  it('accepts a same-origin request that leaves Origin out', async () => {
    const response = await upload(exampleBytes(), {
      Origin: undefined,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(response.status).toBe(200);
  });

  it('guards 载入 and 取消 too, and a refusal leaves the review usable', async () => {
    const answer = await review();
    const before = await census();
    const cases: [Record<string, string>, number, string][] = [
      [{ Origin: 'http://evil.example' }, 403, 'cross_origin'],
      [{ 'X-Guatu-Request': '0' }, 403, 'request_header_required'],
      [{ Host: 'evil.example', Origin: 'http://evil.example' }, 403, 'host_not_served'],
      [{ 'Content-Type': 'text/plain' }, 415, 'unsupported_media_type'],
      [{ 'Content-Type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
    ];
    for (const [headers, status, code] of cases) {
      expect(await errorOf(await load(answer.token, { replace: true }, headers))).toEqual({
        status,
        code,
      });
    }
    expect(await errorOf(await cancel(answer.token, { Origin: 'http://evil.example' }))).toEqual({
      status: 403,
      code: 'cross_origin',
    });
    expect(await census()).toEqual(before);
    expect((await cancel(answer.token)).status).toBe(200);
  });

  it('answers to the configured HOST as well as the loopback names', async () => {
    const served = seedApp(driver, database, { host: 'guatu.example' });
    const send = (host: string) =>
      served.request(`http://${host}/api/import`, {
        method: 'POST',
        headers: { ...PAGE, Host: host, Origin: `http://${host}` },
        body: exampleBytes(),
      });
    for (const host of ['guatu.example', '127.0.0.1', 'localhost', '[::1]']) {
      const response = await send(host);
      expect(response.status, host).toBe(200);
      const { token } = ImportReview.parse(await response.json());
      await served.request(`http://${host}/api/import/${token}`, {
        method: 'DELETE',
        headers: { Host: host, Origin: `http://${host}`, 'X-Guatu-Request': '1' },
      });
    }
    expect(await errorOf(await send('other.example'))).toEqual({
      status: 403,
      code: 'host_not_served',
    });
  });
});

it('leaves the seed as the only plan once the file is done', async () => {
  await removePlansOtherThanSeed(driver);
  expect((await census()).plans).toEqual([SEED_PLAN]);
});

describe('review helpers', () => {
  it('marks unit names in a line, the longest where two start at one place', () => {
    const mark = unitMarker(
      new Map([
        ['市自然资源局', '市自然资源局'],
        ['市自然资源和规划局', '市自然资源和规划局'],
        ['市發改委', '市发改委'],
      ]),
    );
    expect(mark('(市自然资源和规划局牵头,市自然资源局、市發改委配合)')).toEqual([
      { text: '(' },
      { text: '市自然资源和规划局', unit: '市自然资源和规划局' },
      { text: '牵头,' },
      { text: '市自然资源局', unit: '市自然资源局' },
      { text: '、' },
      { text: '市發改委', unit: '市发改委' },
      { text: '配合)' },
    ]);
    expect(mark('没有单位')).toEqual([{ text: '没有单位' }]);
    expect(mark('')).toEqual([]);
  });

  it('applies supplied header fields and renews every id that follows from them', async () => {
    const text = exampleBytes().toString('utf8').split('\n').slice(2).join('\n');
    const { model } = await readDocument(new TextEncoder().encode(text), { name: 'x.txt' });
    expect(missingFields(model)).toEqual({
      title: true,
      issuer: true,
      date: true,
      jurisdiction: true,
    });
    const edited = withHeader(model, { title: '标题', jurisdiction: '样例县', date: '2024-02-29' });
    const id = planIdOf('样例县', '标题');
    expect(edited.plan).toEqual({
      id,
      title: '标题',
      issuer: null,
      date: '2024-02-29',
      jurisdiction: '样例县',
    });
    expect(edited.items.every((item) => item.id === `${id}/${item.ref}`)).toBe(true);
    expect(
      edited.items
        .filter((item) => item.parent !== null)
        .every((item) => item.parent?.startsWith(`${id}/`)),
    ).toBe(true);
    expect(edited.units.every((unit) => unit.id === `样例县/${unit.key}`)).toBe(true);
    // The absences the planner settled are no longer reported; the one left open still is.
    const codes = edited.issues.map((issue) => issue.code);
    expect(codes).not.toContain('no-title');
    expect(codes).not.toContain('no-jurisdiction');
    expect(codes).not.toContain('no-date');
    expect(codes).toContain('no-issuer');
    // Nothing supplied: the model as it was.
    expect(withHeader(model, {})).toBe(model);
  });
});
