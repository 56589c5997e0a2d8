// Ranking the search box's candidates for what a planner typed: a unit's short name, full name,
// alias, English name, pinyin or pinyin initials ("fgw" → 市发改委), or words of an item's title,
// in Simplified or Traditional. Pure: the candidates and the full-text hits come from Neo4j, the
// order is decided here, so it is tested without a database.
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
  | 'fulltext';

export interface SearchHit {
  id: string;
  kind: string;
  label: string;
  labelEn: string | null;
  fullName: string | null;
  /** Which of the candidate's names the query matched. */
  matched: MatchedField;
  score: number;
}

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

/**
 * The query as a Lucene query for Neo4j's full-text index: every special character escaped, so a
 * planner's `(一)` or `C++` is text, not syntax.
 */
export function luceneQuery(rawQuery: string): string {
  const { text } = normaliseQuery(rawQuery);
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
}
