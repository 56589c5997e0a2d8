// Import in the explorer, in a real Chromium against the real API and Neo4j: a notice dropped on
// the page is reviewed (its items on their lines, its units marked), nothing is written until 载入,
// then the explorer shows the new plan and the search finds its units; a corrupt file shows its
// message in Chinese and English, 载入 stays disabled, and the database is as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { readDocument } from '../../graph/parse/parse-document.ts';
import { SEED_PLAN } from '../api/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot } from './browser.ts';
import { getApi, openExplorer, startExplorerSession, stopExplorerSession } from './session.ts';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));
/** The Word table with merged cells and automatic numbering (issue 12's example 06). */
const NOTICE = '06-table-word.docx';
/** One of its units, to be found by the search once loaded. */
const NOTICE_UNIT = '市工信局';

useTestNeo4j();

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
  await removePlansOtherThanSeed(getDriver());
}, 240_000);

afterAll(async () => {
  // The other browser suites expect the seed alone.
  await removePlansOtherThanSeed(getDriver());
  await stopExplorerSession({ server, browser });
});

async function census(): Promise<{ nodes: number; relationships: number }> {
  const session = getDriver().session({
    database: connection().database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    const count = async (query: string) => {
      const value: unknown = (await session.run(query)).records[0]?.get(0);
      return neo4j.isInt(value) ? value.toNumber() : Number(value);
    };
    return {
      nodes: await count('MATCH (n) RETURN count(n)'),
      relationships: await count('MATCH ()-[r]->() RETURN count(r)'),
    };
  } finally {
    await session.close();
  }
}

const planIds = async () => (await getApi<{ id: string }[]>(server, '/plans')).map((p) => p.id);

/** Drops a file on the page as a planner's file manager would: dragover, then drop. */
async function dropFile(name: string, bytes: Uint8Array): Promise<void> {
  // A string, not a function: the test project has no DOM types, the page has.
  await page.evaluate(`(() => {
    const binary = atob(${JSON.stringify(Buffer.from(bytes).toString('base64'))});
    const data = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], ${JSON.stringify(name)}));
    const target = document.querySelector('gt-app') ?? document.body;
    for (const type of ['dragover', 'drop']) {
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true };
      target.dispatchEvent(new DragEvent(type, init));
    }
  })()`);
}

describe('import in the explorer', () => {
  it('reviews a dropped notice, writes nothing until 载入, then shows the new plan', async () => {
    const bytes = readFileSync(join(EXAMPLES, NOTICE));
    const { model } = await readDocument(bytes, { name: NOTICE });
    const unit = model.units.find((candidate) => candidate.name === NOTICE_UNIT);
    expect(unit, `${NOTICE} names ${NOTICE_UNIT}`).toBeDefined();

    await openExplorer(page, server);
    const before = await census();
    await dropFile(NOTICE, bytes);

    const review = page.locator('gt-import-review');
    await review.waitFor({ state: 'visible' });
    // Counts by kind, as the parser reads the file.
    for (const kind of ['indicator', 'theme', 'task', 'project', 'requirement'] as const) {
      const shown = await review.locator(`[data-kind-count="${kind}"] strong`).textContent();
      expect(Number(shown), kind).toBe(model.items.filter((item) => item.kind === kind).length);
    }
    // Each item marked on its own line; the unit marked where it is printed.
    for (const item of model.items) {
      await expect(
        review.locator(`li[data-line="${item.line}"]`).getAttribute('data-item'),
      ).resolves.toBe(item.id);
    }
    expect(await review.locator(`mark[data-unit="${unit?.key}"]`).count()).toBeGreaterThan(0);
    await expect(
      review.locator(`.units li[data-unit="${unit?.key}"]`).textContent(),
    ).resolves.toContain(NOTICE_UNIT);
    await artefactShot(page, 'import-review');

    // Reviewed, not written.
    expect(await census()).toEqual(before);
    expect(await planIds()).toEqual([SEED_PLAN]);

    await page.locator('gt-import-dialog [data-action="import-load"]').click();
    await page.waitForURL((url) => url.searchParams.get('plan') === model.plan.id);
    await page.locator('gt-import-dialog dialog[open]').waitFor({ state: 'detached' });
    expect(await planIds()).toContain(model.plan.id);
    await page.locator('gt-graph[data-drawn="true"]').waitFor({ state: 'attached' });
    await expect(page.locator('h1').textContent()).resolves.toContain(model.plan.title);

    // Its units are in the graph: the search finds one and selects it.
    await page.keyboard.press('/');
    await page.keyboard.type(NOTICE_UNIT);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('sel') === unit?.id);
    await artefactShot(page, 'import-loaded');
    expect(problems).toEqual([]);
  });

  it('shows a corrupt file’s message in Chinese and English, and leaves the database as it was', async () => {
    await openExplorer(page, server);
    const before = await census();
    const plans = await planIds();
    const docx = readFileSync(join(EXAMPLES, '06-table-word.docx'));

    await page.locator('gt-app button[data-action="import"]').click();
    await page.locator('gt-import-dialog input[type="file"]').setInputFiles({
      name: 'broken.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx.subarray(0, Math.floor(docx.length / 3)),
    });

    const message = page.locator('gt-import-dialog [data-error="not_loadable"]');
    await message.waitFor({ state: 'visible' });
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('不能载入');
    expect(text).toContain('cannot be loaded');
    await expect(
      page.locator('gt-import-dialog [data-action="import-load"]').isDisabled(),
    ).resolves.toBe(true);
    // The error is also shown in the document view, as a coded issue with its Chinese.
    const issue = page.locator('gt-import-review .issue.error').first();
    await expect(issue.textContent()).resolves.toMatch(/[\u4e00-\u9fff]/u);
    await artefactShot(page, 'import-corrupt');

    await page.locator('gt-import-dialog [data-action="import-cancel"]').click();
    await page.locator('gt-import-dialog dialog[open]').waitFor({ state: 'detached' });
    expect(await census()).toEqual(before);
    expect(await planIds()).toEqual(plans);
    expect(problems).toEqual([]);
  });
});
