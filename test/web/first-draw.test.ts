// The first screen asks for the plan's graph at once, beside the plans list, not after it: the
// list is held back by the test until the graph has been asked for, so an app that waited for it
// would never ask (and the test would fail); the plan is then drawn with no error logged.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { SEED_PLAN } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { openExplorer, readCanvas, startExplorerSession, stopExplorerSession } from './session.ts';

useTestNeo4j();

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** How long the plans list is held at most: far longer than asking for the graph takes. */
const HOLD_MS = 20_000;

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

describe('the first screen', () => {
  it('asks for the graph while the plans list is still on its way', async () => {
    const asked: string[] = [];
    let graphAsked: () => void = () => {};
    const graph = new Promise<void>((resolve) => {
      graphAsked = resolve;
    });
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/'))
        asked.push(new URL(request.url()).pathname + new URL(request.url()).search);
      if (path === '/api/plans/graph') graphAsked();
    });
    let heldUntilGraph: boolean | null = null;
    await page.route('**/api/plans', async (route: Route) => {
      const held = await Promise.race([
        graph.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), HOLD_MS)),
      ]);
      heldUntilGraph ??= held;
      await route.continue();
    });
    try {
      await openExplorer(page, server);
    } finally {
      await page.unroute('**/api/plans');
    }
    expect(heldUntilGraph).toBe(true);
    // Asked without a plan: the API answers with the first of the list, the one drawn.
    expect(asked).toContain('/api/plans/graph');
    expect(await readCanvas<number>(page, 'cy.nodes().length')).toBeGreaterThan(0);
    expect(
      await readCanvas<boolean>(
        page,
        `cy.nodes().every((n) => n.data('planId') === undefined || n.data('planId') === ${JSON.stringify(SEED_PLAN)})`,
      ),
    ).toBe(true);
    expect(problems).toEqual([]);
  });
});
