// Bracket-aware scanning of folded lines. Unit lists nest: a qualifier 〈…〉 holds "、" and ",",
// a name holds "(华中)", a delegated title holds 《…〈…〉…》. Splits and clause cuts happen at
// depth zero only. Each line's brackets are paired once, in one pass with a stack, so every scan
// stays linear even on garbage (a megabyte of "(((" must not go quadratic). A bracket with no
// partner is plain text to the scans; `findImbalance` is what reports it.

const PAIRS = '()〈〉《》【】〔〕[]{}“”‘’「」『』<>';

/** Code unit of the closer for each opener, 0 otherwise; and the reverse. */
const CLOSER = new Uint16Array(0x10000);
const OPENER = new Uint16Array(0x10000);
for (let i = 0; i < PAIRS.length; i += 2) {
  CLOSER[PAIRS.charCodeAt(i)] = PAIRS.charCodeAt(i + 1);
  OPENER[PAIRS.charCodeAt(i + 1)] = PAIRS.charCodeAt(i);
}

/** How far down the stack a closer looks for its opener before it is called stray. */
const REACH = 8;

export interface Span {
  start: number;
  end: number;
}

let stack = new Int32Array(256);
let pairs = new Int32Array(1024);
let lastText: string | null = null;

/**
 * The partner index of every paired bracket of a line, -1 for everything else. A closer pairs
 * with the nearest matching opener within a few levels; openers it skips over stay unpaired.
 *
 * The answer lives in one buffer reused from line to line (a typed array per line would cost an
 * allocation each, a million times over a large plan): it holds for `text` until the next call
 * with another text, and only its first `text.length` entries mean anything.
 */
export function pairBrackets(text: string): Int32Array {
  if (text === lastText) return pairs;
  const n = text.length;
  if (pairs.length < n) pairs = new Int32Array(Math.max(n, pairs.length * 2));
  const partner = pairs;
  partner.fill(-1, 0, n);
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (CLOSER[c] !== 0) {
      if (depth === stack.length) {
        const grown = new Int32Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[depth++] = i;
      continue;
    }
    const open = OPENER[c];
    if (open === 0) continue;
    const floor = Math.max(0, depth - REACH);
    for (let k = depth - 1; k >= floor; k--) {
      const at = stack[k] ?? -1;
      if (text.charCodeAt(at) === open) {
        partner[at] = i;
        partner[i] = at;
        depth = k;
        break;
      }
    }
  }
  lastText = text;
  return partner;
}

const separatorTables = new Map<string, Uint8Array>();

/** A membership table for a set of separator characters (a handful of sets, built once). */
function separatorTable(separators: string): Uint8Array {
  let table = separatorTables.get(separators);
  if (!table) {
    table = new Uint8Array(0x10000);
    for (let i = 0; i < separators.length; i++) table[separators.charCodeAt(i)] = 1;
    separatorTables.set(separators, table);
  }
  return table;
}

/**
 * Calls `visit` with each piece of [start, end) between separators at bracket depth zero; the
 * allocation-free form of `splitTopLevel` for the hot path.
 */
export function forEachTopLevel(
  text: string,
  separators: string,
  start: number,
  end: number,
  partner: Int32Array,
  visit: (start: number, end: number, last: boolean) => void,
): void {
  const isSeparator = separatorTable(separators);
  let from = start;
  for (let i = start; i < end; i++) {
    const p = partner[i] ?? -1;
    if (p > i && p < end) {
      i = p;
      continue;
    }
    if (isSeparator[text.charCodeAt(i)] === 1) {
      visit(from, i, false);
      from = i + 1;
    }
  }
  visit(from, end, true);
}

/** Splits [start, end) at separators that stand at bracket depth zero. */
export function splitTopLevel(
  text: string,
  separators: string,
  start = 0,
  end = text.length,
  partner = pairBrackets(text),
): Span[] {
  const spans: Span[] = [];
  const isSeparator = separatorTable(separators);
  let from = start;
  for (let i = start; i < end; i++) {
    const p = partner[i] ?? -1;
    if (p > i && p < end) {
      i = p;
      continue;
    }
    if (isSeparator[text.charCodeAt(i)] === 1) {
      spans.push({ start: from, end: i });
      from = i + 1;
    }
  }
  spans.push({ start: from, end });
  return spans;
}

/** Top-level "(…)" groups in [start, end), in order. */
export function topLevelGroups(
  text: string,
  start = 0,
  end = text.length,
  partner = pairBrackets(text),
): Span[] {
  const groups: Span[] = [];
  for (let i = start; i < end; i++) {
    const p = partner[i] ?? -1;
    if (p > i && p < end) {
      if (text[i] === '(') groups.push({ start: i, end: p + 1 });
      i = p;
    }
  }
  return groups;
}

const BALANCED = '()〈〉《》【】〔〕“”「」『』';
const BALANCED_CLOSER = new Uint16Array(0x10000);
const BALANCED_OPENER = new Uint16Array(0x10000);
for (let i = 0; i < BALANCED.length; i += 2) {
  BALANCED_CLOSER[BALANCED.charCodeAt(i)] = BALANCED.charCodeAt(i + 1);
  BALANCED_OPENER[BALANCED.charCodeAt(i + 1)] = BALANCED.charCodeAt(i);
}

/**
 * Index of the first bracket without a partner in [start, end), or -1. Only the pairs a printed
 * notice always closes are checked: "<" and "[" are too often plain text.
 */
export function findImbalance(text: string, start = 0, end = text.length): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (BALANCED_CLOSER[c] !== 0) {
      if (depth === stack.length) {
        const grown = new Int32Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[depth++] = i;
      continue;
    }
    const opener = BALANCED_OPENER[c];
    if (opener === 0) continue;
    if (depth === 0 || text.charCodeAt(stack[depth - 1] ?? -1) !== opener) return i;
    depth--;
  }
  return depth > 0 ? (stack[0] ?? -1) : -1;
}

const CLAUSE_END_TABLE = separatorTable('。,;:!?');
const DIGIT = /[0-9]/;

/**
 * End of the first clause in [start, end): the first 。,;:!? at depth zero. A comma or colon
 * between digits (12,000 · 4:30) does not end a clause.
 */
export function firstClauseEnd(
  text: string,
  start: number,
  end: number,
  partner = pairBrackets(text),
): number {
  for (let i = start; i < end; i++) {
    const p = partner[i] ?? -1;
    if (p > i && p < end) {
      i = p;
      continue;
    }
    if (CLAUSE_END_TABLE[text.charCodeAt(i)] !== 1) continue;
    const ch = text.charAt(i);
    if (
      (ch === ',' || ch === ':') &&
      DIGIT.test(text[i - 1] ?? '') &&
      DIGIT.test(text[i + 1] ?? '')
    ) {
      continue;
    }
    return i;
  }
  return end;
}
