// Whether a regular expression may backtrack catastrophically. Neo4j matches `=~` with Java's
// backtracking engine, inside one expression, where a transaction's termination is never
// checked: `'aaaa…!' =~ '(.*a){20}b'` held a core for hours (issue 16). The launcher's watchdog
// stops such a query a few seconds past its limit; refusing the known shapes up front spares even
// those seconds and tells the planner why.
//
// The rule is deliberately simple and conservative, on the pattern's structure alone:
//   - a repeated group (`*`, `+`, `{n,}`, `{n,m}` with m > 1) that itself holds a repetition
//     (`(a+)+`, `(.*a){20}`: exponential) or an alternation (`(a|a)*`: exponential when the
//     branches overlap, and telling whether they do is an analyser's job);
//   - a back-reference (`\1`, `\k<name>`): matching with one is NP-hard in general.
// Everything a planner writes to find names (`.*发改委.*`, `^(市|区)`, `[0-9]{4}`) passes.
// A full analyser (recheck, which also finds polynomial cases such as `.*a.*a.*a`) can replace
// `regexRisk` without its callers changing.

/** How the pattern could run away, or null when its structure shows no such risk. */
export function regexRisk(pattern: string): string | null {
  interface Group {
    repeats: boolean;
    alternates: boolean;
  }
  const stack: Group[] = [{ repeats: false, alternates: false }];
  const top = (): Group => stack[stack.length - 1] ?? { repeats: false, alternates: false };
  let at = 0;

  /** Reads a quantifier at `at`, if any: whether it repeats (upper bound above 1). */
  const quantifier = (): boolean | null => {
    const char = pattern[at];
    let repeats: boolean | null = null;
    if (char === '*' || char === '+') {
      repeats = true;
      at += 1;
    } else if (char === '?') {
      repeats = false;
      at += 1;
    } else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 24));
      if (match === null) return null;
      const upper =
        match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
      repeats = upper > 1;
      at += match[0].length;
    }
    // Lazy (`*?`) and possessive (`*+`) forms repeat all the same.
    if (repeats !== null && (pattern[at] === '?' || pattern[at] === '+')) at += 1;
    return repeats;
  };

  while (at < pattern.length) {
    const char = pattern[at];
    if (char === '\\') {
      const next = pattern[at + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') {
        return `it refers back to a group (\\${next}), which can take exponential time to match`;
      }
      // \Q…\E quotes everything between.
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', at + 2);
        at = end === -1 ? pattern.length : end + 2;
      } else {
        at += 2;
      }
      if (quantifier() === true) top().repeats = true;
    } else if (char === '[') {
      at = endOfClass(pattern, at);
      if (quantifier() === true) top().repeats = true;
    } else if (char === '(') {
      at += 1;
      // Inline flags `(?i)` hold nothing; `(?i:…)`, `(?:…)`, `(?<name>…)`, lookarounds do.
      const flags = /^\?[a-zA-Z-]*\)/.exec(pattern.slice(at, at + 16));
      if (flags !== null) {
        at += flags[0].length;
        continue;
      }
      stack.push({ repeats: false, alternates: false });
    } else if (char === ')') {
      at += 1;
      const inner = stack.length > 1 ? stack.pop() : undefined;
      const repeated = quantifier() === true;
      if (inner !== undefined && repeated && (inner.repeats || inner.alternates)) {
        return inner.repeats
          ? 'a repeated group holds another repetition (such as (a+)+ or (.*a){20}), which can take exponential time to match'
          : 'a repeated group holds alternatives (such as (a|ab)*), which can take exponential time to match; a character class ([ab]) is safe';
      }
      if (inner !== undefined && (repeated || inner.repeats)) top().repeats = true;
    } else if (char === '|') {
      top().alternates = true;
      at += 1;
    } else {
      at += 1;
      if (quantifier() === true) top().repeats = true;
    }
  }
  return null;
}

/** The index just past the character class opening at `start`; Java's classes nest (`[a&&[^b]]`). */
function endOfClass(pattern: string, start: number): number {
  let depth = 0;
  let at = start;
  while (at < pattern.length) {
    const char = pattern[at];
    if (char === '\\') {
      at += 2;
      continue;
    }
    if (char === '[') {
      depth += 1;
      // A `]` first in a class (`[]a]`, `[^]a]`) is a literal.
      at += 1;
      if (pattern[at] === '^') at += 1;
      if (pattern[at] === ']') at += 1;
      continue;
    }
    if (char === ']') {
      depth -= 1;
      at += 1;
      if (depth === 0) return at;
      continue;
    }
    at += 1;
  }
  return pattern.length;
}
