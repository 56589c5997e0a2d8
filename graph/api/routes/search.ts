// The search box and the paths tool's unit fields: every unit and item of the plan(s) ranked for
// what was typed (search.ts), with the full-text indexes filling in what no name matched — items
// whose text holds the words come with a snippet showing them.
import { Hono } from 'hono';
import { z } from 'zod';
import type { SearchHit as AnswerHit } from '../../../contract/api/search.ts';
import type { AnswerCache } from '../answer-cache.ts';
import type { ApiContext } from '../context.ts';
import { findNeo4jError } from '../http-error.ts';
import { lookupRows, type LookupRow } from '../rows.ts';
import {
  luceneQuery,
  rankCandidates,
  snippetOf,
  type SearchCandidate,
  type SearchHit,
} from '../search.ts';
import { Count, Flag, PlanParam, queryOf } from '../validate.ts';

const SearchQuery = z.object({
  q: z.string().trim().min(1, { error: 'type something to search for' }).max(200),
  plan: PlanParam,
  limit: Count(1, 100, 20),
  /** `unit`: units only (the paths tool); `item`: items only; absent: both. */
  kind: z.enum(['unit', 'item']).optional(),
  /**
   * `false`: names and titles only, ranked in memory without asking Neo4j. The search box asks
   * this first and draws it at once, then asks again for what the full-text index adds below.
   */
  fulltext: Flag(true),
});

type FulltextRow = LookupRow<'search-fulltext'>;

/**
 * The candidates of these plans, read once per version of the plans (ApiContext.answersVersion)
 * and kept while it lasts: a plan loaded or replaced makes a new version, read afresh. Not among
 * the API's kept answers, whose age limit (GUATU_ANSWER_CACHE_TTL, a minute by default) would
 * drop what the warming read at start before the first planner types: the first keystroke would
 * then pay for reading every unit and item again. Kept as objects, not JSON, so a keystroke
 * parses nothing; requests arriving together share one read, which no one request's going away
 * cancels. Kept beside the API's answer cache, for as long as it lives; with the cache off
 * (GUATU_ANSWER_CACHE_BYTES=0) nothing is kept here either.
 */
interface KeptCandidates {
  version: string;
  /** By the plans searched (ids joined): the plan named, or all of them. */
  byPlans: Map<string, Promise<SearchCandidate[]>>;
}

// By the answer cache, not the app: `npm start` warms through an app of its own that shares the
// served app's cache (graph/cli/serve.ts), and what it read must be found by the served one.
const keptCandidates = new WeakMap<AnswerCache, KeptCandidates>();

async function candidatesFor(
  api: ApiContext,
  planIds: string[],
  signal: AbortSignal,
): Promise<SearchCandidate[]> {
  if (!api.caching) return readCandidates(api, planIds);
  const version = await api.answersVersion(signal);
  let kept = keptCandidates.get(api.answers);
  // A new version of the plans: whatever was kept for the old one goes.
  if (kept?.version !== version) {
    kept = { version, byPlans: new Map() };
    keptCandidates.set(api.answers, kept);
  }
  const { byPlans } = kept;
  const key = planIds.join('|');
  let candidates = byPlans.get(key);
  if (candidates === undefined) {
    const reading = readCandidates(api, planIds);
    reading.catch(() => {
      if (byPlans.get(key) === reading) byPlans.delete(key);
    });
    byPlans.set(key, reading);
    candidates = reading;
  }
  return candidates;
}

export function searchRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/search', async (c) => {
    const { q, plan, limit, kind, fulltext } = queryOf(c, SearchQuery);
    const signal = c.req.raw.signal;
    const planIds = await api.planIds(plan, signal);
    const all = await candidatesFor(api, planIds, signal);
    const candidates =
      kind === undefined
        ? all
        : all.filter((candidate) => (candidate.kind === 'unit') === (kind === 'unit'));
    const named = rankCandidates(q, candidates, new Map(), limit);
    // The full-text tier only adds below what names found (its tier ranks lowest), so the names'
    // answer is the start of the whole one; a full list needs no more.
    if (named.length >= limit || !fulltext) return c.json(named satisfies AnswerHit[]);
    const rows = await fulltextRows(api, q, planIds, limit, signal);
    const hits = rankCandidates(q, candidates, relevance(rows), limit);
    return c.json(withSnippets(hits, rows, q) satisfies AnswerHit[]);
  });

  return routes;
}

async function readCandidates(api: ApiContext, planIds: string[]): Promise<SearchCandidate[]> {
  const rows = await lookupRows(api, 'search-candidates', { planIds });
  return rows.map((row) => {
    const name = row.name ?? '';
    return {
      ...row,
      label: row.kind === 'unit' || row.ref === null ? name : `${row.ref} ${name}`,
      labelEn: row.englishName,
      name,
    };
  });
}

/**
 * The full-text indexes' hits. An index that is missing (a database loaded by an older loader) or
 * a query Lucene cannot read costs the search its last tier, not its answer.
 */
async function fulltextRows(
  api: ApiContext,
  q: string,
  planIds: string[],
  limit: number,
  signal: AbortSignal,
): Promise<FulltextRow[]> {
  const query = luceneQuery(q);
  if (query === '') return [];
  try {
    return await lookupRows(api, 'search-fulltext', { query, planIds, limit }, signal);
  } catch (error) {
    const code = findNeo4jError(error)?.code ?? '';
    if (code.startsWith('Neo.ClientError.')) return [];
    throw error;
  }
}

/**
 * Each hit's score as a share of the best of its index: Lucene's scores of the unit and the item
 * index are not on one scale.
 */
function relevance(rows: readonly FulltextRow[]): Map<string, number> {
  const best = new Map<boolean, number>();
  for (const row of rows) {
    const unit = row.kind === 'unit';
    best.set(unit, Math.max(best.get(unit) ?? 0, row.score));
  }
  return new Map(
    rows.map((row) => [row.id, row.score / (best.get(row.kind === 'unit') ?? row.score)]),
  );
}

/** Items the index found by their text say so, with the words shown where they stand. */
function withSnippets(hits: SearchHit[], rows: readonly FulltextRow[], q: string): SearchHit[] {
  const texts = new Map(rows.map((row) => [row.id, row.text]));
  return hits.map((hit) => {
    const text = hit.matched === 'fulltext' ? texts.get(hit.id) : undefined;
    const snippet = text === undefined || text === null ? null : snippetOf(text, q);
    return snippet === null ? hit : { ...hit, matched: 'text', snippet };
  });
}
