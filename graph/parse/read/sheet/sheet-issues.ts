// What a sheet's reading had to cut, as issues at the cells and rows concerned: a planner is told
// what was not read in full, never left to find it out.
import type { ParseIssue, SourcePosition } from '../../../model/plan.ts';
import { readIssue } from '../issues.ts';
import { MAX_CELL_CHARS, MAX_ROW_CELLS, type GridReading } from './grid.ts';

/** `at` places a row (and a cell of it) in the file, as the reader's source positions do. */
export function sheetIssues(
  reading: GridReading,
  at: (row: number, column?: number) => SourcePosition,
): ParseIssue[] {
  const issues: ParseIssue[] = [];
  for (const cell of reading.cut) {
    issues.push(
      readIssue(
        'cell-too-long',
        {
          en: `${cell.chars} characters, read up to ${MAX_CELL_CHARS}`,
          zh: `共 ${cell.chars} 个字符，只读取前 ${MAX_CELL_CHARS} 个`,
        },
        at(cell.row, cell.column),
      ),
    );
  }
  for (const row of reading.wide) {
    issues.push(
      readIssue(
        'row-too-wide',
        {
          en: `cells past the first ${MAX_ROW_CELLS} were not read`,
          zh: `只读取前 ${MAX_ROW_CELLS} 个单元格`,
        },
        at(row),
      ),
    );
  }
  return issues;
}
