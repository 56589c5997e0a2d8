// What the console refuses by the shape of a request, before anything reaches Neo4j: nesting
// that overflows Neo4j's parser (6,000 parentheses left a connection hanging for two minutes,
// issue 16) or the driver's encoder (parameters 40,000 deep), and expressions Neo4j cannot
// interrupt once they run — a catastrophic regular expression, a `range()` of billions, a string
// built by `reduce` over a long range. The launcher's watchdog stops whatever slips through a few
// seconds past its limit; these checks answer at once, with the reason, and cost nothing.
import { HttpError } from '../http-error.ts';
import type { Token } from '../cypher-guard.ts';
import { regexRisk } from './regex-safety.ts';

/** Brackets of any kind open at once in a query; real queries stay below 20. */
export const MAX_QUERY_NESTING = 100;
/** Arrays and objects open at once in a request body; parameters are flat values and short lists. */
export const MAX_BODY_NESTING = 32;
/** Elements a `range()` written with literal bounds may have. */
export const MAX_RANGE_ELEMENTS = 1_000_000;
/**
 * Elements a `reduce` that builds a string may walk: each step copies the string so far, so the
 * work grows with the square (600,000 steps of `s + 'aaaa'` took 48 s).
 */
export const MAX_STRING_REDUCE_ELEMENTS = 10_000;

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without parsing it: a body
 * nested 40,000 deep overflows the stack of JSON.parse, zod and the driver alike.
 */
export function jsonNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (char === 0x5c) at += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x5d || char === 0x7d) {
      depth -= 1;
    }
  }
  return deepest;
}

/** Refuses a request body nested deeper than MAX_BODY_NESTING. */
export function checkBodyNesting(text: string): void {
  const depth = jsonNesting(text);
  if (depth > MAX_BODY_NESTING) {
    throw new HttpError(
      400,
      'params_too_deep',
      `the parameters are nested ${depth} levels deep; the console takes at most ${MAX_BODY_NESTING}`,
    );
  }
}

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** Refuses a query whose brackets nest deeper than MAX_QUERY_NESTING. */
export function checkQueryNesting(tokens: readonly Token[]): void {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind !== 'symbol') continue;
    if (OPENING.has(token.text)) {
      depth += 1;
      if (depth > MAX_QUERY_NESTING) {
        throw new HttpError(
          400,
          'query_too_deep',
          `the query nests brackets more than ${MAX_QUERY_NESTING} deep (at offset ${token.offset}); Neo4j's parser cannot take that`,
        );
      }
    } else if (CLOSING.has(token.text)) {
      depth = Math.max(0, depth - 1);
    }
  }
}

/** A Cypher string literal's value (the token holds its quotes and escapes). */
export function stringValue(literal: string): string {
  const body = literal.slice(
    1,
    literal.endsWith(literal[0] ?? '') && literal.length > 1 ? -1 : undefined,
  );
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (_whole, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
    return simple[escape] ?? escape;
  });
}

/** The index of the bracket closing the one at `open`, or the end of the tokens. */
function closingOf(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let at = open; at < tokens.length; at += 1) {
    const token = tokens[at];
    if (token?.kind !== 'symbol') continue;
    if (OPENING.has(token.text)) depth += 1;
    else if (CLOSING.has(token.text)) {
      depth -= 1;
      if (depth === 0) return at;
    }
  }
  return tokens.length;
}

/** Splits tokens between two brackets at the top-level commas. */
function argumentsOf(tokens: readonly Token[], open: number, close: number): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (let at = open + 1; at < close; at += 1) {
    const token = tokens[at];
    if (token === undefined) break;
    if (token.kind === 'symbol' && OPENING.has(token.text)) depth += 1;
    if (token.kind === 'symbol' && CLOSING.has(token.text)) depth -= 1;
    if (depth === 0 && token.kind === 'symbol' && token.text === ',') parts.push([]);
    else parts[parts.length - 1]?.push(token);
  }
  return parts;
}

/** A whole number written as a literal (`-5`) or given as a parameter; null for anything else. */
function integerOf(tokens: readonly Token[], params: Record<string, unknown>): number | null {
  const [first, second, ...rest] = tokens;
  if (rest.length > 0 || first === undefined) return null;
  let sign = 1;
  let value: Token | undefined = first;
  if (first.kind === 'symbol' && (first.text === '-' || first.text === '+') && second) {
    sign = first.text === '-' ? -1 : 1;
    value = second;
  } else if (second !== undefined) {
    return null;
  }
  if (value.kind === 'number' && /^[0-9]+$/.test(value.text)) return sign * Number(value.text);
  if (value.kind === 'parameter') {
    const given = params[value.text.slice(1)];
    return typeof given === 'number' && Number.isInteger(given) ? sign * given : null;
  }
  return null;
}

/** Elements of `range(start, end[, step])` whose arguments open at `open`; null when not known. */
function rangeSize(
  tokens: readonly Token[],
  open: number,
  params: Record<string, unknown>,
): number | null {
  const close = closingOf(tokens, open);
  const [start, end, step] = argumentsOf(tokens, open, close).map((part) =>
    integerOf(part, params),
  );
  if (start == null || end == null) return null;
  const by = step === undefined ? 1 : step;
  if (by === null || by === 0) return null;
  return Math.max(0, Math.floor((end - start) / by) + 1);
}

const isWord = (token: Token | undefined, word: string) =>
  token?.kind === 'word' && token.text === word;
const isSymbol = (token: Token | undefined, symbol: string) =>
  token?.kind === 'symbol' && token.text === symbol;

/** A function call at `index` (`range(`, not `n.range(` or `{range: 1}`). */
function isCall(tokens: readonly Token[], index: number, word: string): boolean {
  return (
    isWord(tokens[index], word) &&
    isSymbol(tokens[index + 1], '(') &&
    !isSymbol(tokens[index - 1], '.') &&
    !isSymbol(tokens[index - 1], ':')
  );
}

function refuseExpensive(message: string): never {
  throw new HttpError(422, 'expensive_rejected', message);
}

/** The regular expression right of `=~` at `index` (the `~`), checked when it can be read. */
function checkRegex(tokens: readonly Token[], index: number, params: Record<string, unknown>) {
  const operand = tokens[index + 1];
  const after = tokens[index + 2];
  let pattern: string | null = null;
  // A pattern followed by `+` is being built; only a whole literal or parameter can be read.
  if (!isSymbol(after, '+')) {
    if (operand?.kind === 'string') pattern = stringValue(operand.text);
    else if (operand?.kind === 'parameter') {
      const given = params[operand.text.slice(1)];
      if (typeof given === 'string') pattern = given;
      else if (given !== undefined) return; // Neo4j refuses a pattern that is not a string.
    }
  }
  if (pattern === null) {
    refuseExpensive(
      'the console matches =~ only against a pattern written out or given as a parameter, so it can check the pattern first',
    );
  }
  const risk = regexRisk(pattern);
  if (risk !== null)
    refuseExpensive(`the regular expression ${JSON.stringify(pattern)} is refused: ${risk}`);
}

/**
 * Refuses expressions Neo4j cannot interrupt that the text alone shows: a regular expression that
 * can backtrack catastrophically, a literal `range()` over MAX_RANGE_ELEMENTS, a `reduce` that
 * builds a string over a range that is long or of unknown length.
 */
export function checkExpensive(tokens: readonly Token[], params: Record<string, unknown>): void {
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (isSymbol(token, '~') && isSymbol(tokens[index - 1], '=')) {
      checkRegex(tokens, index, params);
    } else if (isCall(tokens, index, 'RANGE')) {
      const size = rangeSize(tokens, index + 1, params);
      if (size !== null && size > MAX_RANGE_ELEMENTS) {
        refuseExpensive(
          `range() would make ${size.toLocaleString('en')} elements; the console takes at most ${MAX_RANGE_ELEMENTS.toLocaleString('en')}`,
        );
      }
    } else if (
      isCall(tokens, index, 'REDUCE') &&
      tokens[index + 2]?.kind === 'word' &&
      isSymbol(tokens[index + 3], '=') &&
      tokens[index + 4]?.kind === 'string'
    ) {
      checkStringReduce(tokens, index, params);
    }
  }
}

/**
 * `reduce(s = '…', x IN list | …)`: no range inside it may be long or of unknown length, however
 * deep (`x IN [y IN range(1, $n) | y]` walks the range all the same).
 */
function checkStringReduce(
  tokens: readonly Token[],
  index: number,
  params: Record<string, unknown>,
) {
  const close = closingOf(tokens, index + 1);
  for (let at = index + 2; at < close; at += 1) {
    if (!isCall(tokens, at, 'RANGE')) continue;
    const size = rangeSize(tokens, at + 1, params);
    if (size === null || size > MAX_STRING_REDUCE_ELEMENTS) {
      refuseExpensive(
        `a reduce() that builds a string over ${size === null ? 'a range of unknown length' : `${size.toLocaleString('en')} elements`} takes time growing with the square of its length; the console takes at most ${MAX_STRING_REDUCE_ELEMENTS.toLocaleString('en')}`,
      );
    }
  }
}
