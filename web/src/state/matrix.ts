// The responsibility matrix's part of the view, kept in the address with the rest (view.ts):
// `view=matrix` shows units × themes instead of the graph, `msort=` how its rows are ordered,
// `mcols=items` one column per item instead of per theme and `mcols=plans` one per plan loaded
// (the plan's id: `msort=col:<plan id>`). Defaults are left out.

/** Rows by load (工作量, the default), by name (pinyin), clustered, or by one column's load. */
export type MatrixSort = 'load' | 'name' | 'cluster' | `col:${string}`;

export const MATRIX_COLUMNS = ['themes', 'items', 'plans'] as const;
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

function readColumns(raw: string | null): MatrixColumns {
  return MATRIX_COLUMNS.find((columns) => columns === raw) ?? 'themes';
}

export function readMatrixView(query: URLSearchParams): MatrixView {
  return {
    matrix: query.get('view') === 'matrix',
    matrixSort: readSort(query.get('msort')),
    matrixColumns: readColumns(query.get('mcols')),
  };
}

export function writeMatrixView(view: MatrixView, query: URLSearchParams): void {
  if (view.matrix) query.set('view', 'matrix');
  if (view.matrixSort !== DEFAULT_MATRIX_VIEW.matrixSort) query.set('msort', view.matrixSort);
  if (view.matrixColumns !== DEFAULT_MATRIX_VIEW.matrixColumns) {
    query.set('mcols', view.matrixColumns);
  }
}
