// Tables drawn without rules: lines whose text falls into the same x-ranges, with wide gutters
// between them, over several consecutive lines. The columns are the x-ranges the text of those
// lines covers, taken together; a row starts where the first column (序号) has text again or
// the spacing between lines widens. A line running across the gutters from the table's left
// edge is a section row.
import type { Run } from './geometry.ts';
import type { Grid, GridRow } from './grid.ts';
import { toLine, type Line } from './lines.ts';
import { joinWrapped } from './wrap.ts';

interface Chunk {
  x: number;
  right: number;
  runs: Run[];
}

/** A gap this many font sizes wide separates cells; narrower ones are spacing in the text. */
const GUTTER = 1.5;

function chunksOf(line: Line): Chunk[] {
  const chunks: Chunk[] = [];
  for (const run of line.runs) {
    if (run.text.trim() === '') continue;
    const last = chunks[chunks.length - 1];
    if (last && run.x - last.right < GUTTER * run.size) {
      last.runs.push(run);
      last.right = Math.max(last.right, run.right);
    } else chunks.push({ x: run.x, right: run.right, runs: [run] });
  }
  return chunks;
}

/** The x-ranges covered by the chunks, overlapping ones merged. */
function columnsOf(rows: readonly Chunk[][]): [number, number][] {
  const spans = rows
    .flat()
    .map((c): [number, number] => [c.x, c.right])
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

const columnOf = (chunk: Chunk, columns: readonly [number, number][]) =>
  columns.findIndex(([from, to]) => chunk.x >= from - 0.5 && chunk.right <= to + 0.5);

/** Finds tables without rules among a page's lines; the lines outside them are `rest`. */
export function looseTables(lines: readonly Line[]): { grids: Grid[]; rest: Line[] } {
  const chunked = lines.map(chunksOf);
  const grids: Grid[] = [];
  const rest: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const found = (chunked[i]?.length ?? 0) >= 3 ? tableFrom(lines, chunked, i) : null;
    if (found) {
      grids.push(found.grid);
      i = found.end;
    } else {
      const line = lines[i];
      if (line) rest.push(line);
      i++;
    }
  }
  return { grids, rest };
}

function tableFrom(
  lines: readonly Line[],
  chunked: readonly Chunk[][],
  start: number,
): { grid: Grid; end: number } | null {
  const header = lines[start];
  if (!header) return null;
  // The region: lines close below each other, most of them in several chunks.
  let end = start + 1;
  let multi = 1;
  while (end < lines.length) {
    const [above, line] = [lines[end - 1], lines[end]];
    if (!above || !line || line.y - above.y > 3 * line.size) break;
    const n = chunked[end]?.length ?? 0;
    if (n >= 2) multi++;
    // A run of single-chunk lines longer than a wrapped cell is prose again.
    else if (!chunked.slice(end + 1, end + 4).some((c) => c.length >= 2)) break;
    end++;
  }
  if (multi < 3) return null;
  let columns = columnsOf(chunked.slice(start, end).filter((c) => c.length >= 2));
  // Every multi-chunk line must keep to the columns: the first that does not ends the table.
  for (let k = start; k < end; k++) {
    const chunks = chunked[k] ?? [];
    if (chunks.length < 2) continue;
    const cols = chunks.map((c) => columnOf(c, columns));
    if (cols.some((c) => c < 0) || new Set(cols).size !== cols.length) {
      end = k;
      break;
    }
  }
  columns = columnsOf(chunked.slice(start, end).filter((c) => c.length >= 2));
  if (columns.length < 3 || chunked.slice(start, end).filter((c) => c.length >= 2).length < 3) {
    return null;
  }
  const left = columns[0]?.[0] ?? header.x;
  const right = columns[columns.length - 1]?.[1] ?? header.right;
  const pitches = lines
    .slice(start + 1, end)
    .map((l, k) => l.y - (lines[start + k]?.y ?? l.y))
    .filter((g) => g > 0);
  const pitch = Math.min(...pitches, header.size * 2);

  const rows: GridRow[] = [];
  let cells: Line[][] | null = null;
  let rowTop = header.y;
  const flush = () => {
    if (!cells) return;
    const texts = cells.map((col, c) =>
      joinWrapped(col, {
        full: (l) => (columns[c]?.[1] ?? right) - l.right <= 1.2 * l.size,
        cell: true,
      }),
    );
    rows.push({
      cells: texts.map((text) => ({ text, span: 1, merged: false })),
      top: rowTop - header.size,
      firstBaseline: rowTop,
    });
    cells = null;
  };
  for (let k = start; k < end; k++) {
    const line = lines[k];
    const chunks = chunked[k] ?? [];
    if (!line) continue;
    const cols = chunks.map((c) => columnOf(c, columns));
    if (chunks.length === 1 && cols[0] === -1 && Math.abs(line.x - left) <= line.size) {
      // Across the gutters from the left edge: a section row.
      flush();
      rows.push({
        cells: [{ text: line.text, span: columns.length, merged: false }],
        top: line.y - line.size,
        firstBaseline: line.y,
      });
      continue;
    }
    const gap = k > start ? line.y - (lines[k - 1]?.y ?? line.y) : 0;
    const firstColumn = cols.includes(0);
    if (!cells || (firstColumn && (cells[0]?.length ?? 0) > 0) || gap > pitch * 1.5) {
      flush();
      cells = columns.map(() => []);
      rowTop = line.y;
    }
    chunks.forEach((chunk, n) => {
      const c = cols[n] ?? -1;
      // A chunk outside every column (text of a single-chunk line wider than its column)
      // goes to the column it starts in.
      const at =
        c >= 0
          ? c
          : Math.max(
              0,
              columns.findIndex(([from, to]) => chunk.x >= from - 0.5 && chunk.x < to),
            );
      cells?.[at]?.push(toLine(chunk.runs));
    });
  }
  flush();
  const columnStarts = [...columns.map((c) => c[0]), right];
  return {
    grid: {
      left,
      right,
      top: header.y - header.size,
      bottom: (lines[end - 1]?.y ?? header.y) + header.size * 0.3,
      columns: columnStarts,
      rows,
    },
    end,
  };
}
