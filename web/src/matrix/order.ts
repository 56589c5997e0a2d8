// The matrix in the order the planner asked for: rows by load, by name (pinyin for Chinese, as a
// dictionary would), by one column's load, or clustered (rows and columns both, seriation.ts).
// Columns keep the plan's order except when clustered. Pure.
import type { Lang } from '../i18n/messages.ts';
import type { MatrixSort } from '../state/matrix.ts';
import { byLoad, cellLoad, type Matrix, type MatrixColumn, type MatrixRow } from './matrix-data.ts';
import { seriate } from './seriation.ts';

export interface OrderedMatrix {
  rows: MatrixRow[];
  columns: MatrixColumn[];
}

/** Chinese names by pinyin (ICU's zh collation), English ones alphabetically. */
export function nameCollator(lang: Lang): Intl.Collator {
  return new Intl.Collator(lang === 'zh' ? 'zh-CN-u-co-pinyin' : 'en', { numeric: true });
}

/** The column a `col:` sort names, when the matrix has it. */
export function sortColumn(matrix: Matrix, sort: MatrixSort): MatrixColumn | null {
  if (!sort.startsWith('col:')) return null;
  const key = sort.slice('col:'.length);
  return matrix.columns.find((column) => column.key === key) ?? null;
}

export function orderMatrix(matrix: Matrix, sort: MatrixSort, lang: Lang): OrderedMatrix {
  const { rows, columns } = matrix;
  if (sort === 'name') {
    const collator = nameCollator(lang);
    return {
      rows: rows.toSorted((a, b) => collator.compare(a.name, b.name) || byLoad(a, b)),
      columns,
    };
  }
  if (sort === 'cluster') {
    const at = new Map(columns.map((column, index) => [column.key, index]));
    const entries = rows.flatMap((row, index) =>
      [...row.cells].map(([key, cell]) => ({
        row: index,
        column: at.get(key) ?? 0,
        weight: cellLoad(cell),
      })),
    );
    const order = seriate(rows.length, columns.length, entries);
    return {
      rows: order.rows.map((index) => rows[index]).filter((row) => row !== undefined),
      columns: order.columns
        .map((index) => columns[index])
        .filter((column) => column !== undefined),
    };
  }
  const column = sortColumn(matrix, sort);
  if (column !== null) {
    const loadIn = (row: MatrixRow) => {
      const cell = row.cells.get(column.key);
      return cell === undefined ? 0 : cellLoad(cell);
    };
    const ledIn = (row: MatrixRow) => row.cells.get(column.key)?.leads ?? 0;
    return {
      rows: rows.toSorted((a, b) => loadIn(b) - loadIn(a) || ledIn(b) - ledIn(a) || byLoad(a, b)),
      columns,
    };
  }
  return { rows: rows.toSorted(byLoad), columns };
}
