// Each capability of the API on the real seed, in process through app.request(), against the
// run's Neo4j. Expected figures are read from the graph itself (ACTIVE_IN metrics, shared items),
// so the API is checked against the loader's numbers, not against copies of them.
import type { Hono } from 'hono';
import neo4j, { type Driver } from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import {
  ElementKind,
  ErrorBody,
  Health,
  HotspotAnswer,
  HotspotList,
  Neighbourhood,
  NodeAnswer,
  NodeData,
  PathsAnswer,
  PlanGraph,
  PlanList,
  QueryAnswer,
  QueryList,
  SearchHits,
  SourceLines,
  ThemeReach,
  UnitProfile,
  type Elements,
} from '../../web/src/api/schema.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import {
  FGW,
  get,
  KJJ,
  loadSeed,
  post,
  SEED_PLAN,
  seedApp,
  TASK_1,
  THEME_1,
  type ErrorAnswer,
} from './support.ts';

useTestNeo4j();

let driver: Driver;
let database: string;
let app: Hono;

/** One read straight from Neo4j, rows as plain objects. */
async function read(
  query: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(query, params);
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  driver = getDriver();
  database = connection().database;
  await loadSeed(driver, database);
  app = seedApp(driver, database);
});

describe('host names', () => {
  it('answers only to the names it serves, reads included (DNS rebinding)', async () => {
    const foreign = await app.request('/api/health', { headers: { Host: 'attacker.example' } });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as ErrorAnswer).error.code).toBe('host_not_served');
    const page = await app.request('/', { headers: { Host: 'attacker.example:8080' } });
    expect(page.status).toBe(403);
    for (const host of ['127.0.0.1', 'localhost:80', '[::1]']) {
      const own = await app.request('/api/health', { headers: { Host: host } });
      expect(own.status, host).toBe(200);
    }
  });
});

describe('health and plans', () => {
  it('says Neo4j is up and lists the seed plan', async () => {
    const { status, body } = await get<{ neo4j: string; plans: { id: string; title: string }[] }>(
      app,
      '/api/health',
    );
    expect(status).toBe(200);
    expect(body.neo4j).toBe('up');
    expect(body.plans).toContainEqual({
      id: SEED_PLAN,
      title: '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
    });
  });

  it('lists the plans with the counts stored on them', async () => {
    const { status, body } = await get<Record<string, unknown>[]>(app, '/api/plans');
    expect(status).toBe(200);
    const seed = body.find((plan) => plan['id'] === SEED_PLAN);
    const [stored] = await read(
      `MATCH (p:Plan {id: $id})
       RETURN p.itemCount AS itemCount, p.unitCount AS unitCount, p.edgeCount AS edgeCount, p.sourceSha256 AS sourceSha256`,
      { id: SEED_PLAN },
    );
    expect(seed).toEqual({
      id: SEED_PLAN,
      title: '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
      issuer: '武汉市人民政府办公厅',
      date: '2022-03-03',
      jurisdiction: '武汉市',
      ...stored,
    });
    expect(seed?.['unitCount']).toBe(70);
  });

  it('draws the whole plan: its units and items, without the plan node', async () => {
    const { status, body } = await get<{ elements: Elements }>(app, '/api/plans/graph', {
      plan: SEED_PLAN,
    });
    expect(status).toBe(200);
    const [counts] = await read(
      `MATCH (p:Plan {id: $id})
       RETURN COUNT { (:Item {planId: $id}) } AS items,
              COUNT { (:Unit)-[:ACTIVE_IN]->(p) } AS units,
              COUNT { ()-[:LEADS|SUPPORTS {planId: $id}]->() } AS assignments`,
      { id: SEED_PLAN },
    );
    const kinds = body.elements.nodes.map((node) => node.data.kind);
    expect(kinds.filter((kind) => kind === 'unit')).toHaveLength(counts?.['units'] as number);
    expect(kinds.filter((kind) => kind !== 'unit')).toHaveLength(counts?.['items'] as number);
    expect(kinds).not.toContain('plan');
    const assignments = body.elements.edges.filter((edge) =>
      ['LEADS', 'SUPPORTS'].includes(edge.data.type),
    );
    expect(assignments).toHaveLength(counts?.['assignments'] as number);
    const fgw = body.elements.nodes.find((node) => node.data.id === FGW);
    expect(fgw?.data).toMatchObject({ label: '市发改委', kind: 'unit', itemsLed: 53, load: 63.5 });
    const ids = new Set(body.elements.nodes.map((node) => node.data.id));
    for (const edge of body.elements.edges) {
      expect(ids.has(edge.data.source) && ids.has(edge.data.target)).toBe(true);
    }
  });
});

describe('search', () => {
  it.each(['fgw', '发改委', '發改委', 'Development and Reform', 'sfgw', '市发展改革委'])(
    '"%s" finds 市发改委 first',
    async (q) => {
      const { status, body } = await get<{ id: string; label: string; kind: string }[]>(
        app,
        '/api/search',
        {
          q,
          plan: SEED_PLAN,
        },
      );
      expect(status).toBe(200);
      expect(body[0]).toMatchObject({ id: FGW, label: '市发改委', kind: 'unit' });
    },
  );

  it('finds an item by the words of its title', async () => {
    const { body } = await get<{ id: string; matched: string }[]>(app, '/api/search', {
      q: '创建东湖综合性国家科学中心',
      plan: SEED_PLAN,
    });
    expect(body[0]).toMatchObject({ id: TASK_1, matched: 'title' });
  });

  it('refuses an empty query and an out-of-range limit with 400', async () => {
    const empty = await get<ErrorAnswer>(app, '/api/search', { q: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('bad_request');
    const limit = await get<ErrorAnswer>(app, '/api/search', { q: 'fgw', limit: 0 });
    expect(limit.status).toBe(400);
    expect(limit.body.error.message).toMatch(/^limit: /);
  });

  it('answers 404 for an unknown plan', async () => {
    const { status, body } = await get<ErrorAnswer>(app, '/api/search', {
      q: 'fgw',
      plan: 'nowhere',
    });
    expect(status).toBe(404);
    expect(body.error.code).toBe('unknown_plan');
  });
});

describe('node and neighbourhood', () => {
  it('returns a unit with its properties and its figures per plan', async () => {
    const { status, body } = await get<{ node: Record<string, unknown> }>(app, '/api/node', {
      id: FGW,
    });
    expect(status).toBe(200);
    expect(body.node).toMatchObject({
      id: FGW,
      kind: 'unit',
      label: '市发改委',
      fullName: '武汉市发展和改革委员会',
      englishName: 'Wuhan Municipal Development and Reform Commission',
      category: 'government-department',
    });
    expect(body.node['metrics']).toContainEqual(
      expect.objectContaining({ planId: SEED_PLAN, itemsLed: 53 }),
    );
  });

  it('answers 404 for an unknown id', async () => {
    const { status, body } = await get<ErrorAnswer>(app, '/api/node', { id: '武汉市/不存在' });
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('caps the neighbours and counts the rest by relationship type', async () => {
    const { status, body } = await get<{
      elements: Elements;
      more: { count: number; byType: Record<string, number> };
    }>(app, '/api/neighbourhood', { id: FGW, types: 'LEADS,SUPPORTS', limit: 5, plan: SEED_PLAN });
    expect(status).toBe(200);
    const [metrics] = await read(
      'MATCH (:Unit {id: $id})-[a:ACTIVE_IN]->(:Plan {id: $plan}) RETURN a.itemsLed AS led, a.itemsSupported AS supported',
      { id: FGW, plan: SEED_PLAN },
    );
    const total = (metrics?.['led'] as number) + (metrics?.['supported'] as number);
    expect(body.elements.nodes).toHaveLength(6);
    expect(body.elements.nodes[0]?.data).toMatchObject({ id: FGW, distance: 0, load: 63.5 });
    expect(body.more.count).toBe(total - 5);
    expect((body.more.byType['LEADS'] ?? 0) + (body.more.byType['SUPPORTS'] ?? 0)).toBe(total - 5);
    // Leads come first, so the five kept are all led.
    expect(body.elements.edges.map((edge) => [edge.data.source, edge.data.type])).toEqual(
      Array.from({ length: 5 }, () => [FGW, 'LEADS']),
    );
  });

  it('reaches two steps out at depth 2', async () => {
    const one = await get<{ elements: Elements }>(app, '/api/neighbourhood', {
      id: TASK_1,
      types: 'LEADS,SUPPORTS',
    });
    const two = await get<{ elements: Elements }>(app, '/api/neighbourhood', {
      id: TASK_1,
      depth: 2,
      types: 'LEADS,SUPPORTS',
      limit: 500,
    });
    const units = one.body.elements.nodes
      .filter((node) => node.data.kind === 'unit')
      .map((node) => node.data.label);
    expect(units.sort()).toEqual(
      [
        '东湖高新区管委会',
        '各区人民政府',
        '市发改委',
        '市科技局',
        '市经信局',
        '市自然资源和规划局',
      ].sort(),
    );
    expect(two.body.elements.nodes.length).toBeGreaterThan(one.body.elements.nodes.length);
    expect(new Set(two.body.elements.nodes.map((node) => node.data['distance']))).toEqual(
      new Set([0, 1, 2]),
    );
  });

  it.each([
    [{ id: FGW, depth: 3 }, /^depth: /],
    [{ id: FGW, limit: 501 }, /^limit: /],
    [{ id: FGW, types: 'LEADS,FRIENDS' }, /^types/],
  ])('refuses %o with 400', async (query, message) => {
    const { status, body } = await get<ErrorAnswer>(app, '/api/neighbourhood', query);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
  });
});

interface Profile {
  unit: Record<string, unknown>;
  metrics: Record<string, number>;
  themes: {
    theme: { id: string; ref: string; title: string };
    items: { id: string; edge: string; role: string }[];
  }[];
  otherItems: { id: string; edge: string }[];
  partners: { unit: { id: string; name: string }; items: number }[];
}

describe('unit profile', () => {
  it("matches the unit's ACTIVE_IN figures: items led, supported, themes reached", async () => {
    const { status, body } = await get<Profile>(app, '/api/units/profile', {
      id: FGW,
      plan: SEED_PLAN,
    });
    expect(status).toBe(200);
    const [stored] = await read(
      'MATCH (:Unit {id: $id})-[a:ACTIVE_IN]->(:Plan {id: $plan}) RETURN properties(a) AS a',
      {
        id: FGW,
        plan: SEED_PLAN,
      },
    );
    const metrics = stored?.['a'] as Record<string, number>;
    expect(body.metrics).toEqual(metrics);
    const items = [...body.themes.flatMap((group) => group.items), ...body.otherItems];
    expect(items.filter((item) => item.edge === 'LEADS')).toHaveLength(metrics['itemsLed'] ?? -1);
    expect(items.filter((item) => item.edge === 'SUPPORTS')).toHaveLength(
      metrics['itemsSupported'] ?? -1,
    );
    expect(body.themes).toHaveLength(metrics['themesReached'] ?? -1);
    const theme1 = body.themes.find((group) => group.theme.ref === '二(一)');
    expect(theme1?.items.map((item) => [item.id, item.edge, item.role])).toEqual([
      [TASK_1, 'LEADS', '牵头单位'],
      [`${SEED_PLAN}/二(一)2`, 'LEADS', '牵头单位'],
      [`${SEED_PLAN}/二(一)4`, 'SUPPORTS', '责任单位'],
    ]);
  });

  it('lists partners from COORDINATES_WITH, most shared items first', async () => {
    const { body } = await get<Profile>(app, '/api/units/profile', { id: FGW, plan: SEED_PLAN });
    const pairs = await read(
      'MATCH (:Unit {id: $id})-[c:COORDINATES_WITH {planId: $plan}]-(p:Unit) RETURN p.id AS id, c.items AS items',
      { id: FGW, plan: SEED_PLAN },
    );
    expect(body.partners).toHaveLength(pairs.length);
    const shared = new Map(pairs.map((pair) => [pair['id'], pair['items']]));
    for (const partner of body.partners) expect(partner.items).toBe(shared.get(partner.unit.id));
    const counts = body.partners.map((partner) => partner.items);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('answers 404 for an id that is not a unit', async () => {
    const { status } = await get<ErrorAnswer>(app, '/api/units/profile', {
      id: TASK_1,
      plan: SEED_PLAN,
    });
    expect(status).toBe(404);
  });
});

describe('theme reach', () => {
  it('lists 市科技局 as a lead of 二(一), units ranked by leads then supports', async () => {
    const { status, body } = await get<{
      theme: Record<string, unknown>;
      units: {
        unit: { id: string; name: string };
        leads: number;
        supports: number;
        items: { edge: string }[];
      }[];
    }>(app, '/api/themes/reach', { id: THEME_1 });
    expect(status).toBe(200);
    expect(body.theme).toMatchObject({ id: THEME_1, kind: 'theme', ref: '二(一)' });
    const kjj = body.units.find((entry) => entry.unit.id === KJJ);
    expect(kjj?.leads).toBeGreaterThan(0);
    expect(kjj?.items.filter((item) => item.edge === 'LEADS')).toHaveLength(kjj?.leads ?? -1);
    expect(body.units[0]?.unit.name).toBe('市科技局');
    for (const [before, after] of body.units
      .slice(1)
      .map((entry, index) => [body.units[index], entry] as const)) {
      if (before === undefined) continue;
      expect(
        before.leads > after.leads ||
          (before.leads === after.leads && before.supports >= after.supports),
      ).toBe(true);
    }
  });
});

describe('paths', () => {
  it('joins two units that share items by those items, two steps each', async () => {
    const { status, body } = await get<{ paths: string[][]; elements: Elements }>(
      app,
      '/api/paths',
      {
        from: FGW,
        to: KJJ,
        plan: SEED_PLAN,
        limit: 100,
      },
    );
    expect(status).toBe(200);
    const shared = await read(
      `MATCH (:Unit {id: $a})-[x:LEADS|SUPPORTS {planId: $plan}]->(i:Item)<-[y:LEADS|SUPPORTS {planId: $plan}]-(:Unit {id: $b})
       RETURN DISTINCT i.id AS id`,
      { a: FGW, b: KJJ, plan: SEED_PLAN },
    );
    expect(shared.length).toBeGreaterThan(0);
    expect(body.paths.map((path) => path.length)).toEqual(body.paths.map(() => 3));
    expect(body.paths.map((path) => path[1]).sort()).toEqual(shared.map((row) => row['id']).sort());
    for (const path of body.paths) expect([path[0], path[2]]).toEqual([FGW, KJJ]);
    const ids = body.elements.nodes.map((node) => node.data.id);
    expect(ids).toContain(FGW);
    expect(ids).toContain(KJJ);
  });

  it('lists every route from a unit to a theme through its tasks', async () => {
    const { body } = await get<{ paths: string[][] }>(app, '/api/paths', {
      from: THEME_1,
      to: FGW,
    });
    expect(body.paths).toEqual([
      [FGW, TASK_1, THEME_1],
      [FGW, `${SEED_PLAN}/二(一)2`, THEME_1],
      [FGW, `${SEED_PLAN}/二(一)4`, THEME_1],
    ]);
  });

  it('refuses two items, and answers 404 for an unknown end', async () => {
    const items = await get<ErrorAnswer>(app, '/api/paths', {
      from: TASK_1,
      to: `${SEED_PLAN}/二(一)2`,
    });
    expect(items.status).toBe(400);
    expect(items.body.error.code).toBe('unsupported_path');
    const unknown = await get<ErrorAnswer>(app, '/api/paths', { from: FGW, to: '武汉市/不存在' });
    expect(unknown.status).toBe(404);
  });
});

describe('hotspots and named queries', () => {
  const hotspotNames = [
    'unit-load',
    'portfolio-load',
    'multi-lead-items',
    'coordination-pairs',
    'brokers',
    'communities',
    'cross-theme-units',
    'collective-exposure',
    'member-load',
    'portfolio-coordination-pairs',
    'portfolio-member-load',
    'overdue-by-unit',
    'stalled-items',
    'progress-by-theme',
    'indicators-off-track',
  ];

  it('lists the rankings with their titles and definitions', async () => {
    const { body } = await get<{ name: string; title: string; definition: string }[]>(
      app,
      '/api/hotspots',
    );
    expect(body.map((entry) => entry.name)).toEqual(hotspotNames);
    for (const entry of body) {
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.definition.length).toBeGreaterThan(0);
    }
  });

  it('runs unit-load with a limit, collectives out unless asked for', async () => {
    const plain = await get<{ columns: string[]; rows: Record<string, unknown>[] }>(
      app,
      '/api/hotspots/unit-load',
      {
        plan: SEED_PLAN,
        limit: 5,
      },
    );
    expect(plain.status).toBe(200);
    expect(plain.body.rows).toHaveLength(5);
    expect(plain.body.rows[0]).toMatchObject({
      unit: '市发改委',
      load: 63.5,
      leads: 53,
      supports: 21,
    });
    expect(plain.body.rows.map((row) => row['collective'])).not.toContain(true);
    const withCollectives = await get<{ rows: Record<string, unknown>[] }>(
      app,
      '/api/hotspots/unit-load',
      {
        plan: SEED_PLAN,
        limit: 5,
        collectives: true,
      },
    );
    expect(withCollectives.body.rows.map((row) => row['unit'])).toContain('各区人民政府');
  });

  it.each(hotspotNames)('runs %s on the seed', async (name) => {
    const { status, body } = await get<{ name: string; columns: string[]; rows: unknown[] }>(
      app,
      `/api/hotspots/${name}`,
      { plan: SEED_PLAN },
    );
    expect(status).toBe(200);
    expect(body.name).toBe(name);
    expect(body.rows.length).toBeGreaterThan(0);
  });

  it("leaves the limit to the query's own default when none is given", async () => {
    const { body } = await get<{ rows: unknown[] }>(app, '/api/hotspots/multi-lead-items', {
      plan: SEED_PLAN,
    });
    const [diffuse] = await read(
      'MATCH (i:Item {planId: $plan}) WHERE i.diffuseOwnership RETURN count(i) AS n',
      { plan: SEED_PLAN },
    );
    // The header's default is 50 and the seed has more than 20 diffuse items: 20 would show a
    // default of the API's own.
    expect(diffuse?.['n']).toBeGreaterThan(20);
    expect(body.rows).toHaveLength(Math.min(50, diffuse?.['n'] as number));
  });

  it('answers 404 for an unknown ranking', async () => {
    const { status, body } = await get<ErrorAnswer>(app, '/api/hotspots/nothing');
    expect(status).toBe(404);
    expect(body.error.code).toBe('unknown_hotspot');
  });

  it('lists the named queries with their parameters and columns', async () => {
    const { body } = await get<
      { name: string; params: { name: string; type: string }[]; columns: unknown[] }[]
    >(app, '/api/queries');
    const unitLoad = body.find((query) => query.name === 'unit-load');
    expect(unitLoad?.params.map((param) => [param.name, param.type])).toEqual([
      ['planId', 'string'],
      ['limit', 'integer'],
      ['includeCollectives', 'boolean'],
    ]);
  });

  it('runs a named query with parameters, and refuses ill-typed or unknown ones', async () => {
    const run = await post<{
      columns: string[];
      rows: Record<string, unknown>[];
      truncated: boolean;
    }>(app, '/api/queries/unit-load', { params: { planId: SEED_PLAN, limit: 2 } });
    expect(run.status).toBe(200);
    expect(run.body.rows.map((row) => row['unit'])).toEqual(['市发改委', '市经信局']);
    expect(run.body.truncated).toBe(false);
    const wrong = await post<ErrorAnswer>(app, '/api/queries/unit-load', {
      params: { planId: SEED_PLAN, limit: 'two' },
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'wrong_type']);
    const unknownParam = await post<ErrorAnswer>(app, '/api/queries/unit-load', {
      params: { colour: 'red' },
    });
    expect([unknownParam.status, unknownParam.body.error.code]).toEqual([400, 'unknown_param']);
    const unknown = await post<ErrorAnswer>(app, '/api/queries/nothing', { params: {} });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_query']);
    const notJson = await post<ErrorAnswer>(app, '/api/queries/unit-load', '{"params": ');
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'bad_json']);
    // A page on another site can post text/plain blind (no preflight): never run as a query.
    const blind = await app.request('/api/queries/unit-load', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ params: { planId: SEED_PLAN } }),
    });
    expect(blind.status).toBe(415);
    expect(((await blind.json()) as ErrorAnswer).error.code).toBe('unsupported_media_type');
  });
});

describe('source', () => {
  it('shows 二(一)1 at its line, with the lines around it', async () => {
    const { status, body } = await get<{
      planId: string;
      line: number;
      endLine: number;
      lines: { number: number; text: string }[];
    }>(app, '/api/source', { id: TASK_1, context: 2 });
    expect(status).toBe(200);
    const [item] = await read('MATCH (i:Item {id: $id}) RETURN i.line AS line, i.text AS text', {
      id: TASK_1,
    });
    expect(body.planId).toBe(SEED_PLAN);
    expect(body.line).toBe(item?.['line']);
    expect(body.line).toBe(67);
    expect(body.lines.map((line) => line.number)).toEqual([65, 66, 67, 68, 69]);
    const own = body.lines.find((line) => line.number === body.line);
    expect(own?.text).toBe(item?.['text']);
    expect(own?.text.startsWith('1.创建东湖综合性国家科学中心。')).toBe(true);
    expect(body.lines[0]?.text).toBe('(一)坚持创新第一动力,建设国家科技创新中心');
  });

  it('answers 404 for an unknown item and 400 for too much context', async () => {
    expect((await get(app, '/api/source', { id: `${SEED_PLAN}/九(九)9` })).status).toBe(404);
    expect((await get(app, '/api/source', { id: TASK_1, context: 51 })).status).toBe(400);
  });
});

describe('the contract (contract/api/) the server builds by and the page parses with', () => {
  // Shapes, not speed: a busy machine must not turn an answer into a 504 here.
  let app: Hono;
  beforeAll(() => {
    app = seedApp(driver, database, { queryTimeoutMs: 60_000, consoleTimeoutMs: 60_000 });
  });
  type Query = Record<string, string | number | boolean>;
  const answers: [string, Query, z.ZodMiniType][] = [
    ['/api/health', {}, Health],
    ['/api/plans', {}, PlanList],
    ['/api/plans/graph', { plan: SEED_PLAN }, PlanGraph],
    ['/api/search', { q: 'fgw', plan: SEED_PLAN }, SearchHits],
    ['/api/search', { q: '科学中心', plan: SEED_PLAN }, SearchHits],
    ['/api/node', { id: FGW }, NodeAnswer],
    ['/api/node', { id: TASK_1 }, NodeAnswer],
    ['/api/neighbourhood', { id: FGW, plan: SEED_PLAN }, Neighbourhood],
    ['/api/neighbourhood', { id: TASK_1, depth: 2, limit: 500 }, Neighbourhood],
    ['/api/units/profile', { id: FGW, plan: SEED_PLAN }, UnitProfile],
    ['/api/units/profile', { id: '武汉市/各区人民政府', plan: SEED_PLAN }, UnitProfile],
    ['/api/themes/reach', { id: THEME_1 }, ThemeReach],
    ['/api/paths', { from: FGW, to: KJJ, plan: SEED_PLAN }, PathsAnswer],
    ['/api/paths', { from: FGW, to: THEME_1 }, PathsAnswer],
    ['/api/source', { id: TASK_1 }, SourceLines],
    ['/api/hotspots', {}, HotspotList],
    ['/api/hotspots/unit-load', { plan: SEED_PLAN }, HotspotAnswer],
    ['/api/hotspots/communities', { plan: SEED_PLAN }, HotspotAnswer],
    ['/api/queries', {}, QueryList],
    ['/api/node', { id: '武汉市/不存在' }, ErrorBody],
  ];

  it.each(answers)('accepts the answer of %s %o', async (path, query, schema) => {
    const { status, body } = await get(app, path, query);
    expect(status, JSON.stringify(body)).toBe(schema === ErrorBody ? 404 : 200);
    const parsed = schema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('accepts the answers of a named query and of the console, with their graph', async () => {
    const named = await post(app, '/api/queries/unit-profile', {
      params: { planId: SEED_PLAN, unit: '市发改委' },
    });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(QueryAnswer.safeParse(named.body).error?.issues ?? []).toEqual([]);
    const typed = await post(app, '/api/cypher', {
      query:
        'MATCH (u:Unit {id: $id})-[r:LEADS]->(i:Task) RETURN u, r, i ORDER BY i.sortKey LIMIT 3',
      params: { id: FGW },
    });
    expect(typed.status, JSON.stringify(typed.body)).toBe(200);
    const parsed = QueryAnswer.parse(typed.body);
    expect(parsed.graph?.nodes.map((node) => node.data.kind).sort()).toEqual([
      'task',
      'task',
      'task',
      'unit',
    ]);
    expect(parsed.graph?.edges.map((edge) => [edge.data.source, edge.data.type])).toEqual([
      [FGW, 'LEADS'],
      [FGW, 'LEADS'],
      [FGW, 'LEADS'],
    ]);
  });

  it('gives every node of the seed one of the kinds the contract names', async () => {
    const { body } = await get<unknown>(app, '/api/plans/graph', { plan: SEED_PLAN });
    const kinds = new Set(PlanGraph.parse(body).elements.nodes.map((node) => node.data.kind));
    expect([...kinds].filter((kind) => !ElementKind.safeParse(kind).success)).toEqual([]);
    expect(kinds).toEqual(
      new Set(['unit', 'theme', 'task', 'indicator', 'project', 'requirement']),
    );
  });

  it('refuses a node without an id, alone or in an answer', async () => {
    expect(NodeData.safeParse({ kind: 'unit', label: '市发改委' }).success).toBe(false);
    const { status, body } = await get<{ elements: Elements }>(app, '/api/neighbourhood', {
      id: FGW,
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(Neighbourhood.safeParse(body).success).toBe(true);
    const withoutId = Object.fromEntries(
      Object.entries(body.elements.nodes[1]?.data ?? {}).filter(([key]) => key !== 'id'),
    );
    const broken = {
      ...body,
      elements: { ...body.elements, nodes: [body.elements.nodes[0], { data: withoutId }] },
    };
    const parsed = Neighbourhood.safeParse(broken);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'elements.nodes.1.data.id',
    ]);
  });
});
