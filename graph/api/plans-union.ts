// Every plan's graph as one drawing (全部规划): a unit named by several plans is one node in Neo4j
// and stays one node here, its figures added up over the plans; items, themes and their links are
// each plan's own (their ids and edge ids carry the plan), so they simply sit side by side. Pure.
import type { Elements, NodeData } from '../../contract/api/elements.ts';

/** A unit's figures that add up over plans: each plan counts its own items and themes. */
const SUMMED = ['itemsLed', 'itemsSupported', 'themesReached', 'load'] as const;

/**
 * Figures of one plan's co-assignment network (centrality, community): they mean nothing summed
 * or taken from one plan, so the union leaves them out rather than show one plan's as the whole.
 */
const PER_PLAN: ReadonlySet<string> = new Set(['betweenness', 'community']);

/** The union of plans' graphs, nodes and edges in the order first met (plans in list order). */
export function unionOfPlanGraphs(graphs: readonly Elements[]): Elements {
  const nodes = new Map<string, NodeData>();
  const plansOfUnit = new Map<string, number>();
  const edges = new Map<string, Elements['edges'][number]>();
  for (const graph of graphs) {
    for (const { data } of graph.nodes) {
      const known = nodes.get(data.id);
      if (known === undefined) {
        const copy: NodeData =
          data.kind === 'unit'
            ? (Object.fromEntries(
                Object.entries(data).filter(([key]) => !PER_PLAN.has(key)),
              ) as NodeData)
            : { ...data };
        if (data.kind === 'unit') plansOfUnit.set(data.id, 1);
        nodes.set(data.id, copy);
        continue;
      }
      if (data.kind !== 'unit') continue;
      plansOfUnit.set(data.id, (plansOfUnit.get(data.id) ?? 0) + 1);
      for (const key of SUMMED) {
        const add = data[key];
        if (typeof add !== 'number') continue;
        const sum = known[key];
        known[key] = (typeof sum === 'number' ? sum : 0) + add;
      }
    }
    for (const edge of graph.edges) {
      if (!edges.has(edge.data.id)) edges.set(edge.data.id, edge);
    }
  }
  for (const [id, count] of plansOfUnit) {
    const node = nodes.get(id);
    // How many of the drawn plans name the unit: the bureaus that bridge notices have 2 or more.
    if (node !== undefined) node['planCount'] = count;
  }
  return { nodes: [...nodes.values()].map((data) => ({ data })), edges: [...edges.values()] };
}
