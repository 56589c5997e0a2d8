// From PDF.js's page records to what the page shows, in one space: y down from the top left of
// the page as displayed, in points. Text becomes runs (a string with its box and font size);
// drawing becomes the horizontal and vertical rules that can outline a table.
import type { RawPage, TextItem } from './extract.ts';

export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 applied first, then m2 (PDF's row-vector convention: p · m1 · m2). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A piece of text as shown: left edge, baseline, advance width and font size, in points. */
export interface Run {
  text: string;
  x: number;
  right: number;
  /** Baseline, y down. */
  y: number;
  size: number;
  font: string;
}

export const top = (run: Run): number => run.y - run.size * 0.88;

// Characters some Chinese PDF tools map to the Kangxi radicals (U+2F00…) or to compatibility
// ideographs instead of the ideographs they look like: "⼀" for "一". NFKC folds exactly those.
const LOOKALIKE = /[\u2E80-\u2FDF\uF900-\uFAFF]/gu;
export const plainText = (s: string): string =>
  LOOKALIKE.test(s) ? s.replace(LOOKALIKE, (c) => c.normalize('NFKC')) : s;

/**
 * Upright text of the page as runs. Text turned by more than a few degrees (a diagonal
 * watermark, a rotated stamp, a margin note set vertically) is left out and counted.
 */
export function textRuns(page: RawPage): { runs: Run[]; turned: number } {
  const runs: Run[] = [];
  let turned = 0;
  for (const item of page.items) {
    const run = toRun(item, page.viewport);
    if (run === 'turned') turned++;
    else if (run) runs.push(run);
  }
  return { runs, turned };
}

function toRun(item: TextItem, viewport: readonly number[]): Run | 'turned' | null {
  const m = multiply(item.transform, viewport);
  const [a, b, c, d] = m;
  const size = Math.hypot(c, d);
  if (!(size > 0.5) || !Number.isFinite(m[4]) || !Number.isFinite(m[5])) return null;
  // Upright in the shown page: x grows along the text, y (down) is the baseline's.
  if (Math.abs(b) > 0.1 * Math.hypot(a, b) || Math.abs(c) > 0.1 * size || a <= 0 || d >= 0) {
    return item.str.trim() === '' ? null : 'turned';
  }
  const scale = Math.hypot(a, b) / Math.hypot(item.transform[0] ?? 1, item.transform[1] ?? 0);
  const width = Number.isFinite(item.width) ? Math.max(0, item.width * (scale || 1)) : 0;
  return {
    text: plainText(item.str),
    x: m[4],
    right: m[4] + width,
    y: m[5],
    size,
    font: item.font,
  };
}

/** A horizontal or vertical stroke of the page: y (or x) and the span it covers. */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface Rules {
  horizontal: Rule[];
  vertical: Rule[];
}

/** Thicker than this, a filled shape is a box (shading, a picture frame), not a rule. */
const THIN = 3;
/** Beyond this many strokes a page is a drawing, not a table: its rules are not read. */
const MAX_SEGMENTS = 20_000;

/**
 * Rules drawn on the page: thin filled rectangles (Chromium, many converters) and stroked
 * straight segments (Word, WPS), the current transformation followed through save/restore.
 */
export function pageRules(page: RawPage): Rules {
  const rules: Rules = { horizontal: [], vertical: [] };
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let count = 0;
  const toPage = (x: number, y: number) => apply(multiply(ctm, page.viewport), x, y);
  const add = (x1: number, y1: number, x2: number, y2: number, thick: number) => {
    if (++count > MAX_SEGMENTS) return;
    const w = Math.abs(x2 - x1);
    const h = Math.abs(y2 - y1);
    if (h <= Math.max(thick, 0.5) && w > THIN) {
      rules.horizontal.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    } else if (w <= Math.max(thick, 0.5) && h > THIN) {
      rules.vertical.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
    }
  };
  for (const op of page.ops) {
    switch (op[0]) {
      case 'save':
        stack.push(ctm);
        break;
      case 'restore':
        ctm = stack.pop() ?? IDENTITY;
        break;
      case 'transform':
        ctm = multiply(op[1], ctm);
        break;
      case 'width':
        break;
      case 'path':
        for (const shape of subpaths(op[2])) {
          const points = shape.map(([x, y]) => toPage(x, y));
          if (op[1] !== 'stroke') {
            // A filled shape is a rule when its box is thin in one direction.
            const xs = points.map((p) => p[0]);
            const ys = points.map((p) => p[1]);
            const [x1, x2, y1, y2] = [
              Math.min(...xs),
              Math.max(...xs),
              Math.min(...ys),
              Math.max(...ys),
            ];
            if (y2 - y1 <= THIN || x2 - x1 <= THIN) add(x1, y1, x2, y2, THIN);
          }
          if (op[1] !== 'fill') {
            for (let i = 1; i < points.length; i++) {
              const [p, q] = [points[i - 1], points[i]];
              if (p && q) add(p[0], p[1], q[0], q[1], 0.5);
            }
          }
        }
        break;
    }
  }
  return rules;
}

/** PDF.js path data (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) as polylines. */
function subpaths(data: readonly number[]): [number, number][][] {
  const shapes: [number, number][][] = [];
  let shape: [number, number][] = [];
  const at = (i: number) => data[i] ?? 0;
  for (let i = 0; i < data.length;) {
    const code = data[i++];
    if (code === 0) {
      if (shape.length > 1) shapes.push(shape);
      shape = [[at(i), at(i + 1)]];
      i += 2;
    } else if (code === 1) {
      shape.push([at(i), at(i + 1)]);
      i += 2;
    } else if (code === 2) {
      // A curve is no rule: its end point keeps the path's place.
      shape.push([at(i + 4), at(i + 5)]);
      shape = [shape[shape.length - 1] as [number, number]];
      i += 6;
    } else if (code === 3) {
      shape = [[at(i + 2), at(i + 3)]];
      i += 4;
    } else if (code === 4) {
      const first = shape[0];
      if (first && shape.length > 1) shape.push(first);
      if (shape.length > 1) shapes.push(shape);
      shape = first ? [first] : [];
    } else break;
  }
  if (shape.length > 1) shapes.push(shape);
  return shapes;
}
