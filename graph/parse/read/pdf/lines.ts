// Runs → lines, as a reader's eye makes them: runs whose baselines agree (within a share of the
// font size) are one line, read left to right. Chinese is set without spaces, so runs join with
// nothing, unless the gap between them is wide and both sides are Latin words or numbers.
import type { Run } from './geometry.ts';

export interface Line {
  runs: Run[];
  text: string;
  x: number;
  right: number;
  /** Baseline, y down. */
  y: number;
  /** The largest font size on the line. */
  size: number;
}

const LATIN_END = /[\p{Script=Latin}\d%.,;:)\]]$/u;
const LATIN_START = /^[\p{Script=Latin}\d(([]/u;

/**
 * The text of runs on one line, left to right. A gap of half a character or more is a space
 * (it separates units, or cells of a table without rules); a narrower one only between words of
 * Latin script. The spaces PDF.js puts between runs are judged the same way, by the gap.
 */
export function joinRuns(runs: readonly Run[]): string {
  let text = '';
  let last: Run | undefined;
  for (const run of runs) {
    const piece = run.text.replace(/\s+/g, ' ').trim();
    if (piece === '') continue;
    if (last) {
      const gap = run.x - last.right;
      const size = Math.min(run.size, last.size);
      const latin = LATIN_END.test(text) && LATIN_START.test(piece);
      if (gap >= size * 0.5 || (latin && gap > size * 0.15)) text += ' ';
    }
    text += piece;
    last = run;
  }
  return text;
}

/**
 * Groups runs into lines by baseline. A run joins the line whose baseline is within 40% of
 * the smaller font size; a superscript (smaller, raised) still joins its line.
 */
export function toLineGroups(runs: readonly Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Run[][] = [];
  const baselines: number[] = [];
  const sizes: number[] = [];
  for (const run of sorted) {
    let placed = false;
    // Only the last few lines can still take a run: runs come sorted by baseline.
    for (let g = groups.length - 1; g >= Math.max(0, groups.length - 3); g--) {
      const tolerance = 0.4 * Math.min(run.size, sizes[g] ?? run.size);
      if (Math.abs(run.y - (baselines[g] ?? Infinity)) <= tolerance) {
        groups[g]?.push(run);
        placed = true;
        break;
      }
    }
    if (!placed) {
      groups.push([run]);
      baselines.push(run.y);
      sizes.push(run.size);
    }
  }
  return groups.map(toLine).filter((line) => line.text !== '');
}

export function toLine(runs: readonly Run[]): Line {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  const text = joinRuns(sorted);
  const printed = sorted.filter((r) => r.text.trim() !== '');
  const main = printed.length > 0 ? printed : sorted;
  // The baseline of the line is that of its largest text (a footnote mark sits higher).
  const size = Math.max(...main.map((r) => r.size));
  const big = main.filter((r) => r.size >= size * 0.9);
  return {
    runs: sorted,
    text,
    x: Math.min(...main.map((r) => r.x)),
    right: Math.max(...main.map((r) => r.right)),
    y: big.reduce((sum, r) => sum + r.y, 0) / Math.max(1, big.length),
    size,
  };
}
