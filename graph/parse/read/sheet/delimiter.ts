// The delimiter of a CSV file. Excel writes "," — or ";" where the system's list separator is
// the comma's decimal role (European locales), and "\t" for "Unicode text"; an "sep=;" first
// line says it outright. Otherwise the delimiter is the one that splits most lines into the same
// number of fields, quotes respected: Chinese text carries a stray half-width "," or ";" here
// and there, but not in the same count on every line.

export type Delimiter = ',' | '\t' | ';';

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];
const SAMPLE_LINES = 100;
/** The head of the file is enough: a delimiter shows on the first lines. */
const SAMPLE_CHARS = 1 << 16;

/** An Excel "sep=X" hint on the first line, if the file has one. */
export function separatorHint(text: string): { delimiter: Delimiter; length: number } | null {
  const hint = /^sep=([,\t;])[ \t]*(?:\r\n|\n|\r|$)/.exec(text);
  return hint ? { delimiter: hint[1] as Delimiter, length: hint[0].length } : null;
}

/** Fields per record for each candidate, over the first records of the text. */
function fieldCounts(whole: string, delimiter: Delimiter): number[] {
  const text = whole.slice(0, SAMPLE_CHARS);
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length && counts.length < SAMPLE_LINES; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === delimiter) fields++;
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (!empty) counts.push(fields);
      fields = 1;
      empty = true;
      continue;
    }
    if (ch !== ' ') empty = false;
  }
  // The last line counts when it is whole, not when the sample cut it.
  if (!empty && counts.length < SAMPLE_LINES && text.length === whole.length) counts.push(fields);
  return counts;
}

/**
 * The delimiter that gives most records the same field count (of two at least); "," where none
 * does, as Excel would assume.
 */
export function sniffDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of CANDIDATES) {
    const counts = fieldCounts(text, delimiter);
    const modal = new Map<number, number>();
    for (const n of counts) if (n >= 2) modal.set(n, (modal.get(n) ?? 0) + 1);
    // Lines at the modal count, weighted a little by the count: a real delimiter splits a row
    // into its columns, an accidental one into two halves.
    let score = 0;
    for (const [fields, lines] of modal) score = Math.max(score, lines + fields / 100);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
