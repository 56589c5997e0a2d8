// Unit lists written into the task's own sentences, with no brackets around them:
//   "…,责任单位为市发改委、市统计局。"    a role label joined by 为, after a target
//   "…。由市公安局负责,市发改委、市人社局配合。"  a sentence of units and role verbs
// Nothing but the words vouches for these, so a clause is taken only when every name in it reads
// as a unit's name: a task's own text ("由各区负责组织实施") never becomes units. Matched on folded
// lines; the list found is read by ../unit-list.ts like any other.
import { KNOWN_LABEL, suffixRole } from '../roles.ts';
import { skipSpace, trimEnd } from '../normalise.ts';
import { looksLikeUnitName } from '../units.ts';
import { splitTopLevel } from '../text-scan.ts';

export interface InlineList {
  /** Where the task's own text ends. */
  cut: number;
  listStart: number;
  listEnd: number;
}

/**
 * "责任单位为X": a role label, 为, then not another role word ("列第一位的责任单位为牵头单位" is the
 * first-listed rule, not a list).
 */
const LABEL_WEI = new RegExp(`${KNOWN_LABEL.source}\\s*为(?!牵头|主办|主责|责任|配合|准|主)`, 'g');
const LABEL_WEI_AT = new RegExp(`^${KNOWN_LABEL.source}\\s*为(?!牵头|主办|主责|责任|配合|准|主)`);
/** Where a clause starts: the list must open one, not sit inside a phrase. */
const CLAUSE_BREAK = new Set([',', ';', '。', ':', '!', '?']);
/**
 * A list is short; a line is not always. Looking no further than this from where a list would
 * start, and trying only so many starts, keeps a megabyte line of "由,由,由…" linear.
 */
const MAX_LIST = 400;
const MAX_TRIES = 24;

/** Is `at` at depth zero: no bracket pair in [floor, at) encloses it? */
function atTopLevel(partner: Int32Array, floor: number, at: number): boolean {
  for (let i = floor; i < at; i++) {
    const p = partner[i] ?? -1;
    if (p > i) {
      if (p > at) return false;
      i = p;
    }
  }
  return true;
}

function opensClause(folded: string, body: number, at: number): boolean {
  let i = at - 1;
  while (i >= body && (folded[i] === ' ' || folded[i] === '\t')) i--;
  return i < body || CLAUSE_BREAK.has(folded.charAt(i));
}

/** End of the sentence that starts before `from`: its "。" at depth zero, or `end`. */
function sentenceEnd(
  folded: string,
  from: number,
  end: number,
  partner: Int32Array,
  /** Role labels run on past ";" ("配合单位为X;牵头单位为Y"). */
  labels = false,
): number {
  const limit = Math.min(end, from + MAX_LIST);
  for (let i = from; i < limit; i++) {
    const p = partner[i] ?? -1;
    if (p > i && p < end) {
      i = p;
      continue;
    }
    if (folded[i] === '。' || (folded[i] === ';' && !labels)) return i;
  }
  return limit;
}

/** Every "、"-separated name of [start, end) reads as a unit's name. */
function namesOnly(folded: string, start: number, end: number, partner: Int32Array): boolean {
  const pieces = splitTopLevel(folded, '、', start, end, partner);
  for (const [i, p] of pieces.entries()) {
    let s = skipSpace(folded, p.start, p.end);
    if (i === 0 && folded[s] === '由') s++;
    if (!looksLikeUnitName(folded.slice(s, trimEnd(folded, s, p.end)))) {
      // "各区、县(市)政府" splits into pieces that are not names on their own; the whole may be.
      return i > 0 && looksLikeUnitName(folded.slice(start, end).replace(/^由/, ''));
    }
  }
  return true;
}

/** "…,责任单位为X、Y。" → the list from the label to the end of its sentence. */
function labelled(
  folded: string,
  body: number,
  end: number,
  partner: Int32Array,
): InlineList | null {
  LABEL_WEI.lastIndex = body;
  let tries = 0;
  for (let m = LABEL_WEI.exec(folded); m && tries < MAX_TRIES; m = LABEL_WEI.exec(folded)) {
    if (m.index >= end) break;
    tries++;
    if (!opensClause(folded, body, m.index) || !atTopLevel(partner, body, m.index)) continue;
    const listEnd = sentenceEnd(folded, m.index, end, partner, true);
    const unitsStart = m.index + m[0].length;
    if (!namesInGroups(folded, unitsStart, listEnd, partner)) continue;
    return { cut: m.index, listStart: m.index, listEnd };
  }
  return null;
}

/** Each ","/";"-group of [start, end) is names only, or a further "label为…" of the list. */
function namesInGroups(folded: string, start: number, end: number, partner: Int32Array): boolean {
  const groups = splitTopLevel(folded, ',;', start, end, partner);
  for (const g of groups) {
    const s = skipSpace(folded, g.start, g.end);
    let e = trimEnd(folded, s, g.end);
    if (e <= s) return false;
    const from = s + labelWeiAt(folded, s, e);
    const verb = suffixRole(folded.slice(from, e));
    if (verb) e -= verb.length;
    if (!namesOnly(folded, from, e, partner)) return false;
  }
  return true;
}

/**
 * "由X负责,Y配合" (or "X牵头,Y配合" opening a sentence): ","-groups of unit names, each ending in
 * a role verb or covered by the next one's. The list ends at the last group with a verb; what
 * follows ("…,确保年底前完成") is the task's text.
 */
function sentence(
  folded: string,
  body: number,
  end: number,
  partner: Int32Array,
): InlineList | null {
  let tries = 0;
  for (let at = body; at < end && tries < MAX_TRIES; at++) {
    const p = partner[at] ?? -1;
    if (p > at) {
      at = p;
      continue;
    }
    const c = folded.charAt(at);
    const start = at === body ? skipSpace(folded, body, end) : CLAUSE_BREAK.has(c) ? at + 1 : -1;
    if (start === -1 || start >= end) continue;
    const s = skipSpace(folded, start, end);
    const byWord = folded[s] === '由';
    // Without 由, only a whole sentence of units counts: "…。市公安局负责,市发改委配合。"
    if (!byWord && c !== '。' && c !== ';' && at !== body) continue;
    tries++;
    const found = verbGroups(folded, s, sentenceEnd(folded, s, end, partner), partner, byWord);
    if (found !== null) return { cut: s, listStart: s, listEnd: found };
  }
  return null;
}

/** The end of the verb-led groups from `start`, or null when they are not a unit list. */
function verbGroups(
  folded: string,
  start: number,
  end: number,
  partner: Int32Array,
  byWord: boolean,
): number | null {
  let listEnd = -1;
  for (const g of splitTopLevel(folded, ',', start, end, partner)) {
    const s = skipSpace(folded, g.start, g.end);
    const e = trimEnd(folded, s, g.end);
    const verb = e > s ? suffixRole(folded.slice(s, e)) : null;
    const names = verb ? e - verb.length : e;
    if (names <= s || !namesOnly(folded, s, names, partner)) {
      // After 由 the list may stop and the sentence go on; otherwise it is all units or none.
      if (byWord && listEnd !== -1) break;
      return null;
    }
    if (verb) listEnd = e;
  }
  return listEnd === -1 ? null : listEnd;
}

/** A unit list written into the sentence, from `body` to `end` of a folded line, if any. */
export function locateInlineList(
  folded: string,
  body: number,
  end: number,
  partner: Int32Array,
): InlineList | null {
  return labelled(folded, body, end, partner) ?? sentence(folded, body, end, partner);
}

/** A role label joined by 为 ("责任单位为"), at `at`: its length, else 0. */
export function labelWeiAt(folded: string, at: number, end: number): number {
  const m = LABEL_WEI_AT.exec(folded.slice(at, Math.min(end, at + 12)));
  return m ? m[0].length : 0;
}
