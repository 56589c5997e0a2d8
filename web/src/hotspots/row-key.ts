// What a ranking row is about, and the key that names it in the address: a unit by its name, a
// pair by both names (市发改委|市经信局), an item by its printed reference, a group by its number.
// Read from the row's columns, so a ranking added to cypher/ with the same columns needs nothing.

/** A ranking row as the API answers it: any JSON, keyed by the ranking's columns. */
export type Row = Readonly<Record<string, unknown>>;

/** What stands behind a row: two units, one unit, one item, or a group of units. */
export type RowSubject = 'pair' | 'unit' | 'item' | 'members';

/** Joins the names of a key; unit names and references never hold it. */
export const KEY_SEPARATOR = '|';

const KEY_COLUMNS: Record<RowSubject, readonly string[]> = {
  pair: ['unitA', 'unitB'],
  unit: ['unit'],
  item: ['ref'],
  members: ['community'],
};

const present = (row: Row, column: string) =>
  row[column] !== undefined && row[column] !== null && row[column] !== '';

export function rowSubject(row: Row): RowSubject | null {
  if (present(row, 'unitAId') && present(row, 'unitBId')) return 'pair';
  if (present(row, 'unitId')) return 'unit';
  if (present(row, 'itemId')) return 'item';
  if (Array.isArray(row['members'])) return 'members';
  return null;
}

/** The row's key; a row of no known subject is named by its first column. */
export function rowKey(row: Row, columns: readonly string[]): string {
  const subject = rowSubject(row);
  const named = subject === null ? columns.slice(0, 1) : KEY_COLUMNS[subject];
  return named.map((column) => String(row[column] ?? '')).join(KEY_SEPARATOR);
}

/** Whether a key names this row; a pair's names in either order (a hand-written link). */
export function namesRow(row: Row, columns: readonly string[], key: string): boolean {
  const own = rowKey(row, columns);
  if (own === key) return true;
  if (rowSubject(row) !== 'pair') return false;
  return own === key.split(KEY_SEPARATOR).reverse().join(KEY_SEPARATOR);
}

/** The row a key names, or undefined when the ranking no longer holds it. */
export function findRow(
  rows: readonly Row[],
  columns: readonly string[],
  key: string,
): Row | undefined {
  return rows.find((row) => namesRow(row, columns, key));
}
