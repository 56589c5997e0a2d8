// The attach screen (待关联进展) in a real Chromium against the real API and Neo4j, in team mode.
// A plan is loaded and progress reported on two of its items; a new edition drops both (and adds
// an item worded much like one of them), so the reload keeps both records unattached. A liaison
// sees no attach entry; a planner sees 待关联进展 2, attaches one record to the item proposed first
// (the new one with the like title) and the other to an item found by the search, and each time
// the list shrinks and the item's panel shows the record in its history.
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
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import { queries } from '../../graph/queries/registry.ts';
import { renamedSeed, seedText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot, buildWeb, launchChromium, WEB_DIST } from './browser.ts';
import { newWatchedPage } from './session.ts';

useTestNeo4j();

const PASSWORD = 'team password 1';
const clock = { now: new Date('2026-06-01T02:00:00Z') };

// The seed's first themes under a title of their own: small, and not the plan other suites read.
const PLAN_TEXT = renamedSeed('关联', seedText.split('\n').slice(0, 90).join('\n'));
// The new edition: 二(一)1 and 二(一)3 dropped; a 二(一)5 worded much like the old 二(一)1.
const EDITION = PLAN_TEXT.replace(/^1\.创建东湖综合性国家科学中心。.*\n/mu, '')
  .replace(/^3\.打造创新人才集聚高地。.*\n/mu, '')
  .replace(
    /^(4\.打造科技成果转化高地。.*\n)/mu,
    '$1\n5.加快东湖综合性国家科学中心建设。推进大科学装置落地。(牵头单位:市科技局;责任单位:市发改委)\n',
  );

let dir: string;
let deps: AccountsDeps;
let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];
let planId = '';
const records = { science: '', talent: '' };
const item = (ref: string) => `${planId}/${ref}`;

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

const load = (text: string) =>
  loadPlanText(getDriver(), text, 'attach.txt', {
    database: connection().database,
    force: true,
    replace: true,
  });

const report = async (ref: string, note: string) =>
  (
    await recordProgress(getDriver(), connection().database, {
      itemId: item(ref),
      update: { status: 'in-progress', note },
      by: 'zhang',
      source: 'update',
      now: clock.now,
    })
  ).after.id;

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  dir = await mkdtemp(join(tmpdir(), 'guatu-attach-web-'));
  deps = {
    store: await AccountStore.open(join(dir, 'accounts.sqlite')),
    audit: new AuditLog(join(dir, 'audit.log')),
    throttle: new LoginThrottle({ perAccount: 10, perAddress: 100, windowMs: 60_000 }),
    now: () => clock.now,
  };
  const passwordHash = await hashPassword(PASSWORD);
  deps.store.add({ name: 'zhang', role: 'liaison', units: ['市科技局'], passwordHash });
  deps.store.add({ name: 'wang', role: 'planner', units: [], passwordHash });
  const [outcome] = await Promise.all([load(PLAN_TEXT), buildWeb()]);
  planId = outcome.planId;
  await clearRecords();
  records.science = await report('二(一)1', '科学城总体规划已获批复');
  records.talent = await report('二(一)3', '人才政策十条已印发');
  const reloaded = await load(EDITION);
  if (reloaded.status === 'already-loaded') throw new Error('the edition was not loaded');
  expect(reloaded.write.records.unattached.map((record) => record.itemRef).sort()).toEqual([
    '二(一)1',
    '二(一)3',
  ]);
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
  await removePlansOtherThanSeed(getDriver());
  await browser?.close();
  await server?.close();
  deps?.store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Signs in through the page's own request context: the cookie lands in the page's jar. */
async function signIn(name: string): Promise<void> {
  const response = await page.request.post(`${server.url}/api/session`, {
    headers: { origin: server.url, 'x-guatu-request': '1' },
    data: { name, password: PASSWORD },
  });
  expect(response.status()).toBe(200);
}

/**
 * Opens the plan and waits until the header knows who is signed in, and with `drawn` until the
 * plan is drawn too (the proposals are chosen from the items drawn).
 */
async function openPlan(drawn: boolean): Promise<void> {
  await page.goto(`${server.url}/?plan=${encodeURIComponent(planId)}`);
  if (drawn) await page.locator('gt-graph[data-drawn="true"]').waitFor({ state: 'attached' });
  await page.locator('gt-account-menu [data-action="account"]').waitFor();
}

const badge = () => page.locator('gt-unattached [data-action="unattached"]');
const dialog = () => page.locator('gt-unattached dialog');
const card = (id: string) => dialog().locator(`li.record[data-record="${id}"]`);
const history = () => page.locator('gt-item-progress ol.history');

describe('a liaison', () => {
  it('sees no attach entry, though records are unattached', async () => {
    const asked: string[] = [];
    const onRequest = (request: { url(): string }) => asked.push(request.url());
    page.on('request', onRequest);
    await signIn('zhang');
    await openPlan(false);
    page.off('request', onRequest);
    // The header knows the account (the menu is there): the entry is not, and was never asked for.
    expect(await page.locator('gt-unattached').count()).toBe(1);
    expect(await badge().count()).toBe(0);
    expect(await page.locator('gt-unattached dialog').count()).toBe(0);
    expect(asked.filter((url) => url.includes('/api/progress/unattached'))).toEqual([]);
    expect(asked.some((url) => url.includes('/api/plans/graph'))).toBe(true);
  });
});

describe('a planner', () => {
  it('sees how many records wait, each as it was recorded, the like title proposed first', async () => {
    await signIn('wang');
    await openPlan(true);
    await expect.poll(() => badge().innerText()).toBe('待关联进展 2');
    await badge().click();
    await card(records.science).waitFor();
    const science = card(records.science);
    expect(await science.locator('[data-was-ref]').innerText()).toBe('二(一)1');
    expect(await science.locator('[data-was-title]').innerText()).toBe(
      '创建东湖综合性国家科学中心',
    );
    expect(await science.locator('[data-note]').innerText()).toBe('科学城总体规划已获批复');
    expect(await science.locator('[data-status]').innerText()).toBe('状态:推进中');
    expect(await science.locator('.meta').innerText()).toContain('zhang');
    expect(await science.locator('.meta').innerText()).toContain('2026/06/01');
    expect(await science.locator('.badge').innerText()).toBe('进展');
    const proposals = science.locator('button.proposal');
    expect(await proposals.first().getAttribute('data-item')).toBe(item('二(一)5'));
    expect(await proposals.first().locator('.likeness').innerText()).toBe('相似 77%');
    await artefactShot(page, 'attach-dialog');
  });

  it('attaches a record to the item proposed: the list shrinks, the panel shows it', async () => {
    const science = card(records.science);
    await science.locator('button.proposal').first().click();
    expect(await science.locator('[data-target]').innerText()).toBe(
      '将关联到:二(一)5 加快东湖综合性国家科学中心建设',
    );
    await science.locator('[data-action="attach"]').click();
    await dialog().locator('p.done').waitFor();
    expect(await dialog().locator('p.done').innerText()).toBe(
      '已关联到 二(一)5 加快东湖综合性国家科学中心建设,记录见该事项的进展历史。',
    );
    await expect.poll(() => dialog().locator('li.record').count()).toBe(1);
    await expect.poll(() => badge().innerText()).toBe('待关联进展 1');
    await dialog().locator('[data-action="attach-close"]').click();
    const attached = history().locator(`li[data-record="${records.science}"]`);
    await attached.waitFor();
    expect(await attached.locator('p').innerText()).toBe('科学城总体规划已获批复');
    expect(new URL(page.url()).searchParams.get('sel')).toBe(item('二(一)5'));
    const [row] = await cypher(
      `MATCH (p:Progress {id: $id})-[:ON]->(i:Item)
       RETURN i.id AS on, p.unattached AS unattached, p.attachedBy AS by`,
      { id: records.science },
    );
    expect(row).toEqual({ on: item('二(一)5'), unattached: null, by: 'wang' });
  });

  it('attaches the other to an item found by the search, and the entry goes', async () => {
    await badge().click();
    const talent = card(records.talent);
    await talent.waitFor();
    const field = talent.locator('gt-item-field input');
    await field.fill('产业创新高地');
    const hit = talent.locator(`gt-item-field [role="option"][data-id="${item('二(一)2')}"]`);
    await hit.waitFor();
    await hit.dispatchEvent('pointerdown');
    expect(await talent.locator('[data-target]').innerText()).toBe(
      '将关联到:二(一)2 打造产业创新高地',
    );
    await talent.locator('[data-action="attach"]').click();
    await dialog().locator('[data-empty]').waitFor();
    expect(await dialog().locator('[data-empty]').innerText()).toBe('所有进展记录都已关联到事项。');
    await dialog().locator('[data-action="attach-close"]').click();
    await expect.poll(() => badge().count()).toBe(0);
    const attached = history().locator(`li[data-record="${records.talent}"]`);
    await attached.waitFor();
    expect(await attached.locator('p').innerText()).toBe('人才政策十条已印发');
    const left = await fetch(
      `${server.url}/api/progress/unattached?plan=${encodeURIComponent(planId)}`,
      { headers: { cookie: await sessionCookie() } },
    );
    expect(((await left.json()) as { records: unknown[] }).records).toEqual([]);
    expect(problems).toEqual([]);
  });
});

async function sessionCookie(): Promise<string> {
  const cookies = await page.context().cookies(server.url);
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}
