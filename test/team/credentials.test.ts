// Credentials never enter the graph the Cypher console reads: with accounts, live sessions and a
// password change behind it, the console — every node, the labels, the property keys, the schema —
// finds no account, password hash, session or token, while a progress record (who wrote it,
// when) is there to read. A scan of every property of every node and relationship by the driver
// says the same of what the console's row limit could leave out.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { LoginThrottle } from '../../graph/accounts/login-limits.ts';
import { hashPassword } from '../../graph/accounts/password.ts';
import { AccountStore } from '../../graph/accounts/store.ts';
import { hashToken } from '../../graph/accounts/token.ts';
import { SESSION_COOKIE, type AccountsDeps } from '../../graph/api/accounts/gate.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { loadSeed, seedApp, TASK_1 } from '../api/support.ts';

useTestNeo4j();

const HOST = '127.0.0.1:8080';
const ORIGIN = `http://${HOST}`;
const PASSWORD = 'a secret nobody reads 7';
const NEXT_PASSWORD = 'another secret nobody reads 8';

let dir: string;
let deps: AccountsDeps;
let app: Hono;
let driver: Driver;
let database: string;
let progressId: string | null = null;
/** Every secret the accounts hold: session tokens and their hashes, password hashes, passwords. */
const secrets: string[] = [PASSWORD, NEXT_PASSWORD];
let adminCookie = '';

function send(path: string, init: { method?: string; json?: unknown; cookie?: string } = {}) {
  const headers: Record<string, string> = { Host: HOST, Origin: ORIGIN, 'X-Guatu-Request': '1' };
  if (init.json !== undefined) headers['Content-Type'] = 'application/json';
  if (init.cookie !== undefined) headers['Cookie'] = `${SESSION_COOKIE}=${init.cookie}`;
  return Promise.resolve(
    app.request(`${ORIGIN}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    }),
  );
}

function cookieOf(response: Response): string {
  const token = /guatu_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (token === undefined) throw new Error(`no session cookie (status ${response.status})`);
  secrets.push(token, hashToken(token));
  return token;
}

async function login(name: string, password = PASSWORD): Promise<string> {
  const response = await send('/api/session', { method: 'POST', json: { name, password } });
  expect(response.status).toBe(200);
  return cookieOf(response);
}

/** The console's answer to `query`, as the text the browser receives. */
async function consoleAnswer(query: string): Promise<string> {
  const response = await send('/api/cypher', {
    method: 'POST',
    json: { query },
    cookie: adminCookie,
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect((JSON.parse(text) as { truncated: boolean }).truncated, query).toBe(false);
  return text;
}

beforeAll(async () => {
  driver = getDriver();
  database = connection().database;
  await loadSeed(driver, database);
  dir = await mkdtemp(join(tmpdir(), 'guatu-credentials-'));
  deps = {
    store: await AccountStore.open(join(dir, 'accounts.sqlite')),
    audit: new AuditLog(join(dir, 'audit.log')),
    throttle: new LoginThrottle(),
  };
  const passwordHash = await hashPassword(PASSWORD);
  secrets.push(passwordHash);
  deps.store.add({ name: 'guanli', role: 'admin', units: [], passwordHash });
  deps.store.add({ name: 'fgwlianluo', role: 'liaison', units: ['市发改委'], passwordHash });
  // The whole seed graph fits in one answer, so "nowhere in the answer" means nowhere.
  app = seedApp(driver, database, { accounts: deps, host: '127.0.0.1', maxRows: 100_000 });

  adminCookie = await login('guanli');
  await login('fgwlianluo');
  // A password change: a new hash, the old sessions ended, a new one started.
  const liaison = await login('fgwlianluo');
  const change = await send('/api/session/password', {
    method: 'POST',
    json: { current: PASSWORD, next: NEXT_PASSWORD },
    cookie: liaison,
  });
  expect(change.status).toBe(204);
  cookieOf(change);
  secrets.push(deps.store.withHash('fgwlianluo')?.passwordHash ?? 'missing');
  // The account's progress, which the console may read.
  const { after } = await recordProgress(driver, database, {
    itemId: TASK_1,
    update: { status: 'in-progress', note: '已完成可研批复' },
    by: 'fgwlianluo',
    source: 'update',
  });
  progressId = after.id;
});

afterAll(async () => {
  if (progressId !== null) {
    const session = driver.session({ database });
    try {
      await session.run('MATCH (p:Progress {id: $id}) DETACH DELETE p', { id: progressId });
    } finally {
      await session.close();
    }
  }
  deps?.store.close();
  await rm(dir, { recursive: true, force: true });
});

it('keeps every secret in the accounts file, none in the audit log', async () => {
  // What the test looks for is real: the store holds the hashes.
  const file = (await readFile(deps.store.path)).toString('latin1');
  expect(file).toContain(deps.store.withHash('guanli')?.passwordHash);
  expect(secrets.length).toBeGreaterThanOrEqual(9);
  const audit = await readFile(deps.audit.path, 'utf8');
  for (const secret of secrets) expect(audit).not.toContain(secret);
});

it('lets the console read progress and who wrote it, and no credential', async () => {
  const everything = await consoleAnswer('MATCH (n) RETURN n');
  expect(everything).toContain('已完成可研批复');
  expect(everything).toContain('fgwlianluo');
  for (const query of [
    'MATCH (n) RETURN n',
    'MATCH ()-[r]->() RETURN r',
    'CALL db.labels()',
    'CALL db.propertyKeys()',
    'CALL db.relationshipTypes()',
    'CALL db.schema.visualization()',
  ]) {
    const answer = await consoleAnswer(query);
    for (const secret of secrets) expect(answer, query).not.toContain(secret);
    expect(answer, query).not.toMatch(/argon2|password|passwd|token|session|credential/i);
    expect(answer, query).not.toMatch(/"(Account|User|Session|Credential)"/);
  }
  const labels = JSON.parse(await consoleAnswer('CALL db.labels() YIELD label RETURN label')) as {
    rows: { label: string }[];
  };
  expect(labels.rows.map((row) => row.label)).toContain('Progress');
});

it('finds no secret in any property of any node or relationship', async () => {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const nodes = await session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
    const relationships = await session.run(
      'MATCH ()-[r]->() RETURN type(r) AS type, properties(r) AS props',
    );
    const records = [...nodes.records, ...relationships.records].map((record) => record.toObject());
    expect(records.length).toBeGreaterThan(1_000);
    const text = JSON.stringify(records);
    for (const secret of secrets) expect(text).not.toContain(secret);
    const keys = new Set(records.flatMap((record) => Object.keys(record['props'] as object)));
    expect([...keys].filter((key) => /password|token|session|hash|credential/i.test(key))).toEqual(
      [],
    );
  } finally {
    await session.close();
  }
});
