// The search in a real Chromium against the seed: the paths tool's unit fields offer units the
// way the main search finds them (pinyin initials, Traditional) and fill the field with the one
// chosen; the main search shows items found by words of their text, with those words marked in a
// snippet, as the API answers them.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { zh } from '../../web/src/i18n/features/search.ts';
import { FGW, SEED_PLAN } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot } from './browser.ts';
import {
  getApi,
  openExplorer,
  openInApp,
  startExplorerSession,
  stopExplorerSession,
} from './session.ts';

useTestNeo4j();

const SFJ = '武汉市/市司法局';
const CZJ = '武汉市/市财政局';

interface Hit {
  id: string;
  label: string;
  matched: string;
  snippet: { text: string; match: boolean }[] | null;
}

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

/**
 * Opens the explorer (loaded once, then in the page's app: the tests are of the search, not of
 * loading; `openExplorer` loads); a page that never draws says what went wrong in it.
 */
async function open(query = '', how = openInApp): Promise<void> {
  try {
    await how(page, server, query);
  } catch (error) {
    throw new Error(`${String(error)}\n${problems.join('\n')}`, { cause: error });
  }
}

/** The options listed under a field, as [id, shown text]. */
function options(field: ReturnType<Page['locator']>) {
  return field
    .locator('[role="option"]')
    .evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-id'), item.querySelector('.name')?.textContent]),
    );
}

describe("the paths tool's unit fields", () => {
  it('offers units by pinyin initials, as the main search does, and fills the field with the one chosen', async () => {
    await open('?tool=paths');
    const panel = page.locator('gt-paths-panel');
    const from = panel.locator('gt-unit-field[name="from"]');
    const input = from.locator('input[name="from"]');

    // 司法局 is sī fǎ jú: "sfj".
    await input.click();
    await page.keyboard.type('sfj');
    await from.locator(`[role="option"][data-id="${SFJ}"]`).waitFor();
    const offered = await options(from);
    const main = await getApi<Hit[]>(server, '/search', { q: 'sfj', plan: SEED_PLAN, limit: '12' });
    // The same units as the main search, in its order, and nothing but units.
    expect(offered.map(([id]) => id)).toEqual(
      main.filter((hit) => hit.id.startsWith('武汉市/')).map((hit) => hit.id),
    );
    expect(offered[0]).toEqual([SFJ, '市司法局']);
    await artefactShot(page, 'search-paths-sfj');
    await from.locator(`[role="option"][data-id="${SFJ}"]`).click();
    expect(await input.inputValue()).toBe('市司法局');
    expect(await from.locator('[role="listbox"]').isHidden()).toBe(true);
  }, 120_000);

  it('takes a unit chosen with the keyboard, finds the paths between the two chosen, and reads Traditional', async () => {
    await open('?tool=paths');
    const panel = page.locator('gt-paths-panel');
    const from = panel.locator('gt-unit-field[name="from"]');
    await from.locator('input[name="from"]').click();
    await page.keyboard.type('sfj');
    await from.locator(`[role="option"][data-id="${SFJ}"]`).waitFor();
    await page.keyboard.press('Enter');
    // 财政局 is cái zhèng jú: "czj".
    const to = panel.locator('gt-unit-field[name="to"]');
    const toInput = to.locator('input[name="to"]');
    await toInput.click();
    await page.keyboard.type('czj');
    await to.locator(`[role="option"][data-id="${CZJ}"]`).waitFor();
    expect((await options(to))[0]).toEqual([CZJ, '市财政局']);
    await page.keyboard.press('Enter');
    expect(await toInput.inputValue()).toBe('市财政局');

    // Find: the paths run between the two units chosen.
    await panel.locator('button[data-action="find"]').click();
    await panel.locator('[data-path-count], [data-paths-none]').first().waitFor();
    const answer = await getApi<{ paths: string[][] }>(server, '/paths', {
      from: SFJ,
      to: CZJ,
      plan: SEED_PLAN,
      limit: '100',
    });
    const listed = panel.locator('ol.paths > li');
    expect(await listed.count()).toBe(answer.paths.length);
    const ends = await listed.evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-start'), item.getAttribute('data-end')]),
    );
    expect(ends.every(([start, end]) => start === SFJ && end === CZJ)).toBe(true);

    await toInput.fill('');
    await toInput.click();
    await page.keyboard.type('財政局');
    await to.locator(`[role="option"][data-id="${CZJ}"]`).waitFor();
  }, 120_000);

  it('takes a unit typed whole without a choice, and says when a text names several', async () => {
    await open('?tool=paths');
    const panel = page.locator('gt-paths-panel');
    await panel.locator('input[name="from"]').fill('市发改委');
    await panel.locator('input[name="to"]').fill('市财政局');
    await panel.locator('button[data-action="find"]').click();
    await panel.locator('[data-path-count]').waitFor();
    const starts = await panel
      .locator('ol.paths > li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-start')));
    expect(new Set(starts)).toEqual(new Set([FGW]));

    await panel.locator('input[name="to"]').fill('局');
    await panel.locator('button[data-action="find"]').click();
    await expect(panel.locator('[data-paths-error]').textContent()).resolves.toBe(
      zh.pathsAmbiguousUnit.replace('{name}', '局'),
    );
  }, 120_000);
});

describe('the main search', () => {
  it('finds items by words of their text and marks the words in a snippet', async () => {
    const word = '示范区';
    await open();
    await page.keyboard.press('/');
    await page.keyboard.type(word);
    const search = page.locator('gt-search');
    await search.locator('[role="option"][data-matched="text"]').first().waitFor();
    const hits = await getApi<Hit[]>(server, '/search', { q: word, plan: SEED_PLAN, limit: '12' });
    expect(hits.length).toBeGreaterThan(0);
    const shown = await search.locator('[role="option"]').evaluateAll((items) =>
      items.map((item) => ({
        id: item.getAttribute('data-id'),
        where: item.querySelector('.where')?.textContent ?? null,
        snippet: item.querySelector('[data-snippet]')?.textContent ?? null,
        marked: [...item.querySelectorAll('[data-snippet] mark')].map((mark) => mark.textContent),
      })),
    );
    expect(shown.map((hit) => hit.id)).toEqual(hits.map((hit) => hit.id));
    for (const [i, hit] of hits.entries()) {
      expect(hit.matched).toBe('text');
      expect(shown[i]?.where).toBe(zh.searchFoundIn_text);
      expect(shown[i]?.marked).toContain(word);
      // The snippet as the API gave it, words and all, shown as text.
      expect(shown[i]?.snippet).toBe(
        zh.searchFoundIn_text + (hit.snippet ?? []).map((part) => part.text).join(''),
      );
    }
    await artefactShot(page, 'search-text-snippet');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('sel') === hits[0]?.id);
    expect(problems.filter((problem) => !problem.includes('Failed to load resource'))).toEqual([]);
  }, 120_000);

  it("draws the units found by name while the search of items' text is still on its way, and Enter takes the first", async () => {
    // Loaded: the answers the page kept from the tests before would spare it the requests held.
    await open('', openExplorer);
    // Every whole answer (names and items' text) is held; the names' answer is let through.
    const held: Route[] = [];
    const hold = (route: Route) => {
      if (new URL(route.request().url()).searchParams.get('fulltext') === 'false') {
        void route.continue();
      } else held.push(route);
    };
    await page.route('**/api/search?**', hold);
    try {
      await page.keyboard.press('/');
      await page.keyboard.type('fgw');
      const search = page.locator('gt-search');
      await search.locator(`[role="option"][data-id="${FGW}"]`).waitFor({ timeout: 15_000 });
      expect(await options(search)).toContainEqual([FGW, '市发改委']);
      expect((await options(search))[0]?.[0]).toBe(FGW);
      // The whole answer for "fgw" was asked and is still held.
      expect(held.map((route) => new URL(route.request().url()).searchParams.get('q'))).toContain(
        'fgw',
      );
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('sel') === FGW);
      await page.locator('gt-unit-panel [data-unit-name]').waitFor();
      expect(await page.locator('gt-unit-panel [data-unit-name]').textContent()).toContain(
        '市发改委',
      );
    } finally {
      await page.unroute('**/api/search?**', hold);
      for (const route of held) await route.continue().catch(() => {});
    }
  }, 120_000);
});
