// HTML tables: telling a table of the notice (rows of tasks, units, deadlines) from a table that
// lays out the page, and resolving a data table's rowspan and colspan into rows of cells as the
// planner sees them — a cell merged down over three rows applies to each of the three.
import { HEADING_TAGS, attr, childrenOf, type Element, isElement, isUnread } from './dom.ts';
import { bodyHint } from './chrome.ts';

export interface GridCell {
  /** The <td>/<th> the text comes from. */
  el: Element;
  span: number;
  /** Copied into this row from a cell above by its rowspan. */
  merged: boolean;
}

export interface GridRow {
  tr: Element;
  /** 1-based row of the table, header rows included. */
  row: number;
  /** Cells in column order; a gap in the grid (a short row) is an empty cell `el: null`. */
  cells: (GridCell | { el: null; span: number; merged: false })[];
  /** Cells past the grid's widest were left out (`maxColumns`). */
  cut: boolean;
}

/**
 * The widest grid read, as a spreadsheet's row (sheet/grid.ts): no notice's table is wider, and
 * a row of 60,000 cells each spanning 1,000 columns would otherwise lay out 60 million columns.
 */
export const MAX_GRID_COLUMNS = 1_024;

const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

const elementsOf = (node: Element): Element[] => childrenOf(node).filter(isElement);

/** The table's own rows, in document order (not those of tables nested in its cells). */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of elementsOf(table)) {
    if (child.tagName === 'tr') rows.push(child);
    else if (SECTIONS.has(child.tagName)) {
      for (const tr of elementsOf(child)) if (tr.tagName === 'tr') rows.push(tr);
    }
  }
  return rows.filter((tr) => !isUnread(tr));
}

const cellsOf = (tr: Element): Element[] =>
  elementsOf(tr).filter((c) => (c.tagName === 'td' || c.tagName === 'th') && !isUnread(c));

/** Cells whose text runs longer than this hold a page's body, not a table's value. */
const LAYOUT_CELL_CHARS = 4000;

/**
 * A table used to lay out the page: its cells hold other tables, headings or a CMS's body
 * container, or it has a single column (a frame round the content, not a grid of values). Such
 * a table is read as the blocks inside it, never as rows.
 */
export function isLayoutTable(table: Element): boolean {
  if (attr(table, 'role') === 'presentation' || attr(table, 'role') === 'none') return true;
  const rows = rowsOf(table);
  let widest = 0;
  for (const tr of rows) {
    const cells = cellsOf(tr);
    widest = Math.max(widest, cells.length);
    for (const cell of cells) if (holdsPageContent(cell)) return true;
  }
  return widest <= 1;
}

/** Looks through a cell (not into tables nested in it: finding one is the answer). */
function holdsPageContent(cell: Element): boolean {
  const stack: Element[] = [cell];
  let chars = 0;
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (el !== cell) {
      if (el.tagName === 'table' || HEADING_TAGS.has(el.tagName)) return true;
      if (bodyHint(el) === 'body') return true;
    }
    for (const child of childrenOf(el)) {
      if (isElement(child)) {
        if (!isUnread(child)) stack.push(child);
      } else if (child.nodeName === '#text' && 'value' in child) {
        chars += child.value.length;
        if (chars > LAYOUT_CELL_CHARS) return true;
      }
    }
  }
  return false;
}

/** A span attribute as a browser reads it: digits at the start, clamped to the spec's range. */
function spanOf(el: Element, name: 'colspan' | 'rowspan', max: number): number {
  const m = /^\s*(\d+)/.exec(attr(el, name) ?? '');
  if (!m) return 1;
  const n = Number(m[1]);
  // rowspan="0" spans to the end of its row group; for a table read top to bottom, to the end.
  if (n === 0) return name === 'rowspan' ? max : 1;
  return Math.min(n, max);
}

interface Pending {
  cell: Element;
  col: number;
  span: number;
  /** Rows below still covered by the cell. */
  left: number;
}

/**
 * The grid of a data table: each row's cells at their columns, cells merged down from above
 * repeated (`merged`) where they cover the row, gaps of short rows as empty cells. Columns past a
 * row's last cell are not padded: a browser draws nothing there.
 */
export function gridOf(table: Element, maxColumns = MAX_GRID_COLUMNS): GridRow[] {
  const rows = rowsOf(table);
  const out: GridRow[] = [];
  let pending: Pending[] = [];
  rows.forEach((tr, r) => {
    const above = pending.filter((p) => p.left > 0).sort((a, b) => a.col - b.col);
    const placed: { col: number; cell: GridRow['cells'][number] }[] = above.map((p) => ({
      col: p.col,
      cell: { el: p.cell, span: p.span, merged: true },
    }));
    const covered = (col: number) => above.find((p) => col >= p.col && col < p.col + p.span);
    const next: Pending[] = above.map((p) => ({ ...p, left: p.left - 1 }));
    let col = 0;
    let cut = false;
    for (const cell of cellsOf(tr)) {
      for (let over = covered(col); over; over = covered(col)) col = over.col + over.span;
      if (col >= maxColumns) {
        cut = true;
        break;
      }
      const span = Math.min(spanOf(cell, 'colspan', 1000), maxColumns - col);
      const down = spanOf(cell, 'rowspan', rows.length - r);
      placed.push({ col, cell: { el: cell, span, merged: false } });
      if (down > 1) next.push({ cell, col, span, left: down - 1 });
      col += span;
    }
    placed.sort((a, b) => a.col - b.col);
    const cells: GridRow['cells'] = [];
    let at = 0;
    for (const { col: c, cell } of placed) {
      if (c > at) cells.push({ el: null, span: c - at, merged: false });
      cells.push(cell);
      at = Math.max(at, c + cell.span);
    }
    out.push({ tr, row: r + 1, cells, cut });
    pending = next;
  });
  return out;
}
