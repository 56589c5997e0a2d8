// Task-division tables, whatever carries them (a Word or Excel table, tab-separated text, a web
// table pasted one cell per line): which header words name which column, and what one row's
// cells say — the item's serial and text, its units with the role of their column, deadline,
// leading officials, a ledger's status and progress. Recognising where a table is, and which
// rows are rows, is ../layouts/table.ts's job.
import type { Item } from '../../model/plan.ts';
import type { IssueLog } from '../issues.ts';
import { carriesOn, isRuleNote } from '../layouts/first-listed.ts';
import { fold, skipSpace, trimAll, trimEnd } from '../normalise.ts';
import { classifyLabel, UnitReadings, type RoleClass } from '../roles.ts';
import { splitTopLevel, pairBrackets } from '../text-scan.ts';
import { readUnits, type LineText } from '../unit-list.ts';

export type ColumnKind =
  | 'ref'
  | 'text'
  /** A second text column (具体目标, 工作要求 …): part of the item's text, never its title. */
  | 'detail'
  | 'role'
  | 'deadline'
  | 'person'
  | 'progress'
  | 'status'
  /** 指标属性: 约束性 / 预期性. */
  | 'binding'
  | 'other';

export interface TableColumn {
  kind: ColumnKind;
  /** The header as printed (white space inside it dropped): the role word for a role column. */
  label: string;
  roleClass?: RoleClass;
  /** The text column names indicators (指标): rows are indicators. */
  indicators?: boolean;
  /** The text column names projects (项目, 工程): rows are projects. */
  projects?: boolean;
  /** First grid column the header cell covers (0-based) and how many it spans. */
  col: number;
  span: number;
}

/** A header whose columns were recognised, with what its cells said besides. */
export interface TableHeader {
  columns: TableColumn[];
  /** Grid columns the header covers. */
  width: number;
  /** A header cell carried the first-listed rule ("责任单位(列第一位者为牵头单位)"). */
  firstListedLeads: boolean;
}

const REF = /^(序号|编号|序|号|项次|编码|代码|no\.?)$/i;
const PERSON = /领导|责任人|负责人|联系人|包保|分管(市|区|县)?(长|领导)/;
const PROGRESS = /进展|完成情况|落实情况|推进情况|进度情况|工作进度|目前进度|当前进度/;
const STATUS = /状态/;
const DEADLINE = /时限|时间|期限|节点|进度安排|计划进度|年限|完成年度/;
const BINDING = /^(指标)?(属性|性质)$/;
const ROLE_LEAD = /^(牵头|主办|主责|牵头责任|主要责任)(单位|部门|科室|处室)?$/;
const ROLE_OTHER =
  /^(责任|配合|协办|参与|协同|协助|参加|承办|落实|会同|实施|协同责任|配合责任|具体实施|具体责任)(单位|部门|科室|处室|主体)$|^(责任|配合|协办|参与|协同|协助)$/;
const ROLE_ANY = /(单位|部门|科室|处室)$/;
const OTHER = /^(备注|说明|附注|备考)$/;
/** Text columns, strongest first: the strongest names the item, the rest are detail. */
const TEXT_TIERS = [
  /任务|事项|项目|工程|指标|重点工作|主要工作|工作内容|工作名称|名称/,
  /内容|措施|举措|要点|工作|事项/,
  /目标|要求|标准|成效|成果|任务/,
];
const MAX_LABEL = 10;
/** A header cell with a rule note in brackets is longer than its words, but never long. */
const MAX_CELL = 60;
/** Unrecognised header words a table may have beside the known ones (类别, 资金来源 …). */
const MAX_UNKNOWN = 2;

/**
 * A header cell as the words to classify (white space out, so "牵头\n单位" reads 牵头单位), a
 * trailing bracket note apart ("责任单位(列第一位者为牵头单位)"); `label` is the same words as
 * printed, sliced by the folded positions.
 */
export function headerWords(
  folded: string,
  printed = folded,
): { words: string; label: string; note: string | null } {
  // No header cell is long; a long line is no header cell, whatever it holds.
  if (folded.length > MAX_CELL) return { words: folded, label: printed, note: null };
  let words = '';
  let label = '';
  for (let i = 0; i < folded.length; i++) {
    if (/\s/.test(folded.charAt(i))) continue;
    words += folded.charAt(i);
    label += printed.charAt(i);
  }
  let note: string | null = null;
  const open = words.indexOf('(');
  if (open > 0 && words.endsWith(')') && words.length - open > 2) {
    note = words.slice(open + 1, -1);
    words = words.slice(0, open);
    label = label.slice(0, open);
  }
  if (words.endsWith(':')) {
    words = words.slice(0, -1);
    label = label.slice(0, -1);
  }
  return { words, label, note };
}

/** A document's or a table's own title ("…任务分工表", "…工作方案"): no column word. */
const TITLE_END = /(表|方案|清单|台账|通知|计划|意见|要点|分工)$/;

/** What a header cell's words name, or null when they are no column word. */
export function columnKindOf(words: string): { kind: ColumnKind; roleClass?: RoleClass } | null {
  if (words.length === 0 || words.length > MAX_LABEL || TITLE_END.test(words)) return null;
  if (REF.test(words)) return { kind: 'ref' };
  if (PERSON.test(words)) return { kind: 'person' };
  if (ROLE_LEAD.test(words)) return { kind: 'role', roleClass: 'lead' };
  if (ROLE_OTHER.test(words)) return { kind: 'role', roleClass: 'other' };
  if (PROGRESS.test(words)) return { kind: 'progress' };
  if (STATUS.test(words)) return { kind: 'status' };
  if (BINDING.test(words)) return { kind: 'binding' };
  if (DEADLINE.test(words)) return { kind: 'deadline' };
  if (ROLE_ANY.test(words)) return { kind: 'role', roleClass: 'unknown' };
  if (TEXT_TIERS.some((t) => t.test(words))) return { kind: 'text' };
  if (OTHER.test(words)) return { kind: 'other' };
  return null;
}

function textTier(words: string): number {
  const tier = TEXT_TIERS.findIndex((t) => t.test(words));
  return tier === -1 ? TEXT_TIERS.length : tier;
}

/** One header cell: folded and printed text, and the grid columns it covers. */
export interface HeaderCell {
  folded: string;
  printed: string;
  col: number;
  span: number;
}

/**
 * The columns of a header row, or null when these cells are not a task-division header: at
 * least three cells, a text column and a role column, and no more than a couple of words that
 * are no column word at all.
 */
export function readHeader(cells: readonly HeaderCell[]): TableHeader | null {
  const filled = cells.filter((c) => trimAll(c.folded).length > 0);
  if (filled.length < 3) return null;
  const columns: TableColumn[] = [];
  let unknown = 0;
  let firstListedLeads = false;
  for (const cell of filled) {
    const { words, label, note } = headerWords(cell.folded, cell.printed);
    if (note !== null && isRuleNote(note)) firstListedLeads = true;
    const kind = columnKindOf(words);
    if (kind === null) {
      if (words.length > MAX_LABEL || /[。;!?]/.test(words)) return null;
      unknown++;
      columns.push({ kind: 'other', label, col: cell.col, span: cell.span });
      continue;
    }
    const column: TableColumn = { kind: kind.kind, label, col: cell.col, span: cell.span };
    if (kind.roleClass) column.roleClass = kind.roleClass;
    columns.push(column);
  }
  const texts = columns.filter((c) => c.kind === 'text');
  const roles = columns.filter((c) => c.kind === 'role').length;
  if (texts.length === 0 || roles === 0) return null;
  if (unknown > MAX_UNKNOWN || unknown * 2 >= columns.length) return null;
  // The strongest text column names the item; the others are detail ("重点任务 | 具体目标").
  let main = texts[0] as TableColumn;
  for (const t of texts) if (textTier(fold(t.label)) < textTier(fold(main.label))) main = t;
  for (const t of texts) {
    if (t !== main) t.kind = 'detail';
  }
  const mainWords = fold(main.label);
  if (/指标/.test(mainWords)) main.indicators = true;
  else if (/项目|工程/.test(mainWords)) main.projects = true;
  const last = cells[cells.length - 1];
  const width = last ? last.col + last.span : 0;
  return { columns, width, firstListedLeads };
}

/** One cell of a row: a span of a printed line (a tab cell) or a whole line of its own. */
export interface Cell {
  text: LineText;
  start: number;
  end: number;
  /** First grid column the cell covers, and how many. Text tables: one each, in order. */
  col?: number;
  span?: number;
  /** Merged down from the row above (Word vMerge, rowspan, an Excel merged range). */
  merged?: boolean;
}

/** What a row's own columns say about its item beyond title and units, under the model's names. */
export type RowFields = Pick<
  Item,
  'deadline' | 'leader' | 'leaders' | 'status' | 'progress' | 'binding'
>;

export interface TableRow extends RowFields {
  /** The printed serial, folded, trimmed: "1", "12", "3-1". */
  ref: string | null;
  refMerged: boolean;
  /** The task cell, trimmed. */
  task: Cell | null;
  taskMerged: boolean;
  units: UnitReadings;
  /** A unit cell said the first-listed rule ("(列第一位者为牵头单位)"), and whether "下同". */
  firstListedLeads: boolean;
  carryOn: boolean;
  /** Cells with text, by column kind: which of them the row fills. */
  filled: number;
}

/**
 * The cells of a row under each header column: a cell goes to the column that covers its first
 * grid column (text tables: the column in its place). Several cells under one wide header cell
 * ("责任单位" over two columns) all go to it.
 */
export function cellsByColumn(cells: readonly Cell[], header: TableHeader): Cell[][] {
  const byColumn = header.columns.map((): Cell[] => []);
  for (const [i, cell] of cells.entries()) {
    const col = cell.col ?? i;
    const at = header.columns.findIndex((c) => c.col <= col && col < c.col + c.span);
    if (at !== -1) byColumn[at]?.push(cell);
  }
  return byColumn;
}

function printedOf(cell: Cell): string {
  const s = skipSpace(cell.text.folded, cell.start, cell.end);
  return cell.text.original.slice(s, trimEnd(cell.text.folded, s, cell.end));
}

/** A cell's lines as one printed value: "市长\n分管副市长" → "市长、分管副市长". */
function oneLine(text: string, joiner: string): string {
  return text
    .split(/\s*\n\s*/)
    .filter((part) => part.length > 0)
    .join(joiner);
}

const SEPARATOR_END = /[、,，;；]$/;
const SEPARATOR_START = /^[、,，;；]/;

/**
 * A unit cell as one line to read: lines of one cell are separate groups ("市住建局\n市城管局"),
 * unless a separator already ends or starts the line ("市交通运输局、<br>市城管局").
 */
export function unitLine(cell: Cell): LineText {
  const printed = printedOf(cell);
  if (!printed.includes('\n')) {
    return { original: printed, folded: fold(printed), line: cell.text.line };
  }
  const parts = printed.split(/[^\S\n]*\n\s*/).filter((p) => p.length > 0);
  let original = '';
  for (const part of parts) {
    if (original.length > 0 && !SEPARATOR_END.test(original) && !SEPARATOR_START.test(part)) {
      original += ',';
    }
    original += part;
  }
  return { original, folded: fold(original), line: cell.text.line };
}

/**
 * Units of one cell, under its column's role. A ";"-part of the cell may carry its own label
 * ("牵头:市发改委;配合:市财政局"), a ","-group its own role verb ("…,各区政府配合落实"), a unit
 * "(牵头)" after it — both read by readUnits; a bracketed note may state the first-listed rule.
 */
export function readCellUnits(
  text: LineText,
  role: string,
  roleClass: RoleClass,
  log: IssueLog,
  row: TableRow,
): void {
  let { original, folded } = text;
  // "(列第一位者为牵头单位,下同)": a note about the rule, not a unit.
  const note = /\(([^()]*)\)/g;
  for (let m = note.exec(folded); m; m = note.exec(folded)) {
    if (!isRuleNote(m[1] ?? '')) continue;
    row.firstListedLeads = true;
    if (carriesOn(m[1] ?? '')) row.carryOn = true;
    const blank = ' '.repeat(m[0].length);
    original = original.slice(0, m.index) + blank + original.slice(m.index + m[0].length);
    folded = folded.slice(0, m.index) + blank + folded.slice(m.index + m[0].length);
  }
  const view: LineText = { original, folded, line: text.line };
  const partner = pairBrackets(folded);
  for (const part of splitTopLevel(folded, ';', 0, folded.length, partner)) {
    const s = skipSpace(folded, part.start, part.end);
    const e = trimEnd(folded, s, part.end);
    if (e <= s) continue;
    const colon = folded.indexOf(':', s);
    const label = colon > s && colon < e && colon - s <= 8 ? folded.slice(s, colon).trim() : '';
    const labelClass = label.length > 0 ? classifyLabel(label) : null;
    if (labelClass !== null && labelClass !== 'person') {
      const printed = original.slice(s, colon).trim();
      readUnits(view, skipSpace(folded, colon + 1, e), e, printed, labelClass, log, row.units);
    } else {
      readUnits(view, s, e, role, roleClass, log, row.units);
    }
  }
}

/** Posts or persons in a 责任领导 cell: "市长、分管副市长" → ["市长", "分管副市长"]. */
export function splitLeaders(printed: string): string[] {
  return printed
    .split(/[、,，;；/\s]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

const SERIAL = /^\(?\s*(\d{1,4}(?:[-.]\d{1,3})?)\s*[.、)]?$/;

/** A serial cell as a ref: "1", "1.", "(1)", "3-1"; null for anything that is no serial. */
export function serialOf(folded: string): string | null {
  const m = SERIAL.exec(trimAll(folded));
  return m?.[1] ?? null;
}

/**
 * Reads one row's cells against the header's columns. Cells beyond the header are the caller's
 * to report; people are kept as the item's leader, never as units.
 */
export function readRow(cells: readonly Cell[], header: TableHeader, log: IssueLog): TableRow {
  const row: TableRow = {
    ref: null,
    refMerged: false,
    task: null,
    taskMerged: false,
    units: new UnitReadings(),
    firstListedLeads: false,
    carryOn: false,
    filled: 0,
  };
  const byColumn = cellsByColumn(cells, header);
  // Leads first, whatever the column order: an item reads the same from any layout of its table.
  const order = header.columns
    .map((column, i) => ({ column, i, rank: column.roleClass === 'lead' ? 0 : 1 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  for (const { column, i } of order) {
    for (const cell of byColumn[i] ?? []) readCell(cell, column, row, log);
  }
  return row;
}

function readCell(cell: Cell, column: TableColumn, row: TableRow, log: IssueLog): void {
  const s = skipSpace(cell.text.folded, cell.start, cell.end);
  const e = trimEnd(cell.text.folded, s, cell.end);
  if (e <= s) return;
  row.filled++;
  const trimmed: Cell = { ...cell, start: s, end: e };
  switch (column.kind) {
    case 'ref':
      row.ref = serialOf(cell.text.folded.slice(s, e)) ?? trimAll(cell.text.folded.slice(s, e));
      row.refMerged = cell.merged === true;
      break;
    case 'text':
      row.task = trimmed;
      row.taskMerged = cell.merged === true;
      break;
    case 'deadline':
      row.deadline = oneLine(printedOf(trimmed), ' ');
      break;
    case 'person': {
      const leader = oneLine(printedOf(trimmed), '、');
      row.leader = leader;
      row.leaders = splitLeaders(leader);
      break;
    }
    case 'status':
      row.status = oneLine(printedOf(trimmed), ' ');
      break;
    case 'progress':
      row.progress = oneLine(printedOf(trimmed), '');
      break;
    case 'binding': {
      const value = cell.text.folded.slice(s, e);
      if (/约束/.test(value)) row.binding = true;
      else if (/预期/.test(value)) row.binding = false;
      break;
    }
    case 'role':
      readCellUnits(unitLine(trimmed), column.label, column.roleClass ?? 'unknown', log, row);
      break;
    case 'detail':
    case 'other':
      break;
  }
}

/** Cells of a line split at a delimiter (tab, or "|" in a pipe table). */
export function splitCells(text: LineText, delimiter: '\t' | '|'): Cell[] {
  const cells: Cell[] = [];
  const { folded } = text;
  let start = 0;
  let end = folded.length;
  if (delimiter === '|') {
    // "| 序号 | 任务 |": the outer bars open and close the row, they hold no cell.
    start = skipSpace(folded, 0, end);
    end = trimEnd(folded, start, end);
    if (folded[start] === '|') start++;
    if (end > start && folded[end - 1] === '|') end--;
  }
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || folded[i] === delimiter) {
      cells.push({ text, start: from, end: i, col: cells.length, span: 1 });
      from = i + 1;
    }
  }
  return cells;
}

/** Tab-separated cells of a line. */
export function tabCells(text: LineText): Cell[] {
  return splitCells(text, '\t');
}
