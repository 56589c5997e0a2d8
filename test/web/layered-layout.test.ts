// The layered layout: units → items → themes in columns, document order kept, nothing on top
// of anything else, units level with what they answer for; checked on the small fixture and on
// generated plans of every shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EdgeData, NodeData } from '../../web/src/api/schema.ts';
import {
  LAYERED_DEFAULTS,
  layeredPositions,
  type Point,
} from '../../web/src/graph/layered-layout.ts';
import { nodeSize } from '../../web/src/graph/to-elements.ts';
import { THEME_BOX } from '../../web/src/graph/theme-box.ts';
import {
  edges,
  nodes,
  TASK_A1,
  TASK_A2,
  TASK_A2_PART,
  THEME_A,
  THEME_B,
  TASK_B1,
} from './fixture.ts';

const ITEM_KINDS = new Set(['indicator', 'task', 'project', 'requirement']);

/** The value at a key that must be there; a missing one fails the test that asked. */
function must<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`nothing at ${String(key)}`);
  return value;
}

function nth<T>(list: readonly T[], i: number): T {
  const value = list[i];
  if (value === undefined) throw new Error(`nothing at ${i}`);
  return value;
}

function layout(
  n: readonly NodeData[],
  e: readonly EdgeData[],
  aspect: number = LAYERED_DEFAULTS.aspect,
) {
  return layeredPositions(n, e, nodeSize, { ...LAYERED_DEFAULTS, aspect });
}

/** A plan of `themes` themes with `tasks[i]` tasks each, `units` units, assignments by seed. */
function generatedPlan(shape: {
  tasks: number[];
  projects: number[];
  units: number;
  links: number[];
}) {
  const n: NodeData[] = [];
  const e: EdgeData[] = [];
  let sortKey = 0;
  const itemIds: string[] = [];
  shape.tasks.forEach((count, t) => {
    const theme = `p/T${t}`;
    n.push({ id: theme, kind: 'theme', label: theme, sortKey: sortKey++, parentId: null });
    for (let i = 0; i < count; i++) {
      const id = `${theme}/${i}`;
      n.push({ id, kind: 'task', label: id, sortKey: sortKey++, parentId: theme });
      e.push({ id: `${id}>u`, source: id, target: theme, type: 'UNDER' });
      itemIds.push(id);
    }
  });
  shape.projects.forEach((count, p) => {
    const project = `p/P${p}`;
    n.push({ id: project, kind: 'project', label: project, sortKey: sortKey++, parentId: null });
    itemIds.push(project);
    for (let i = 0; i < count; i++) {
      const id = `${project}/${i}`;
      n.push({ id, kind: 'project', label: id, sortKey: sortKey++, parentId: project });
      e.push({ id: `${id}>p`, source: id, target: project, type: 'PART_OF' });
      itemIds.push(id);
    }
  });
  for (let u = 0; u < shape.units; u++) {
    n.push({ id: `u${u}`, kind: 'unit', label: `u${u}`, load: (u * 7) % 30 });
  }
  shape.links.forEach((link, i) => {
    if (itemIds.length === 0 || shape.units === 0) return;
    const unit = `u${link % shape.units}`;
    const item = nth(itemIds, (link * 31 + i) % itemIds.length);
    const type = i % 3 === 0 ? 'SUPPORTS' : 'LEADS';
    e.push({ id: `${unit}|${type}|${item}|${i}`, source: unit, target: item, type });
  });
  return { n, e };
}

/** Nodes drawn in the same column must not overlap: at least their half-heights apart (a theme's box its own). */
function overlaps(n: readonly NodeData[], positions: Map<string, Point>): string[] {
  const byColumn = new Map<number, { id: string; y: number; half: number }[]>();
  for (const node of n) {
    const p = must(positions, node.id);
    const half = node.kind === 'theme' ? THEME_BOX.height / 2 : node.kind === 'unit' ? 11 : 12;
    const list = byColumn.get(Math.round(p.x / 10)) ?? [];
    list.push({ id: node.id, y: p.y, half });
    byColumn.set(Math.round(p.x / 10), list);
  }
  const clashes: string[] = [];
  for (const list of byColumn.values()) {
    list.sort((a, b) => a.y - b.y);
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [nth(list, i - 1), nth(list, i)];
      if (b.y - a.y < Math.min(a.half, b.half) * 2 - 0.5) clashes.push(`${a.id} / ${b.id}`);
    }
  }
  return clashes;
}

describe('the layered layout', () => {
  const positions = layout(nodes, edges);
  const x = (id: string) => must(positions, id).x;
  const y = (id: string) => must(positions, id).y;

  it('places every node, the same way every time', () => {
    expect([...positions.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(layout(nodes, edges)).toEqual(positions);
    // Input order does not matter: the notice's order does.
    expect(layout([...nodes].reverse(), [...edges].reverse())).toEqual(positions);
  });

  it('reads left to right: units, then items, then themes', () => {
    const units = nodes.filter((n) => n.kind === 'unit').map((n) => x(n.id));
    const items = nodes.filter((n) => ITEM_KINDS.has(n.kind)).map((n) => x(n.id));
    const themes = nodes.filter((n) => n.kind === 'theme').map((n) => x(n.id));
    expect(Math.max(...units)).toBeLessThan(Math.min(...items));
    expect(Math.max(...items)).toBeLessThan(Math.min(...themes));
  });

  it('keeps document order within a theme and puts a second part under its task, indented', () => {
    expect(y(TASK_A1)).toBeLessThan(y(TASK_A2));
    expect(y(TASK_A2)).toBeLessThan(y(TASK_A2_PART));
    expect(x(TASK_A2_PART)).toBe(x(TASK_A2) + LAYERED_DEFAULTS.indent);
    expect(y(TASK_A2_PART)).toBeLessThan(y(TASK_B1));
  });

  it('sets each theme level with the middle of its tasks', () => {
    expect(y(THEME_A)).toBeLessThan(y(THEME_B));
    const middle = (y(TASK_A1) + y(TASK_A2) + y(TASK_A2_PART)) / 3;
    expect(Math.abs(y(THEME_A) - middle)).toBeLessThan(LAYERED_DEFAULTS.themeRow);
  });

  it('orders units by the height of what they answer for', () => {
    const plan = generatedPlan({
      tasks: [4, 6, 3, 5],
      projects: [3, 0, 2],
      units: 12,
      links: Array.from({ length: 60 }, (_, i) => (i * 7) % 13),
    });
    const placed = layout(plan.n, plan.e);
    const pull = new Map<string, { sum: number; weight: number }>();
    for (const edge of plan.e) {
      if (edge.type !== 'LEADS' && edge.type !== 'SUPPORTS') continue;
      const w = edge.type === 'LEADS' ? 2 : 1;
      const entry = pull.get(edge.source) ?? { sum: 0, weight: 0 };
      entry.sum += must(placed, edge.target).y * w;
      entry.weight += w;
      pull.set(edge.source, entry);
    }
    const units = [...pull.keys()];
    const byBarycentre = [...units].sort((a, b) => {
      const [pa, pb] = [must(pull, a), must(pull, b)];
      return pa.sum / pa.weight - pb.sum / pb.weight;
    });
    // Within each unit column, top to bottom follows the barycentres.
    for (const column of new Set(units.map((u) => must(placed, u).x))) {
      const members = byBarycentre.filter((u) => must(placed, u).x === column);
      const ys = members.map((u) => must(placed, u).y);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
    }
  });

  it('wraps tall columns evenly, wider for a wider screen', () => {
    const plan = generatedPlan({
      tasks: Array.from({ length: 15 }, (_, i) => 2 + (i % 4)),
      projects: Array.from({ length: 20 }, (_, i) => i % 5),
      units: 70,
      links: Array.from({ length: 600 }, (_, i) => (i * 13) % 71),
    });
    const extent = (placed: Map<string, Point>) => {
      const xs = [...placed.values()].map((p) => p.x);
      const ys = [...placed.values()].map((p) => p.y);
      return (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
    };
    const wide = layout(plan.n, plan.e, 2.2);
    const narrow = layout(plan.n, plan.e, 0.9);
    expect(extent(wide)).toBeGreaterThan(extent(narrow));
    // Sub-columns of the same column hold about as many items each: none is left a handful.
    const taskColumns = new Map<number, number>();
    for (const node of plan.n.filter((n) => n.kind === 'task')) {
      const column = must(wide, node.id).x;
      taskColumns.set(column, (taskColumns.get(column) ?? 0) + 1);
    }
    const counts = [...taskColumns.values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(6);
    expect(overlaps(plan.n, wide)).toEqual([]);
  });

  it('never stacks two nodes of a column on top of each other, whatever the plan', () => {
    fc.assert(
      fc.property(
        fc.record({
          tasks: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 16 }),
          projects: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 25 }),
          units: fc.integer({ min: 0, max: 80 }),
          links: fc.array(fc.nat(500), { maxLength: 300 }),
          aspect: fc.double({ min: 0.6, max: 3, noNaN: true }),
        }),
        (shape) => {
          const plan = generatedPlan(shape);
          const placed = layout(plan.n, plan.e, shape.aspect);
          expect(placed.size).toBe(plan.n.length);
          for (const p of placed.values()) {
            expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
          }
          expect(overlaps(plan.n, placed)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
