// A sheet as a planner sees it on screen → rows of cells, merges resolved. Shared by the Excel
// and CSV readers, so both give the layouts the same shape: a row starts at the sheet's first
// used column (a margin column left empty is not a cell), stops at its last non-empty cell,
// and a row with nothing of its own (blank, or only a merge passing down through it) is left
// out.
import type { RowCell } from '../blocks.ts';

/** A merged range, 1-based and inclusive, as Excel stores it (A1:H1 → 1,1,1,8). */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  /** Row → column → displayed text. A merged range's text sits at its top-left cell only. */
  texts: ReadonlyMap<number, ReadonlyMap<number, string>>;
  merges: readonly MergedRange[];
}

export interface GridRow {
  /** The sheet's row number (or the CSV record number). */
  row: number;
  /** Column of the row's first cell: where the planner finds the row in the sheet. */
  column: number;
  cells: RowCell[];
}

export interface GridReading {
  rows: GridRow[];
  /** Cells cut to MAX_CELL_CHARS, with their length as stored. */
  cut: { row: number; column: number; chars: number }[];
  /** Rows cut to MAX_ROW_CELLS. */
  wide: number[];
}

/**
 * Excel holds at most 32,767 characters in a cell; a longer one was not typed by a planner, and
 * a multi-megabyte cell would only slow every layout's patterns down.
 */
export const MAX_CELL_CHARS = 32_767;
/** Ledgers have tens of columns; a row reaching column XFD must not become 16,384 cells. */
export const MAX_ROW_CELLS = 1_024;

const isBlank = (text: string | undefined) => text === undefined || text.trim() === '';

/** The rows of a sheet, in order, merged ranges resolved. */
export function gridRows(grid: SheetGrid): GridReading {
  const cut: GridReading['cut'] = [];
  const wide: number[] = [];
  const textAt = (row: number, column: number): string => {
    const text = grid.texts.get(row)?.get(column) ?? '';
    if (text.length <= MAX_CELL_CHARS) return text;
    cut.push({ row, column, chars: text.length });
    return text.slice(0, MAX_CELL_CHARS);
  };

  // Only rows with text of their own can be rows of the table; a row below the top of a
  // vertical merge carries that merge's text, but is not a row on its own account.
  const rowNumbers = [...grid.texts.keys()]
    .filter((r) => [...(grid.texts.get(r)?.values() ?? [])].some((t) => !isBlank(t)))
    .sort((a, b) => a - b);
  let firstColumn = Number.POSITIVE_INFINITY;
  for (const r of rowNumbers) {
    for (const [c, text] of grid.texts.get(r) ?? []) {
      if (!isBlank(text)) firstColumn = Math.min(firstColumn, c);
    }
  }

  const merges = grid.merges.filter((m) => !isBlank(grid.texts.get(m.top)?.get(m.left)));
  const crossing = mergesByRow(rowNumbers, merges);

  const rows: GridRow[] = [];
  for (const row of rowNumbers) {
    const own = grid.texts.get(row) ?? new Map<number, string>();
    const through = crossing.get(row) ?? [];
    let last = 0;
    for (const [c, text] of own) if (!isBlank(text) && c > last) last = c;
    // A merged range is as wide as Excel draws it, even where no cell of its own follows.
    for (const m of through) if (m.right > last) last = m.right;
    if (last - firstColumn + 1 > MAX_ROW_CELLS) {
      wide.push(row);
      last = firstColumn + MAX_ROW_CELLS - 1;
    }

    const cells: RowCell[] = [];
    let m = 0;
    for (let column = firstColumn; column <= last;) {
      while (m < through.length && (through[m] as MergedRange).right < column) m++;
      const merge = through[m];
      if (merge && merge.left <= column) {
        cells.push({
          text: textAt(merge.top, merge.left),
          span: Math.min(merge.right, last) - column + 1,
          merged: row > merge.top,
        });
        column = merge.right + 1;
        m++;
      } else {
        cells.push({ text: textAt(row, column), span: 1, merged: false });
        column++;
      }
    }
    while (cells.length > 0 && isBlank(cells.at(-1)?.text)) cells.pop();
    if (cells.length > 0) rows.push({ row, column: firstColumn, cells });
  }
  return { rows, cut, wide };
}

/** For each row of `rows`, the merges that cross it, left to right. */
function mergesByRow(
  rows: readonly number[],
  merges: readonly MergedRange[],
): Map<number, MergedRange[]> {
  const byRow = new Map<number, MergedRange[]>();
  for (const merge of merges) {
    // Only rows that are kept matter: a merge down a whole column must not cost a million rows.
    for (let i = firstAtLeast(rows, merge.top); i < rows.length; i++) {
      const row = rows[i] as number;
      if (row > merge.bottom) break;
      const list = byRow.get(row) ?? [];
      list.push(merge);
      byRow.set(row, list);
    }
  }
  for (const list of byRow.values()) list.sort((a, b) => a.left - b.left);
  return byRow;
}

function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
