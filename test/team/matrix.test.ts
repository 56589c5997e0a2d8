// Every write route × every caller: no login, each role (a liaison of 市发改委), an administrator's
// session from another origin, and one without the X-Guatu-Request header — allowed or refused
// exactly as issue 14 says, on the real app (createApp) with a real accounts store and the test
// Neo4j. The routes come from the app itself: a write route with no expectation here fails the
// first test, so a new one cannot slip in unguarded.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../contract/accounts.ts';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { LoginThrottle } from '../../graph/accounts/login-limits.ts';
import { hashPassword } from '../../graph/accounts/password.ts';
import { AccountStore } from '../../graph/accounts/store.ts';
import { SESSION_COOKIE, type AccountsDeps } from '../../graph/api/accounts/gate.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { loadSeed, SEED_PLAN, seedApp, TASK_1 } from '../api/support.ts';

useTestNeo4j();

const HOST = '127.0.0.1:8080';
const ORIGIN = `http://${HOST}`;
const PASSWORD = 'matrix password 1';

/** One account per role; the liaison answers for 市发改委. */
const ACCOUNTS: Record<Role, { name: string; units: string[] }> = {
  viewer: { name: 'kan', units: [] },
  liaison: { name: 'fgw', units: ['市发改委'] },
  planner: { name: 'guihua', units: [] },
  admin: { name: 'guanli', units: [] },
};

// A plan of its own, so that loading and replacing it touches nothing another test reads.
const PLAN_TEXT = `示例市权限矩阵测试任务分工方案

各区人民政府,市直各有关单位:

现将任务分解如下,请认真抓好落实。

一、重点任务

1.完善权限矩阵测试机制。由市发改委负责,市财政局配合。

2.健全审计日志。由市财政局负责。
`;
const PLAN_ID = '示例市-b4123ac3';

// Items of the seed plan by what 市发改委 (the liaison's unit) does on them.
/** 二(一)1: 市发改委 leads it (with others). */
const LED_BY_FGW = TASK_1;
/** 一(一)4, an indicator: 市发改委 supports it. */
const SUPPORTED_BY_FGW = `${SEED_PLAN}/一(一)4`;
/** 二(一)3: 市委组织部, 市人社局 and the districts; not 市发改委. */
const NOT_FGW = `${SEED_PLAN}/二(一)3`;
/** 一(一)2, an indicator 市发改委 leads; 一(一)1, one it has nothing to do with (教育局, 人社局). */
const INDICATOR_FGW = `${SEED_PLAN}/一(一)2`;
const INDICATOR_NOT_FGW = `${SEED_PLAN}/一(一)1`;

const LEDGER = fileURLToPath(new URL('../fixtures/examples/07-ledger.xlsx', import.meta.url));

type Caller = 'no login' | Role | 'wrong origin' | 'no header';
const CALLERS: readonly Caller[] = ['no login', ...ROLES, 'wrong origin', 'no header'];

interface Call {
  method: string;
  path: string;
  json?: unknown;
  /** A raw body (an uploaded file) with its headers. */
  raw?: { body: Uint8Array; headers: Record<string, string> };
}

/** What one kind of request to a route expects. */
interface Case {
  name: string;
  /** The roles that may; every other role is refused 403 not_allowed. */
  allowed: readonly Role[];
  /** Behind the same-origin guard (every write); reads posted as JSON stay open to tools. */
  guarded: boolean;
  /** Whether a caller with no session gets through (the login, a logout). */
  anonymous?: boolean;
  /** Sets up what the request needs (an upload's token, say); its result reaches `call`. */
  prepare?: () => Promise<string>;
  call: (prepared: string) => Call;
  /** Checks an allowed answer; `who` is the account that made it (null: no login). */
  allowedAnswer: (response: Response, who: Caller) => Promise<void>;
  /** The audit action an allowed write leaves; none for reads and the login's own entries. */
  audit?: string;
  /** After a refusal: that nothing changed (the upload still waits, the plan is not loaded). */
  refusedLeaves?: (prepared: string) => Promise<void>;
}

let dir: string;
let deps: AccountsDeps;
let app: Hono;
let driver: Driver;
const cookies = new Map<Role, string>();

function send(call: Call, caller: Caller, cookie?: string): Promise<Response> {
  const headers: Record<string, string> = { Host: HOST, Origin: ORIGIN, 'X-Guatu-Request': '1' };
  if (caller === 'wrong origin') headers['Origin'] = 'http://evil.example';
  if (caller === 'no header') delete headers['X-Guatu-Request'];
  if (cookie !== undefined) headers['Cookie'] = `${SESSION_COOKIE}=${cookie}`;
  let body: Uint8Array | string | undefined;
  if (call.raw !== undefined) {
    Object.assign(headers, call.raw.headers);
    body = call.raw.body;
  } else if (call.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(call.json);
  }
  return Promise.resolve(
    app.request(`${ORIGIN}${call.path}`, { method: call.method, headers, body }),
  );
}

async function login(role: Role): Promise<string> {
  const response = await send(
    {
      method: 'POST',
      path: '/api/session',
      json: { name: ACCOUNTS[role].name, password: PASSWORD },
    },
    role,
  );
  expect(response.status).toBe(200);
  const cookie = /guatu_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (cookie === undefined) throw new Error(`no session cookie for ${role}`);
  cookies.set(role, cookie);
  return cookie;
}

/** The session a caller sends: its role's, an administrator's for the origin checks, or none. */
async function cookieOf(caller: Caller): Promise<string | undefined> {
  if (caller === 'no login') return undefined;
  const role: Role = caller === 'wrong origin' || caller === 'no header' ? 'admin' : caller;
  return cookies.get(role) ?? (await login(role));
}

async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code ?? `(no error; status ${response.status})`;
}

/** The plan file as guatu's own page uploads it. */
const upload = (path = '/api/import'): Call => ({
  method: 'POST',
  path,
  raw: {
    body: new TextEncoder().encode(PLAN_TEXT),
    headers: {
      'Content-Type': 'application/octet-stream',
      'X-Guatu-File-Name': encodeURIComponent('矩阵.txt'),
    },
  },
});

/** An upload by the administrator, waiting for 载入 or 取消: its token. */
async function uploaded(): Promise<string> {
  const response = await send(upload(), 'admin', await cookieOf('admin'));
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function planLoaded(): Promise<boolean> {
  const session = driver.session({ database: connection().database });
  try {
    const result = await session.run('MATCH (p:Plan {id: $id}) RETURN count(p) AS n', {
      id: PLAN_ID,
    });
    return neo4j.integer.toNumber(result.records[0]?.get('n') as number) === 1;
  } finally {
    await session.close();
  }
}

async function removePlan(): Promise<void> {
  const session = driver.session({ database: connection().database });
  try {
    await session.executeWrite(async (tx) => {
      await tx.run('MATCH ()-[r]->() WHERE r.planId = $id DELETE r', { id: PLAN_ID });
      await tx.run('MATCH (i:Item {planId: $id}) DETACH DELETE i', { id: PLAN_ID });
      await tx.run('MATCH (p:Plan {id: $id}) DETACH DELETE p', { id: PLAN_ID });
    });
  } finally {
    await session.close();
  }
}

/** What the callers wrote on the seed plan: the other suites expect it without progress. */
async function removeRecords(): Promise<void> {
  const session = driver.session({ database: connection().database });
  try {
    await session.run(
      `MATCH (r)-[:ON]->(:Item)
       WHERE (r:Progress OR r:DeadlineChange OR r:IndicatorValue) AND r.by IN $names
       DETACH DELETE r`,
      { names: Object.values(ACCOUNTS).map((account) => account.name) },
    );
  } finally {
    await session.close();
  }
}

/** The upload refused is still waiting: the administrator can cancel it. */
async function stillWaiting(token: string): Promise<void> {
  const cancel = await send(
    { method: 'DELETE', path: `/api/import/${token}` },
    'admin',
    await cookieOf('admin'),
  );
  expect(cancel.status).toBe(200);
}

const status = (expected: number) => async (response: Response) => {
  expect(response.status, await response.clone().text()).toBe(expected);
};

/** Allowed, and then refused for what the request names: the route's own error, not the gate's. */
const routeError = (expected: number, code: string) => async (response: Response) => {
  expect(response.status, await response.clone().text()).toBe(expected);
  expect(await errorCode(response)).toBe(code);
};

const progress = (item: string): Call => ({
  method: 'POST',
  path: '/api/progress',
  json: { plan: SEED_PLAN, item, status: 'in-progress', note: '矩阵测试' },
});

const indicator = (item: string): Call => ({
  method: 'POST',
  path: '/api/progress/indicator',
  json: { plan: SEED_PLAN, item, year: 2025, value: 1 },
});

const ledgerUpload = (): Call => ({
  method: 'POST',
  path: `/api/ledger?plan=${encodeURIComponent(SEED_PLAN)}`,
  raw: {
    body: readFileSync(LEDGER),
    headers: {
      'Content-Type': 'application/octet-stream',
      'X-Guatu-File-Name': encodeURIComponent('督办台账.xlsx'),
    },
  },
});

/** A token no upload was given: an allowed caller reaches the route's own 404. */
const NO_TOKEN = '0'.repeat(32);

const PLANNERS: readonly Role[] = ['planner', 'admin'];
/** Who may update progress on an item 市发改委 leads or supports. */
const FGW_AND_PLANNERS: readonly Role[] = ['liaison', 'planner', 'admin'];
const EVERYONE: readonly Role[] = ROLES;

let newAccounts = 0;

/**
 * Every write route the app has, by `METHOD /path` as Hono lists it, with the requests that
 * exercise its rule. A route added without a line here fails the first test.
 */
const MATRIX: Record<string, Case[]> = {
  'POST /api/session': [
    {
      name: 'signs in',
      allowed: EVERYONE,
      guarded: true,
      anonymous: true,
      call: () => ({
        method: 'POST',
        path: '/api/session',
        json: { name: ACCOUNTS.viewer.name, password: PASSWORD },
      }),
      allowedAnswer: async (response) => {
        expect(response.status).toBe(200);
        expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/);
      },
    },
  ],
  'DELETE /api/session': [
    {
      name: 'signs out',
      allowed: EVERYONE,
      guarded: true,
      anonymous: true,
      call: () => ({ method: 'DELETE', path: '/api/session' }),
      allowedAnswer: async (response, who) => {
        expect(response.status).toBe(204);
        // The session it ended is gone: the next caller of that role signs in again.
        if (who === 'wrong origin' || who === 'no header') cookies.delete('admin');
        else if (who !== 'no login') cookies.delete(who);
      },
      audit: 'logout',
    },
  ],
  'POST /api/session/password': [
    {
      name: 'changes its own password (to the same one)',
      allowed: EVERYONE,
      guarded: true,
      call: () => ({
        method: 'POST',
        path: '/api/session/password',
        json: { current: PASSWORD, next: PASSWORD },
      }),
      allowedAnswer: async (response, who) => {
        expect(response.status).toBe(204);
        const renewed = /guatu_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
        const role: Role = who === 'wrong origin' || who === 'no header' ? 'admin' : (who as Role);
        if (renewed?.[1] === undefined) throw new Error('no renewed session');
        cookies.set(role, renewed[1]);
      },
      audit: 'change-password',
    },
  ],
  'POST /api/accounts': [
    {
      name: 'adds an account',
      allowed: ['admin'],
      guarded: true,
      call: () => ({
        method: 'POST',
        path: '/api/accounts',
        json: { name: `new${(newAccounts += 1)}`, role: 'viewer', password: PASSWORD },
      }),
      allowedAnswer: status(201),
      audit: 'add-account',
    },
  ],
  'PATCH /api/accounts/:name': [
    {
      name: 'changes an account',
      allowed: ['admin'],
      guarded: true,
      // Not one of the callers' accounts: a change of role or units ends the account's sessions.
      call: () => ({ method: 'PATCH', path: '/api/accounts/spare', json: { units: [] } }),
      allowedAnswer: status(200),
      audit: 'change-account',
    },
  ],
  'POST /api/import': [
    {
      name: 'reads a plan file for review',
      allowed: PLANNERS,
      guarded: true,
      call: () => upload(),
      allowedAnswer: async (response) => {
        expect(response.status).toBe(200);
        const review = (await response.json()) as { token: string; plan: { id: string } };
        await stillWaiting(review.token);
      },
      audit: 'read-import',
    },
  ],
  'POST /api/import/:token/load': [
    {
      name: 'loads a new plan',
      allowed: PLANNERS,
      guarded: true,
      prepare: async () => {
        await removePlan();
        return uploaded();
      },
      call: (token) => ({ method: 'POST', path: `/api/import/${token}/load`, json: {} }),
      allowedAnswer: async (response) => {
        expect(response.status, await response.clone().text()).toBe(200);
        expect(await response.json()).toMatchObject({ status: 'loaded', planId: PLAN_ID });
        expect(await planLoaded()).toBe(true);
      },
      audit: 'import-plan',
      refusedLeaves: async (token) => {
        expect(await planLoaded()).toBe(false);
        await stillWaiting(token);
      },
    },
    {
      name: 'replaces a loaded plan',
      allowed: PLANNERS,
      guarded: true,
      prepare: async () => {
        if (!(await planLoaded())) {
          const token = await uploaded();
          const load = { method: 'POST', path: `/api/import/${token}/load`, json: {} };
          expect((await send(load, 'admin', await cookieOf('admin'))).status).toBe(200);
        }
        return uploaded();
      },
      call: (token) => ({
        method: 'POST',
        path: `/api/import/${token}/load`,
        json: { replace: true },
      }),
      allowedAnswer: async (response) => {
        expect(response.status, await response.clone().text()).toBe(200);
        expect(await response.json()).toMatchObject({ status: 'replaced', planId: PLAN_ID });
        // The audit line says what was replaced by what.
        expect(deps.audit.entries().at(-1)).toMatchObject({
          target: PLAN_ID,
          before: { title: '示例市权限矩阵测试任务分工方案', items: 2, units: 2 },
          after: { title: '示例市权限矩阵测试任务分工方案', items: 2, units: 2, file: '矩阵.txt' },
        });
      },
      audit: 'replace-plan',
      refusedLeaves: stillWaiting,
    },
  ],
  'DELETE /api/import/:token': [
    {
      name: 'cancels an upload',
      allowed: PLANNERS,
      guarded: true,
      prepare: uploaded,
      call: (token) => ({ method: 'DELETE', path: `/api/import/${token}` }),
      allowedAnswer: async (response) => {
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ cancelled: true });
      },
      audit: 'cancel-import',
      refusedLeaves: stillWaiting,
    },
  ],
  // Progress: a liaison on items its unit leads or supports, planners on any; deadlines and
  // attaching a record a reload left aside are a planner's edits (edit-item).
  'POST /api/progress': [
    {
      name: 'updates an item its unit leads',
      allowed: FGW_AND_PLANNERS,
      guarded: true,
      call: () => progress(LED_BY_FGW),
      allowedAnswer: status(201),
      audit: 'update-progress',
    },
    {
      name: 'updates an item its unit supports',
      allowed: FGW_AND_PLANNERS,
      guarded: true,
      call: () => progress(SUPPORTED_BY_FGW),
      allowedAnswer: status(201),
      audit: 'update-progress',
    },
    {
      name: 'updates an item of other units',
      allowed: PLANNERS,
      guarded: true,
      call: () => progress(NOT_FGW),
      allowedAnswer: status(201),
      audit: 'update-progress',
    },
  ],
  'POST /api/progress/indicator': [
    {
      name: 'reports an indicator its unit leads',
      allowed: FGW_AND_PLANNERS,
      guarded: true,
      call: () => indicator(INDICATOR_FGW),
      allowedAnswer: status(201),
      audit: 'update-progress',
    },
    {
      name: 'reports an indicator of other units',
      allowed: PLANNERS,
      guarded: true,
      call: () => indicator(INDICATOR_NOT_FGW),
      allowedAnswer: status(201),
      audit: 'update-progress',
    },
  ],
  'POST /api/progress/deadline': [
    {
      name: 'sets a deadline',
      allowed: PLANNERS,
      guarded: true,
      call: () => ({
        method: 'POST',
        path: '/api/progress/deadline',
        json: { plan: SEED_PLAN, item: LED_BY_FGW, due: '2027年6月底前' },
      }),
      allowedAnswer: status(201),
      audit: 'edit-item',
    },
  ],
  'POST /api/progress/attach': [
    {
      name: 'attaches a record (none waits: the route’s own 404)',
      allowed: PLANNERS,
      guarded: true,
      call: () => ({
        method: 'POST',
        path: '/api/progress/attach',
        json: { plan: SEED_PLAN, record: 'no-such-record', item: LED_BY_FGW },
      }),
      allowedAnswer: routeError(404, 'unknown_record'),
    },
  ],
  // A 督办台账: read for review, then confirmed or cancelled, all a planner's (import-ledger).
  'POST /api/ledger': [
    {
      name: 'reads a ledger for review',
      allowed: PLANNERS,
      guarded: true,
      call: ledgerUpload,
      allowedAnswer: async (response) => {
        expect(response.status, await response.clone().text()).toBe(200);
        const { token } = (await response.json()) as { token: string };
        const cancel = { method: 'DELETE', path: `/api/ledger/${token}` };
        expect((await send(cancel, 'admin', await cookieOf('admin'))).status).toBe(200);
      },
    },
  ],
  'POST /api/units/merge': [
    {
      name: 'merges a unit into another (into itself: the route’s own 422, nothing merged)',
      allowed: PLANNERS,
      guarded: true,
      call: () => ({
        method: 'POST',
        path: '/api/units/merge',
        json: { from: '武汉市/市发改委', into: '武汉市/市发改委' },
      }),
      allowedAnswer: routeError(422, 'unit_merge_self'),
    },
  ],
  'POST /api/units/split': [
    {
      name: 'splits a merge (there is none: the route’s own 404)',
      allowed: PLANNERS,
      guarded: true,
      call: () => ({ method: 'POST', path: '/api/units/split', json: { from: '武汉市/市发改委' } }),
      allowedAnswer: routeError(404, 'unknown_merge'),
    },
  ],
  'POST /api/ledger/:token/confirm': [
    {
      name: 'confirms a ledger (none waits: the route’s own 404)',
      allowed: PLANNERS,
      guarded: true,
      call: () => ({ method: 'POST', path: `/api/ledger/${NO_TOKEN}/confirm`, json: {} }),
      allowedAnswer: routeError(404, 'unknown_ledger'),
    },
  ],
  'DELETE /api/ledger/:token': [
    {
      name: 'cancels a ledger (none waits: the route’s own 404)',
      allowed: PLANNERS,
      guarded: true,
      call: () => ({ method: 'DELETE', path: `/api/ledger/${NO_TOKEN}` }),
      allowedAnswer: routeError(404, 'unknown_ledger'),
    },
  ],
  // A report's file: built from what everyone may read, posted only to carry the war map's
  // picture, so every account may, from guatu's own pages only.
  'POST /api/reports/progress': [
    {
      name: 'builds a report file',
      allowed: EVERYONE,
      guarded: true,
      call: () => ({
        method: 'POST',
        path: `/api/reports/progress?plan=${encodeURIComponent(SEED_PLAN)}&format=xlsx`,
        raw: { body: new Uint8Array(), headers: { 'Content-Type': 'application/octet-stream' } },
      }),
      allowedAnswer: status(200),
    },
  ],
  // Reads that post their question as JSON: every account may, and like every read they answer
  // scripts and tools without the page's header (a cross-site page gets no SameSite cookie).
  'POST /api/cypher': [
    {
      name: 'runs a console query',
      allowed: EVERYONE,
      guarded: false,
      call: () => ({ method: 'POST', path: '/api/cypher', json: { query: 'RETURN 1 AS one' } }),
      allowedAnswer: status(200),
    },
  ],
  'POST /api/queries/:name': [
    {
      name: 'runs a named query',
      allowed: EVERYONE,
      guarded: false,
      call: () => ({ method: 'POST', path: '/api/queries/plans', json: { params: {} } }),
      allowedAnswer: status(200),
    },
  ],
};

/** `METHOD /path` of every route that is not a read, as the app lists them. */
function writeRoutes(): string[] {
  const keys = app.routes
    // ALL is how middleware is listed (and the API's closing 404), never a route's own method.
    .filter((route) => !['GET', 'HEAD', 'ALL'].includes(route.method))
    .map((route) => `${route.method} ${route.path}`);
  return [...new Set(keys)].sort();
}

beforeAll(async () => {
  driver = getDriver();
  dir = await mkdtemp(join(tmpdir(), 'guatu-matrix-'));
  deps = {
    store: await AccountStore.open(join(dir, 'accounts.sqlite')),
    audit: new AuditLog(join(dir, 'audit.log')),
    throttle: new LoginThrottle({ perAccount: 1_000, perAddress: 1_000, windowMs: 60_000 }),
  };
  const passwordHash = await hashPassword(PASSWORD);
  for (const role of ROLES) deps.store.add({ ...ACCOUNTS[role], role, passwordHash });
  deps.store.add({ name: 'spare', role: 'viewer', units: [], passwordHash });
  await loadSeed(driver, connection().database);
  await removePlan();
  app = seedApp(driver, connection().database, { accounts: deps, host: '127.0.0.1' });
});

afterAll(async () => {
  await removePlan();
  await removeRecords();
  deps?.store.close();
  await rm(dir, { recursive: true, force: true });
});

it('has an expectation for every write route the app serves', () => {
  const routes = writeRoutes();
  expect(routes.filter((route) => !(route in MATRIX))).toEqual([]);
  // And none for a route that is gone.
  expect(Object.keys(MATRIX).filter((route) => !routes.includes(route))).toEqual([]);
});

for (const [route, cases] of Object.entries(MATRIX)) {
  describe(route, () => {
    for (const rule of cases) {
      it.each(CALLERS)(`${rule.name}: %s`, async (caller) => {
        const role: Role | null =
          caller === 'no login'
            ? null
            : caller === 'wrong origin' || caller === 'no header'
              ? 'admin'
              : caller;
        let refusal: { status: number; code: string } | null = null;
        if (role === null && rule.anonymous !== true) {
          refusal = { status: 401, code: 'login_required' };
        } else if (rule.guarded && caller === 'wrong origin') {
          refusal = { status: 403, code: 'cross_origin' };
        } else if (rule.guarded && caller === 'no header') {
          refusal = { status: 403, code: 'request_header_required' };
        } else if (role !== null && !rule.allowed.includes(role)) {
          refusal = { status: 403, code: 'not_allowed' };
        }
        // The gate and the same-origin guard answer before a route reads its request: for them a
        // token nobody was given will do, and nothing is set up to be left untouched.
        const beforeRoute = refusal !== null && refusal.code !== 'not_allowed';
        const prepared = beforeRoute ? NO_TOKEN : ((await rule.prepare?.()) ?? '');
        const cookie = await cookieOf(caller);
        const auditBefore = deps.audit.entries().length;
        const response = await send(rule.call(prepared), caller, cookie);

        if (refusal === null) {
          // Before the answer is checked: checking may itself write (a cancel, say).
          if (rule.audit !== undefined && !(role === null && rule.audit === 'logout')) {
            expect(deps.audit.entries().at(-1)).toMatchObject({
              action: rule.audit,
              who: role === null ? 'anonymous' : ACCOUNTS[role].name,
            });
          }
          await rule.allowedAnswer(response, caller);
        } else {
          expect(response.status).toBe(refusal.status);
          expect(await errorCode(response)).toBe(refusal.code);
          // A refused write leaves no trace but what it refused.
          expect(deps.audit.entries().length).toBe(auditBefore);
          if (!beforeRoute) await rule.refusedLeaves?.(prepared);
        }
      });
    }
  });
}
