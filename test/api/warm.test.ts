// Warming at start (graph/api/warm.ts): once the explorer's server has started, the first search,
// unit profile and neighbourhood a planner asks for run only query texts Neo4j has already
// planned, and the search reads no candidates. Checked by recording what the API sends to Neo4j,
// not by timing.
import type { Driver, Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerCache } from '../../graph/api/answer-cache.ts';
import { apiQueryDefinitions } from '../../graph/api/context.ts';
import type { ServerHandle } from '../../graph/api/server.ts';
import { representatives, warmApi } from '../../graph/api/warm.ts';
import { serveExplorer } from '../../graph/cli/serve.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { queries } from '../../graph/queries/registry.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { loadSeed, SEED_PLAN, seedApp, url } from './support.ts';

useTestNeo4j();

/** The driver, with every query text a session runs written to `texts`. */
function recording(driver: Driver, texts: string[]): Driver {
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, key) {
        if (key === 'run') {
          return (text: string, ...rest: unknown[]) => {
            texts.push(text);
            return (target.run as (...args: unknown[]) => unknown)(text, ...rest);
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, key) {
      if (key === 'session') {
        return (...args: Parameters<Driver['session']>) => wrapSession(target.session(...args));
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const textOf = (name: string) => {
  const definition = apiQueryDefinitions().get(name);
  if (definition === undefined) throw new Error(`no API query ${name}`);
  return definition.text;
};

/** A unit the warming does not ask about (it takes the two busiest), and its first clicks. */
const ENVIRONMENT = '武汉市/市生态环境局';
const firstClicks = [
  url('/api/search', { q: 'sthj', plan: SEED_PLAN, limit: 12 }),
  url('/api/search', { q: '生态', plan: SEED_PLAN, limit: 12 }),
  url('/api/units/profile', { id: ENVIRONMENT, plan: SEED_PLAN }),
  url('/api/neighbourhood', { id: ENVIRONMENT, limit: 50, types: 'LEADS,SUPPORTS' }),
  // An item's panel asks for its progress too.
  url('/api/progress', { plan: SEED_PLAN, item: `${SEED_PLAN}/二(三)1` }),
];

let server: ServerHandle;
const atStart: string[] = [];

beforeAll(async () => {
  const database = connection().database;
  await loadSeed(getDriver(), database);
  server = await serveExplorer({
    driver: recording(getDriver(), atStart),
    database,
    port: 0,
    host: '127.0.0.1',
    webRoot: null,
  });
}, 120_000);

afterAll(() => server?.close());

describe('warming at start', () => {
  it('picks the busiest units, a theme with tasks and an item from the plan', async () => {
    const graph = (await (
      await seedApp(getDriver(), connection().database).request(
        url('/api/plans/graph', { plan: SEED_PLAN }),
      )
    ).json()) as Parameters<typeof representatives>[0];
    const picked = representatives(graph);
    expect(picked.units).toHaveLength(2);
    expect(picked.units).not.toContain(ENVIRONMENT);
    expect(picked.theme).toMatch(new RegExp(`^${SEED_PLAN}/`));
    expect(picked.item).toMatch(new RegExp(`^${SEED_PLAN}/`));
    expect(picked.search).not.toBeNull();
  });

  it("runs every one of the API's lookups a click reaches, and every ranking, before listening", () => {
    const ran = new Set(atStart);
    // The console alone completes relationships whose ends a result left out; a task list is a
    // file built on demand (seconds of Excel or Word writing), not a click's drawn answer.
    const clicked = [...apiQueryDefinitions().keys()].filter(
      (name) => name !== 'nodes-by-element-id' && name !== 'unit-task-list',
    );
    expect(clicked.filter((name) => !ran.has(textOf(name)))).toEqual([]);
    const hotspots = queries().filter((definition) =>
      [
        'unit-load',
        'multi-lead-items',
        'coordination-pairs',
        'brokers',
        'communities',
        'cross-theme-units',
        'collective-exposure',
      ].includes(definition.name),
    );
    expect(hotspots).toHaveLength(7);
    expect(hotspots.filter((definition) => !ran.has(definition.text)).map((d) => d.name)).toEqual(
      [],
    );
  });

  it('answers the first search, profile and neighbourhood with query texts already planned', async () => {
    const after: string[] = [];
    const before = atStart.length;
    for (const path of firstClicks) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
    after.push(...atStart.slice(before));
    // Neo4j was asked (the profile and neighbourhood of a unit not warmed are new answers)…
    expect(after).toContain(textOf('unit-panel'));
    expect(after).toContain(textOf('neighbourhood'));
    // …but only with texts it planned at start, and the search ranked kept candidates.
    const planned = new Set(atStart.slice(0, before));
    expect(after.filter((text) => !planned.has(text))).toEqual([]);
    expect(after).not.toContain(textOf('search-candidates'));
  });

  it('without warming, the first search reads the candidates from Neo4j', async () => {
    const texts: string[] = [];
    const app = seedApp(recording(getDriver(), texts), connection().database);
    const response = await app.request(firstClicks[0] ?? '');
    expect(response.status).toBe(200);
    expect(texts).toContain(textOf('search-candidates'));
  });

  it('reports each request it made; on the seed none fails', async () => {
    const report = await warmApi(seedApp(getDriver(), connection().database));
    expect(report.plans).toBeGreaterThanOrEqual(1);
    expect(report.failed).toEqual([]);
    const routes = report.requests.map((request) => request.path.split('?')[0]);
    for (const route of ['/api/search', '/api/units/profile', '/api/neighbourhood', '/api/paths']) {
      expect(routes).toContain(route);
    }
    expect(routes).toContain('/api/hotspots/coordination-pairs');
  });

  it('a minute after start, once the kept answers have aged out, the first search still reads no candidates', async () => {
    // lru-cache counts an entry set at time 0 as never set: the clock starts later.
    let clock = 1_000_000;
    const answers = new AnswerCache({ maxBytes: 64 * 2 ** 20, ttlMs: 60_000, now: () => clock });
    const texts: string[] = [];
    const app = seedApp(recording(getDriver(), texts), connection().database, { answers });
    await warmApi(app);
    expect(texts).toContain(textOf('search-candidates'));
    clock += 61_000;
    answers.purgeExpired();
    expect(answers.stats().entries).toBe(0);
    const before = texts.length;
    const response = await app.request(firstClicks[0] ?? '');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }[])[0]?.id).toBe(ENVIRONMENT);
    expect(texts.slice(before)).not.toContain(textOf('search-candidates'));
  });

  it('keeps each ranking as the rankings panel first asks for it, so opening it runs no ranking', async () => {
    // An app of its own, its kept answers never aging: the server's age out after a minute,
    // which a busy machine's start can take.
    const answers = new AnswerCache({ maxBytes: 64 * 2 ** 20, ttlMs: 3_600_000 });
    const texts: string[] = [];
    const app = seedApp(recording(getDriver(), texts), connection().database, { answers });
    await warmApi(app);
    const names = ['unit-load', 'coordination-pairs'];
    const rankings = queries()
      .filter((definition) => names.includes(definition.name))
      .map((definition) => definition.text);
    expect(rankings).toHaveLength(2);
    expect(rankings.every((text) => texts.includes(text))).toBe(true);
    const before = texts.length;
    for (const name of names) {
      // As web/src/components/gt-hotspots-panel.ts asks: collectives left out, said outright.
      const response = await app.request(
        url(`/api/hotspots/${name}`, { plan: SEED_PLAN, collectives: false }),
      );
      expect(response.status, name).toBe(200);
    }
    expect(texts.slice(before).filter((text) => rankings.includes(text))).toEqual([]);
  });
});
