// Finding and reading unit lists: "(牵头单位:A、B,C;责任单位:D)", "牵头单位:A;责任单位:B。" on a
// line of its own, "(A、B牵头,C配合)", "责任单位:A、B(列第一位者为牵头单位,下同)". Reading is
// lenient where the intent is plain (a missing colon or ";"), and every leniency is reported.
import type { RowCell } from './read/blocks.ts';
import { excerpt, type IssueLog } from './issues.ts';
import { collectivePiece } from './layouts/collectives.ts';
import { carriesOn, isRuleNote } from './layouts/first-listed.ts';
import { labelWeiAt, locateInlineList } from './layouts/inline-roles.ts';
import { isPerson } from './layouts/persons.ts';
import { internSlice, isSpace, skipSpace, trimEnd, unitKey } from './normalise.ts';
import {
  classifyLabel,
  KNOWN_LABEL,
  KNOWN_LABEL_AT_START,
  KNOWN_LABEL_WITH_COLON,
  suffixRole,
  UnitReadings,
  type Qualifier,
  type RoleClass,
} from './roles.ts';
import {
  forEachTopLevel,
  pairBrackets,
  splitTopLevel,
  topLevelGroups,
  type Span,
} from './text-scan.ts';

/** One printed line: the print, its folded twin (same length) and its 1-based number. */
export interface LineText {
  original: string;
  folded: string;
  line: number;
  /**
   * Set when the line is a row of a real table read from a structured format (Word, Excel, CSV,
   * HTML, PDF): its cells, merges resolved. `original` then holds the cells joined by tabs.
   */
  cells?: readonly RowCell[];
}

export interface UnitList {
  units: UnitReadings;
  /** The list says its first unit leads (列第一位者为牵头单位). */
  firstListedLeads: boolean;
  /** …and "下同": the same holds for every later item. */
  carryOn: boolean;
  /** Something list-like was there but no unit came out of it. */
  empty: boolean;
  /** A deadline clause inside the list ("完成时限:2023年底"), as printed. */
  deadline?: string;
}

export { isRuleNote } from './layouts/first-listed.ts';

/** The role kept for units that no role word covers ("(A牵头,B)" → B). */
export const UNMARKED_ROLE = '未标明';

const DEADLINE_START = new Set(['完', '时']);
const DEADLINE_LABEL = /^(完成时限|完成时间|时间节点|完成期限|时限)\s*:\s*/;

const MAX_LABEL = 8;
const LABEL_WORD = /^[\u4e00-\u9fff]{2,8}$/;

/**
 * Where a label-style segment's colon is, when [start, end) starts with a role label — or its
 * 为, in "责任单位为市发改委" (the colon a sentence uses).
 */
function labelColon(folded: string, start: number, end: number): number {
  const wei = labelWeiAt(folded, start, end);
  if (wei > 0) return start + wei - 1;
  const limit = Math.min(end, start + MAX_LABEL + 2);
  for (let i = start; i < limit; i++) {
    if (folded[i] !== ':') continue;
    const label = folded.slice(start, trimEnd(folded, start, i));
    return LABEL_WORD.test(label) && classifyLabel(label) !== null ? i : -1;
  }
  return -1;
}

/** Does [start, end) of a folded line read as a unit list (label style or suffix style)? */
export function isListContent(folded: string, start: number, end: number): boolean {
  const s = skipSpace(folded, start, end);
  if (s >= end) return false;
  if (labelColon(folded, s, end) !== -1) return true;
  if (KNOWN_LABEL_AT_START.test(folded.slice(s, Math.min(end, s + 8)))) return true;
  const content = folded.slice(s, end);
  if (content.includes('。') || isRuleNote(content)) return false;
  for (const group of splitTopLevel(folded, ',;', s, end)) {
    const g = folded.slice(
      skipSpace(folded, group.start, group.end),
      trimEnd(folded, group.start, group.end),
    );
    if (suffixRole(g) !== null) return true;
  }
  return false;
}

export interface LocatedList {
  /** Where the item's own text ends (the list and what follows it are not title material). */
  cut: number;
  listStart: number;
  listEnd: number;
  /** The list is all there is after the item number (a "units on their own line" line). */
  pure: boolean;
  /** A bracket of the list had no partner; the list was read anyway. */
  recovered: boolean;
}

const MAX_UNCLOSED = 16;
/** Brackets a list is printed in: "(…)", "[…]", "【…】" (folded: full-width ones are half-width). */
const LIST_OPENERS = new Set(['(', '[', '【']);
const LIST_CLOSERS = new Set([')', ']', '】']);
const TRAILING = new Set(['。', '.', ';', ',', ' ', '\t']);

function startsWithLabel(folded: string, at: number, end: number): boolean {
  return (
    labelColon(folded, at, end) !== -1 ||
    KNOWN_LABEL_AT_START.test(folded.slice(at, Math.min(end, at + 8)))
  );
}

/**
 * Finds the unit list in [bodyStart, end) of a folded line: a trailing "(…)" group that reads
 * as a list, a line that starts with a role label, or — when a bracket is missing — the place a
 * role label starts.
 */
export function locateUnitList(
  folded: string,
  bodyStart: number,
  end: number,
  partner = pairBrackets(folded),
): LocatedList | null {
  const body = skipSpace(folded, bodyStart, end);
  let e = end;
  while (e > body && TRAILING.has(folded.charAt(e - 1))) e--;
  if (e <= body) return null;

  if (startsWithLabel(folded, body, e)) {
    return { cut: body, listStart: body, listEnd: e, pure: true, recovered: false };
  }
  if (
    LIST_OPENERS.has(folded.charAt(body)) &&
    partner[body] === e - 1 &&
    isListContent(folded, body + 1, e - 1)
  ) {
    return { cut: body, listStart: body + 1, listEnd: e - 1, pure: true, recovered: false };
  }
  if (LIST_CLOSERS.has(folded.charAt(e - 1))) {
    const open = partner[e - 1] ?? -1;
    if (open >= body) {
      if (isListContent(folded, open + 1, e - 1)) {
        return { cut: open, listStart: open + 1, listEnd: e - 1, pure: false, recovered: false };
      }
    }
  }
  // An opener never closed, with a role label after it: the list runs to the end of the line.
  // A list opens near the end, so only the last few unclosed openers are worth a look.
  let looked = 0;
  for (let i = e - 1; i >= body && looked < MAX_UNCLOSED; i--) {
    if (folded[i] === '(' && partner[i] === -1) {
      looked++;
      const s = skipSpace(folded, i + 1, e);
      if (startsWithLabel(folded, s, e)) {
        const listEnd = folded[e - 1] === ')' && partner[e - 1] === -1 ? e - 1 : e;
        return { cut: i, listStart: s, listEnd, pure: i === body, recovered: true };
      }
    }
  }
  // A role label with its colon further on, at depth zero: the list starts there. With a stray
  // ")" at the end, its "(" went missing.
  KNOWN_LABEL_WITH_COLON.lastIndex = 0;
  for (let m = KNOWN_LABEL_WITH_COLON.exec(folded); m; m = KNOWN_LABEL_WITH_COLON.exec(folded)) {
    if (m.index < body || m.index >= e) continue;
    if (insideBrackets(partner, m.index)) continue;
    const stray = folded[e - 1] === ')' && partner[e - 1] === -1;
    return {
      cut: m.index,
      listStart: m.index,
      listEnd: stray ? e - 1 : e,
      pure: false,
      recovered: stray,
    };
  }
  const inline = locateInlineList(folded, body, e, partner);
  if (inline) return { ...inline, pure: inline.cut === body, recovered: false };
  return null;
}

/** Index of `ch` in [start, end), or -1 (never looking past `end`, unlike indexOf). */
function indexIn(text: string, ch: string, start: number, end: number): number {
  const code = ch.charCodeAt(0);
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Is `at` inside a bracket pair that opens at or after `floor`? */
function insideBrackets(partner: Int32Array, at: number, floor = 0): boolean {
  // Pairs never cross, so any opener before `at` whose partner lies after it encloses it. Walk
  // back at most a short way: labels sit near list starts.
  for (let i = at - 1; i >= floor && i >= at - 400; i--) {
    if ((partner[i] ?? -1) > at) return true;
  }
  return false;
}

/** Does a folded line look like it carries units (so that yielding none is worth an error)? */
export function looksLikeUnitList(folded: string): boolean {
  if (LABEL_IN_LIST.test(folded)) return true;
  // The last "(" opens a trailing group — closed or not — that names a role.
  const open = folded.lastIndexOf('(');
  if (open === -1) return false;
  let end = trimEnd(folded, open, folded.length);
  if (folded[end - 1] === '。' || folded[end - 1] === '.') end = trimEnd(folded, open, end - 1);
  if (folded[end - 1] === ')') end--;
  const tail = folded.slice(open + 1, end);
  return !tail.includes(')') && TRAILING_ROLE.test(tail);
}

const TRAILING_ROLE = /牵头|配合单位|责任单位|协办单位|参与单位/;

/**
 * A role label as a list prints it: followed by its colon, a bracket or separator, or the start
 * of a unit's name — not "各责任单位要…", "明确责任单位及其职责" or "明确牵头单位、配合单位和完成时限"
 * in running text. Any bracket counts: "责任单位〈市城管执法委)" is a list whose colon was
 * mistyped, not prose.
 */
const LABEL_IN_LIST = new RegExp(
  `${KNOWN_LABEL.source}\\s*(?:[:;,()〈〉<>《》【】\\[\\]{}]|、(?!${KNOWN_LABEL.source})|市|各|相关|区|县|$)`,
);
const QUALIFIER_PREFIX = /^(含|包含|包括|其中)/;

/**
 * "(含…,下同)" defines a unit for the rest of the document, as 〈…〉 does; without 下同, "(含…)"
 * stays part of the name as printed.
 */
function isQualifier(inner: string): boolean {
  return carriesOn(inner);
}
/** "…等", "…等部门", "…等有关单位", "…等3个部门": the list's end, never part of a name. */
const ETC_SUFFIX = /等(?:\d{1,3}个)?(?:有关|相关|其他)?(?:部门|单位)?$/;
/** White space inside a name: most likely a separator that went missing. */
function hasInnerSpace(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end - 1; i++) if (isSpace(text.charAt(i))) return true;
  return false;
}

/**
 * A bracket in a name that holds a separator: "市城建局(市发改委,相关区人民政府)" is units whose
 * "、" became "(", not one unit. Qualifiers ("(含…、…)") and "(华中)" are names' own brackets.
 */
function hasListInBrackets(folded: string, start: number, end: number): boolean {
  const open = indexIn(folded, '(', start, end);
  if (open === -1) return false;
  const inner = folded.slice(open + 1, end);
  return /[、,;]/.test(inner) && !QUALIFIER_PREFIX.test(inner) && !LEVELS_IN_BRACKETS.test(inner);
}

/** "各县(市、区)人民政府": the levels a collective covers, not a list of units. */
const LEVELS_IN_BRACKETS = /^(?:县|区|市|乡|镇|街道|旗)(?:[、,](?:县|区|市|乡|镇|街道|旗))*\)/;

function hasSentenceMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // 。 : ; ! ?
    if (c === 0x3002 || c === 0x3a || c === 0x3b || c === 0x21 || c === 0x3f) return true;
  }
  return false;
}
const MAX_NAME = 24;

/**
 * Reads the units in [start, end) of a line into `into`, with one printed role — except for a
 * ","-group that ends in a role verb of its own ("市住建局、市城管局,各区政府配合落实": the last
 * group cooperates, the rest keep `role`). Collectives that hold "、" stay whole; persons go to
 * the readings' persons, not its units.
 */
export function readUnits(
  text: LineText,
  start: number,
  end: number,
  role: string,
  roleClass: RoleClass,
  log: IssueLog,
  into: UnitReadings = new UnitReadings(),
): UnitReadings {
  const { original, folded } = text;
  const partner = pairBrackets(folded);
  const whole = { start, end };
  forEachTopLevel(folded, ',', start, end, partner, (from, to) => {
    let groupEnd = trimEnd(folded, from, to);
    while (groupEnd > from && (folded[groupEnd - 1] === '。' || folded[groupEnd - 1] === '.')) {
      groupEnd = trimEnd(folded, from, groupEnd - 1);
    }
    let groupRole = role;
    let groupClass = roleClass;
    const verb = suffixRole(folded.slice(skipSpace(folded, from, groupEnd), groupEnd));
    if (verb !== null && verb.length < groupEnd - from) {
      groupRole = internSlice(original, groupEnd - verb.length + verb.skip, groupEnd);
      groupClass = verb.roleClass;
      groupEnd -= verb.length;
    }
    readGroup(text, from, groupEnd, groupRole, groupClass, log, into, partner, whole);
  });
  return into;
}

/** The names of one ","-group, split at "、" but keeping collectives that hold one whole. */
function readGroup(
  text: LineText,
  start: number,
  end: number,
  role: string,
  roleClass: RoleClass,
  log: IssueLog,
  into: UnitReadings,
  partner: Int32Array,
  whole: Span,
): void {
  const { folded } = text;
  // "各区" waiting for the pieces that may complete it ("县(市)政府"): start, end of the last piece.
  let heldFrom = -1;
  let heldTo = -1;
  let held = 0;
  // What was held is one name either way: "各区" alone, or "各县、市、区" (levels only).
  const release = () => {
    readName(text, heldFrom, heldTo, role, roleClass, log, into, partner, whole);
    held = 0;
  };
  forEachTopLevel(folded, '、', start, end, partner, (from, to) => {
    const s = skipSpace(folded, from, to);
    const e = trimEnd(folded, s, to);
    const piece = collectivePiece(folded.slice(s, e));
    if (held > 0) {
      if (piece === 'middle') {
        heldTo = to;
        held++;
        return;
      }
      if (piece === 'tail') {
        heldTo = to;
        release();
        return;
      }
      release();
    }
    if (piece === 'head') {
      heldFrom = from;
      heldTo = to;
      held = 1;
      return;
    }
    readName(text, from, to, role, roleClass, log, into, partner, whole);
  });
  if (held > 0) release();
}

/** A letter or a digit in any script: what a unit's name cannot be without. */
const WORD = /[\p{L}\p{N}]/u;

/** One name in [from, to): trimmed, qualifier and "等部门" taken off, checked, then added. */
function readName(
  text: LineText,
  from: number,
  to: number,
  role: string,
  roleClass: RoleClass,
  log: IssueLog,
  into: UnitReadings,
  partner: Int32Array,
  whole: Span,
): void {
  const { original, folded, line } = text;
  let s = skipSpace(folded, from, to);
  let e = trimEnd(folded, s, to);
  while (e > s && (folded[e - 1] === '。' || folded[e - 1] === '.')) {
    e = trimEnd(folded, s, e - 1);
  }
  if (folded[s] === '由' && e - s > 2) s++;
  let qualifier: Qualifier | undefined;
  const tail = folded[e - 1];
  if (tail === '〉' || tail === '>' || tail === ')') {
    const open = partner[e - 1] ?? -1;
    if (open > s && (tail !== ')' || isQualifier(folded.slice(open + 1, e - 1)))) {
      qualifier = { qualifier: original.slice(open, e) };
      const members = readMembers(original, folded, open + 1, e - 1);
      if (members.length > 0) qualifier.members = members;
      e = trimEnd(folded, s, open);
    }
  }
  // "省科技厅(牵头)": a role mark after one unit; "(按职责分工负责)" adds nothing to the label.
  if (folded[e - 1] === ')') {
    const open = partner[e - 1] ?? -1;
    const inner = open > s ? folded.slice(open + 1, e - 1) : '';
    const mark = inner.length > 0 ? suffixRole(`_${inner}`) : null;
    if (mark && mark.length === inner.length) {
      if (mark.roleClass === 'lead') {
        role = internSlice(original, open + 1, e - 1);
        roleClass = 'lead';
      }
      e = trimEnd(folded, s, open);
    }
  }
  const etcTail = folded[e - 1];
  if (etcTail === '等' || etcTail === '门' || etcTail === '位') {
    const etc = ETC_SUFFIX.exec(folded.slice(s, e));
    if (etc && e - s - etc[0].length >= 2) e = trimEnd(folded, s, e - etc[0].length);
  }
  if (e <= s) {
    // A list that is empty as a whole is the caller's to report (empty-role).
    if (skipSpace(folded, whole.start, whole.end) < trimEnd(folded, whole.start, whole.end)) {
      log.add('empty-unit', `an empty place in the list of ${role || '(no role)'}`, line);
    }
    return;
  }
  // Quotes and punctuation alone ('""') name nothing, and a damaged file can hold a million of
  // them in one list: each would be a unit and two issues.
  if (!WORD.test(folded.slice(s, e))) return;
  const name = internSlice(original, s, e);
  if (isPerson(folded.slice(s, e))) {
    into.addPerson(name);
    return;
  }
  if (e - s > MAX_NAME || hasSentenceMark(folded, s, e) || hasInnerSpace(folded, s, e)) {
    log.add('suspicious-unit-name', `"${excerpt(name)}" does not read like a unit name`, line);
  } else if (KNOWN_LABEL.test(folded.slice(s, e))) {
    log.add(
      'suspicious-unit-name',
      `"${excerpt(name)}" holds a role label: a ";" was expected before it`,
      line,
    );
  } else if (hasListInBrackets(folded, s, e)) {
    log.add(
      'suspicious-unit-name',
      `"${excerpt(name)}" holds a list in brackets: a "、" or "," was expected, not "("`,
      line,
    );
  }
  into.add(
    { name, key: unitKey(name), role, edge: 'SUPPORTS', inferred: false },
    roleClass,
    line,
    qualifier,
  );
}

function readMembers(original: string, folded: string, start: number, end: number): string[] {
  let s = skipSpace(folded, start, end);
  const prefix = QUALIFIER_PREFIX.exec(folded.slice(s, end));
  if (prefix) s += prefix[0].length;
  // "…,下同" closes the definition; it names no member.
  let e = trimEnd(folded, s, end);
  if (folded.endsWith('下同', e) && e - 2 >= s) {
    e -= 2;
    while (e > s && (folded[e - 1] === ',' || folded[e - 1] === '、' || folded[e - 1] === ';')) e--;
  }
  const members: string[] = [];
  for (const span of splitTopLevel(folded, '、,;', s, e)) {
    const a = skipSpace(folded, span.start, span.end);
    const b = trimEnd(folded, a, span.end);
    if (b > a) members.push(original.slice(a, b));
  }
  return members;
}

/**
 * Reads a located list: segments split at ";" (or "。"), each either "label:units" or groups in
 * the "X牵头,Y配合" style. Rule notes in brackets are taken out first.
 */
export function readUnitList(text: LineText, start: number, end: number, log: IssueLog): UnitList {
  const result: UnitList = {
    units: new UnitReadings(),
    firstListedLeads: false,
    carryOn: false,
    empty: false,
  };
  let { original, folded } = text;
  for (const group of topLevelGroups(folded, start, end)) {
    const content = folded.slice(group.start + 1, group.end - 1);
    if (!isRuleNote(content)) continue;
    result.firstListedLeads = true;
    if (carriesOn(content)) result.carryOn = true;
    const blank = ' '.repeat(group.end - group.start);
    original = original.slice(0, group.start) + blank + original.slice(group.end);
    folded = folded.slice(0, group.start) + blank + folded.slice(group.end);
  }
  const view: LineText = { original, folded, line: text.line };
  const partner = pairBrackets(folded);

  const segments: Span[] = [];
  for (const seg of splitTopLevel(folded, ';。', start, end, partner)) {
    // A second label in the same segment means its ";" went missing: split there. Labels carry
    // a colon, and a list rarely holds one past its first label, so look for colons first.
    let from = seg.start;
    const first = skipSpace(folded, seg.start, seg.end);
    let colon = indexIn(folded, ':', first + 1, seg.end);
    if (colon !== -1 && colon === labelColon(folded, first, seg.end)) {
      colon = indexIn(folded, ':', colon + 1, seg.end);
    }
    if (colon !== -1) {
      KNOWN_LABEL_WITH_COLON.lastIndex = 0;
      const inner = folded.slice(seg.start, seg.end);
      for (let m = KNOWN_LABEL_WITH_COLON.exec(inner); m; m = KNOWN_LABEL_WITH_COLON.exec(inner)) {
        const at = seg.start + m.index;
        if (at <= first || insideBrackets(partner, at, seg.start)) continue;
        // "(牵头单位:X,配合单位:Y、Z)": a comma between two roles is a separator too.
        const comma = trimEnd(folded, seg.start, at) - 1;
        // …and so is a wide gap ("牵头单位:X  责任单位:Y", two ideographic spaces).
        const gap = at - comma - 1;
        if (folded.charAt(comma) !== ',' && gap < 2) {
          log.add('missing-separator', `two roles run together before "${m[1]}"`, text.line);
        }
        segments.push({ start: from, end: folded.charAt(comma) === ',' ? comma : at });
        from = at;
      }
    } else if (labelWeiAt(folded, first, seg.end) > 0) {
      // "牵头单位为X,责任单位为Y": the next role starts a clause of its own.
      for (const g of splitTopLevel(folded, ',', first, seg.end, partner)) {
        const at = skipSpace(folded, g.start, g.end);
        if (at <= first || labelWeiAt(folded, at, g.end) === 0) continue;
        segments.push({ start: from, end: g.start - 1 });
        from = at;
      }
    }
    segments.push({ start: from, end: seg.end });
  }

  let sawList = false;
  for (const seg of segments) {
    const s = skipSpace(folded, seg.start, seg.end);
    const e = trimEnd(folded, s, seg.end);
    if (e <= s) continue;
    sawList = true;
    // "(责任单位:A、B;列第一位的为牵头单位)": the rule as a segment of its own, not units.
    if (isRuleNote(folded.slice(s, e))) {
      result.firstListedLeads = true;
      if (carriesOn(folded.slice(s, e))) result.carryOn = true;
      continue;
    }
    const deadline = DEADLINE_START.has(folded.charAt(s))
      ? DEADLINE_LABEL.exec(folded.slice(s, e))
      : null;
    if (deadline) {
      result.deadline = original.slice(s + deadline[0].length, e);
      continue;
    }
    const colon = labelColon(folded, s, e);
    if (colon !== -1) {
      readLabelled(view, s, colon, colon + 1, e, log, result);
      continue;
    }
    const known = KNOWN_LABEL_AT_START.exec(folded.slice(s, e));
    if (known) {
      const labelEnd = s + known[0].length;
      log.add('missing-colon', `"${known[0]}" without a colon`, text.line);
      readLabelled(view, s, labelEnd, labelEnd, e, log, result);
      continue;
    }
    readSuffixStyle(view, s, e, log, result, partner);
  }
  result.empty = sawList && result.units.length === 0;
  return result;
}

function readLabelled(
  text: LineText,
  labelStart: number,
  labelEnd: number,
  unitsStart: number,
  end: number,
  log: IssueLog,
  result: UnitList,
): void {
  const { original, folded, line } = text;
  const trimmedEnd = trimEnd(folded, labelStart, labelEnd);
  const role = internSlice(original, labelStart, trimmedEnd);
  const labelClass = classifyLabel(folded.slice(labelStart, trimmedEnd)) ?? 'unknown';
  const s = skipSpace(folded, unitsStart, end);
  if (labelClass === 'person') {
    // "牵头领导:副市长赵某某": the item's leader, kept as printed; never a unit.
    log.add(
      'person-named',
      `"${role}" names a person: kept as the item's leader, not a unit`,
      line,
    );
    for (const span of splitTopLevel(folded, '、,', s, end)) {
      const a = skipSpace(folded, span.start, span.end);
      const b = trimEnd(folded, a, span.end);
      if (b > a) result.units.addPerson(original.slice(a, b));
    }
    return;
  }
  if (labelClass === 'unknown') {
    log.add(
      'unknown-role',
      `unknown role "${role}": its units are kept and counted as not lead`,
      line,
    );
  }
  const before = result.units.length;
  readUnits(text, s, end, role, labelClass, log, result.units);
  if (result.units.length === before) {
    log.add('empty-role', `"${role}" is followed by no unit`, line);
  }
}

function personsOnly(folded: string, start: number, end: number): boolean {
  if (end <= start) return false;
  return splitTopLevel(folded, '、', start, end).every((p) =>
    isPerson(folded.slice(skipSpace(folded, p.start, p.end), trimEnd(folded, p.start, p.end))),
  );
}

function readSuffixStyle(
  text: LineText,
  start: number,
  end: number,
  log: IssueLog,
  result: UnitList,
  partner: Int32Array,
): void {
  const { original, folded, line } = text;
  const groups = splitTopLevel(folded, ',', start, end, partner).map((g) => {
    const s = skipSpace(folded, g.start, g.end);
    const e = trimEnd(folded, s, g.end);
    const verb = suffixRole(folded.slice(s, e));
    return verb
      ? {
          s,
          e: trimEnd(folded, s, e - verb.length),
          role: internSlice(original, e - verb.length + verb.skip, e),
          roleClass: verb.roleClass,
          owner: verb.owner,
        }
      : { s, e, role: null, roleClass: null, owner: false };
  });
  if (groups.every((g) => g.role === null)) {
    log.add('role-missing', `"${excerpt(original.slice(start, end))}" names no role`, line);
    return;
  }
  // "A、B,C牵头" — a role word covers the groups before it, back to the previous role word.
  let role: string | null = null;
  let roleClass: RoleClass | null = null;
  let owner = false;
  const resolved = new Array<{ role: string; roleClass: RoleClass; owner: boolean } | null>(
    groups.length,
  );
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (!g) continue;
    if (g.role !== null && g.roleClass !== null) {
      role = g.role;
      roleClass = g.roleClass;
      owner = g.owner;
    }
    resolved[i] = role !== null && roleClass !== null ? { role, roleClass, owner } : null;
  }
  // "由X负责,Y配合": with no one marked as lead, the unit that 负责 leads when the others only
  // cooperate. "(X、Y负责)" alone names no lead: its units own the item by the role rule.
  // A person who 牵头 ("王某某副市长牵头") is the item's leader, not its lead unit.
  const marked = resolved.some(
    (r, i) => r?.roleClass === 'lead' && !personsOnly(folded, groups[i]?.s ?? 0, groups[i]?.e ?? 0),
  );
  const cooperating = resolved.some((r) => r !== null && !r.owner);
  if (!marked && cooperating) {
    for (const r of resolved) if (r?.owner) r.roleClass = 'lead';
  }
  for (const [i, g] of groups.entries()) {
    if (g.e <= g.s) continue;
    let r = resolved[i] ?? null;
    if (r === null) {
      // Units after the last role word: kept, but nothing says they lead.
      r = { role: UNMARKED_ROLE, roleClass: 'unknown', owner: false };
      log.add(
        'role-missing',
        `"${excerpt(original.slice(g.s, g.e))}" has no role word after it: kept as ${UNMARKED_ROLE}`,
        line,
      );
    }
    readUnits(text, g.s, g.e, r.role, r.roleClass, log, result.units);
  }
}
