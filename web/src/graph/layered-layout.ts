// The layered layout, computed here rather than by a layout engine: the notice's own order, the
// same picture every time, and fast. Columns left to right follow the notice's chain of
// responsibility: units → items (indicators, major projects, tasks) → the themes the tasks serve.
// Items keep document order, grouped under their theme or major project; each theme sits level
// with its tasks; units sit level with the mean height of what they answer for (the barycentre),
// which keeps most lines short and uncrossed.
import type { EdgeData, NodeData } from '../api/schema.ts';
import { isAssignment } from './plan-index.ts';
import { THEME_BOX } from './theme-box.ts';

export interface Point {
  x: number;
  y: number;
}

/** Spacing of the layered layout, in model pixels (the canvas zooms). */
export const LAYERED_DEFAULTS = {
  /** Width over height of the screen area the graph is fitted to: columns wrap to match it. */
  aspect: 1.45,
  /** Vertical step between items in a column: one line of label. */
  itemRow: 24,
  /** Extra space between groups (a theme's tasks, a project's sub-items). */
  groupGap: 16,
  /** Sub-items sit this far right of their major project, as in an outline. */
  indent: 22,
  /** Space between stacked units, beyond their own size. */
  unitGap: 10,
  /** Height a unit's label needs at the least (its font grows with the unit's load). */
  unitLabel: 22,
  /** Width of one column of units, its labels (on the left) included. */
  unitColumnWidth: 240,
  /** Columns never get shorter than this; taller columns wrap into several. */
  minHeight: 640,
  /** Width of one item column, label included. */
  columnWidth: 230,
  /** Between the units' column and the first item column: room for the many lines. */
  unitGutter: 300,
  /** Between the last item column and the themes' boxes. */
  themeGutter: 130,
  /** Vertical step between themes: their box and a gap, so that no two touch. */
  themeRow: THEME_BOX.height + 12,
  /** Width of a theme's box. */
  themeWidth: THEME_BOX.width,
} as const;

export type LayeredOptions = { readonly [K in keyof typeof LAYERED_DEFAULTS]: number };

interface Group {
  ids: string[];
  /** Per id: indented (a sub-item) or not. */
  indented: Set<string>;
}

interface Column {
  groups: Group[];
}

const byId = (a: NodeData, b: NodeData) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Document order; ids settle ties, so the order the answer listed nodes in never matters.
const bySortKey = (a: NodeData, b: NodeData) =>
  (a.sortKey ?? Number.MAX_SAFE_INTEGER) - (b.sortKey ?? Number.MAX_SAFE_INTEGER) || byId(a, b);

/** Groups of ids for a column, each group kept together when columns wrap. */
function packColumn(
  column: Column,
  height: number,
  options: LayeredOptions,
): { positions: Map<string, { sub: number; y: number; indented: boolean }>; subColumns: number } {
  const positions = new Map<string, { sub: number; y: number; indented: boolean }>();
  let sub = 0;
  let y = 0;
  for (const group of column.groups) {
    const groupHeight = group.ids.length * options.itemRow;
    // Wrap to a new sub-column when the group would overflow, unless it starts one anyway.
    if (y > 0 && y + groupHeight > height) {
      sub++;
      y = 0;
    }
    for (const id of group.ids) {
      if (y > 0 && y + options.itemRow > height + options.itemRow / 2) {
        sub++;
        y = 0;
      }
      positions.set(id, { sub, y, indented: group.indented.has(id) });
      y += options.itemRow;
    }
    y += options.groupGap;
  }
  return { positions, subColumns: column.groups.length === 0 ? 0 : sub + 1 };
}

/**
 * Packs a column into as few sub-columns as `height` allows, then evens them out: the shortest
 * height that needs no more sub-columns, so that no sub-column is left with a handful of items.
 */
function packBalanced(column: Column, height: number, options: LayeredOptions) {
  const greedy = packColumn(column, height, options);
  let low = options.itemRow;
  let high = height;
  while (high - low > 4) {
    const middle = (low + high) / 2;
    if (packColumn(column, middle, options).subColumns <= greedy.subColumns) high = middle;
    else low = middle;
  }
  return packColumn(column, high, options);
}

/** Places items stacked from a column's top so that each is at least `gap(i)` below the last. */
function stack(ideal: readonly number[], gaps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < ideal.length; i++) {
    const want = ideal[i] ?? 0;
    const previous = out[i - 1];
    out.push(previous === undefined ? want : Math.max(want, previous + (gaps[i] ?? 0)));
  }
  // Pull the stack back up by the mean overshoot, so it stays centred on what it follows.
  const shift = out.reduce((sum, y, i) => sum + (y - (ideal[i] ?? 0)), 0) / Math.max(1, out.length);
  return out.map((y) => y - shift);
}

/** How tall the units' columns are, how many there are, and the room each unit takes. */
interface UnitColumns {
  height: number;
  columns: number;
  unitStep: (unit: NodeData) => number;
}

/**
 * Units level with the barycentre of what they answer for (a lead weighs twice a support),
 * dealt in turn to the unit columns so that neighbours in height sit side by side; the columns
 * end at x = 0, left of the items already in `positions`.
 */
function placeUnits(
  units: readonly NodeData[],
  edges: readonly EdgeData[],
  positions: Map<string, Point>,
  { height, columns: unitColumns, unitStep }: UnitColumns,
  options: LayeredOptions,
): void {
  const pull = new Map<string, { sum: number; weight: number }>();
  for (const edge of edges) {
    if (!isAssignment(edge)) continue;
    const target = positions.get(edge.target);
    if (target === undefined) continue;
    const weight = edge.type === 'LEADS' ? 2 : 1;
    const entry = pull.get(edge.source) ?? { sum: 0, weight: 0 };
    entry.sum += target.y * weight;
    entry.weight += weight;
    pull.set(edge.source, entry);
  }
  const barycentre = (unit: NodeData) => {
    const entry = pull.get(unit.id);
    // Units that answer for nothing shown go below the rest, in id order.
    return entry === undefined ? Number.POSITIVE_INFINITY : entry.sum / entry.weight;
  };
  const rankedUnits = units
    .map((unit) => ({ unit, y: barycentre(unit) }))
    .sort((a, b) => a.y - b.y || byId(a.unit, b.unit));
  for (let column = 0; column < unitColumns; column++) {
    const members = rankedUnits.filter((_, i) => i % unitColumns === column);
    let fallback = height;
    const ideal = members.map(({ y }) => (Number.isFinite(y) ? y : (fallback += 1)));
    const gaps = members.map(({ unit }, i) => {
      const previous = members[i - 1]?.unit;
      return previous === undefined ? 0 : (unitStep(previous) + unitStep(unit)) / 2;
    });
    // The first column dealt is nearest the items; the others step left.
    const columnX = (unitColumns - 1 - column) * options.unitColumnWidth;
    stack(ideal, gaps).forEach((y, i) => {
      const member = members[i];
      if (member !== undefined) positions.set(member.unit.id, { x: columnX, y });
    });
  }
}

function onePlanPositions(
  nodes: readonly NodeData[],
  edges: readonly EdgeData[],
  sizeOf: (node: NodeData) => number,
  options: LayeredOptions = LAYERED_DEFAULTS,
): Map<string, Point> {
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const sorted = (list: NodeData[]) => list.sort(bySortKey);
  const ofKind = (kind: string) => sorted(nodes.filter((node) => node.kind === kind));

  const units = sorted(nodes.filter((node) => node.kind === 'unit'));
  const themes = ofKind('theme');
  const known = new Set(['unit', 'theme', 'task', 'indicator', 'project', 'requirement']);
  const others = sorted(nodes.filter((node) => !known.has(node.kind)));

  // The nearest shown ancestor of a kind, following parentId.
  const ancestor = (node: NodeData, kind: string): NodeData | null => {
    let current: NodeData | undefined = node;
    for (let depth = 0; current !== undefined && depth < 8; depth++) {
      const parentId: string | null | undefined = current.parentId;
      current = parentId === null || parentId === undefined ? undefined : nodeById.get(parentId);
      if (current?.kind === kind) return current;
    }
    return null;
  };

  // Indicators (binding, then expected) and requirements share a column.
  const indicatorColumn: Column = { groups: [] };
  const indicators = ofKind('indicator');
  for (const binding of [true, false, null]) {
    const ids = indicators
      .filter((node) => (node.binding ?? null) === binding)
      .map((node) => node.id);
    if (ids.length > 0) indicatorColumn.groups.push({ ids, indented: new Set() });
  }
  const requirements = ofKind('requirement').map((node) => node.id);
  if (requirements.length > 0)
    indicatorColumn.groups.push({ ids: requirements, indented: new Set() });

  // Major projects, each followed by its sub-items, indented.
  const projectColumn: Column = { groups: [] };
  const projectGroups = new Map<string, Group>();
  for (const project of ofKind('project')) {
    const major = ancestor(project, 'project');
    const key = major?.id ?? project.id;
    let group = projectGroups.get(key);
    if (group === undefined) {
      group = { ids: [], indented: new Set() };
      projectGroups.set(key, group);
      projectColumn.groups.push(group);
    }
    group.ids.push(project.id);
    if (major !== null) group.indented.add(project.id);
  }

  // Tasks under their theme, themes in document order; a task with no shown theme goes last.
  const taskColumn: Column = { groups: [] };
  const taskGroups = new Map<string, Group>();
  for (const theme of themes) {
    const group: Group = { ids: [], indented: new Set() };
    taskGroups.set(theme.id, group);
    taskColumn.groups.push(group);
  }
  const loose: Group = { ids: [], indented: new Set() };
  for (const task of ofKind('task')) {
    const theme = ancestor(task, 'theme');
    const group = (theme !== null ? taskGroups.get(theme.id) : undefined) ?? loose;
    group.ids.push(task.id);
    // A second part (under a task) is indented beneath the task it continues.
    if (ancestor(task, 'task') !== null) group.indented.add(task.id);
  }
  if (loose.ids.length > 0) taskColumn.groups.push(loose);
  taskColumn.groups = taskColumn.groups.filter((group) => group.ids.length > 0);

  const itemColumns = [indicatorColumn, projectColumn, taskColumn].filter(
    (column) => column.groups.length > 0,
  );
  const unitStep = (unit: NodeData) => Math.max(sizeOf(unit), options.unitLabel) + options.unitGap;
  const unitStack = units.reduce((sum, unit) => sum + unitStep(unit), 0);
  const unitColumnsFor = (height: number) => Math.max(1, Math.ceil(unitStack / height));
  const widthFor = (height: number) =>
    unitColumnsFor(height) * options.unitColumnWidth +
    options.unitGutter +
    itemColumns.reduce(
      (sum, column) => sum + packColumn(column, height, options).subColumns * options.columnWidth,
      0,
    ) +
    options.themeGutter +
    options.themeWidth;

  // The height whose wrapped columns come closest to the screen's shape; never shorter than the
  // themes need, so that each sits level with its tasks.
  const tallest = Math.max(
    unitStack,
    ...itemColumns.map(
      (column) => column.groups.reduce((sum, group) => sum + group.ids.length, 0) * options.itemRow,
    ),
  );
  const floor = Math.max(options.minHeight, themes.length * options.themeRow);
  let height = floor;
  let bestMiss = Number.POSITIVE_INFINITY;
  for (
    let candidate = floor;
    candidate <= Math.max(floor, tallest + options.itemRow);
    candidate += 20
  ) {
    const miss = Math.abs(Math.log(widthFor(candidate) / candidate / options.aspect));
    if (miss < bestMiss - 1e-9) {
      bestMiss = miss;
      height = candidate;
    }
  }

  const positions = new Map<string, Point>();
  const unitColumns = unitColumnsFor(height);
  let x = (unitColumns - 1) * options.unitColumnWidth + options.unitGutter;
  for (const column of itemColumns) {
    const packed = packBalanced(column, height, options);
    // Centre each sub-column's content on the common middle line.
    const used = new Map<number, number>();
    for (const { sub, y } of packed.positions.values()) {
      used.set(sub, Math.max(used.get(sub) ?? 0, y));
    }
    for (const [id, place] of packed.positions) {
      positions.set(id, {
        x: x + place.sub * options.columnWidth + (place.indented ? options.indent : 0),
        y: place.y + (height - (used.get(place.sub) ?? 0)) / 2,
      });
    }
    x += packed.subColumns * options.columnWidth;
  }

  // Themes level with the middle of their tasks, spread so that no two overlap.
  const themeX = x + options.themeGutter - options.columnWidth / 2 + options.themeWidth / 2;
  const themeIdeal = themes.map((theme, i) => {
    const ys = (taskGroups.get(theme.id)?.ids ?? [])
      .map((id) => positions.get(id)?.y)
      .filter((y): y is number => y !== undefined);
    return ys.length > 0
      ? ys.reduce((sum, y) => sum + y, 0) / ys.length
      : (height * (i + 0.5)) / Math.max(1, themes.length);
  });
  const themeYs = stack(
    themeIdeal,
    themes.map(() => options.themeRow),
  );
  themes.forEach((theme, i) => positions.set(theme.id, { x: themeX, y: themeYs[i] ?? 0 }));

  placeUnits(
    units,
    edges,
    positions,
    { height, columns: unitColumnsFor(height), unitStep },
    options,
  );

  // Anything else (a delegated-to document, a node of a kind added later) to the far right.
  others.forEach((node, i) => {
    positions.set(node.id, {
      x: themeX + options.themeWidth + options.themeGutter,
      y: (height * (i + 0.5)) / Math.max(1, others.length),
    });
  });
  return positions;
}

/** Room between two plans' blocks (全部规划): each plan's frame, its padding and its title. */
export const PLAN_GAP = 220;

/** The plan an item belongs to; '' for a unit (every plan's) and a node without one. */
function planOf(node: NodeData): string {
  const plan = node['planId'];
  return node.kind !== 'unit' && typeof plan === 'string' ? plan : '';
}

/**
 * Positions for the layered layout. One plan's graph is laid out as the notice reads. Several
 * plans' (全部规划) are laid out each as its own block of items and themes, in the order the
 * answer lists them, the blocks stacked top to bottom; the units, one node whichever plans name
 * them, sit in one column on the left at the barycentre of their items in every plan, so a
 * bureau two notices share sits between them.
 */
export function layeredPositions(
  nodes: readonly NodeData[],
  edges: readonly EdgeData[],
  sizeOf: (node: NodeData) => number,
  options: LayeredOptions = LAYERED_DEFAULTS,
): Map<string, Point> {
  const blocks = new Map<string, NodeData[]>();
  const units: NodeData[] = [];
  for (const node of nodes) {
    if (node.kind === 'unit') {
      units.push(node);
      continue;
    }
    const plan = planOf(node);
    const block = blocks.get(plan);
    if (block === undefined) blocks.set(plan, [node]);
    else block.push(node);
  }
  // A node of no plan (a document an expansion brought) does not make one plan's graph two.
  const plans = [...blocks.keys()].filter((plan) => plan !== '').length;
  if (plans < 2) return onePlanPositions(nodes, edges, sizeOf, options);

  // Each block as wide as the stack of them is tall, so the whole keeps the screen's shape.
  const blockOptions = { ...options, aspect: options.aspect * blocks.size };
  const positions = new Map<string, Point>();
  let top = 0;
  for (const block of blocks.values()) {
    const placed = onePlanPositions(block, [], sizeOf, blockOptions);
    const ys = [...placed.values()].map((point) => point.y);
    const first = Math.min(...ys) - blockOptions.themeRow / 2;
    const last = Math.max(...ys) + blockOptions.themeRow / 2;
    for (const [id, point] of placed) positions.set(id, { x: point.x, y: point.y - first + top });
    top += last - first + PLAN_GAP;
  }
  const height = Math.max(options.minHeight, top - PLAN_GAP);
  const unitStep = (unit: NodeData) => Math.max(sizeOf(unit), options.unitLabel) + options.unitGap;
  const unitStack = units.reduce((sum, unit) => sum + unitStep(unit), 0);
  const columns = Math.max(1, Math.ceil(unitStack / height));
  // The blocks were laid out with one column of units in mind; room for the others.
  const shift = (columns - 1) * options.unitColumnWidth;
  if (shift > 0) {
    for (const [id, point] of positions) positions.set(id, { x: point.x + shift, y: point.y });
  }
  placeUnits(units, edges, positions, { height, columns, unitStep }, options);
  return positions;
}
