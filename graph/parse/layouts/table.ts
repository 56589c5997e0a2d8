// The table layout: a task-division table wherever it sits among the lines, in each shape it
// arrives in —
//   · rows of a real table (Word, Excel, CSV, HTML, PDF: lines that carry `cells`), the header
//     found wherever it is (an Excel ledger puts a title and a 填报单位 row above it);
//   · tab-separated rows, or rows with "|" between cells, one row per line;
//   · a table flattened one cell per line, either with lines of just "|" between the cells of a
//     row (a web table pasted as text) or with nothing between them at all.
// It recognises itself (`tableAt`, `readTable` return null for anything else), reads the rows
// against the header (../shapes/table.ts), and hands back items for the one assembler
// (../parse-plan.ts): refs, titles, units with their column's role, deadline, leaders, and the
// section and group rows above each item. It creates no item itself.
import type { Item } from '../../model/plan.ts';
import type { IssueLog } from '../issues.ts';
import { fold, skipSpace, trimAll, trimEnd } from '../normalise.ts';
import { formatChineseNumeral } from '../numerals.ts';
import { classifyLine, isPageNoise } from '../outline.ts';
import type { UnitReadings } from '../roles.ts';
import {
  columnKindOf,
  headerWords,
  readHeader,
  readRow,
  splitCells,
  type Cell,
  type HeaderCell,
  type RowFields,
  type TableHeader,
  type TableRow,
} from '../shapes/table.ts';
import { firstClause } from '../title.ts';
import type { LineText } from '../unit-list.ts';
import { isRuleNote } from './first-listed.ts';

/** One item a table row makes. */
export interface TableItem extends RowFields, Pick<Item, 'section' | 'group'> {
  /** The line the row starts on. */
  line: LineText;
  /** The serial as printed (and prefixed by its section where serials restart), or null. */
  ref: string | null;
  title: string;
  /** The row as printed, one entry per line it took. */
  texts: string[];
  units: UnitReadings;
  firstListedLeads: boolean;
  /** A cell's rule note said "下同": the first-listed rule holds from this row on. */
  carryOn: boolean;
}

export type TableShape = 'cells' | 'tab' | 'pipe' | 'flat' | 'flat-pipe';

export interface ReadTable {
  shape: TableShape;
  header: TableHeader;
  /** The header's line (its first line, for a flattened header). */
  headerLine: number;
  /** The header's first cell starts at this index of the lines. */
  start: number;
  /** Index of the first line after the table (and after any note right below it). */
  next: number;
  items: TableItem[];
  /** Rows are indicators (指标) or projects (项目 / 工程) by the header's text column. */
  kind: 'indicator' | 'project' | null;
  /** The header or a note under the table says the first-listed unit leads. */
  firstListedLeads: boolean;
}

const MAX_LOOKAHEAD = 8;
const MAX_FLAT_CELL = 24;
/** More columns than any task-division table has: past this, lines are no table. */
const MAX_COLUMNS = 40;
const MAX_BANNER = 60;
const NOTE = /^(备注|注|说明|附注|填表说明|注释)\s*(\d|[:.、])/;
/** A post that heads a group of rows ("王某某市长牵头", "市委书记联系"). */
const PERSON_POST = /(市长|区长|县长|州长|省长|书记|主任|秘书长|主席|部长|厅长|局长|同志|领导)/;
const PERSON_VERB = /(牵头|负责|分管|联系|领衔|挂帅|包保|督办|领办)/;

function isBlank(line: LineText): boolean {
  return skipSpace(line.folded, 0, line.folded.length) === line.folded.length;
}

function trimmed(line: LineText): string {
  const s = skipSpace(line.folded, 0, line.folded.length);
  return line.original.slice(s, trimEnd(line.folded, s, line.folded.length));
}

function isBar(line: LineText): boolean {
  return trimAll(line.folded) === '|';
}

/** A line that is nothing but a Markdown table rule ("|---|:---:|"). */
function isRule(line: LineText): boolean {
  return /^[\s|:-]+$/.test(line.folded) && line.folded.includes('-') && line.folded.includes('|');
}

/** "| 序号 | 任务 | 牵头单位 |" or "序号|任务|牵头单位": a pipe row, one row per line. */
function isPipeRow(line: LineText): boolean {
  if (line.cells || isBar(line)) return false;
  let bars = 0;
  for (let i = 0; i < line.folded.length && bars <= MAX_COLUMNS; i++) {
    if (line.folded.charCodeAt(i) === 0x7c) bars++;
  }
  return bars >= 2 && bars <= MAX_COLUMNS;
}

/** A line's own cells: a real table row's (grid columns from their spans) or none. */
function rowCells(line: LineText): Cell[] | null {
  if (!line.cells) return null;
  const cells: Cell[] = [];
  let col = 0;
  for (const cell of line.cells) {
    const text: LineText = { original: cell.text, folded: fold(cell.text), line: line.line };
    const span = Math.max(1, cell.span);
    cells.push({ text, start: 0, end: cell.text.length, col, span, merged: cell.merged });
    col += span;
  }
  return cells;
}

function headerCells(cells: readonly Cell[]): HeaderCell[] {
  return cells.map((c, i) => ({
    folded: c.text.folded.slice(c.start, c.end),
    printed: c.text.original.slice(c.start, c.end),
    col: c.col ?? i,
    span: c.span ?? 1,
  }));
}

function headerOf(cells: readonly Cell[] | null): TableHeader | null {
  return cells && cells.length >= 3 ? readHeader(headerCells(cells)) : null;
}

function sameHeader(a: TableHeader, b: TableHeader): boolean {
  return (
    a.columns.length === b.columns.length &&
    a.columns.every((c, i) => c.label === b.columns[i]?.label && c.col === b.columns[i]?.col)
  );
}

/** A line that could be one cell of a flattened header: a short column word, not a heading. */
function isHeaderCellLine(line: LineText): boolean {
  if (line.cells || line.folded.length > MAX_FLAT_CELL || line.folded.includes('\t')) return false;
  const words = trimAll(line.folded);
  if (classifyLine(words, 0).kind !== 'text') return false;
  return columnKindOf(headerWords(words).words) !== null;
}

/** Per document: where the last run of column words that made no header ended. */
const failedRuns = new WeakMap<readonly LineText[], number>();

/** A header flattened one cell per line from `at`: its cells, "|" lines between them or not. */
function flatHeader(
  lines: readonly LineText[],
  at: number,
): { header: TableHeader; next: number; piped: boolean } | null {
  const first = lines[at];
  if (!first || !isHeaderCellLine(first)) return null;
  // Inside a run of column words that made no header, no later start makes one either: each
  // has fewer of the columns a header needs. Remembered, so a long run is not walked per line.
  if (at < (failedRuns.get(lines) ?? -1)) return null;
  const cells: HeaderCell[] = [];
  let piped = false;
  let i = at;
  while (i < lines.length) {
    const line = lines[i] as LineText;
    if (line.cells) break;
    if (isBlank(line) && !piped) {
      i++;
      continue;
    }
    if (!isHeaderCellLine(line) || cells.length >= MAX_COLUMNS) break;
    cells.push({
      folded: trimAll(line.folded),
      printed: trimmed(line),
      col: cells.length,
      span: 1,
    });
    i++;
    // "序号\n|\n重点工作\n|\n…": a bar line after the first cell makes it a piped header.
    const bar = lines[i];
    if (cells.length === 1 && bar && isBar(bar)) piped = true;
    if (!piped) continue;
    if (bar && isBar(bar)) i++;
    else break;
  }
  const header = cells.length >= 3 ? readHeader(cells) : null;
  if (!header) failedRuns.set(lines, i);
  return header ? { header, next: i, piped } : null;
}

/** Is there a table header at `at` (the first line of a table's body)? Cheap on other lines. */
export function tableAt(lines: readonly LineText[], at: number): boolean {
  const line = lines[at];
  if (!line || isBlank(line)) return false;
  if (line.cells) return headerOf(rowCells(line)) !== null;
  if (line.folded.includes('\t')) return headerOf(splitCells(line, '\t')) !== null;
  if (isPipeRow(line)) return headerOf(splitCells(line, '|')) !== null;
  return flatHeader(lines, at) !== null;
}

type Banner = { kind: 'section' | 'group' | 'note'; text: string; folded: string };

/** What a row of one cell is: a note under the table, a group that names a person, a section. */
function bannerOf(printed: string): Banner {
  const folded = fold(printed);
  if (NOTE.test(folded)) return { kind: 'note', text: printed, folded };
  if (PERSON_POST.test(folded) && PERSON_VERB.test(folded)) {
    return { kind: 'group', text: printed, folded };
  }
  return { kind: 'section', text: printed, folded };
}

/** A letter or a digit in any script: what a cell needs to say anything. */
const WORD = /[\p{L}\p{N}]/u;

/**
 * A row of nothing but quotes, punctuation and tabs says nothing: neither an item nor a banner.
 * A damaged export can hold hundreds of thousands of them ('"",""\t"' on every line).
 */
function hasWords(cells: readonly Cell[]): boolean {
  return cells.some((c) => WORD.test(c.text.original.slice(c.start, c.end)));
}

/** The row's only text, when one cell (or one merged range) holds all of it. */
function onlyText(cells: readonly Cell[]): { text: string; cell: Cell } | null {
  let found: { text: string; cell: Cell } | null = null;
  for (const cell of cells) {
    const s = skipSpace(cell.text.folded, cell.start, cell.end);
    const e = trimEnd(cell.text.folded, s, cell.end);
    if (e <= s) continue;
    const text = cell.text.original.slice(s, e);
    if (found && found.text !== text) return null;
    found ??= { text, cell };
  }
  return found;
}

/** Reads rows against a header, keeping the section and group they fall under. */
class Rows {
  readonly items: TableItem[] = [];
  section: string | undefined;
  sectionLabel: string | undefined;
  group: string | undefined;
  firstListedLeads: boolean;
  /** Serials restart under a new section: refs then carry the section's number. */
  restarted = false;
  readonly prefixes = new Map<TableItem, string>();
  lastSerial = 0;
  sections = 0;

  constructor(
    public header: TableHeader,
    readonly log: IssueLog,
  ) {
    this.firstListedLeads = header.firstListedLeads;
  }

  get hasRef(): boolean {
    return this.header.columns.some((c) => c.kind === 'ref');
  }

  banner(printed: string): void {
    const banner = bannerOf(printed);
    switch (banner.kind) {
      case 'note':
        // "注:列第一位者为牵头单位" under a table holds for the whole of it.
        if (isRuleNote(banner.folded)) this.firstListedLeads = true;
        return;
      case 'group':
        this.group = banner.text;
        return;
      case 'section': {
        this.section = banner.text;
        this.group = undefined;
        this.sections++;
        const shape = classifyLine(banner.folded, 0);
        this.sectionLabel =
          shape.kind === 'part'
            ? shape.label
            : shape.kind === 'section'
              ? `(${shape.label})`
              : formatChineseNumeral(this.sections);
      }
    }
  }

  /** One row of cells; `lines` are the lines it took (one, but several when flattened). */
  row(cells: readonly Cell[], lines: readonly LineText[]): void {
    const first = lines[0];
    if (!first || !hasWords(cells)) return;
    const only = onlyText(cells);
    const filled = cells.filter((c) => skipSpace(c.text.folded, c.start, c.end) < c.end).length;
    if (only && filled === 1) {
      const span = only.cell.span ?? 1;
      const shape = classifyLine(fold(only.text), 0).kind;
      // One cell across the table, or a heading typed alone into a row: a banner, not an item.
      if (cells.length === 1 || span > 1 || (shape !== 'text' && shape !== 'numbered')) {
        this.banner(only.text);
        return;
      }
    } else if (only && filled === cells.length && filled >= 3) {
      // A title merged across the whole row, each cell carrying its text.
      this.banner(only.text);
      return;
    }
    const header = headerOf(cells as Cell[]);
    if (header) {
      // A second header row right under the first (责任单位 over 牵头单位 | 配合单位) refines it;
      // a header repeated further down (a table across pages) is left out.
      if (this.items.length === 0) this.header = header;
      return;
    }
    const read = readRow(cells, this.header, this.log);
    if (read.filled === 0) return;
    this.checkShape(cells, first);
    const last = this.items[this.items.length - 1];
    if (last && this.continues(read, last)) {
      last.units.append(read.units);
      for (const line of lines) last.texts.push(trimmed(line));
      if (read.firstListedLeads) last.firstListedLeads = true;
      last.deadline ??= read.deadline;
      return;
    }
    this.items.push(this.item(read, lines));
  }

  /**
   * A row that only carries on the row above: the same serial and text merged down over it, or
   * no serial where the table numbers its rows (units or text that spilled over).
   */
  continues(row: TableRow, last: TableItem): boolean {
    if (row.ref !== null) return row.refMerged && row.taskMerged && row.ref === last.ref;
    if (row.task === null) return true;
    return this.hasRef && last.ref !== null;
  }

  /** Text tables: a row of another width than the header's. Real tables: cells beyond it. */
  checkShape(cells: readonly Cell[], first: LineText): void {
    const width = this.header.width;
    const beyond = first.cells
      ? cells.some((c) => (c.col ?? 0) >= width && skipSpace(c.text.folded, c.start, c.end) < c.end)
      : cells.length !== width;
    if (beyond) {
      this.log.add(
        'table-row-shape',
        `${first.cells ? 'cells beyond' : `${cells.length} cell(s) where`} the header has ${width}`,
        first.line,
      );
    }
  }

  item(row: TableRow, lines: readonly LineText[]): TableItem {
    const first = lines[0] as LineText;
    let title = '';
    const task = row.task;
    if (task) {
      // Several paragraphs in one cell: the title is the first one's first clause.
      const folded = task.text.folded;
      let end = task.end;
      const nl = folded.indexOf('\n', task.start);
      if (nl !== -1 && nl < end) end = trimEnd(folded, task.start, nl);
      title = firstClause(task.text.original, folded, task.start, end);
    }
    const item: TableItem = {
      line: first,
      ref: row.ref,
      title,
      texts: lines.map(trimmed).filter((t) => t.length > 0 && t !== '|'),
      units: row.units,
      firstListedLeads: row.firstListedLeads,
      carryOn: row.carryOn,
    };
    for (const key of ['deadline', 'leader', 'leaders', 'status', 'progress', 'binding'] as const) {
      if (row[key] !== undefined) Object.assign(item, { [key]: row[key] });
    }
    // Persons named in a unit cell ("副市长赵某某") lead as officials when no column names them.
    const persons = row.units.persons;
    if (item.leader === undefined && persons.length > 0) {
      item.leader = persons.join('、');
      item.leaders = [...persons];
    }
    if (this.section !== undefined) item.section = this.section;
    if (this.group !== undefined) item.group = this.group;
    this.serial(row.ref, item, first.line);
    return item;
  }

  serial(ref: string | null, item: TableItem, line: number): void {
    if (ref === null || !/^\d+$/.test(ref)) return;
    const n = Number(ref);
    if (this.sectionLabel !== undefined) this.prefixes.set(item, this.sectionLabel);
    if (n <= this.lastSerial && n === 1 && this.sections > 0) this.restarted = true;
    else if (this.lastSerial > 0 && n !== this.lastSerial + 1) {
      this.log.add(
        'numbering-gap',
        `"${ref}" follows number ${this.lastSerial}: a row may be missing`,
        line,
      );
    }
    this.lastSerial = n;
  }

  /** Refs as they will be: serials, with their section's number where serials restart. */
  finish(): TableItem[] {
    if (this.restarted) {
      for (const item of this.items) {
        const prefix = this.prefixes.get(item);
        if (prefix !== undefined && item.ref !== null) item.ref = `${prefix}${item.ref}`;
      }
    }
    if (this.firstListedLeads) for (const item of this.items) item.firstListedLeads = true;
    return this.items;
  }
}

/** Notes right under a table ("注:…", "备注:…"): read for the rule, then passed over. */
function notesAfter(lines: readonly LineText[], at: number, rows: Rows): number {
  let i = at;
  let j = at;
  while (j < lines.length) {
    const line = lines[j] as LineText;
    if (isBlank(line)) {
      j++;
      continue;
    }
    if (line.cells || !NOTE.test(trimAll(line.folded))) break;
    rows.banner(trimmed(line));
    i = j = j + 1;
  }
  return i;
}

function result(
  shape: TableShape,
  rows: Rows,
  start: number,
  headerLine: number,
  next: number,
  lines: readonly LineText[],
): ReadTable {
  const after = notesAfter(lines, next, rows);
  const items = rows.finish();
  const main = rows.header.columns.find((c) => c.kind === 'text');
  return {
    shape,
    header: rows.header,
    headerLine,
    start,
    next: after,
    items,
    kind: main?.indicators ? 'indicator' : main?.projects ? 'project' : null,
    firstListedLeads: rows.firstListedLeads,
  };
}

/**
 * The table that starts at `at`, read to its end, or null when no table starts there. Rows of
 * a real table above its header (a title, "填报单位:…") are passed over.
 */
export function readTable(lines: readonly LineText[], at: number, log: IssueLog): ReadTable | null {
  const line = lines[at];
  if (!line || isBlank(line)) return null;
  if (line.cells) return readCellTable(lines, at, log);
  if (line.folded.includes('\t')) return readDelimited(lines, at, '\t', log);
  if (isPipeRow(line)) return readDelimited(lines, at, '|', log);
  const flat = flatHeader(lines, at);
  if (!flat) return null;
  const rows = new Rows(flat.header, log);
  const next = flat.piped
    ? readPipedFlat(lines, flat.next, rows)
    : readFlat(lines, flat.next, rows);
  return result(flat.piped ? 'flat-pipe' : 'flat', rows, at, line.line, next, lines);
}

function readCellTable(lines: readonly LineText[], at: number, log: IssueLog): ReadTable | null {
  let headerAt = -1;
  let header: TableHeader | null = null;
  for (let i = at; i < lines.length && i <= at + MAX_LOOKAHEAD; i++) {
    const line = lines[i] as LineText;
    if (!line.cells) break;
    header = headerOf(rowCells(line));
    if (header) {
      headerAt = i;
      break;
    }
  }
  if (!header) return null;
  const rows = new Rows(header, log);
  let i = headerAt + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as LineText;
    const cells = rowCells(line);
    if (!cells) break;
    // Another header with other columns, once rows were read: the next table starts there.
    const other = rows.items.length > 0 ? headerOf(cells) : null;
    if (other && !sameHeader(other, rows.header)) break;
    rows.row(cells, [line]);
  }
  const headerLine = (lines[headerAt] as LineText).line;
  return result('cells', rows, headerAt, headerLine, i, lines);
}

function readDelimited(
  lines: readonly LineText[],
  at: number,
  delimiter: '\t' | '|',
  log: IssueLog,
): ReadTable | null {
  const first = lines[at] as LineText;
  const header = headerOf(splitCells(first, delimiter));
  if (!header) return null;
  const rows = new Rows(header, log);
  const isRow = (line: LineText) =>
    !line.cells && (delimiter === '\t' ? line.folded.includes('\t') : isPipeRow(line));
  let i = at + 1;
  let end = i;
  while (i < lines.length) {
    const line = lines[i] as LineText;
    if (isBlank(line) || (delimiter === '|' && isRule(line))) {
      i++;
      continue;
    }
    if (isRow(line)) {
      const cells = splitCells(line, delimiter);
      // Another header with other columns: the next table starts there.
      const other = headerOf(cells);
      if (other && !sameHeader(other, rows.header)) break;
      rows.row(cells, [line]);
      end = i = i + 1;
      continue;
    }
    // A line without cells between rows: a section or group row, when rows follow it.
    const following = nextFilled(lines, i + 1);
    const next = following === -1 ? null : (lines[following] as LineText);
    if (
      next !== null &&
      isRow(next) &&
      headerOf(splitCells(next, delimiter)) === null &&
      line.folded.length <= MAX_BANNER &&
      !isPageNoise(line.folded)
    ) {
      rows.banner(trimmed(line));
      end = i = i + 1;
      continue;
    }
    break;
  }
  return result(delimiter === '\t' ? 'tab' : 'pipe', rows, at, first.line, end, lines);
}

function nextFilled(lines: readonly LineText[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i] as LineText)) return i;
  return -1;
}

function lineCell(line: LineText, col: number): Cell {
  return { text: line, start: 0, end: line.folded.length, col, span: 1 };
}

/**
 * Cells one per line with nothing between them: a row starts at its serial (1, 2, 3 … in
 * turn) and takes the lines up to the next serial, at most the header's width. A short line
 * right before the next serial is a section or group row.
 */
function readFlat(lines: readonly LineText[], from: number, rows: Rows): number {
  const width = rows.header.columns.length;
  const refFirst = rows.header.columns[0]?.kind === 'ref';
  if (!refFirst) return from;
  let expected = 1;
  let i = from;
  let end = from;
  while (i < lines.length) {
    const at = nextFilled(lines, i);
    if (at === -1) break;
    const start = lines[at] as LineText;
    if (start.cells) break;
    if (trimAll(start.folded) !== String(expected)) {
      const after = nextFilled(lines, at + 1);
      const serial = after === -1 ? null : (lines[after] as LineText);
      if (
        serial &&
        trimAll(serial.folded) === String(expected) &&
        start.folded.length <= MAX_BANNER &&
        !isPageNoise(start.folded)
      ) {
        rows.banner(trimmed(start));
        end = i = at + 1;
        continue;
      }
      break;
    }
    const taken: LineText[] = [start];
    i = at + 1;
    while (i < lines.length) {
      const line = lines[i] as LineText;
      if (line.cells) break;
      if (isBlank(line)) {
        i++;
        continue;
      }
      const value = trimAll(line.folded);
      if (value === String(expected + 1) || classifyLine(line.folded, 0).kind !== 'text') break;
      if (taken.length >= width) break;
      taken.push(line);
      i++;
    }
    rows.row(
      taken.map((l, col) => lineCell(l, col)),
      taken,
    );
    end = i;
    expected++;
  }
  return end;
}

/** Where the next piped row starts: its first line, or an empty one right before a "|". */
function pipedRowStart(lines: readonly LineText[], from: number): number {
  for (let at = from; at < lines.length; at++) {
    const line = lines[at] as LineText;
    if (!isBlank(line)) return at;
    // An empty line right before a "|" is the row's empty first cell, not a gap between rows.
    const bar = lines[at + 1];
    if (bar && isBar(bar)) return at;
  }
  return -1;
}

/**
 * Cells one per line with a line of just "|" between the cells of a row: a line not preceded
 * by "|" starts a new row, and the line after a "|" is a cell even when it is empty (an empty
 * last cell). A row of one cell is a section or group row when a row follows it.
 */
function readPipedFlat(lines: readonly LineText[], from: number, rows: Rows): number {
  let i = from;
  let end = from;
  while (i < lines.length) {
    const at = pipedRowStart(lines, i);
    if (at === -1) break;
    const start = lines[at] as LineText;
    if (start.cells || isBar(start) || isPageNoise(start.folded)) break;
    const taken: LineText[] = [start];
    let j = at + 1;
    while (j < lines.length && isBar(lines[j] as LineText)) {
      const cell = lines[j + 1];
      if (!cell || cell.cells) break;
      taken.push(cell);
      j += 2;
    }
    if (taken.length === 1) {
      const after = pipedRowStart(lines, j);
      const bar = after === -1 ? undefined : lines[after + 1];
      const rowFollows = bar !== undefined && isBar(bar);
      if (!rowFollows || start.folded.length > MAX_BANNER) break;
      rows.banner(trimmed(start));
      end = i = j;
      continue;
    }
    rows.row(
      taken.map((l, col) => lineCell(l, col)),
      taken,
    );
    end = i = j;
  }
  return end;
}
