// The progress routes in process, on the seed: an item's state, history, deadline changes and an
// indicator's trajectory; the writes behind the same-origin guard and the account's write rule,
// each leaving an audit entry; records a reload left unattached, listed and attached.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressAnswer, UnattachedAnswer } from '../../contract/api/progress.ts';
import type { DeadlineChange, ProgressRecord } from '../../contract/progress.ts';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { LoginThrottle } from '../../graph/accounts/login-limits.ts';
import { hashPassword } from '../../graph/accounts/password.ts';
import { AccountStore } from '../../graph/accounts/store.ts';
import { SESSION_COOKIE, type AccountsDeps } from '../../graph/api/accounts/gate.ts';
import { deadlineOf } from '../../graph/api/routes/progress.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { FGW, loadSeed, SEED_PLAN, seedApp, type ErrorAnswer } from './support.ts';

useTestNeo4j();
const driver = () => getDriver();
const database = () => connection().database;

const HOST = '127.0.0.1:8080';
const ORIGIN = `http://${HOST}`;
const FOREST = `${SEED_PLAN}/一(一)6`;
const clock = { now: new Date('2026-06-01T04:00:00Z') };
let dir: string;
let accounts: AccountsDeps;
let local: Hono;
let team: Hono;
/** An item 市发改委 leads, and one no unit of it touches. */
let own = '';
let other = '';

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

interface Call {
  body?: unknown;
  cookie?: string;
  /** false: a write without the header and origin a page of guatu sends. */
  sameOrigin?: boolean;
}

async function call<T>(app: Hono, method: string, path: string, init: Call = {}) {
  const headers: Record<string, string> = { Host: HOST };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (init.sameOrigin !== false) {
      headers['X-Guatu-Request'] = '1';
      headers['Origin'] = ORIGIN;
    }
  }
  if (init.cookie) headers['Cookie'] = `${SESSION_COOKIE}=${init.cookie}`;
  const response = await app.request(`http://${HOST}${path}`, {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const q = (path: string, query: Record<string, string>) =>
  `${path}?${new URLSearchParams(query).toString()}`;

async function login(name: string): Promise<string> {
  const response = await team.request(`http://${HOST}/api/session`, {
    method: 'POST',
    headers: {
      Host: HOST,
      Origin: ORIGIN,
      'X-Guatu-Request': '1',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ name, password: 'correct horse battery' }),
  });
  expect(response.status).toBe(200);
  return /guatu_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
}

beforeAll(async () => {
  await loadSeed(driver(), database());
  await clearRecords();
  const [led] = await cypher(
    `MATCH (:Unit {id: $fgw})-[:LEADS]->(i:Task {planId: $plan}) RETURN i.id AS id ORDER BY i.sortKey LIMIT 1`,
    { fgw: FGW, plan: SEED_PLAN },
  );
  const [notLed] = await cypher(
    `MATCH (i:Task {planId: $plan})
     WHERE NOT EXISTS { (:Unit {id: $fgw})-[:LEADS|SUPPORTS]->(i) }
     RETURN i.id AS id ORDER BY i.sortKey LIMIT 1`,
    { fgw: FGW, plan: SEED_PLAN },
  );
  own = String(led?.['id']);
  other = String(notLed?.['id']);
  dir = await mkdtemp(join(tmpdir(), 'guatu-progress-api-'));
  accounts = {
    store: await AccountStore.open(join(dir, 'accounts.sqlite')),
    audit: new AuditLog(join(dir, 'audit.log')),
    throttle: new LoginThrottle({ perAccount: 100, perAddress: 100, windowMs: 60_000 }),
    now: () => clock.now,
  };
  const hash = await hashPassword('correct horse battery');
  accounts.store.add({ name: 'zhang', role: 'liaison', units: ['市发改委'], passwordHash: hash });
  accounts.store.add({ name: 'li', role: 'viewer', units: [], passwordHash: hash });
  accounts.store.add({ name: 'wang', role: 'planner', units: [], passwordHash: hash });
  const deps = { host: '127.0.0.1', now: () => clock.now };
  local = seedApp(driver(), database(), deps);
  team = seedApp(driver(), database(), { ...deps, accounts });
});

afterAll(async () => {
  await clearRecords();
  accounts.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/progress', () => {
  it('answers an item with no records: no status, the document’s deadline, the server’s today', async () => {
    const { status, body } = await call<ProgressAnswer>(
      local,
      'GET',
      q('/api/progress', { plan: SEED_PLAN, item: own }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      today: '2026-06-01',
      item: { itemId: own, status: null, lastReportedAt: null, overdue: false },
      history: [],
      deadlines: [],
      indicator: null,
    });
  });

  it('refuses an item the plan does not have', async () => {
    const { status, body } = await call<ErrorAnswer>(
      local,
      'GET',
      q('/api/progress', { plan: SEED_PLAN, item: `${SEED_PLAN}/九(九)9` }),
    );
    expect(status).toBe(404);
    expect(body.error.code).toBe('unknown_item');
  });
});

describe('POST /api/progress (local mode)', () => {
  it('adds a dated record that tops the history; what an update leaves out carries over', async () => {
    const posted = await call<ProgressRecord>(local, 'POST', '/api/progress', {
      body: {
        plan: SEED_PLAN,
        item: own,
        status: 'in-progress',
        note: '已印发实施方案',
        percent: 30,
      },
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      itemId: own,
      status: 'in-progress',
      note: '已印发实施方案',
      percent: 30,
      by: 'local',
      at: clock.now.toISOString(),
    });
    clock.now = new Date('2026-06-02T04:00:00Z');
    await call(local, 'POST', '/api/progress', {
      body: { plan: SEED_PLAN, item: own, note: '召开推进会' },
    });
    const { body } = await call<ProgressAnswer>(
      local,
      'GET',
      q('/api/progress', { plan: SEED_PLAN, item: own }),
    );
    expect(body.history.map((r) => [r.note, r.status])).toEqual([
      ['召开推进会', 'in-progress'],
      ['已印发实施方案', 'in-progress'],
    ]);
    expect(body.item).toMatchObject({ status: 'in-progress', percent: 30, note: '召开推进会' });
  });

  it('refuses a write without the page’s header and origin, and an empty or malformed update', async () => {
    const bare = await call<ErrorAnswer>(local, 'POST', '/api/progress', {
      body: { plan: SEED_PLAN, item: own, note: 'x' },
      sameOrigin: false,
    });
    expect(bare.status).toBe(403);
    const empty = await call<ErrorAnswer>(local, 'POST', '/api/progress', {
      body: { plan: SEED_PLAN, item: own },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('进展需包含');
    const bad = await call<ErrorAnswer>(local, 'POST', '/api/progress', {
      body: { plan: SEED_PLAN, item: own, status: 'finished', percent: 120 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status/);
  });
});

describe('deadlines', () => {
  it('reads what a planner types like a document’s deadline, or an ISO date', () => {
    expect(deadlineOf('2027年6月底前')).toEqual({
      deadline: '2027年6月底前',
      dueKind: 'date',
      dueDate: '2027-06-30',
    });
    expect(deadlineOf('2026-06-10')).toMatchObject({ dueKind: 'date', dueDate: '2026-06-10' });
    expect(deadlineOf('每季度')).toMatchObject({ dueKind: 'recurring', dueDate: null });
    expect(() => deadlineOf('尽快')).toThrow(/无法识别/);
    expect(() => deadlineOf('2026-02-30')).toThrow(/无法识别/);
  });

  it('a planner’s change is the deadline in force; past it the item is overdue by the server’s clock', async () => {
    const posted = await call<DeadlineChange>(local, 'POST', '/api/progress/deadline', {
      body: { plan: SEED_PLAN, item: own, due: '2026年6月底前' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ deadline: '2026年6月底前', dueDate: '2026-06-30' });
    const soon = await call<ProgressAnswer>(
      local,
      'GET',
      q('/api/progress', { plan: SEED_PLAN, item: own }),
    );
    expect(soon.body.item).toMatchObject({ dueSoon: true, overdue: false, deadlineChanged: true });
    expect(soon.body.deadlines.map((d) => d.deadline)).toEqual(['2026年6月底前']);
    clock.now = new Date('2026-07-01T01:00:00Z');
    const late = await call<ProgressAnswer>(
      local,
      'GET',
      q('/api/progress', { plan: SEED_PLAN, item: own }),
    );
    expect(late.body).toMatchObject({ today: '2026-07-01', item: { overdue: true } });
    const unread = await call<ErrorAnswer>(local, 'POST', '/api/progress/deadline', {
      body: { plan: SEED_PLAN, item: own, due: '尽快' },
    });
    expect(unread.status).toBe(400);
    expect(unread.body.error.code).toBe('unreadable_deadline');
  });
});

describe('indicators', () => {
  it('records actual values by year and judges them on the target (森林覆盖率大于14.5%)', async () => {
    for (const [year, value] of [
      [2022, 14.2],
      [2023, 14.6],
    ] as const) {
      const posted = await call(local, 'POST', '/api/progress/indicator', {
        body: { plan: SEED_PLAN, item: FOREST, year, value },
      });
      expect(posted.status).toBe(201);
    }
    const { body } = await call<ProgressAnswer>(
      local,
      'GET',
      q('/api/progress', { plan: SEED_PLAN, item: FOREST }),
    );
    expect(body.indicator?.target).toMatchObject({ comparator: '>', value: 14.5 });
    expect(body.indicator?.years.map((y) => [y.year, y.value, y.track])).toEqual([
      [2022, 14.2, 'off-track'],
      [2023, 14.6, 'on-track'],
    ]);
    const task = await call<ErrorAnswer>(local, 'POST', '/api/progress/indicator', {
      body: { plan: SEED_PLAN, item: own, year: 2023, value: 1 },
    });
    expect(task.status).toBe(422);
    expect(task.body.error.code).toBe('not_an_indicator');
  });
});

describe('team mode', () => {
  it('lets a liaison update an item its unit leads, and refuses another unit’s with 403', async () => {
    const zhang = await login('zhang');
    const mine = await call<ProgressRecord>(team, 'POST', '/api/progress', {
      cookie: zhang,
      body: { plan: SEED_PLAN, item: own, status: 'late', note: '征迁受阻' },
    });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ by: 'zhang', source: 'update', status: 'late' });
    const theirs = await call<ErrorAnswer>(team, 'POST', '/api/progress', {
      cookie: zhang,
      body: { plan: SEED_PLAN, item: other, note: '代报' },
    });
    expect(theirs.status).toBe(403);
    expect(theirs.body.error.code).toBe('not_allowed');
    const deadline = await call<ErrorAnswer>(team, 'POST', '/api/progress/deadline', {
      cookie: zhang,
      body: { plan: SEED_PLAN, item: own, due: '2030年底前' },
    });
    expect(deadline.status).toBe(403);
    const history = await call<ProgressAnswer>(
      team,
      'GET',
      q('/api/progress', { plan: SEED_PLAN, item: other }),
      { cookie: zhang },
    );
    expect(history.body.history).toEqual([]);
  });

  it('refuses a viewer and anyone signed out; writes are audited with before → after', async () => {
    const li = await login('li');
    const viewer = await call<ErrorAnswer>(team, 'POST', '/api/progress', {
      cookie: li,
      body: { plan: SEED_PLAN, item: own, note: 'x' },
    });
    expect(viewer.status).toBe(403);
    const nobody = await call<ErrorAnswer>(team, 'POST', '/api/progress', {
      body: { plan: SEED_PLAN, item: own, note: 'x' },
    });
    expect(nobody.status).toBe(401);
    const entries = accounts.audit.entries().filter((e) => e.action === 'update-progress');
    const last = entries.at(-1);
    expect(last).toMatchObject({ who: 'zhang', role: 'liaison', target: own });
    expect(last?.before).toMatchObject({ note: '召开推进会', status: 'in-progress' });
    expect(last?.after).toMatchObject({ note: '征迁受阻', status: 'late' });
  });
});

describe('unattached records', () => {
  it('lists a record a reload could not place and lets a planner attach it', async () => {
    await cypher(
      `CREATE (:Progress {id: 'lost-1', itemId: $gone, planId: $plan, itemRef: '九(九)9',
         itemTitle: '一项新版本里不再有的任务', at: '2026-01-01T00:00:00.000Z', by: 'zhang',
         source: 'update', status: 'late', note: '旧版进展', percent: null, unattached: true})`,
      { gone: `${SEED_PLAN}/九(九)9`, plan: SEED_PLAN },
    );
    const listed = await call<UnattachedAnswer>(
      local,
      'GET',
      q('/api/progress/unattached', { plan: SEED_PLAN }),
    );
    expect(listed.body.records.map((r) => [r.kind, r.id, r.itemRef, r.note])).toEqual([
      ['progress', 'lost-1', '九(九)9', '旧版进展'],
    ]);
    const zhang = await login('zhang');
    const refused = await call<ErrorAnswer>(team, 'POST', '/api/progress/attach', {
      cookie: zhang,
      body: { plan: SEED_PLAN, record: 'lost-1', item: own },
    });
    expect(refused.status).toBe(403);
    const attached = await call(local, 'POST', '/api/progress/attach', {
      body: { plan: SEED_PLAN, record: 'lost-1', item: other },
    });
    expect(attached.status).toBe(200);
    const after = await call<ProgressAnswer>(
      local,
      'GET',
      q('/api/progress', { plan: SEED_PLAN, item: other }),
    );
    expect(after.body.history.map((r) => [r.id, r.movedFrom])).toEqual([
      ['lost-1', `${SEED_PLAN}/九(九)9`],
    ]);
    const empty = await call<UnattachedAnswer>(
      local,
      'GET',
      q('/api/progress/unattached', { plan: SEED_PLAN }),
    );
    expect(empty.body.records).toEqual([]);
  });
});
