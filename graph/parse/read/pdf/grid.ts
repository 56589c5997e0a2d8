// Ruled tables: the rules drawn on a page → grids of cells, and the page's text placed in them.
// A cell is a region of the grid that no rule divides: where the rule between two rows is
// missing over a column, the cell spans those rows (a 牵头单位 merged down, its name drawn once,
// centred); where the rule between two columns is missing, it spans those columns (a section
// row). Each row of the grid then carries every cell that covers it, as a Word table's rows do.
import type { Rule, Rules, Run } from './geometry.ts';
import { toLineGroups } from './lines.ts';
import { joinWrapped } from './wrap.ts';

export interface GridCell {
  text: string;
  /** Grid columns the cell covers. */
  span: number;
  /** The cell begins in a row above and covers this one too. */
  merged: boolean;
}

export interface GridRow {
  cells: GridCell[];
  /** Top of the row and the baseline of its first text, y down. */
  top: number;
  firstBaseline: number;
}

export interface Grid {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** x of every column rule, left to right. */
  columns: number[];
  rows: GridRow[];
}

/** How far apart (points) rule ends or positions may be and still meet. */
const TOLERANCE = 2;

/** Groups values lying within `tolerance` of their neighbour; returns the groups' means. */
function cluster(values: readonly number[], tolerance = TOLERANCE): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const group = out[out.length - 1];
    const last = group?.[group.length - 1];
    if (group && last !== undefined && v - last <= tolerance) group.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Collinear rules that touch or overlap become one. */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const lanes: Rule[][] = [];
  for (const rule of sorted) {
    const lane = lanes[lanes.length - 1];
    if (lane && lane[0] && rule.at - lane[0].at <= TOLERANCE) lane.push(rule);
    else lanes.push([rule]);
  }
  const merged: Rule[] = [];
  for (const lane of lanes) {
    const at = lane.reduce((s, r) => s + r.at, 0) / lane.length;
    const spans = [...lane].sort((a, b) => a.from - b.from);
    let current: Rule | undefined;
    for (const r of spans) {
      if (current && r.from <= current.to + TOLERANCE) current.to = Math.max(current.to, r.to);
      else {
        if (current) merged.push(current);
        current = { at, from: r.from, to: r.to };
      }
    }
    if (current) merged.push(current);
  }
  return merged;
}

const meets = (h: Rule, v: Rule): boolean =>
  v.at >= h.from - TOLERANCE &&
  v.at <= h.to + TOLERANCE &&
  h.at >= v.from - TOLERANCE &&
  h.at <= v.to + TOLERANCE;

/** Sets of rules that touch each other: each is one table (or one box) on the page. */
function components(horizontal: Rule[], vertical: Rule[]): { h: Rule[]; v: Rule[] }[] {
  const parent = [...horizontal, ...vertical].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (meets(h, v)) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  const group = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  horizontal.forEach((h, i) => group(i).h.push(h));
  vertical.forEach((v, j) => group(horizontal.length + j).v.push(v));
  return [...groups.values()];
}

/** Share of [from, to] that the rules at `at` cover. */
function coverage(rules: readonly Rule[], at: number, from: number, to: number): number {
  const length = to - from;
  if (length <= 0) return 1;
  let covered = 0;
  for (const r of rules) {
    if (Math.abs(r.at - at) > TOLERANCE) continue;
    covered += Math.max(0, Math.min(to, r.to) - Math.max(from, r.from));
  }
  return covered / length;
}

/** Estimated width of one character: a CJK character is a full em, others about half. */
const weight = (c: string) => (/[\u1100-\uffff]/u.test(c) && !/[\uff61-\uff9f]/u.test(c) ? 1 : 0.5);

/** A run that crosses a column rule is cut there, its characters placed by estimated widths. */
function cutAt(run: Run, columns: readonly number[]): Run[] {
  const inside = columns.filter(
    (x) => x > run.x + run.size * 0.3 && x < run.right - run.size * 0.3,
  );
  if (inside.length === 0) return [run];
  const chars = [...run.text];
  const total = chars.reduce((s, c) => s + weight(c), 0) || 1;
  const unit = (run.right - run.x) / total;
  const pieces: Run[] = [];
  let x = run.x;
  let current: Run = { ...run, text: '', right: run.x };
  let next = 0;
  for (const c of chars) {
    const w = weight(c) * unit;
    while (next < inside.length && x + w / 2 > (inside[next] ?? Infinity)) {
      if (current.text !== '') pieces.push(current);
      current = { ...run, text: '', x, right: x };
      next++;
    }
    current.text += c;
    x += w;
    current.right = x;
  }
  if (current.text !== '') pieces.push(current);
  return pieces;
}

/**
 * The ruled tables of a page, with the runs they hold. Runs outside every table are returned
 * as `rest`, for the page's paragraphs.
 */
export function ruledTables(rules: Rules, runs: readonly Run[]): { grids: Grid[]; rest: Run[] } {
  const horizontal = mergeRules(rules.horizontal);
  const vertical = mergeRules(rules.vertical);
  const grids: Grid[] = [];
  let rest = [...runs];
  for (const part of components(horizontal, vertical)) {
    if (part.h.length < 2 || part.v.length < 2) continue;
    const xs = cluster(part.v.map((v) => v.at));
    const ys = cluster(part.h.map((h) => h.at));
    // One framed box (a boxed note, a border around the page) is not a table.
    if (xs.length < 2 || ys.length < 2 || (xs.length - 1) * (ys.length - 1) < 2) continue;
    const [left, right] = [xs[0] ?? 0, xs[xs.length - 1] ?? 0];
    const [top, bottom] = [ys[0] ?? 0, ys[ys.length - 1] ?? 0];
    const within = (r: Run) => {
      const cx = (r.x + r.right) / 2;
      const cy = r.y - r.size * 0.35;
      return cx > left && cx < right && cy > top && cy < bottom;
    };
    const held = rest.filter(within);
    rest = rest.filter((r) => !within(r));
    grids.push(buildGrid(part, xs, ys, held));
  }
  return { grids, rest };
}

function buildGrid(part: { h: Rule[]; v: Rule[] }, xs: number[], ys: number[], runs: Run[]): Grid {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const x = (i: number) => xs[i] ?? 0;
  const y = (i: number) => ys[i] ?? 0;
  // Slots of the grid joined where no rule divides them.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const join = (a: number, b: number) => {
    parent[find(b)] = find(a);
  };
  const open = (share: number) => share < 0.6;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && open(coverage(part.v, x(c + 1), y(r), y(r + 1))))
        join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && open(coverage(part.h, y(r + 1), x(c), x(c + 1))))
        join(r * cols + c, (r + 1) * cols + c);
    }
  }
  interface Region {
    r0: number;
    r1: number;
    c0: number;
    c1: number;
    runs: Run[];
  }
  const regions = new Map<number, Region>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const region = regions.get(root);
      if (!region) regions.set(root, { r0: r, r1: r, c0: c, c1: c, runs: [] });
      else {
        region.r0 = Math.min(region.r0, r);
        region.r1 = Math.max(region.r1, r);
        region.c0 = Math.min(region.c0, c);
        region.c1 = Math.max(region.c1, c);
      }
    }
  }
  const slot = (value: number, edges: number[]) => {
    let i = 0;
    while (i < edges.length - 2 && value >= (edges[i + 1] ?? Infinity)) i++;
    return i;
  };
  for (const run of runs.flatMap((r) => cutAt(r, xs))) {
    const c = slot((run.x + run.right) / 2, xs);
    const r = slot(run.y - run.size * 0.35, ys);
    regions.get(find(r * cols + c))?.runs.push(run);
  }
  const texts = new Map<Region, { text: string; baseline: number }>();
  for (const region of regions.values()) {
    const lines = toLineGroups(region.runs);
    const edge = x(region.c1 + 1);
    const text = joinWrapped(lines, {
      // Line breaking rules (no line starts with "，" or "”", numbers stay whole) can leave a
      // wrapped line up to two characters short of the cell's edge.
      full: (line) => edge - line.right <= 2.2 * line.size,
      cell: true,
    });
    texts.set(region, { text, baseline: lines[0]?.y ?? Infinity });
  }
  const out: GridRow[] = [];
  for (let r = 0; r < rows; r++) {
    const covering = [...regions.values()]
      .filter((g) => g.r0 <= r && g.r1 >= r)
      .sort((a, b) => a.c0 - b.c0);
    const cells = covering.map((g) => ({
      text: texts.get(g)?.text ?? '',
      span: g.c1 - g.c0 + 1,
      merged: g.r0 < r,
    }));
    // Rows with nothing of their own (slivers between near rules) are no rows of the document.
    if (cells.every((c) => c.text === '' || c.merged)) continue;
    const own = covering.filter((g) => g.r0 === r);
    const firstBaseline = Math.min(...own.map((g) => texts.get(g)?.baseline ?? Infinity));
    out.push({
      cells,
      top: y(r),
      firstBaseline: Number.isFinite(firstBaseline) ? firstBaseline : y(r),
    });
  }
  return { left: x(0), right: x(cols), top: y(0), bottom: y(rows), columns: xs, rows: out };
}
