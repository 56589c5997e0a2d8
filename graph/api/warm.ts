// Warming the API before the server says it is ready. A planner's first clicks would otherwise pay
// for what only the first request pays: Neo4j planning each query (it keeps plans per query text,
// so warming must run the very texts the routes run, which asking the app itself guarantees), the
// search's candidate list, the driver's connections, and Node compiling the routes' code. Each
// route a click reaches is asked once per loaded plan, in process (`app.request()`), with
// parameters taken from the plan itself.
import type { Hono } from 'hono';

/** One request made while warming, and how it went. */
export interface WarmRequest {
  path: string;
  status: number;
  ms: number;
}

export interface WarmReport {
  plans: number;
  requests: WarmRequest[];
  /** Requests that did not answer 200 (a plan without themes, say, is not an error). */
  failed: WarmRequest[];
  ms: number;
}

export interface WarmOptions {
  /** Where to say what failed; warming never stops the start. */
  log?: (line: string) => void;
  /**
   * What the web app sends as `limit` with a search, and the types it expands a node along in
   * the whole-plan view (web/src/components/gt-search.ts, gt-app.ts). The plan Neo4j keeps does
   * not depend on the values, only the answers kept for repeats do.
   */
  searchLimit?: number;
  expandTypes?: readonly string[];
}

interface GraphNode {
  id: string;
  kind: string;
  label: string;
}

interface GraphEdge {
  source: string;
  target: string;
  type: string;
}

interface PlanGraphAnswer {
  elements: { nodes: { data: GraphNode }[]; edges: { data: GraphEdge }[] };
}

/** The nodes a planner most likely clicks first: the busiest units, a theme, one of its items. */
export interface Representatives {
  units: string[];
  theme: string | null;
  item: string | null;
  /** A unit's name: a search that, restricted to units, also reaches the full-text tier. */
  search: string | null;
}

const ASSIGNMENTS = new Set(['LEADS', 'SUPPORTS']);

/** Picks the representative nodes of a plan from its drawn graph. */
export function representatives(graph: PlanGraphAnswer): Representatives {
  const nodes = new Map(graph.elements.nodes.map(({ data }) => [data.id, data]));
  const assignments = new Map<string, number>();
  const underTheme = new Map<string, number>();
  let item: string | null = null;
  for (const { data: edge } of graph.elements.edges) {
    if (ASSIGNMENTS.has(edge.type)) {
      assignments.set(edge.source, (assignments.get(edge.source) ?? 0) + 1);
      item ??= nodes.get(edge.target)?.kind === 'task' ? edge.target : null;
    }
    if (edge.type === 'UNDER' && nodes.get(edge.target)?.kind === 'theme') {
      underTheme.set(edge.target, (underTheme.get(edge.target) ?? 0) + 1);
    }
  }
  const busiest = (counts: ReadonlyMap<string, number>) =>
    [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const units = busiest(assignments).filter((id) => nodes.get(id)?.kind === 'unit');
  const theme =
    busiest(underTheme)[0] ?? [...nodes.values()].find((node) => node.kind === 'theme')?.id ?? null;
  const first = units[0] === undefined ? undefined : nodes.get(units[0]);
  return { units: units.slice(0, 2), theme, item, search: first?.label ?? null };
}

const path = (route: string, query: Record<string, string | number | boolean>) =>
  `${route}?${new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString()}`;

/** The requests a planner's first clicks make on a plan, with its representative nodes. */
export function warmPaths(
  planId: string,
  picked: Representatives,
  hotspots: readonly string[],
  options: Required<Pick<WarmOptions, 'searchLimit' | 'expandTypes'>>,
): string[] {
  const [unit, otherUnit] = picked.units;
  const paths: string[] = [];
  if (picked.search !== null) {
    paths.push(
      path('/api/search', { q: picked.search, plan: planId, limit: options.searchLimit }),
      // The paths tool's unit fields ask the same search for units: few names match, so it also
      // reaches the full-text indexes (units' names and items' text) and plans that query.
      path('/api/search', {
        q: picked.search,
        plan: planId,
        limit: options.searchLimit,
        kind: 'unit',
      }),
    );
  }
  if (unit !== undefined) {
    paths.push(
      path('/api/units/profile', { id: unit, plan: planId }),
      path('/api/node', { id: unit }),
      path('/api/neighbourhood', {
        id: unit,
        limit: 50,
        depth: 1,
        types: options.expandTypes.join(','),
      }),
    );
    if (otherUnit !== undefined) {
      paths.push(path('/api/paths', { from: unit, to: otherUnit, plan: planId, limit: 20 }));
    }
    if (picked.theme !== null) {
      paths.push(path('/api/paths', { from: unit, to: picked.theme, plan: planId }));
    }
  }
  if (picked.theme !== null) paths.push(path('/api/themes/reach', { id: picked.theme }));
  if (picked.item !== null) {
    // An item's panel asks for its text and its progress; the war map for every item's state.
    paths.push(
      path('/api/source', { id: picked.item, context: 3 }),
      path('/api/progress', { plan: planId, item: picked.item }),
    );
  }
  paths.push(
    path('/api/progress/map', { plan: planId }),
    path('/api/progress/unattached', { plan: planId }),
  );
  for (const name of hotspots) {
    // As the rankings panel asks (web/src/components/gt-hotspots-panel.ts): collectives left
    // out, said outright, so the answer kept is the one its first opening finds.
    paths.push(
      path(`/api/hotspots/${encodeURIComponent(name)}`, { plan: planId, collectives: false }),
    );
  }
  return paths;
}

/**
 * Asks the app every route a first click reaches, once per loaded plan. Resolves with what was
 * asked and how it went; a failure is reported, never thrown.
 */
export async function warmApi(app: Hono, options: WarmOptions = {}): Promise<WarmReport> {
  const started = performance.now();
  const requests: WarmRequest[] = [];
  const ask = async (target: string): Promise<unknown> => {
    const begun = performance.now();
    let status = 0;
    let body: unknown = null;
    try {
      const response = await app.request(target);
      status = response.status;
      body = await response.json();
    } catch (error) {
      options.log?.(`warming ${target}: ${error instanceof Error ? error.message : String(error)}`);
    }
    requests.push({ path: target, status, ms: performance.now() - begun });
    return status === 200 ? body : null;
  };

  await ask('/api/health');
  const plans = ((await ask('/api/plans')) ?? []) as { id: string }[];
  const hotspots = (((await ask('/api/hotspots')) ?? []) as { name: string }[]).map(
    (hotspot) => hotspot.name,
  );
  // What the web app asks first when the address names no plan (the first plan's graph).
  if (plans.length > 0) await ask('/api/plans/graph');
  for (const plan of plans) {
    const graph = (await ask(
      path('/api/plans/graph', { plan: plan.id }),
    )) as PlanGraphAnswer | null;
    if (graph === null) continue;
    const paths = warmPaths(plan.id, representatives(graph), hotspots, {
      searchLimit: options.searchLimit ?? 12,
      expandTypes: options.expandTypes ?? ['COORDINATES_WITH', 'MEMBER_OF', 'DELEGATED_TO'],
    });
    // One at a time: Neo4j plans each query on its own, and a laptop has few cores to share.
    for (const target of paths) await ask(target);
  }
  const failed = requests.filter((request) => request.status !== 200);
  for (const request of failed) options.log?.(`warming ${request.path}: ${request.status}`);
  return { plans: plans.length, requests, failed, ms: performance.now() - started };
}
