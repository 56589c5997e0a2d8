// Tables exported as text: one row per line with tab-separated cells, or flattened with one cell
// per line. A header row names the columns (序号 · 主要任务 · 牵头单位 · 协办单位 · 完成时限 …).
import type { IssueLog } from '../issues.ts';
import { skipSpace, trimEnd } from '../normalise.ts';
import { UnitReadings, type RoleClass } from '../roles.ts';
import { readUnits, type LineText } from '../unit-list.ts';

export type ColumnKind = 'ref' | 'text' | 'role' | 'deadline' | 'person' | 'other';

export interface TableColumn {
  kind: ColumnKind;
  /** The header as printed: the role word for a role column. */
  label: string;
  roleClass?: RoleClass;
  /** The text column names indicators (指标): rows are indicators. */
  indicators?: boolean;
}

const REF = /^(序号|编号|序|号|项次)$/;
const DEADLINE = /时限|时间|进度|期限|节点/;
const PERSON = /领导|责任人|负责人|联系人/;
const ROLE_LEAD = /^(牵头|主办|主责)(单位|部门|科室|处室)?$/;
const ROLE_OTHER =
  /^(责任|配合|协办|参与|协同|协助|参加|承办|落实|会同)(单位|部门|科室|处室)$|^(责任|配合|协办|参与)$/;
const ROLE_ANY = /(单位|部门|科室|处室)$/;
const TEXT = /任务|内容|指标|事项|工作|目标|项目|举措|措施|名称|要点/;

/** What a header cell (folded, trimmed) names, or null when it is no column word. */
export function columnKindOf(label: string): { kind: ColumnKind; roleClass?: RoleClass } | null {
  if (label.length === 0 || label.length > 10) return null;
  if (REF.test(label)) return { kind: 'ref' };
  if (PERSON.test(label)) return { kind: 'person' };
  if (ROLE_LEAD.test(label)) return { kind: 'role', roleClass: 'lead' };
  if (ROLE_OTHER.test(label)) return { kind: 'role', roleClass: 'other' };
  if (ROLE_ANY.test(label)) return { kind: 'role', roleClass: 'unknown' };
  if (DEADLINE.test(label)) return { kind: 'deadline' };
  if (TEXT.test(label)) return { kind: 'text' };
  if (/^备注$/.test(label)) return { kind: 'other' };
  return null;
}

/** The columns of a header row, or null when these cells are not a task-division header. */
export function tableColumns(
  folded: readonly string[],
  printed: readonly string[],
): TableColumn[] | null {
  if (folded.length < 3) return null;
  const columns: TableColumn[] = [];
  for (const [i, cell] of folded.entries()) {
    const label = cell.trim();
    const kind = columnKindOf(label);
    if (kind === null) return null;
    const column: TableColumn = { kind: kind.kind, label: (printed[i] ?? cell).trim() };
    if (kind.roleClass) column.roleClass = kind.roleClass;
    if (kind.kind === 'text' && /指标/.test(label)) column.indicators = true;
    columns.push(column);
  }
  const roles = columns.filter((c) => c.kind === 'role').length;
  const texts = columns.filter((c) => c.kind === 'text').length;
  return roles >= 1 && texts === 1 ? columns : null;
}

/** One cell: a span of one printed line. */
export interface Cell {
  text: LineText;
  start: number;
  end: number;
}

export interface TableRow {
  ref: string | null;
  /** The task cell. */
  task: Cell | null;
  units: UnitReadings;
  deadline?: string;
}

/**
 * Reads one row's cells against the header. Cells beyond the header are ignored; people and
 * unknown role columns are reported once, with the header.
 */
export function readRow(
  cells: readonly Cell[],
  columns: readonly TableColumn[],
  log: IssueLog,
): TableRow {
  const row: TableRow = { ref: null, task: null, units: new UnitReadings() };
  for (const [i, column] of columns.entries()) {
    const cell = cells[i];
    if (!cell) break;
    const s = skipSpace(cell.text.folded, cell.start, cell.end);
    const e = trimEnd(cell.text.folded, s, cell.end);
    if (e <= s) continue;
    switch (column.kind) {
      case 'ref':
        row.ref = cell.text.folded.slice(s, e);
        break;
      case 'text':
        row.task = { text: cell.text, start: s, end: e };
        break;
      case 'deadline':
        row.deadline = cell.text.original.slice(s, e);
        break;
      case 'role':
        readUnits(cell.text, s, e, column.label, column.roleClass ?? 'unknown', log, row.units);
        break;
      case 'person':
      case 'other':
        break;
    }
  }
  return row;
}

/** Tab-separated cells of a line. */
export function tabCells(text: LineText): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  const { folded } = text;
  for (let i = 0; i <= folded.length; i++) {
    if (i === folded.length || folded[i] === '\t') {
      cells.push({ text, start: from, end: i });
      from = i + 1;
    }
  }
  return cells;
}
