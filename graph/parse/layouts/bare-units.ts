// Units on a line of their own with no role word at all, under the item they belong to:
//   4.完善城市排水防涝体系,新建改造排水管网120公里。
//   市水务局、市住建局、各区人民政府(列第一位的为牵头单位,下同)
// The role printed is none (""); who leads is the first-listed rule's to say, or — with no rule —
// the units own the item. Nothing but the names vouches for such a line, so every name must read
// as a unit's: an addressee line ("各区人民政府,市直各有关单位:") or a sentence never does.
import type { IssueLog } from '../issues.ts';
import { skipSpace, trimEnd } from '../normalise.ts';
import { suffixRole } from '../roles.ts';
import { pairBrackets, splitTopLevel } from '../text-scan.ts';
import { looksLikeUnitName } from '../units.ts';
import { readUnits, type LineText, type UnitList } from '../unit-list.ts';
import { carriesOn, isRuleNote } from './first-listed.ts';
import { collectivePiece } from './collectives.ts';

/** The role of a unit named with no role word. */
export const NO_ROLE = '';

const TRAILING = new Set(['。', '.', ';', ',', ' ', '\t']);

/** Every name of [start, end), split at "," and "、", reads as a unit (a verb may end a group). */
function allNames(folded: string, start: number, end: number, partner: Int32Array): boolean {
  let count = 0;
  for (const group of splitTopLevel(folded, ',', start, end, partner)) {
    const s = skipSpace(folded, group.start, group.end);
    let e = trimEnd(folded, s, group.end);
    const verb = suffixRole(folded.slice(s, e));
    if (verb) e -= verb.length;
    if (e <= s) return false;
    for (const piece of splitTopLevel(folded, '、', s, e, partner)) {
      const name = folded.slice(
        skipSpace(folded, piece.start, piece.end),
        trimEnd(folded, piece.start, piece.end),
      );
      // "各区、县(市)政府": its pieces are parts of one collective's name.
      if (!looksLikeUnitName(name) && collectivePiece(name) === null) return false;
      count++;
    }
  }
  return count > 0;
}

/**
 * Reads [start, end) of a line as a bare list of units, with an optional first-listed note in
 * brackets after them; null when the line is anything else.
 */
export function readBareList(
  text: LineText,
  start: number,
  end: number,
  log: IssueLog,
): UnitList | null {
  const { folded } = text;
  const partner = pairBrackets(folded);
  const s = skipSpace(folded, start, end);
  let e = end;
  while (e > s && TRAILING.has(folded.charAt(e - 1))) e--;
  if (e <= s || folded.charAt(e - 1) === ':') return null;
  let note: string | null = null;
  if (folded.charAt(e - 1) === ')') {
    const open = partner[e - 1] ?? -1;
    if (open > s && isRuleNote(folded.slice(open + 1, e - 1))) {
      note = folded.slice(open + 1, e - 1);
      e = trimEnd(folded, s, open);
    }
  }
  if (!allNames(folded, s, e, partner)) return null;
  const units = readUnits(text, s, e, NO_ROLE, 'other', log);
  if (units.length === 0) return null;
  return {
    units,
    firstListedLeads: note !== null,
    carryOn: note !== null && carriesOn(note),
    empty: false,
  };
}
