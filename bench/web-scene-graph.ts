// The 10,000-node scene of bench/web-scene.ts: synthetic plans in the genre (units leading and
// supporting items, items under their themes), made from a fixed seed and drawn as the explorer
// draws every plan at once (全部规划) — the app's own layered layout and elements (web/src/graph/),
// so labels, sizes, prominence, classes and plan frames are those a planner would see.
// Ten plans of a thousand nodes, not one of ten thousand: that is how a planner reaches such a
// scene, and one plan that size takes the layered layout over a minute (its height search).
import type { EdgeData, NodeData } from '../web/src/api/schema.ts';
import { layeredPositions } from '../web/src/graph/layered-layout.ts';
import { nodeSize, toElements, type CyEdge, type CyNode } from '../web/src/graph/to-elements.ts';

export interface SceneSize {
  nodes: number;
  edges: number;
}

/** Bloom's cap on a scene, and four edges a node. */
export const BIG_SCENE_SIZE: SceneSize = { nodes: 10_000, edges: 40_000 };

/** How many plans the scene's items and themes are spread over. */
const PLANS = 10;
/** Share of the nodes that are units and themes; the rest are items (tasks). */
const UNIT_SHARE = 0.08;
const THEME_SHARE = 0.02;

const BUREAUS = ['发展改革委', '工业和信息化局', '财政局', '生态环境局', '交通运输局', '商务局'];
const VERBS = ['加快推进', '统筹推动', '着力完善', '持续深化', '积极培育', '全面落实'];

/** The same numbers every run (a linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The plan a theme (and its items) belongs to: themes split evenly over the plans. */
function planOf(theme: number, themes: number): string {
  return `plan-${Math.floor((theme * PLANS) / themes)}`;
}

/** The plans as the API answers them: nodes and edges with the fields the app reads. */
export function scenePlan(size: SceneSize): { nodes: NodeData[]; edges: EdgeData[] } {
  const random = seeded(20220303);
  const units = Math.max(1, Math.round(size.nodes * UNIT_SHARE));
  const themes = Math.max(1, Math.round(size.nodes * THEME_SHARE));
  const items = Math.max(1, size.nodes - units - themes);
  const nodes: NodeData[] = [];
  const edges: EdgeData[] = [];
  for (let t = 0; t < themes; t++) {
    const label = `（${t + 1}）${VERBS[t % VERBS.length] ?? ''}重点领域改革`;
    const planId = planOf(t, themes);
    nodes.push({
      id: `theme-${t}`,
      kind: 'theme',
      label,
      title: label,
      sortKey: t * items,
      planId,
    });
  }
  const loads = new Array<number>(units).fill(0);
  const unitCounts = new Array<number>(items).fill(0);
  // Every item sits under a theme; the edges left are assignments, about a third leads.
  const assignments = Math.max(0, size.edges - items);
  for (let a = 0; a < assignments; a++) {
    // Some bureaus answer for far more than others, as in a real notice.
    const unit = Math.floor(units * random() ** 2);
    const item = Math.floor(random() * items);
    loads[unit] = (loads[unit] ?? 0) + 1;
    unitCounts[item] = (unitCounts[item] ?? 0) + 1;
    const lead = random() < 0.35;
    edges.push({
      id: `assign-${a}`,
      source: `unit-${unit}`,
      target: `item-${item}`,
      type: lead ? 'LEADS' : 'SUPPORTS',
      inferred: lead && random() < 0.2,
    });
  }
  for (let i = 0; i < items; i++) {
    const theme = Math.floor((i * themes) / items);
    const title = `${VERBS[i % VERBS.length] ?? ''}第${i + 1}项重点任务落实落地`;
    nodes.push({
      id: `item-${i}`,
      kind: 'task',
      label: title,
      title,
      ref: String(i + 1),
      parentId: `theme-${theme}`,
      planId: planOf(theme, themes),
      sortKey: theme * items + i + 1,
      unitCount: unitCounts[i] ?? 0,
    });
    edges.push({ id: `under-${i}`, source: `item-${i}`, target: `theme-${theme}`, type: 'UNDER' });
  }
  for (let u = 0; u < units; u++) {
    const name = `市${BUREAUS[u % BUREAUS.length] ?? ''}${u + 1}`;
    nodes.push({
      id: `unit-${u}`,
      kind: 'unit',
      label: name,
      name,
      category: 'government-department',
      collective: false,
      load: loads[u] ?? 0,
    });
  }
  return { nodes, edges };
}

/** The scene's elements, laid out as the explorer's layered layout places several plans. */
export function sceneElements(size: SceneSize): (CyNode | CyEdge)[] {
  const plan = scenePlan(size);
  const positions = layeredPositions(plan.nodes, plan.edges, nodeSize);
  const plans = Array.from({ length: PLANS }, (_, at) => ({
    id: `plan-${at}`,
    name: `示范规划${at + 1}`,
  }));
  return toElements(plan, { lang: 'zh', englishPrefix: '', positions, layered: true, plans });
}
