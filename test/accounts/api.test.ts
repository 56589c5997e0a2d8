// Sign-in, sessions and the write rule over HTTP, on the API's own middleware and routes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { LoginThrottle } from '../../graph/accounts/login-limits.ts';
import { hashPassword } from '../../graph/accounts/password.ts';
import { AccountStore } from '../../graph/accounts/store.ts';
import { adminRoutes } from '../../graph/api/accounts/admin-routes.ts';
import {
  accountsGate,
  requireWrite,
  SESSION_COOKIE,
  type AccountsDeps,
} from '../../graph/api/accounts/gate.ts';
import { sessionRoutes } from '../../graph/api/accounts/session-routes.ts';
import { onError } from '../../graph/api/http-error.ts';

const HOST = '127.0.0.1:8080';
const ORIGIN = `http://${HOST}`;
let dir: string;
let deps: AccountsDeps & { clock: { now: Date } };
let app: Hono;

function build(): Hono {
  const api = new Hono();
  api.onError(onError);
  api.use('/api/*', accountsGate(deps));
  api.route('/api', sessionRoutes(deps, { host: '127.0.0.1' }));
  api.route('/api', adminRoutes(deps, { host: '127.0.0.1' }));
  api.get('/api/plans', (c) => c.json(['plan']));
  // A write of the kind the progress routes make: the item's units decide for a liaison.
  api.post('/api/items/:id/progress', (c) => {
    requireWrite(
      c,
      'update-progress',
      c.req.param('id') === 'p/一1' ? ['武汉市/市发改委'] : ['武汉市/市财政局'],
    );
    return c.json({ ok: true });
  });
  return api;
}

function request(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; origin?: string | null } = {},
) {
  const headers: Record<string, string> = { Host: HOST };
  if (init.method && init.method !== 'GET') {
    headers['X-Guatu-Request'] = '1';
    if (init.origin !== null) headers['Origin'] = init.origin ?? ORIGIN;
    headers['Content-Type'] = 'application/json';
  }
  if (init.cookie) headers['Cookie'] = `${SESSION_COOKIE}=${init.cookie}`;
  return app.request(`http://${HOST}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function login(name: string, password: string): Promise<string> {
  const response = await request('/api/session', { method: 'POST', body: { name, password } });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return /guatu_session=([^;]+)/.exec(cookie)?.[1] ?? '';
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guatu-accounts-api-'));
  const clock = { now: new Date('2026-12-07T08:00:00Z') };
  deps = {
    store: await AccountStore.open(join(dir, 'accounts.sqlite')),
    audit: new AuditLog(join(dir, 'audit.log')),
    throttle: new LoginThrottle({ perAccount: 3, perAddress: 100, windowMs: 60_000 }),
    now: () => clock.now,
    clock,
  };
  app = build();
});
afterAll(async () => {
  deps.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('local mode (no account)', () => {
  it('needs no login and lets the planner at the machine do everything', async () => {
    expect((await request('/api/plans')).status).toBe(200);
    expect(await (await request('/api/session')).json()).toMatchObject({
      mode: 'local',
      account: { name: 'local', role: 'admin' },
    });
    expect(
      (await request('/api/items/p%2F一2/progress', { method: 'POST', body: {} })).status,
    ).toBe(200);
  });
});

describe('team mode', () => {
  beforeAll(async () => {
    const hash = await hashPassword('correct horse battery');
    deps.store.add({ name: 'zhang', role: 'liaison', units: ['市发改委'], passwordHash: hash });
    deps.store.add({ name: 'li', role: 'viewer', units: [], passwordHash: hash });
    deps.store.add({ name: 'boss', role: 'admin', units: [], passwordHash: hash });
  });

  it('needs a login for every route but the login itself', async () => {
    const answer = await request('/api/plans');
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: { code: 'login_required' } });
    expect(await (await request('/api/session')).json()).toEqual({ mode: 'team', account: null });
  });

  it('lets a liaison update its unit’s item and not another unit’s', async () => {
    const cookie = await login('zhang', 'correct horse battery');
    expect((await request('/api/plans', { cookie })).status).toBe(200);
    expect(
      (await request('/api/items/p%2F一1/progress', { method: 'POST', body: {}, cookie })).status,
    ).toBe(200);
    const refused = await request('/api/items/p%2F一2/progress', {
      method: 'POST',
      body: {},
      cookie,
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'not_allowed' } });
  });

  it('refuses a viewer every write and a non-admin the accounts', async () => {
    const cookie = await login('li', 'correct horse battery');
    expect(
      (await request('/api/items/p%2F一1/progress', { method: 'POST', body: {}, cookie })).status,
    ).toBe(403);
    expect((await request('/api/accounts', { cookie })).status).toBe(403);
  });

  it('refuses a login from another origin, and a write without the origin', async () => {
    const cross = await request('/api/session', {
      method: 'POST',
      body: { name: 'zhang', password: 'correct horse battery' },
      origin: 'http://evil.example',
    });
    expect(cross.status).toBe(403);
    const cookie = await login('zhang', 'correct horse battery');
    // A logout without Origin (a cross-site form would send none) is refused and ends nothing.
    const logout = await request('/api/session', { method: 'DELETE', cookie, origin: null });
    expect(logout.status).toBe(403);
    expect((await request('/api/plans', { cookie })).status).toBe(200);
  });

  it('says the same for an unknown name and a wrong password, and throttles guessing', async () => {
    const unknown = await request('/api/session', {
      method: 'POST',
      body: { name: 'nobody', password: 'x' },
    });
    const wrong = await request('/api/session', {
      method: 'POST',
      body: { name: 'boss', password: 'wrong one' },
    });
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    const message = async (r: Response) =>
      ((await r.json()) as { error: { message: string } }).error.message;
    expect(await message(unknown)).toBe(await message(wrong));
    await request('/api/session', {
      method: 'POST',
      body: { name: 'boss', password: 'wrong two' },
    });
    await request('/api/session', {
      method: 'POST',
      body: { name: 'boss', password: 'wrong three' },
    });
    const throttled = await request('/api/session', {
      method: 'POST',
      body: { name: 'boss', password: 'correct horse battery' },
    });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    deps.clock.now = new Date(deps.clock.now.getTime() + 61_000);
    expect(
      (
        await request('/api/session', {
          method: 'POST',
          body: { name: 'boss', password: 'correct horse battery' },
        })
      ).status,
    ).toBe(200);
  });

  it('ends a session at logout, at expiry and when the password changes', async () => {
    const first = await login('zhang', 'correct horse battery');
    expect((await request('/api/session', { method: 'DELETE', cookie: first })).status).toBe(204);
    expect((await request('/api/plans', { cookie: first })).status).toBe(401);

    const second = await login('zhang', 'correct horse battery');
    deps.clock.now = new Date(deps.clock.now.getTime() + 13 * 3_600_000);
    expect((await request('/api/plans', { cookie: second })).status).toBe(401);

    const third = await login('zhang', 'correct horse battery');
    const other = await login('zhang', 'correct horse battery');
    const change = await request('/api/session/password', {
      method: 'POST',
      cookie: third,
      body: { current: 'correct horse battery', next: 'a new long password' },
    });
    expect(change.status).toBe(204);
    expect((await request('/api/plans', { cookie: other })).status).toBe(401);
    expect((await request('/api/plans', { cookie: third })).status).toBe(401);
    const renewed = /guatu_session=([^;]+)/.exec(change.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect((await request('/api/plans', { cookie: renewed })).status).toBe(200);
  });

  it('lets an admin manage accounts, every change in a whole audit chain', async () => {
    const cookie = await login('boss', 'correct horse battery');
    const added = await request('/api/accounts', {
      method: 'POST',
      cookie,
      body: { name: 'wang', role: 'planner', password: 'planner password 1' },
    });
    expect(added.status).toBe(201);
    const disabled = await request('/api/accounts/wang', {
      method: 'PATCH',
      cookie,
      body: { disabled: true },
    });
    expect(await disabled.json()).toMatchObject({ name: 'wang', disabled: true });
    expect(
      (await request('/api/accounts/boss', { method: 'PATCH', cookie, body: { disabled: true } }))
        .status,
    ).toBe(409);
    const audit = (await (await request('/api/audit', { cookie })).json()) as {
      entries: { action: string; who: string; target: string }[];
      chain: unknown;
    };
    expect(audit.chain).toBe('whole');
    expect(audit.entries.filter((e) => e.who === 'boss').map((e) => [e.action, e.target])).toEqual([
      ['login', 'boss'],
      ['login', 'boss'],
      ['add-account', 'wang'],
      ['change-account', 'wang'],
    ]);
    const csv = await request('/api/audit?format=csv', { cookie });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A BOM, so Excel opens the Chinese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toMatch(/^序号,时间,账号,角色,操作,对象,变更前,变更后/);
    expect(new TextDecoder().decode(bytes)).toContain(',系统管理员,新建账号,wang,');
    // The audit log never carries a password or a hash.
    expect(JSON.stringify(audit)).not.toMatch(/planner password|argon2/);
  });
});
