// Progress in the item panel, in a real Chromium against the real API and Neo4j, in team mode: a
// liaison of 市发改委 signs in, reports progress on an item its unit leads and sees it at the top
// of the history with its status in words; on another unit's item the form is absent, and a
// direct POST from the same page is refused with 403. A planner sees the deadline it set, and the
// item overdue once the server's clock passes it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { LoginThrottle } from '../../graph/accounts/login-limits.ts';
import { hashPassword } from '../../graph/accounts/password.ts';
import { AccountStore } from '../../graph/accounts/store.ts';
import type { AccountsDeps } from '../../graph/api/accounts/gate.ts';
import { createApp } from '../../graph/api/app.ts';
import { startServer, type ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { queries } from '../../graph/queries/registry.ts';
import { FGW, loadSeed, SEED_PLAN } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot, buildWeb, launchChromium, WEB_DIST } from './browser.ts';
import { newWatchedPage } from './session.ts';

useTestNeo4j();

const PASSWORD = 'team password 1';
const clock = { now: new Date('2026-06-01T02:00:00Z') };

let dir: string;
let deps: AccountsDeps;
let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];
/** An item 市发改委 leads, and one none of its units touches. */
let own = '';
let other = '';

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const session = getDriver().session({ database: connection().database });
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

const clearRecords = () =>
  cypher('MATCH (p:Progress|DeadlineChange|IndicatorValue) DETACH DELETE p');

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  dir = await mkdtemp(join(tmpdir(), 'guatu-progress-web-'));
  deps = {
    store: await AccountStore.open(join(dir, 'accounts.sqlite')),
    audit: new AuditLog(join(dir, 'audit.log')),
    throttle: new LoginThrottle({ perAccount: 10, perAddress: 100, windowMs: 60_000 }),
    now: () => clock.now,
  };
  const passwordHash = await hashPassword(PASSWORD);
  deps.store.add({ name: 'zhang', role: 'liaison', units: ['市发改委'], passwordHash });
  deps.store.add({ name: 'wang', role: 'planner', units: [], passwordHash });
  await Promise.all([buildWeb(), loadSeed(driver, database)]);
  await clearRecords();
  const [led] = await cypher(
    `MATCH (:Unit {id: $fgw})-[:LEADS]->(i:Task {planId: $plan})
     RETURN i.id AS id ORDER BY i.sortKey LIMIT 1`,
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
  const app = createApp({
    driver,
    database,
    queries: queries(),
    webRoot: WEB_DIST,
    accounts: deps,
    now: () => clock.now,
  });
  server = await startServer({ app, port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  page = await newWatchedPage(browser, problems);
}, 240_000);

afterAll(async () => {
  await clearRecords();
  await browser?.close();
  await server?.close();
  deps?.store.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Signs in with a POST of the page's own request context: the session cookie lands in the page's
 * cookie jar, as a login from the page would leave it, without drawing the login screen first.
 */
async function signIn(name: string): Promise<void> {
  const response = await page.request.post(`${server.url}/api/session`, {
    headers: { origin: server.url, 'x-guatu-request': '1' },
    data: { name, password: PASSWORD },
  });
  expect(response.status()).toBe(200);
}

/** Opens the explorer with the item selected, and waits for its progress to be read. */
async function openItem(id: string): Promise<void> {
  await page.goto(`${server.url}/?sel=${encodeURIComponent(id)}`);
  await page.locator('gt-item-progress dl.facts').waitFor();
}

const progress = () => page.locator('gt-item-progress');

describe('a liaison of 市发改委', () => {
  it('reports progress on an item its unit leads and sees it at the top of the history', async () => {
    await signIn('zhang');
    await openItem(own);
    expect(await progress().locator('[data-status="none"]').innerText()).toBe('未报送');
    const form = progress().locator('form.update');
    await form.locator('select[name="status"]').selectOption({ label: '滞后' });
    await form.locator('textarea[name="note"]').fill('征地拆迁未完成，已协调市自然资源和规划局');
    await form.locator('input[name="percent"]').fill('40');
    await form.locator('button[type="submit"]').click();
    const top = progress().locator('ol.history li').first();
    await top.locator('p').waitFor();
    expect(await top.locator('p').innerText()).toBe('征地拆迁未完成，已协调市自然资源和规划局');
    expect(await top.locator('.meta').innerText()).toContain('zhang');
    expect(await top.locator('[data-status="late"]').innerText()).toBe('滞后');
    expect(await progress().locator('dd [data-status="late"]').innerText()).toBe('滞后');
    expect(await progress().locator('[data-percent]').innerText()).toBe('40%');
    // A liaison sets no deadlines.
    expect(await progress().locator('form.deadline').count()).toBe(0);
    await artefactShot(page.locator('gt-item-panel'), 'progress-liaison');
  });

  it('has no form on another unit’s item, and a direct POST from the page is refused', async () => {
    await openItem(other);
    expect(await progress().locator('form.update').count()).toBe(0);
    const answer = await page.evaluate(
      async ([plan, item]) => {
        const response = await fetch('/api/progress', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-guatu-request': '1' },
          body: JSON.stringify({ plan, item, note: '代为报送' }),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      [SEED_PLAN, other] as const,
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { code: 'not_allowed' } });
    // The browser logs the refused request itself; nothing else went wrong.
    expect(problems.splice(0)).toEqual([
      expect.stringMatching(
        /^console: Failed to load resource: the server responded with a status of 403 \(Forbidden\) \(http:\/\/[^)]*\/api\/progress\)$/,
      ),
    ]);
    const [{ n }] = (await cypher('MATCH (p:Progress {itemId: $id}) RETURN count(p) AS n', {
      id: other,
    })) as [{ n: unknown }];
    expect(Number(n)).toBe(0);
  });
});

describe('a planner', () => {
  it('changes the deadline in words, and sees the item overdue once the server’s day passes it', async () => {
    await signIn('wang');
    await openItem(own);
    await progress().locator('form.deadline input[name="due"]').fill('2026年6月底前');
    await progress().locator('form.deadline button[type="submit"]').click();
    await progress().locator('[data-flag="soon"]').waitFor();
    expect(await progress().locator('[data-deadline]').innerText()).toBe('2026年6月底前');
    expect(await progress().locator('[data-due-date]').innerText()).toContain('2026-06-30');
    expect(await progress().locator('[data-flag="soon"]').innerText()).toBe('29 天后到期');
    // A session lasts a working day: a month later the planner signs in again.
    clock.now = new Date('2026-07-03T02:00:00Z');
    await signIn('wang');
    await openItem(own);
    expect(await progress().locator('[data-flag="overdue"]').innerText()).toBe('已逾期 3 天');
    expect(problems).toEqual([]);
  });
});
