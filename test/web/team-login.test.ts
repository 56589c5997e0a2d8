// Team mode in a real Chromium against the real API and Neo4j: before signing in a visitor sees
// the login and nothing of the plan; a wrong password is said in words; a viewer signs in, sees its
// name and role in the header and no import button; signing out ends the session on the server
// too; an administrator adds an account and reads the audit log; a session expires by the clock
// the test controls, also when what meets the expired session is a search, a task list's or a
// report's download (each fetched beside the API client, each reporting the 401 to the app); and
// too many failed tries are refused with the minutes to wait.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
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
import { FGW, loadSeed } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot, ARTIFACTS, buildWeb, launchChromium, WEB_DIST } from './browser.ts';
import { newWatchedPage } from './session.ts';

useTestNeo4j();

const PASSWORD = 'team password 1';
const clock = { now: new Date('2026-12-07T01:00:00Z') };

let dir: string;
let deps: AccountsDeps;
let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  dir = await mkdtemp(join(tmpdir(), 'guatu-team-web-'));
  deps = {
    store: await AccountStore.open(join(dir, 'accounts.sqlite')),
    audit: new AuditLog(join(dir, 'audit.log')),
    throttle: new LoginThrottle({ perAccount: 3, perAddress: 100, windowMs: 15 * 60_000 }),
    now: () => clock.now,
  };
  const passwordHash = await hashPassword(PASSWORD);
  deps.store.add({ name: 'guanli', role: 'admin', units: [], passwordHash });
  deps.store.add({ name: 'kan', role: 'viewer', units: [], passwordHash });
  deps.store.add({ name: 'suoding', role: 'viewer', units: [], passwordHash });
  await Promise.all([
    buildWeb(),
    loadSeed(driver, database),
    mkdir(ARTIFACTS, { recursive: true }),
  ]);
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
  await browser?.close();
  await server?.close();
  deps?.store.close();
  await rm(dir, { recursive: true, force: true });
});

const login = () => page.locator('gt-login');
const alertText = () => page.locator('gt-login [role="alert"]').innerText();

async function signIn(name: string, password = PASSWORD): Promise<void> {
  await page.locator('gt-login input[name="name"]').fill(name);
  await page.locator('gt-login input[name="password"]').fill(password);
  await page.locator('gt-login button[type="submit"]').click();
}

async function signInAndWait(name: string): Promise<void> {
  await signIn(name);
  // The explorer is back once the header shows who is signed in (the canvas may still be drawing).
  await page.locator('gt-account-menu [data-action="account"]').waitFor();
}

/** A session lasts 12 hours: the test clock moves past it. */
function expireSession(): void {
  clock.now = new Date(clock.now.getTime() + 13 * 3_600_000);
}

/**
 * The API paths the page asks from now on, health checks left out (they run on a timer); call the
 * answer to stop listening and read them.
 */
function watchApi(): () => string[] {
  const paths: string[] = [];
  const listener = (request: Request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') && pathname !== '/api/health') paths.push(pathname);
  };
  page.on('request', listener);
  return () => {
    page.off('request', listener);
    return paths;
  };
}

async function sessionCookie(): Promise<string> {
  const cookies = await page.context().cookies(server.url);
  return cookies.find((cookie) => cookie.name === 'guatu_session')?.value ?? '';
}

/** What the API answers a GET with this session cookie (outside the browser). */
async function statusWith(cookie: string): Promise<number> {
  const response = await fetch(`${server.url}/api/plans`, {
    headers: { cookie: `guatu_session=${cookie}` },
  });
  return response.status;
}

describe('team mode', () => {
  it('shows only the login until someone signs in', async () => {
    await page.goto(server.url);
    await login().waitFor();
    expect(await page.locator('gt-login h1').innerText()).toContain('登录挂图');
    expect(await page.locator('gt-graph').count()).toBe(0);
    expect(await page.locator('gt-app header').count()).toBe(0);
  });

  it('says a wrong password in words', async () => {
    await signIn('guanli', 'not the password');
    await page.locator('gt-login [role="alert"]').waitFor();
    expect(await alertText()).toBe('账号或密码不对，请重新输入。');
    await artefactShot(page, 'team-login');
  });

  it('signs a viewer in: its name and role in the header, no import button', async () => {
    await signInAndWait('kan');
    const who = page.locator('gt-account-menu [data-action="account"]');
    expect((await who.innerText()).replace(/\s+/g, ' ')).toBe('kan 查看人员');
    expect(await page.locator('gt-app [data-action="import"]').count()).toBe(0);
  });

  it('signs out: the login again, and the old session is refused by the server', async () => {
    const cookie = await sessionCookie();
    expect(await statusWith(cookie)).toBe(200);
    await page.locator('gt-account-menu [data-action="account"]').click();
    await page.locator('gt-account-menu [data-action="logout"]').click();
    await login().waitFor();
    expect(await statusWith(cookie)).toBe(401);
  });

  it('lets an administrator add an account and read the audit log', async () => {
    await signInAndWait('guanli');
    expect(await page.locator('gt-app [data-action="import"]').count()).toBe(1);
    await page.locator('gt-account-menu [data-action="account"]').click();
    await page.locator('gt-account-menu [data-action="accounts"]').click();
    const panel = page.locator('gt-accounts-panel');
    await panel.locator('tr[data-account="kan"]').waitFor();
    await panel.locator('form.add input[name="name"]').fill('fgw');
    await panel.locator('form.add select[name="role"]').selectOption('liaison');
    await panel.locator('form.add input[name="units"]').fill('市发改委、市财政局');
    await panel.locator('form.add input[name="password"]').fill('liaison password 1');
    await panel.locator('[data-action="add-account"]').click();
    const added = panel.locator('tr[data-account="fgw"]');
    await added.waitFor();
    await artefactShot(page, 'team-accounts');
    expect((await added.locator('td').allInnerTexts()).slice(0, 4)).toEqual([
      'fgw',
      '单位联络员',
      '市发改委、市财政局',
      '启用',
    ]);
    expect(deps.store.account('fgw')).toMatchObject({
      role: 'liaison',
      units: ['市发改委', '市财政局'],
    });
    // Its units narrowed to one: 修改角色 keeps the role and takes the units as typed.
    await added.locator('[data-action="set-role"]').click();
    await added.locator('form[data-edit="role"] input[name="units"]').fill('市发改委');
    await added.locator('form[data-edit="role"] button[type="submit"]').click();
    await expect.poll(() => added.locator('td').nth(2).innerText()).toBe('市发改委');
    expect(deps.store.account('fgw')).toMatchObject({ role: 'liaison', units: ['市发改委'] });

    await panel.locator('[data-tab="audit"]').click();
    const newest = panel.locator('table.audit tbody tr').first();
    await newest.waitFor();
    const cells = await newest.locator('td').allInnerTexts();
    expect(cells.slice(2, 6)).toEqual(['guanli', '系统管理员', '修改账号', 'fgw']);
    await artefactShot(page, 'team-audit');
    expect(await panel.locator('table.audit th').allInnerTexts()).toEqual([
      '序号',
      '时间',
      '账号',
      '角色',
      '操作',
      '对象',
      '变更前',
      '变更后',
      '来源页面',
      '客户端地址',
    ]);
    expect(await panel.locator('.tools').innerText()).toContain('审计日志完整，未被改动。');
    // The button fetches it through the app's client (a 401 there shows the login).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.locator('[data-action="audit-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^挂图审计日志-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe(
      '序号,时间,账号,角色,操作,对象,变更前,变更后,来源页面,客户端地址',
    );
    expect(csv).toContain(',guanli,系统管理员,新建账号,fgw,');
    await panel.locator('[data-action="close"]').click();
  });

  it('turns to the login when the session expires', async () => {
    clock.now = new Date(clock.now.getTime() + 13 * 3_600_000);
    // Any request now finds the session gone: opening the rankings asks the API.
    await page.locator('gt-app nav.tools button[data-tool="hotspots"]').click();
    await login().waitFor();
    expect(await page.locator('gt-graph').count()).toBe(0);
  });

  it('turns to the login when a search meets the expired session', async () => {
    await signInAndWait('kan');
    await page.locator('gt-graph[data-drawn="true"]').waitFor({ state: 'attached' });
    expireSession();
    const asked = watchApi();
    await page.locator('gt-search input').fill('发改');
    await login().waitFor();
    // The search was the one request that met the expired session.
    expect(asked()).toEqual(['/api/search']);
    expect(await page.locator('gt-search').count()).toBe(0);
  });

  it('turns to the login when a task list is downloaded after the session expired', async () => {
    // Signing in reloads the page where it is: at the unit, its panel open.
    await page.goto(`${server.url}/?sel=${encodeURIComponent(FGW)}`);
    await signInAndWait('kan');
    const xlsx = page.locator('gt-unit-panel button[data-task-list="xlsx"]');
    await xlsx.waitFor();
    expireSession();
    const asked = watchApi();
    await xlsx.click();
    await login().waitFor();
    expect(asked()).toEqual(['/api/units/task-list']);
  });

  it('turns to the login when a report is downloaded after the session expired', async () => {
    await signInAndWait('kan');
    await page.locator('gt-app [data-action="report"]').click();
    // The dialog's range comes from the server's today: the dialog has asked once it is there.
    const to = page.locator('gt-report-dialog input[name="to"]');
    await expect.poll(() => to.inputValue()).not.toBe('');
    // Without the war map's picture: the request, not the drawing, is what is tested.
    await page.locator('gt-report-dialog input[name="with-map"]').uncheck();
    expireSession();
    const asked = watchApi();
    await page.locator('gt-report-dialog button[data-format="docx"]').click();
    await login().waitFor();
    expect(asked()).toEqual(['/api/reports/progress']);
  });

  it('refuses too many failed tries, saying how long to wait', async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await signIn('suoding', `wrong ${attempt}`);
      await page.locator('gt-login [role="alert"]').waitFor();
      await page.locator('gt-login button[type="submit"]:not([disabled])').waitFor();
    }
    // The right password now, and still refused: the account is locked for the window.
    await signIn('suoding');
    await expect.poll(alertText).toBe('登录失败次数过多，请 15 分钟后再试。');
    expect(problems.filter((line) => !/401|429|Unauthorized|Too Many/.test(line))).toEqual([]);
  });
});
