// Titles (the first clause of an item, without its number or unit list) and the column marker
// "(专栏N)" of a major project.
import { parseChineseNumeral } from './numerals.ts';
import { skipSpace, trimEnd } from './normalise.ts';
import { firstClauseEnd, pairBrackets } from './text-scan.ts';

const COLUMN = /\(\s*专栏\s*(\d+|[一二三四五六七八九十百]+)[^()]*\)/;

/** The column number of "(专栏N)" in a folded line, if any. */
export function columnOf(folded: string): number | undefined {
  const m = COLUMN.exec(folded);
  if (!m) return undefined;
  const printed = m[1] ?? '';
  const value = /^\d+$/.test(printed) ? Number(printed) : parseChineseNumeral(printed);
  return value !== null && value > 0 ? value : undefined;
}

/**
 * The first clause of [start, end): cut at the first 。,;:!? outside brackets and quotes, with a
 * trailing "(专栏N)" left off.
 */
export function firstClause(original: string, folded: string, start: number, end: number): string {
  const s = skipSpace(folded, start, end);
  const partner = pairBrackets(folded);
  let e = trimEnd(folded, s, firstClauseEnd(folded, s, end, partner));
  if (folded[e - 1] === ')') {
    const open = partner[e - 1] ?? -1;
    if (open >= s && COLUMN.test(folded.slice(open, e))) e = trimEnd(folded, s, open);
  }
  return original.slice(s, e);
}
