// The parser's entry: a task-division notice as text in, a validated PlanModel out. Pure — no
// file system, no clock, no environment: the same text gives the same model, ids included.
//
// One pass over the lines builds drafts (part → section → numbered → sub-item, plus unnumbered
// second parts and project sub-items); kinds and parents are settled at the end, when it is known
// which headings have children and which carry units.
import { createHash } from 'node:crypto';
import {
  PlanModel,
  type DelegatedDocument,
  type Item,
  type ItemKind,
  type ItemUnit,
  type ParseIssue,
  type UnitMention,
} from '../model/plan.ts';
import { controlCharacters, decode } from './decode.ts';
import { excerpt, IssueLog } from './issues.ts';
import { fold, needsFold, skipSpace, trimAll, trimEnd, unitKey } from './normalise.ts';
import { formatChineseNumeral } from './numerals.ts';
import {
  classifyLine,
  dateOfLine,
  isPageNoise,
  sectionKindOf,
  type LineShape,
  type SectionKind,
} from './outline.ts';
import { readHeader, UNKNOWN_JURISDICTION, UNTITLED } from './preamble.ts';
import { applyRoleRule, KNOWN_LABEL, UnitReadings, type Qualifier } from './roles.ts';
import { readDue } from './deadline.ts';
import { readTable, tableAt, type ReadTable, type TableItem } from './layouts/table.ts';
import { readTarget } from './targets.ts';
import { findImbalance, pairBrackets } from './text-scan.ts';
import { columnOf, firstClause } from './title.ts';
import { isCollective, mergedNames, namedInText } from './units.ts';
import { readDelegation } from './delegation.ts';
import {
  isRuleNote,
  locateUnitList,
  looksLikeUnitList,
  readUnitList,
  type LineText,
  type UnitList,
} from './unit-list.ts';
import { readBareList } from './layouts/bare-units.ts';
import { carriesOn } from './layouts/first-listed.ts';

export { decode } from './decode.ts';

export { isCollective, NAMED_IN_TEXT_ROLE } from './units.ts';

type Level = 0 | 1 | 2 | 3 | 4;

interface Draft {
  level: Level;
  ref: string;
  line: number;
  texts: string[];
  title: string;
  section: SectionKind;
  units: UnitReadings;
  hasList: boolean;
  firstListedLeads: boolean;
  parent: Draft | null;
  children: Draft[];
  /** Set for drafts whose kind the shape fixes (project sub-items, second parts, table rows). */
  kind?: ItemKind;
  /** For an unnumbered second (third …) part: the item it continues. */
  partOf?: Draft;
  binding?: boolean;
  /** A section heading that names its indicators' group (约束性指标 / 预期性指标). */
  groupHeading?: boolean;
  column?: number;
  delegatedTo?: string;
  deadline?: string;
  /** Set for table rows: their section and group rows, leaders, status, progress. */
  adds?: TableAdds;
  extraParts: number;
  plainChildren: number;
  lastChild: number;
}

/** What the document says about a unit where it first names it. */
interface Seen {
  name: string;
  line: number;
  qualifier?: Qualifier;
}

/** What a table row adds to its item beyond the text layouts' fields. */
type TableAdds = Pick<Item, 'section' | 'group' | 'leader' | 'leaders' | 'status' | 'progress'>;

const SIGNATURE_MAX = 24;
const PROSE_END = /[。;!?)”]$/;

function sha8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * A plan's stable id: its jurisdiction and a fingerprint of its title. Exported for the explorer's
 * import, where a planner may supply a title or jurisdiction the document lacks.
 */
export function planIdOf(jurisdiction: string, title: string): string {
  return `${jurisdiction}-${sha8(title)}`;
}

function splitLines(text: string): LineText[] {
  const raw = text.split(/\r\n|\r|\n/);
  const folding = needsFold(text);
  const lines: LineText[] = new Array<LineText>(raw.length);
  for (const [i, original] of raw.entries()) {
    lines[i] = { original, folded: folding ? fold(original) : original, line: i + 1 };
  }
  return lines;
}

function isBlank(line: LineText): boolean {
  return skipSpace(line.folded, 0, line.folded.length) === line.folded.length;
}

function indentOf(line: LineText): number {
  return skipSpace(line.folded, 0, line.folded.length);
}

function trimmedOriginal(line: LineText): string {
  const s = indentOf(line);
  return line.original.slice(s, trimEnd(line.folded, s, line.folded.length));
}

function isHeadingShape(shape: LineShape): boolean {
  return shape.kind !== 'text';
}

class PlanParser {
  readonly log = new IssueLog();
  readonly lines: LineText[];
  readonly drafts: Draft[] = [];
  readonly documents = new Map<string, DelegatedDocument>();
  part: Draft | null = null;
  section: Draft | null = null;
  numbered: Draft | null = null;
  sub: Draft | null = null;
  current: Draft | null = null;
  firstListedLeads = false;
  lastAtLevel: number[] = [0, 0, 0, 0, 0];
  lastPart = 0;
  anonymous = 0;
  noise: number[] = [];

  readonly text: string;

  /** `lines` when a reader already gave them (blocks of a structured format); else split `text`. */
  constructor(text: string, lines?: LineText[]) {
    this.text = text;
    this.lines = lines ?? splitLines(text);
  }

  /** Where the body starts: the first heading, table header or (failing those) unit list. */
  bodyStart(): number {
    for (const [i, line] of this.lines.entries()) {
      if (isBlank(line) || isPageNoise(line.folded)) continue;
      if (isHeadingShape(classifyLine(line.folded, indentOf(line)))) return i;
      if (tableAt(this.lines, i)) return i;
    }
    for (const [i, line] of this.lines.entries()) {
      if (isBlank(line)) continue;
      const indent = indentOf(line);
      if (locateUnitList(line.folded, indent, line.folded.length)) return i;
    }
    return this.lines.length;
  }

  run(): PlanModel {
    const log = this.log;
    const checks = controlCharacters(this.text);
    if (checks.nul > 0 || (checks.sampled > 0 && checks.control / checks.sampled > 0.01)) {
      log.add(
        'binary-data',
        'the text holds NUL or control characters: binary data, not a document',
        null,
      );
    }
    if (this.text.includes('\ufffd')) {
      const at = this.lines.find((l) => l.original.includes('\ufffd'))?.line ?? null;
      log.add('invalid-utf8', 'the text holds U+FFFD: bytes were lost when it was decoded', at);
    }
    if (this.lines.every(isBlank)) {
      log.add('empty-document', 'the document is empty', null);
      return this.finish({
        title: UNTITLED,
        issuer: null,
        date: null,
        jurisdiction: UNKNOWN_JURISDICTION,
      });
    }

    const start = this.bodyStart();
    const preamble = this.lines.slice(0, start);
    for (const line of preamble) {
      // A note before the first item ("注:列第一位者为牵头单位") holds for the whole document.
      if (isRuleNote(line.folded)) this.firstListedLeads = true;
      // Rows above a table's header (a title, "填报单位:…") name no item's units.
      else if (line.cells) continue;
      else if (locateUnitList(line.folded, indentOf(line), line.folded.length)) {
        this.readListInto(null, line, indentOf(line));
      }
    }
    const header = readHeader(
      preamble.filter((l) => !isPageNoise(l.folded)),
      this.lines.filter((l) => !isPageNoise(l.folded)),
      log,
    );

    let i = start;
    for (let line = this.lines[i]; line; line = this.lines[i]) {
      if (isBlank(line)) {
        i++;
        continue;
      }
      if (isPageNoise(line.folded)) {
        this.noise.push(line.line);
        i++;
        continue;
      }
      const table = readTable(this.lines, i, log);
      if (table) {
        this.tableItems(table);
        i = table.next;
        continue;
      }
      const indent = indentOf(line);
      const shape = classifyLine(line.folded, indent);
      if (shape.kind === 'text') this.textLine(line, indent);
      else this.headingLine(line, shape);
      i++;
    }
    if (this.noise.length > 0) {
      log.add(
        'page-noise',
        `${this.noise.length} line(s) of web-page furniture left out`,
        this.noise[0] ?? null,
      );
    }
    return this.finish(header);
  }

  // ── headings ──────────────────────────────────────────────────────────────────────────────

  newDraft(
    level: Level,
    ref: string,
    line: LineText,
    parent: Draft | null,
    section: SectionKind,
  ): Draft {
    const draft: Draft = {
      level,
      ref,
      line: line.line,
      texts: [trimmedOriginal(line)],
      title: '',
      section,
      units: new UnitReadings(),
      hasList: false,
      firstListedLeads: this.firstListedLeads,
      parent,
      children: [],
      extraParts: 0,
      plainChildren: 0,
      lastChild: 0,
    };
    parent?.children.push(draft);
    this.drafts.push(draft);
    return draft;
  }

  /**
   * Numbers run 1, 2, 3 under their heading — or on from the previous heading's last number,
   * as notices that number tasks through all parts do (一1 … 一3, 二4).
   */
  checkSequence(
    level: Level,
    parent: Draft | null,
    value: number,
    label: string,
    line: number,
  ): void {
    const last = parent ? parent.lastChild : this.lastPart;
    const running = this.lastAtLevel[level] ?? 0;
    if (value !== last + 1 && value !== running + 1) {
      this.log.add(
        'numbering-gap',
        `"${label}" follows ${last === 0 ? 'no earlier number' : `number ${last}`}: an item may be missing`,
        line,
      );
    }
    if (parent) parent.lastChild = value;
    else this.lastPart = value;
    this.lastAtLevel[level] = value;
  }

  headingLine(line: LineText, shape: Exclude<LineShape, { kind: 'text' }>): void {
    const folded = line.folded;
    let draft: Draft;
    const sectionKind = this.part?.section ?? 'task';
    switch (shape.kind) {
      case 'part': {
        this.checkSequence(0, null, shape.value, `${shape.label}、`, line.line);
        draft = this.newDraft(
          0,
          shape.label,
          line,
          null,
          sectionKindOf(folded.slice(shape.bodyStart)),
        );
        this.part = draft;
        this.section = this.numbered = this.sub = null;
        break;
      }
      case 'section': {
        const parent = this.part;
        this.checkSequence(1, parent, shape.value, `(${shape.label})`, line.line);
        draft = this.newDraft(1, `${parent?.ref ?? ''}(${shape.label})`, line, parent, sectionKind);
        if (sectionKind === 'indicator') {
          const body = folded.slice(shape.bodyStart);
          if (/约束性/.test(body)) draft.binding = true;
          else if (/预期性/.test(body)) draft.binding = false;
          if (/指标/.test(body)) draft.groupHeading = true;
        }
        if (sectionKind === 'project') {
          const column = columnOf(folded);
          if (column !== undefined) draft.column = column;
        }
        this.section = draft;
        this.numbered = this.sub = null;
        break;
      }
      case 'numbered': {
        const parent = this.section ?? this.part;
        this.checkSequence(2, parent, shape.value, `${shape.label}.`, line.line);
        draft = this.newDraft(2, `${parent?.ref ?? ''}${shape.label}`, line, parent, sectionKind);
        if (this.section?.binding !== undefined) draft.binding = this.section.binding;
        this.numbered = draft;
        this.sub = null;
        break;
      }
      case 'sub': {
        if (shape.circled) {
          // ① sits under (1) when there is one, else straight under 1.; it is never a parent.
          const parent = this.sub ?? this.numbered ?? this.section ?? this.part;
          this.checkSequence(4, parent, shape.value, shape.label, line.line);
          draft = this.newDraft(4, `${parent?.ref ?? ''}${shape.label}`, line, parent, sectionKind);
          if (parent?.binding !== undefined) draft.binding = parent.binding;
          break;
        }
        const parent = this.numbered ?? this.section ?? this.part;
        this.checkSequence(3, parent, shape.value, `(${shape.label})`, line.line);
        draft = this.newDraft(3, `${parent?.ref ?? ''}(${shape.label})`, line, parent, sectionKind);
        if (parent?.binding !== undefined) draft.binding = parent.binding;
        this.sub = draft;
        break;
      }
    }
    this.current = draft;
    const cut = this.readListInto(draft, line, shape.bodyStart);
    draft.title = firstClause(line.original, folded, shape.bodyStart, cut);
    // "一、重点任务(列第一位者为牵头单位)": the rule holds for everything after the heading.
    if (!draft.hasList && isRuleNote(folded)) {
      this.firstListedLeads = true;
      draft.firstListedLeads = true;
    }
  }

  /**
   * Reads the unit list on a line into a draft (if it has one) and reports what went wrong.
   * Returns where the item's own text ends on that line.
   */
  readListInto(draft: Draft | null, line: LineText, bodyStart: number): number {
    const { folded } = line;
    const partner = pairBrackets(folded);
    const located = locateUnitList(folded, bodyStart, folded.length, partner);
    const errorsBefore = this.errorCountOnLine(line.line);
    let found = 0;
    if (located) {
      const list = readUnitList(line, located.listStart, located.listEnd, this.log);
      this.takeList(draft, list, line);
      // A list of leaders only ("(牵头领导:副市长赵某某)") was read, not lost.
      found = list.units.length + list.units.persons.length;
    }
    // "(牵头单位)市文旅局…;责任单位:…": the list was found at its second label; the first one,
    // and its units, stayed in the item's text.
    if (located !== null && located.cut > bodyStart) {
      const before = folded.slice(bodyStart, located.cut);
      const label = looksLikeUnitList(before) ? KNOWN_LABEL.exec(before) : null;
      if (label) {
        this.log.add(
          'label-outside-list',
          `"${label[0]}" stands in the text before the unit list: its units were not read ` +
            '(a bracket or ":" out of place?)',
          line.line,
        );
      }
    }
    const imbalance = findImbalance(folded);
    const listLike = located !== null || looksLikeUnitList(folded);
    if (imbalance !== -1) {
      const lost = listLike && found === 0;
      this.log.add(
        'unbalanced-brackets',
        `"${folded[imbalance]}" at column ${imbalance + 1} has no partner` +
          (lost ? ': the unit list could not be read' : found > 0 ? ': units read anyway' : ''),
        line.line,
        lost ? 'error' : 'warning',
      );
    }
    if (listLike && found === 0 && this.errorCountOnLine(line.line) === errorsBefore) {
      this.log.add(
        'unit-list-without-edges',
        `"${excerpt(trimAll(line.original))}" names no unit`,
        line.line,
      );
    }
    return located ? located.cut : folded.length;
  }

  /** Puts a list read from `line` on the draft it belongs to (or reports it has none). */
  takeList(draft: Draft | null, list: UnitList, line: LineText): void {
    if (list.carryOn) this.firstListedLeads = true;
    if (!draft) {
      if (list.units.length > 0) {
        this.log.add('orphan-unit-list', 'a unit list with no item before it', line.line);
      }
      return;
    }
    if (draft.hasList && list.units.length > 0) {
      this.log.add(
        'duplicate-unit-list',
        `${draft.ref} already had a unit list: both kept`,
        line.line,
      );
    }
    if (draft.units.length === 0 && draft.units.persons.length === 0) draft.units = list.units;
    else draft.units.append(list.units);
    if (list.units.length > 0) draft.hasList = true;
    if (list.firstListedLeads) draft.firstListedLeads = true;
    if (list.deadline !== undefined) draft.deadline = list.deadline;
  }

  errorCountOnLine(line: number): number {
    return this.log.errorsOn(line);
  }

  // ── plain lines ───────────────────────────────────────────────────────────────────────────

  textLine(line: LineText, indent: number): void {
    const { folded } = line;
    const current = this.current;
    if (this.delegation(line, indent)) return;
    const partner = pairBrackets(folded);
    const located = locateUnitList(folded, indent, folded.length, partner);

    if (located && !located.pure) {
      // Text followed by its own units: a project's sub-item, a task's continuation, or the
      // unnumbered second part of a task that already has its units.
      const project =
        this.section?.section === 'project' && this.section.level === 1 ? this.section : null;
      const underProject =
        project !== null &&
        this.numbered === null &&
        (current === project || current?.parent === project);
      if (underProject) {
        project.plainChildren++;
        const draft = this.newDraft(
          4,
          `${project.ref}${project.plainChildren}`,
          line,
          project,
          'project',
        );
        draft.kind = 'project';
        this.current = draft;
        const cut = this.readListInto(draft, line, indent);
        draft.title = firstClause(line.original, folded, indent, cut);
        return;
      }
      if (current && !current.hasList && current.delegatedTo === undefined && current.level > 0) {
        current.texts.push(trimmedOriginal(line));
        this.readListInto(current, line, indent);
        return;
      }
      if (current && current.hasList) {
        const base = current.partOf ?? current;
        base.extraParts++;
        const draft = this.newDraft(
          4,
          `${base.ref}之${formatChineseNumeral(base.extraParts + 1)}`,
          line,
          base,
          base.section,
        );
        draft.kind = base.kind ?? kindOfSection(base.section);
        draft.partOf = base;
        this.current = draft;
        const cut = this.readListInto(draft, line, indent);
        draft.title = firstClause(line.original, folded, indent, cut);
        return;
      }
      this.anonymousItem(line, indent);
      return;
    }

    if (located) {
      if (current === null) {
        this.readListInto(null, line, indent);
        return;
      }
      current.texts.push(trimmedOriginal(line));
      this.readListInto(current, line, indent);
      return;
    }

    if (current && !current.hasList && current.delegatedTo === undefined) {
      const bare = readBareList(line, indent, folded.length, this.log);
      if (bare && !this.isSignature(line, bare)) {
        current.texts.push(trimmedOriginal(line));
        this.takeList(current, bare, line);
        return;
      }
    }
    if (isRuleNote(folded)) {
      if (carriesOn(folded) || current === null) this.firstListedLeads = true;
      else current.firstListedLeads = true;
      return;
    }
    if (looksLikeUnitList(folded)) {
      this.readListInto(current, line, indent);
      return;
    }
    const text = trimmedOriginal(line);
    const prose = text.length > SIGNATURE_MAX || PROSE_END.test(trimAll(folded));
    if (current && !current.hasList && current.delegatedTo === undefined && prose) {
      current.texts.push(text);
      this.readListInto(null, line, indent);
      return;
    }
    // A role label in a paragraph left out is a unit list too broken to find ("责任单位。市委政法委)").
    const label = KNOWN_LABEL.exec(folded);
    if (label) {
      this.log.add(
        'unread-unit-list',
        `"${excerpt(text)}" names the role "${label[0]}" but reads as no unit list: left out`,
        line.line,
      );
      return;
    }
    this.log.add(
      'unattached-paragraph',
      `"${excerpt(text)}" belongs to no item: left out`,
      line.line,
    );
  }

  /**
   * A single name with a date under it ("示例市人民政府" / "2023年2月20日") signs the notice: it is
   * not the last item's unit.
   */
  isSignature(line: LineText, list: UnitList): boolean {
    if (list.units.length !== 1) return false;
    for (let i = line.line; i < this.lines.length; i++) {
      const next = this.lines[i];
      if (!next || isBlank(next)) continue;
      return dateOfLine(next.folded) !== null;
    }
    return false;
  }

  anonymousItem(line: LineText, indent: number): void {
    const parent = this.numbered ?? this.section ?? this.part;
    this.anonymous++;
    const draft = this.newDraft(
      4,
      `${parent?.ref ?? ''}·${this.anonymous}`,
      line,
      parent,
      parent?.section ?? 'task',
    );
    draft.kind =
      parent?.section === 'indicator'
        ? 'indicator'
        : parent?.section === 'project'
          ? 'project'
          : 'task';
    this.log.add(
      'unnumbered-item',
      `an item with units but no number: given ref ${draft.ref}`,
      line.line,
    );
    this.current = draft;
    const cut = this.readListInto(draft, line, indent);
    draft.title = firstClause(line.original, line.folded, indent, cut);
  }

  /** "按照《…》(武办发〔2020〕28号)分工组织实施": the current item is carried out under another notice. */
  delegation(line: LineText, indent: number): boolean {
    const target = this.current;
    const found = target ? readDelegation(line, indent) : null;
    if (!target || !found) return false;
    if (!this.documents.has(found.id)) this.documents.set(found.id, found);
    target.delegatedTo = found.id;
    target.texts.push(trimmedOriginal(line));
    return true;
  }

  // ── tables ────────────────────────────────────────────────────────────────────────────────

  /** A table's rows as items, under the heading the table stands under. */
  tableItems(table: ReadTable): void {
    const log = this.log;
    for (const column of table.header.columns) {
      if (column.kind === 'person') {
        log.add(
          'person-named',
          `column "${column.label}" names people, not units: kept as the item's leader`,
          table.headerLine,
        );
      }
      if (column.kind === 'role' && column.roleClass === 'unknown') {
        log.add(
          'unknown-role',
          `unknown role "${column.label}": its units are kept and counted as not lead`,
          table.headerLine,
        );
      }
    }
    const parent = this.section ?? this.part;
    const section = parent?.section ?? 'task';
    // Refs are the serials as printed; a second table numbered 1, 2 … again takes its heading's.
    const first = table.items.find((r) => r.ref !== null)?.ref;
    const taken = first !== undefined && this.drafts.some((d) => d.ref === first);
    const prefix = taken ? (parent?.ref ?? '') : '';
    let rows = 0;
    for (const row of table.items) {
      rows++;
      if (row.carryOn) this.firstListedLeads = true;
      const draft = this.newDraft(
        4,
        `${prefix}${row.ref ?? String(rows)}`,
        row.line,
        parent,
        section,
      );
      draft.kind =
        table.kind ??
        (section === 'indicator' ? 'indicator' : section === 'project' ? 'project' : 'task');
      this.tableRow(draft, row, table);
    }
    this.current = null;
  }

  tableRow(draft: Draft, row: TableItem, table: ReadTable): void {
    draft.texts = row.texts;
    draft.title = row.title;
    draft.units = row.units;
    draft.hasList = row.units.length > 0;
    draft.firstListedLeads =
      this.firstListedLeads || table.firstListedLeads || row.firstListedLeads;
    const binding = row.binding ?? draft.parent?.binding;
    if (binding !== undefined) draft.binding = binding;
    if (row.deadline !== undefined) draft.deadline = row.deadline;
    const adds: TableAdds = {};
    if (row.section !== undefined) adds.section = row.section;
    if (row.group !== undefined) adds.group = row.group;
    if (row.leader !== undefined) adds.leader = row.leader;
    if (row.leaders !== undefined) adds.leaders = row.leaders;
    if (row.status !== undefined) adds.status = row.status;
    if (row.progress !== undefined) adds.progress = row.progress;
    if (Object.keys(adds).length > 0) draft.adds = adds;
  }

  // ── the model ─────────────────────────────────────────────────────────────────────────────

  finish(header: {
    title: string;
    issuer: string | null;
    date: string | null;
    jurisdiction: string;
  }): PlanModel {
    const log = this.log;
    const jurisdiction = header.jurisdiction;
    const planId = planIdOf(jurisdiction, header.title);
    const emitted = new Map<Draft, Item>();
    const kinds = new Map<Draft, ItemKind | null>();
    for (const d of this.drafts) kinds.set(d, this.kindOf(d));

    const refs = new Set<string>();
    /** The next suffix to try for a reference printed more than once. */
    const repeats = new Map<string, number>();
    const items: Item[] = [];
    const seen = new Map<string, Seen>();
    for (const d of this.drafts) {
      const kind = kinds.get(d) ?? null;
      if (kind === null) continue;
      let ref = d.ref.length > 0 ? d.ref : String(items.length + 1);
      if (refs.has(ref)) {
        let n = repeats.get(ref) ?? 2;
        while (refs.has(`${ref}-${n}`)) n++;
        repeats.set(ref, n + 1);
        log.add(
          'duplicate-ref',
          `reference ${ref} is printed twice: the later one is ${ref}-${n}`,
          d.line,
        );
        ref = `${ref}-${n}`;
      }
      refs.add(ref);
      let parent: Draft | null = d.parent;
      while (parent && !emitted.has(parent)) parent = parent.parent;
      let title = trimAll(d.title);
      if (title.length === 0) {
        log.add('empty-title', `${ref} has no text before its units`, d.line);
        title = ref;
      }
      const rule = applyRoleRule(d.units, d.firstListedLeads);
      inJurisdiction(rule, jurisdiction);
      for (const name of rule.duplicates) {
        log.add(
          'duplicate-unit',
          `${name} is named twice on ${ref}: the first mention is kept`,
          d.line,
        );
      }
      const item: Item = {
        id: `${planId}/${ref}`,
        kind,
        ref,
        title,
        text: d.texts.join('\n'),
        line: d.line,
        parent: (parent && emitted.get(parent)?.id) ?? null,
        units: rule.units,
      };
      if (kind === 'indicator') {
        if (d.binding !== undefined) item.binding = d.binding;
        const target = readTarget(fold(title), title);
        if (target) item.target = target;
      }
      if (d.column !== undefined) item.column = d.column;
      if (d.delegatedTo !== undefined) item.delegatedTo = d.delegatedTo;
      if (d.deadline !== undefined) {
        item.deadline = d.deadline;
        const due = readDue(d.deadline);
        if (due) item.due = due;
      }
      if (d.adds) Object.assign(item, d.adds);
      // "牵头领导:副市长赵某某" in a list: the item's leaders, never units.
      const persons = d.units.persons;
      if (persons.length > 0 && item.leader === undefined) {
        item.leader = persons.join('、');
        item.leaders = [...persons];
      }
      emitted.set(d, item);
      items.push(item);
      for (const [i, unit] of rule.units.entries()) {
        const at = rule.kept[i] ?? 0;
        this.mention(seen, unit, d.units.lines[at] ?? d.line, d.units.qualifier(at));
      }
    }

    const units: UnitMention[] = [];
    for (const [key, first] of seen) {
      // Keys in the schema's order, so the JSON reads the same as the schema.
      units.push({
        id: `${jurisdiction}/${key}`,
        key,
        name: first.name,
        collective: isCollective(key),
        ...(first.qualifier ? { qualifier: first.qualifier.qualifier } : {}),
        ...(first.qualifier?.members ? { members: first.qualifier.members } : {}),
        line: first.line,
      });
    }
    namedInText(items, units, log);
    this.noUnits(kinds, emitted);
    mergedNames(units, log);

    if (items.length === 0 && !log.has('empty-document')) {
      log.add('no-items', 'no heading, numbered item, table row or unit list was recognised', null);
    }

    const model = {
      plan: {
        id: planId,
        title: header.title,
        issuer: header.issuer,
        date: header.date,
        jurisdiction,
      },
      items,
      units,
      documents: [...this.documents.values()],
      // In reading order: the document's own problems first, then line by line.
      issues: log.issues
        .map((issue, order) => ({ issue, order }))
        .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.order - b.order)
        .map(({ issue }) => issue),
    };
    return validated(model);
  }

  mention(seen: Map<string, Seen>, unit: ItemUnit, line: number, qualifier?: Qualifier): void {
    let first = seen.get(unit.key);
    if (!first) {
      first = { name: unit.name, line };
      seen.set(unit.key, first);
    }
    // A qualifier defines the unit for the rest of the document ("下同"); the first one stands.
    if (qualifier && !first.qualifier) first.qualifier = qualifier;
  }

  kindOf(d: Draft): ItemKind | null {
    if (d.kind) return d.kind;
    const hasChildren = d.children.length > 0;
    switch (d.level) {
      case 0:
        if (d.hasList) return kindOfSection(d.section);
        if (d.section === 'theme')
          return hasChildren ? 'theme' : d.texts.length > 1 ? 'task' : null;
        if (!hasChildren && d.texts.length > 1) {
          // "三、工作要求" over a paragraph of general asks: the notice's closing, not an item.
          if (d.section === 'requirement') {
            this.log.add(
              'requirements-text',
              `${d.ref}、 holds general requirements and names no unit list: not an item`,
              d.line,
            );
            return null;
          }
          return kindOfSection(d.section === 'task' ? 'theme' : d.section);
        }
        return null;
      case 1:
        switch (d.section) {
          case 'indicator':
            if (d.hasList) return 'indicator';
            return hasChildren || d.groupHeading ? null : 'indicator';
          case 'task':
            return !d.hasList && hasChildren ? 'theme' : 'task';
          case 'theme':
            return 'task';
          default:
            return d.section;
        }
      default:
        return kindOfSection(d.section);
    }
  }

  noUnits(kinds: Map<Draft, ItemKind | null>, emitted: Map<Draft, Item>): void {
    for (const [d, item] of emitted) {
      const kind = kinds.get(d);
      if (kind !== 'task' && kind !== 'indicator' && kind !== 'project') continue;
      if (item.units.length > 0 || item.delegatedTo !== undefined) continue;
      if (d.children.some((c) => emitted.has(c))) continue;
      this.log.add('no-units', `${item.ref} names no unit`, item.line);
    }
  }
}

/**
 * Keys in the plan's jurisdiction: a notice of 武汉市 printing 武汉市发改委 names 市发改委
 * (graph/dictionary/unit-names.ts). Units were keyed before the preamble was read; re-keyed here,
 * a unit printed both ways on one item is named once, its first mention kept.
 */
function inJurisdiction(rule: ReturnType<typeof applyRoleRule>, jurisdiction: string): void {
  const seen = new Set<string>();
  const units: ItemUnit[] = [];
  const kept: number[] = [];
  for (const [i, unit] of rule.units.entries()) {
    const key = unitKey(unit.key, jurisdiction);
    if (seen.has(key)) {
      rule.duplicates.push(unit.name);
      continue;
    }
    seen.add(key);
    units.push(key === unit.key ? unit : { ...unit, key });
    kept.push(rule.kept[i] ?? 0);
  }
  rule.units.splice(0, rule.units.length, ...units);
  rule.kept.splice(0, rule.kept.length, ...kept);
}

function kindOfSection(section: SectionKind): ItemKind {
  switch (section) {
    case 'indicator':
      return 'indicator';
    case 'project':
      return 'project';
    case 'requirement':
      return 'requirement';
    default:
      return 'task';
  }
}

const VALIDATION_SLICE = 2048;

/**
 * Checks a model against the PlanModel schema and returns it. zod's parse copies every object it
 * checks; on a plan with a million edges, keeping that copy doubles what the garbage collector
 * carries. So the items are checked in slices whose copies die young, everything else in one
 * PlanModel.parse, and the checked input is returned — the schema has no defaults or transforms,
 * and every object here is built with exactly the schema's keys, so it is what parse returns.
 */
function validated(model: PlanModel): PlanModel {
  PlanModel.parse({ ...model, items: [] });
  const items = PlanModel.shape.items;
  for (let i = 0; i < model.items.length; i += VALIDATION_SLICE) {
    items.parse(model.items.slice(i, i + VALIDATION_SLICE));
  }
  return model;
}

/** Parses a task-division notice. Never throws: problems come back as `issues`. */
export function parsePlan(text: string): PlanModel {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseLines(body);
}

/**
 * Parses lines that a reader of a structured format made from its blocks (see
 * ./read/to-lines.ts): the same layouts and assembler as for text, table rows arriving with
 * their cells. `text` is those lines joined, for the whole-document checks.
 */
export function parsePlanLines(text: string, lines: LineText[]): PlanModel {
  return parseLines(text, lines);
}

function parseLines(body: string, lines?: LineText[]): PlanModel {
  try {
    return new PlanParser(body, lines).run();
  } catch (error) {
    // A bug must not take the caller down with it: report it as data, like any other problem.
    const message = error instanceof Error ? error.message : String(error);
    return {
      plan: {
        id: `${UNKNOWN_JURISDICTION}-${sha8(body)}`,
        title: UNTITLED,
        issuer: null,
        date: null,
        jurisdiction: UNKNOWN_JURISDICTION,
      },
      items: [],
      units: [],
      documents: [],
      issues: [
        {
          code: 'internal-error',
          severity: 'error',
          message: `parser fault: ${message}`,
          line: null,
        },
      ],
    };
  }
}

/** Decodes bytes (BOM, UTF-16, GB18030, binary) and parses; the decoder's issues come first. */
export function parsePlanBytes(bytes: Uint8Array): PlanModel {
  const decoded = decode(bytes);
  const model = parsePlan(decoded.text);
  const seen = new Set(decoded.issues.map((i) => i.code));
  const issues: ParseIssue[] = [
    ...decoded.issues,
    ...model.issues.filter((i) => !(i.line === null && seen.has(i.code))),
  ];
  return { ...model, issues };
}
