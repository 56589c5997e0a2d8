// Ranking the search box's candidates for what a planner typed: a unit's short name, full name,
// alias, English name, pinyin or pinyin initials ("fgw" → 市发改委), words of an item's title, or
// (through the full-text index) words of an item's text, in Simplified or Traditional. Pure: the
// candidates and the full-text hits come from Neo4j, the order and the snippets are decided here,
// so they are tested without a database.
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 't', to: 'cn' });

/** One thing the search can find; units carry their names, items their ref and title. */
export interface SearchCandidate {
  id: string;
  kind: string;
  label: string;
  labelEn: string | null;
  fullName: string | null;
  /** Units: the canonical short name. Items: the title. */
  name: string;
  aliases: readonly string[];
  englishName: string | null;
  /** Items: the printed reference (二(一)1). */
  ref: string | null;
  /** Full pinyin, syllables separated by spaces (`shi fa gai wei`). */
  pinyin: string | null;
  /** `sfgw`. */
  pinyinInitials: string | null;
}

export type MatchedField =
  | 'name'
  | 'alias'
  | 'fullName'
  | 'englishName'
  | 'ref'
  | 'title'
  | 'pinyin'
  | 'initials'
  /** The full-text index found it (a unit's other names, an item's title words). */
  | 'fulltext'
  /** The words are in the item's text: the hit carries a snippet. */
  | 'text';

/**
 * A piece of the text around the words found; `match` pieces are the words. Plain text, never
 * markup: the page shows the pieces as text and marks the matches itself, so a plan's text cannot
 * inject anything.
 */
export interface SnippetPart {
  text: string;
  match: boolean;
}

// A type alias, not an interface: only an alias is assignable to the contract's loose SearchHit
// (contract/api/search.ts), which the route's answer satisfies.
export type SearchHit = {
  id: string;
  kind: string;
  label: string;
  labelEn: string | null;
  fullName: string | null;
  /** Which of the candidate's names the query matched. */
  matched: MatchedField;
  /** The query is one of its names as a whole: the paths tool takes such a unit without asking. */
  exact: boolean;
  /** Where the words stand in the item's text (matched `text`), else null. */
  snippet: SnippetPart[] | null;
  score: number;
};

/**
 * Tiers, best first: the whole name, its start, the pinyin initials, anywhere inside, and only
 * then what the full-text index found. A tier's base leaves room for a bonus below the next one.
 */
export const TIER = { exact: 100, prefix: 80, initials: 60, substring: 40, fulltext: 20 } as const;

export interface NormalisedQuery {
  /** As typed, trimmed, Traditional folded to Simplified. */
  text: string;
  /** Lower case, for English names and pinyin. */
  lower: string;
  /** Lower case without spaces or apostrophes: `fa gai wei`, `fa'gai'wei` → `fagaiwei`. */
  compact: string;
  /** Letters only: worth comparing with pinyin and initials. */
  latin: boolean;
}

export function normaliseQuery(raw: string): NormalisedQuery {
  const text = toSimplified(raw.normalize('NFKC').trim().replace(/\s+/g, ' '));
  const lower = text.toLowerCase();
  const compact = lower.replace(/[\s']/g, '');
  return { text, lower, compact, latin: /^[a-z]+$/.test(compact) };
}

interface Match {
  tier: number;
  matched: MatchedField;
  /** How much of the matched name the query covers (0–1): a closer fit ranks first in a tier. */
  cover: number;
}

function better(a: Match | null, b: Match | null): Match | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.tier !== b.tier) return a.tier > b.tier ? a : b;
  return a.cover >= b.cover ? a : b;
}

/** Compares one name with the query: exact, prefix or substring, or nothing. */
function compare(name: string | null, query: string, matched: MatchedField): Match | null {
  if (name === null || name === '' || query === '') return null;
  const cover = query.length / name.length;
  if (name === query) return { tier: TIER.exact, matched, cover: 1 };
  if (name.startsWith(query)) return { tier: TIER.prefix, matched, cover };
  if (name.includes(query)) return { tier: TIER.substring, matched, cover };
  return null;
}

function matchCandidate(candidate: SearchCandidate, query: NormalisedQuery): Match | null {
  const isUnit = candidate.kind === 'unit';
  let best: Match | null = null;
  // Chinese names are compared as typed (after folding); English names ignoring case.
  best = better(best, compare(candidate.name, query.text, isUnit ? 'name' : 'title'));
  for (const alias of candidate.aliases) best = better(best, compare(alias, query.text, 'alias'));
  best = better(best, compare(candidate.fullName, query.text, 'fullName'));
  best = better(
    best,
    compare(candidate.englishName?.toLowerCase() ?? null, query.lower, 'englishName'),
  );
  if (candidate.ref !== null && candidate.ref === query.text) {
    best = better(best, { tier: TIER.exact, matched: 'ref', cover: 1 });
  }
  if (query.latin && query.compact.length >= 2) {
    const pinyin = candidate.pinyin?.toLowerCase().replace(/[\s']/g, '') ?? null;
    best = better(best, compare(pinyin, query.compact, 'pinyin'));
    const initials = candidate.pinyinInitials?.toLowerCase() ?? null;
    // Initials count as one tier whether they start the name or not: "fgw" means 市发改委,
    // whose 市 (s) nobody types.
    if (initials !== null && initials.includes(query.compact)) {
      best = better(best, {
        tier: TIER.initials,
        matched: 'initials',
        cover: query.compact.length / initials.length,
      });
    }
  }
  return best;
}

/**
 * The candidates that match, best first, at most `limit`. `fulltext` holds the index's hits
 * (candidate id → Lucene score) for candidates no name matched. Within a tier units come before
 * items (a planner types a bureau far more often than a title), then closer fits, then shorter
 * labels, then ids, so the order is total and stable.
 */
export function rankCandidates(
  rawQuery: string,
  candidates: readonly SearchCandidate[],
  fulltext: ReadonlyMap<string, number> = new Map(),
  limit = 20,
): SearchHit[] {
  const query = normaliseQuery(rawQuery);
  if (query.text === '') return [];
  const maxFulltext = Math.max(0, ...fulltext.values());
  const scored: { hit: SearchHit; cover: number }[] = [];
  for (const candidate of candidates) {
    let match = matchCandidate(candidate, query);
    const fulltextScore = fulltext.get(candidate.id);
    if (match === null && fulltextScore !== undefined && maxFulltext > 0) {
      match = { tier: TIER.fulltext, matched: 'fulltext', cover: fulltextScore / maxFulltext };
    }
    if (match === null) continue;
    const bonus = (candidate.kind === 'unit' ? 10 : 0) + 9 * match.cover;
    scored.push({
      cover: match.cover,
      hit: {
        id: candidate.id,
        kind: candidate.kind,
        label: candidate.label,
        labelEn: candidate.labelEn,
        fullName: candidate.fullName,
        matched: match.matched,
        exact: match.tier === TIER.exact,
        snippet: null,
        score: Math.round((match.tier + bonus) * 100) / 100,
      },
    });
  }
  scored.sort(
    (a, b) =>
      b.hit.score - a.hit.score ||
      a.hit.label.length - b.hit.label.length ||
      (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0),
  );
  return scored.slice(0, limit).map((entry) => entry.hit);
}

/** The words typed, as the planner spaced them; bare punctuation (`(`, `*`) is no word. */
export function queryWords(rawQuery: string): string[] {
  return normaliseQuery(rawQuery)
    .text.split(' ')
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * The query as a Lucene query for Neo4j's full-text index: each word a quoted phrase, every word
 * required. Quoted, a word is text, never syntax (`AND`, `(一)`, `C++`, `*`), and the CJK
 * analyzer's bigrams of 示范区 must stand next to each other, as in the text, instead of any one
 * of them matching. Empty when nothing is left to look for.
 */
export function luceneQuery(rawQuery: string): string {
  return queryWords(rawQuery)
    .map((word) => `"${word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&')}"`)
    .join(' AND ');
}

/** Characters of text shown before a word found, and in a stretch around it. */
const SNIPPET_BEFORE = 16;
const SNIPPET_LENGTH = 60;
/** A word that the first stretch leaves out gets a shorter stretch of its own. */
const SNIPPET_MORE_LENGTH = 30;

interface Stretch {
  start: number;
  end: number;
}

/**
 * The pieces of an item's text around the query's words, every word in them marked: a stretch
 * around the first word found, and one around each other word it leaves out, `…` between; null
 * when none of the words is in the text as typed (the index found them otherwise).
 */
export function snippetOf(text: string, rawQuery: string): SnippetPart[] | null {
  const words = queryWords(rawQuery).map((word) => word.toLowerCase());
  if (words.length === 0) return null;
  // Longest first, so 示范区 wins over 示范 where both are typed.
  const pattern = new RegExp(
    [...words]
      .sort((a, b) => b.length - a.length)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'giu',
  );
  const matches = [...text.matchAll(pattern)].map((found) => ({
    start: found.index,
    end: found.index + found[0].length,
    word: found[0].toLowerCase(),
  }));
  const first = matches[0];
  if (first === undefined) return null;
  const around = (match: Stretch, length: number): Stretch => {
    const start = Math.max(0, match.start - SNIPPET_BEFORE);
    return { start, end: Math.max(match.end, Math.min(text.length, start + length)) };
  };
  const stretches = [around(first, SNIPPET_LENGTH)];
  const shown = (match: Stretch) =>
    stretches.some((s) => s.start <= match.start && match.end <= s.end);
  for (const word of words) {
    const own = matches.filter((match) => match.word === word);
    if (own.length > 0 && !own.some(shown))
      stretches.push(around(own[0] ?? first, SNIPPET_MORE_LENGTH));
  }
  stretches.sort((a, b) => a.start - b.start);
  const merged: Stretch[] = [];
  for (const stretch of stretches) {
    const last = merged[merged.length - 1];
    if (last !== undefined && stretch.start <= last.end) last.end = Math.max(last.end, stretch.end);
    else merged.push({ ...stretch });
  }
  const parts: SnippetPart[] = [];
  const plain = (from: number, to: number) => {
    if (to > from) parts.push({ text: text.slice(from, to), match: false });
  };
  for (const stretch of merged) {
    if (stretch.start > 0) parts.push({ text: '…', match: false });
    let at = stretch.start;
    for (const match of matches) {
      if (match.start < stretch.start || match.start >= stretch.end) continue;
      // A word cut by the stretch's end is shown whole.
      stretch.end = Math.max(stretch.end, match.end);
      plain(at, match.start);
      parts.push({ text: text.slice(match.start, match.end), match: true });
      at = match.end;
    }
    plain(at, stretch.end);
  }
  if ((merged[merged.length - 1]?.end ?? 0) < text.length) parts.push({ text: '…', match: false });
  return parts;
}
