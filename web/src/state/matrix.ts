// The responsibility matrix's part of the view, kept in the address with the rest (view.ts):
// `view=matrix` shows units × themes instead of the graph, `msort=` how its rows are ordered and
// `mcols=items` one column per item instead of per theme. Defaults are left out.

/** Rows by load (工作量, the default), by name (pinyin), clustered, or by one column's load. */
export type MatrixSort = 'load' | 'name' | 'cluster' | `col:${string}`;

export const MATRIX_COLUMNS = ['themes', 'items'] as const;
export type MatrixColumns = (typeof MATRIX_COLUMNS)[number];

export interface MatrixView {
  /** The matrix instead of the graph. */
  matrix: boolean;
  matrixSort: MatrixSort;
  matrixColumns: MatrixColumns;
}

export const DEFAULT_MATRIX_VIEW: MatrixView = {
  matrix: false,
  matrixSort: 'load',
  matrixColumns: 'themes',
};

function readSort(raw: string | null): MatrixSort {
  if (raw === 'name' || raw === 'cluster') return raw;
  if (raw !== null && raw.startsWith('col:') && raw.length > 4) return raw as `col:${string}`;
  return 'load';
}

export function readMatrixView(query: URLSearchParams): MatrixView {
  return {
    matrix: query.get('view') === 'matrix',
    matrixSort: readSort(query.get('msort')),
    matrixColumns: query.get('mcols') === 'items' ? 'items' : 'themes',
  };
}

export function writeMatrixView(view: MatrixView, query: URLSearchParams): void {
  if (view.matrix) query.set('view', 'matrix');
  if (view.matrixSort !== DEFAULT_MATRIX_VIEW.matrixSort) query.set('msort', view.matrixSort);
  if (view.matrixColumns !== DEFAULT_MATRIX_VIEW.matrixColumns) {
    query.set('mcols', view.matrixColumns);
  }
}
