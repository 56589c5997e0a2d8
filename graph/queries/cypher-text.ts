// Reading Cypher text without a Cypher parser: enough to keep the `cypher/` headers honest (the
// parameters a body uses, the columns its final RETURN names) and to read the literal example
// values a header gives in Neo4j Browser's `:param name => value` form. Pure: text in, data out.

/** A value written as a Cypher literal: what a `:param` line can hold. */
export type CypherLiteral = null | boolean | number | string | CypherLiteral[];

/**
 * The text with comments and string literals blanked out (same length, newlines kept), so that a
 * `$name` or `RETURN` inside either is not mistaken for code. Backtick-quoted names are kept.
 */
export function blankCommentsAndStrings(text: string): string {
  let out = '';
  let index = 0;
  const blank = (piece: string) => piece.replace(/[^\n]/g, ' ');
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if (char === '/' && next === '/') {
      const end = text.indexOf('\n', index);
      const stop = end === -1 ? text.length : end;
      out += blank(text.slice(index, stop));
      index = stop;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += blank(text.slice(index, stop));
      index = stop;
    } else if (char === "'" || char === '"') {
      const stop = endOfQuoted(text, index);
      // Keep the quotes so the shape (a literal stood here) survives; blank what is inside.
      out += char + blank(text.slice(index + 1, stop - 1)) + (stop - 1 > index ? char : '');
      index = stop;
    } else if (char === '`') {
      const end = text.indexOf('`', index + 1);
      const stop = end === -1 ? text.length : end + 1;
      out += text.slice(index, stop);
      index = stop;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

/** Index just past the closing quote of the string literal opening at `start`. */
function endOfQuoted(text: string, start: number): number {
  const quote = text[start];
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === quote) return index + 1;
    index += 1;
  }
  return text.length;
}

/** The distinct `$parameter` names a query text uses, in order of first use. */
export function parametersUsed(text: string): string[] {
  const code = blankCommentsAndStrings(text);
  const names: string[] = [];
  for (const match of code.matchAll(/\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`)/g)) {
    const name = match[1] ?? match[2];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Positions of `keyword` (a whole word, any case) outside brackets, in text already blanked. */
function topLevelKeywords(code: string, keyword: RegExp): number[] {
  const found: number[] = [];
  let depth = 0;
  for (let index = 0; index < code.length; index += 1) {
    const char = code[index];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    else if (
      depth === 0 &&
      /[A-Za-z]/.test(char ?? '') &&
      !/[A-Za-z0-9_$.]/.test(code[index - 1] ?? ' ')
    ) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(code.slice(index))?.[0] ?? '';
      if (keyword.test(word)) found.push(index);
      index += word.length - 1;
    }
  }
  return found;
}

/** Splits on commas that are outside brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

export interface ReturnColumns {
  /** The alias of each returned item, in order; null where an item has no `AS`. */
  aliases: (string | null)[];
}

/**
 * The columns of the query's final RETURN (the last one outside any subquery), or null when the
 * text has none. Each item's alias is what follows its last top-level `AS`.
 */
export function finalReturnColumns(text: string): ReturnColumns | null {
  const code = blankCommentsAndStrings(text);
  const returns = topLevelKeywords(code, /^return$/i);
  const last = returns.at(-1);
  if (last === undefined) return null;
  let clause = code.slice(last + 'RETURN'.length);
  const ends = topLevelKeywords(clause, /^(order|skip|limit|union)$/i);
  if (ends[0] !== undefined) clause = clause.slice(0, ends[0]);
  clause = clause.replace(/^\s*distinct\b/i, '');
  const aliases = splitTopLevel(clause).map((item) => {
    const match = /\bAS\s+(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`)\s*$/i.exec(item.trim());
    return match === null ? null : (match[1] ?? match[2] ?? null);
  });
  return { aliases };
}

/** Thrown when a literal cannot be read; `message` says what was expected and where. */
export class LiteralError extends Error {
  override readonly name = 'LiteralError';
}

/**
 * Reads one Cypher literal: a string in single or double quotes, an integer, a float, true,
 * false, null, or a list of those. Integers and floats are told apart by how they are written
 * (`10` against `10.0`), which is how Cypher itself types them.
 */
export function parseCypherLiteral(source: string): { value: CypherLiteral; integer: boolean } {
  let index = 0;
  const text = source.trim();
  const fail = (expected: string): never => {
    throw new LiteralError(
      `expected ${expected} at column ${index + 1} of ${JSON.stringify(source.trim())}`,
    );
  };
  const skipSpace = () => {
    while (/\s/.test(text[index] ?? '')) index += 1;
  };
  let topIsInteger = false;

  const readValue = (): CypherLiteral => {
    skipSpace();
    const char = text[index];
    if (char === "'" || char === '"') return readString();
    if (char === '[') return readList();
    const number = /^-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(index));
    if (number !== null) {
      index += number[0].length;
      topIsInteger = /^-?\d+$/.test(number[0]);
      return Number(number[0]);
    }
    const word = /^[A-Za-z]+/.exec(text.slice(index))?.[0].toLowerCase();
    if (word === 'true' || word === 'false' || word === 'null') {
      index += word.length;
      topIsInteger = false;
      return word === 'null' ? null : word === 'true';
    }
    return fail('a string, number, boolean, null or list');
  };

  const readString = (): string => {
    const quote = text[index];
    index += 1;
    let value = '';
    while (index < text.length && text[index] !== quote) {
      const char = text[index] ?? '';
      if (char === '\\') {
        const escaped = text[index + 1] ?? '';
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
        if (escaped === 'u') {
          const hex = text.slice(index + 2, index + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('four hex digits after \\u');
          value += String.fromCharCode(parseInt(hex, 16));
          index += 6;
          continue;
        }
        value += simple[escaped] ?? escaped;
        index += 2;
        continue;
      }
      value += char;
      index += 1;
    }
    if (text[index] !== quote) fail(`a closing ${quote}`);
    index += 1;
    topIsInteger = false;
    return value;
  };

  const readList = (): CypherLiteral[] => {
    index += 1;
    const items: CypherLiteral[] = [];
    skipSpace();
    if (text[index] === ']') {
      index += 1;
      return items;
    }
    for (;;) {
      items.push(readValue());
      skipSpace();
      if (text[index] === ',') {
        index += 1;
        continue;
      }
      if (text[index] === ']') {
        index += 1;
        topIsInteger = false;
        return items;
      }
      return fail('"," or "]"');
    }
  };

  const value = readValue();
  skipSpace();
  if (index < text.length) fail('the end of the value');
  return { value, integer: topIsInteger };
}
