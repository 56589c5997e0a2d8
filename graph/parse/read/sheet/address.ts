// A1-style addresses, the way a planner finds a cell in Excel: column letters, then the row.

/** Column number (1-based) → letters: 1 → A, 26 → Z, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function cellAddress(row: number, column: number): string {
  return `${columnName(column)}${row}`;
}
