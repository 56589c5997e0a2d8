// The unit co-assignment network of one plan: two units are linked when they share an item, the
// link's weight being how many they share. Betweenness and communities come from graphology's
// own implementations; this file only decides what goes into the network and fixes the order
// and the random seed, so the same plan always yields the same figures.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';

// Both packages are CommonJS whose typings say `export default`: under NodeNext TypeScript types
// the default import as the module object, while Node hands an ES import `module.exports` itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

/** Fixed so that Louvain, which breaks ties at random, gives the same communities on every load. */
export const LOUVAIN_SEED = 20220303;

/** A small seeded PRNG (mulberry32): Louvain only needs reproducible numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface UnitPosition {
  /** Normalised betweenness, 0–1, with distance = 1 / shared items. */
  betweenness: number;
  /** Community id: 0 is the largest community, ties broken by the smallest unit id in it. */
  community: number;
}

/** Two units sharing items; `a` < `b` in code-unit order of their ids. */
export interface UnitPair {
  a: string;
  b: string;
  items: number;
}

const byCodeUnit = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Counts, item by item, how many items each pair of units shares. Memory grows with pairs, not items. */
export class PairCounter {
  readonly #shared = new Map<string, Map<string, number>>();

  /** The distinct units of one item. */
  addItem(unitIds: readonly string[]): void {
    const sorted = [...unitIds].sort(byCodeUnit);
    for (let i = 0; i < sorted.length; i += 1) {
      const a = sorted[i] as string;
      let row = this.#shared.get(a);
      if (row === undefined) {
        row = new Map();
        this.#shared.set(a, row);
      }
      for (let j = i + 1; j < sorted.length; j += 1) {
        const b = sorted[j] as string;
        row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
  }

  /** Every pair sharing at least one item, sorted by `a`, then `b`. */
  pairs(): UnitPair[] {
    const pairs: UnitPair[] = [];
    for (const a of [...this.#shared.keys()].sort(byCodeUnit)) {
      const row = this.#shared.get(a) as Map<string, number>;
      for (const b of [...row.keys()].sort(byCodeUnit)) {
        pairs.push({ a, b, items: row.get(b) as number });
      }
    }
    return pairs;
  }
}

interface LinkAttributes {
  weight: number;
  distance: number;
}

/**
 * Measures the co-assignment network of the units that are not collective. Collectives count
 * for the pairs (sharing an item with 各区人民政府 is real coordination work) but are left out
 * here: a unit standing for dozens would sit between everyone and say nothing. Units sharing no
 * item with anyone are still in the network (betweenness 0, a community of their own).
 */
export function measureNetwork(
  pairs: readonly UnitPair[],
  units: readonly { id: string; collective: boolean }[],
): Map<string, UnitPosition> {
  const graph = new UndirectedGraph<Record<string, never>, LinkAttributes>({
    allowSelfLoops: false,
  });
  // Insertion order drives both algorithms' iteration order: sorted, so the figures depend on
  // the ids alone, not on the order the document happened to list things in.
  for (const id of units
    .filter((unit) => !unit.collective)
    .map((unit) => unit.id)
    .sort(byCodeUnit)) {
    graph.addNode(id);
  }
  for (const { a, b, items } of pairs) {
    if (graph.hasNode(a) && graph.hasNode(b)) {
      // Shared items are a strength; shortest paths need a length, so the stronger the link,
      // the shorter it is.
      graph.addEdge(a, b, { weight: items, distance: 1 / items });
    }
  }
  const betweenness = betweennessCentrality(graph, {
    getEdgeWeight: 'distance',
    normalized: true,
  });
  const communityOf: Record<string, number> =
    graph.size === 0
      ? Object.fromEntries(graph.nodes().map((id: string, index: number) => [id, index]))
      : louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) });

  // Louvain's own numbering follows its internal order; renumber by size so that 0 means
  // "the largest group", which a planner can read.
  const members = new Map<number, string[]>();
  for (const id of graph.nodes()) {
    const community = communityOf[id] as number;
    const list = members.get(community);
    if (list === undefined) members.set(community, [id]);
    else list.push(id);
  }
  const ranked = [...members.values()].sort(
    (x, y) => y.length - x.length || byCodeUnit(x[0] as string, y[0] as string),
  );
  const result = new Map<string, UnitPosition>();
  ranked.forEach((ids, community) => {
    for (const id of ids) {
      result.set(id, { betweenness: betweenness[id] ?? 0, community });
    }
  });

  return result;
}
