// Merging units from the unit panel, in a real Chromium against the real API and Neo4j, in team
// mode, on one page: a viewer sees no action; a planner merges 市科技局 into 市发改委 (a preview
// counting what moves, then the merge) and the graph shows one unit carrying both, the panel its
// merged name; 拆分 (split) brings back two.
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
import { queries } from '../../graph/queries/registry.ts';
import { splitMerge } from '../../graph/units/merge.ts';
import { renamedSeed, seedText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot, buildWeb, launchChromium, WEB_DIST } from './browser.ts';
import { newWatchedPage, readCanvas } from './session.ts';

useTestNeo4j();

const PASSWORD = 'team password 1';
// The seed's first themes under a title of their own: small, quick to draw.
const PLAN_TEXT = renamedSeed('合并', seedText.split('\n').slice(0, 90).join('\n'));
const A = '武汉市/市科技局';
const B = '武汉市/市发改委';

let dir: string;
let deps: AccountsDeps;
let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];
let planId = '';

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const session = getDriver().session({ database: connection().database });
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  dir = await mkdtemp(join(tmpdir(), 'guatu-unit-merge-web-'));
  deps = {
    store: await AccountStore.open(join(dir, 'accounts.sqlite')),
    audit: new AuditLog(join(dir, 'audit.log')),
    throttle: new LoginThrottle({ perAccount: 10, perAddress: 100, windowMs: 60_000 }),
  };
  const passwordHash = await hashPassword(PASSWORD);
  deps.store.add({ name: 'li', role: 'viewer', units: [], passwordHash });
  deps.store.add({ name: 'wang', role: 'planner', units: [], passwordHash });
  const [outcome] = await Promise.all([
    loadPlanText(driver, PLAN_TEXT, 'unit-merge.txt', { database, force: true, replace: true }),
    buildWeb(),
  ]);
  planId = outcome.planId;
  const app = createApp({
    driver,
    database,
    queries: queries(),
    webRoot: WEB_DIST,
    accounts: deps,
  });
  server = await startServer({ app, port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  page = await newWatchedPage(browser, problems);
}, 240_000);

afterAll(async () => {
  // A merge a failed test left is split: the units are shared with every plan of the city.
  for (const { id } of await cypher('MATCH (m:UnitMerge) RETURN m.id AS id')) {
    const session = getDriver().session({ database: connection().database });
    try {
      await session.executeWrite((tx) => splitMerge(tx, { merge: String(id) }));
    } finally {
      await session.close();
    }
  }
  await removePlansOtherThanSeed(getDriver());
  await browser?.close();
  await server?.close();
  deps?.store.close();
  await rm(dir, { recursive: true, force: true });
});

async function signIn(name: string): Promise<void> {
  const response = await page.request.post(`${server.url}/api/session`, {
    headers: { origin: server.url, 'x-guatu-request': '1' },
    data: { name, password: PASSWORD },
  });
  expect(response.status()).toBe(200);
}

/** Opens the plan with `unit` selected; waits for the drawing, the account and the panel. */
async function openUnit(unit: string): Promise<void> {
  const query = new URLSearchParams({ plan: planId, sel: unit });
  await page.goto(`${server.url}/?${query.toString()}`);
  await page.locator('gt-graph[data-drawn="true"]').waitFor({ state: 'attached' });
  await page.locator('gt-account-menu [data-action="account"]').waitFor();
  await page.locator('gt-unit-panel [data-unit-name]').waitFor();
}

const onCanvas = (id: string) => readCanvas<number>(page, `cy.$id(${JSON.stringify(id)}).length`);
const unitName = () => page.locator('gt-unit-panel [data-unit-name]').innerText();
const merge = () => page.locator('gt-unit-panel gt-unit-merge');

describe('merging units from the unit panel', () => {
  it('shows a viewer no action', async () => {
    await signIn('li');
    await openUnit(A);
    expect(await unitName()).toBe('市科技局');
    // The panel is drawn and knows the account: the action is not there.
    await page.locator('gt-unit-panel [data-metric="itemsLed"]').waitFor();
    expect(await merge().locator('[data-action="merge-into"]').count()).toBe(0);
    expect(await merge().locator('[data-action="split"]').count()).toBe(0);
  });

  it('lets a planner merge 市科技局 into 市发改委: one unit on the graph, its merged name listed', async () => {
    await signIn('wang');
    await openUnit(A);
    expect(await onCanvas(A)).toBe(1);
    const [edges] = await cypher(
      `MATCH (:Unit {id: $a})-[r:LEADS|SUPPORTS]->()
       RETURN count(CASE type(r) WHEN 'LEADS' THEN 1 END) AS leads,
              count(CASE type(r) WHEN 'SUPPORTS' THEN 1 END) AS supports`,
      { a: A },
    );
    await merge().locator('[data-action="merge-into"]').click();
    await merge().locator('gt-unit-field input').fill('发改委');
    await merge().locator(`gt-unit-field [role="option"][data-id="${B}"]`).click();
    await merge().locator('[data-action="merge-preview"]').click();
    const preview = merge().locator('[data-will-move]');
    await preview.waitFor();
    expect(await preview.innerText()).toContain(
      `将把「市科技局」合并到「市发改委」:移动牵头 ${Number(edges?.['leads'])} 条、配合 ${Number(edges?.['supports'])} 条`,
    );
    await artefactShot(page, 'unit-merge-preview');
    // The preview wrote nothing.
    expect(await cypher('MATCH (m:UnitMerge) RETURN m')).toEqual([]);

    await merge().locator('[data-action="merge-confirm"]').click();
    await expect.poll(() => onCanvas(A)).toBe(0);
    expect(await onCanvas(B)).toBe(1);
    await expect.poll(unitName).toBe('市发改委');
    const merged = merge().locator(`[data-merged="${A}"]`);
    await merged.waitFor();
    expect(await merged.locator('.name').innerText()).toBe('市科技局');
    expect(await merged.locator('.meta').innerText()).toContain('wang');
    // B now carries A's items: the items A alone led are B's on the graph too.
    const [leads] = await cypher(
      `MATCH (:Unit {id: $b})-[r:LEADS {planId: $plan}]->(i:Item) RETURN count(DISTINCT i) AS n`,
      { b: B, plan: planId },
    );
    await expect
      .poll(() =>
        readCanvas<number>(
          page,
          `new Set(cy.$id(${JSON.stringify(B)}).outgoers('edge[type = "LEADS"]').targets().map((n) => n.id())).size`,
        ),
      )
      .toBe(Number(leads?.['n']));
    await artefactShot(page, 'unit-merge-merged');
  });

  it('splits it again: two units on the graph, no merged name', async () => {
    await merge().locator(`[data-merged="${A}"] [data-action="split"]`).click();
    await expect.poll(() => onCanvas(A)).toBe(1);
    expect(await onCanvas(B)).toBe(1);
    await expect.poll(() => merge().locator('[data-merged]').count()).toBe(0);
    expect(await cypher('MATCH (m:UnitMerge) RETURN m')).toEqual([]);
    expect(problems).toEqual([]);
  });
});
