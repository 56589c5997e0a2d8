// The search box and the paths tool's unit fields: every unit and item of the plan(s) ranked for
// what was typed (search.ts), with the full-text indexes filling in what no name matched — items
// whose text holds the words come with a snippet showing them.
import { Hono } from 'hono';
import { z } from 'zod';
import type { SearchHit as AnswerHit } from '../../../contract/api/search.ts';
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
import { Count, PlanParam, queryOf } from '../validate.ts';

const SearchQuery = z.object({
  q: z.string().trim().min(1, { error: 'type something to search for' }).max(200),
  plan: PlanParam,
  limit: Count(1, 100, 20),
  /** `unit`: units only (the paths tool); `item`: items only; absent: both. */
  kind: z.enum(['unit', 'item']).optional(),
});

type FulltextRow = LookupRow<'search-fulltext'>;

/**
 * The candidates of these plans, kept among the API's answers (ApiContext.keptAnswer): the same
 * version of the plans and the same age limit as every other kept answer, so a plan loaded or
 * replaced refreshes them with the rest. Kept apart from the search's own answers, which are
 * kept per query: each new keystroke is a query not asked before, ranked here in memory.
 */
async function candidatesFor(
  api: ApiContext,
  planIds: string[],
  signal: AbortSignal,
): Promise<SearchCandidate[]> {
  const key = `search-candidates?plans=${planIds.join('|')}`;
  const version = await api.answersVersion(signal);
  const kept = api.keptAnswer(version, key);
  if (kept !== undefined) return JSON.parse(kept) as SearchCandidate[];
  const candidates = await readCandidates(api, planIds, signal);
  api.keepAnswer(version, key, JSON.stringify(candidates));
  return candidates;
}

export function searchRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/search', async (c) => {
    const { q, plan, limit, kind } = queryOf(c, SearchQuery);
    const signal = c.req.raw.signal;
    const planIds = await api.planIds(plan, signal);
    const all = await candidatesFor(api, planIds, signal);
    const candidates =
      kind === undefined
        ? all
        : all.filter((candidate) => (candidate.kind === 'unit') === (kind === 'unit'));
    const named = rankCandidates(q, candidates, new Map(), limit);
    // The full-text tier only adds to what names found; a full list needs no more.
    if (named.length >= limit) return c.json(named satisfies AnswerHit[]);
    const rows = await fulltextRows(api, q, planIds, limit, signal);
    const hits = rankCandidates(q, candidates, relevance(rows), limit);
    return c.json(withSnippets(hits, rows, q) satisfies AnswerHit[]);
  });

  return routes;
}

async function readCandidates(
  api: ApiContext,
  planIds: string[],
  signal: AbortSignal,
): Promise<SearchCandidate[]> {
  const rows = await lookupRows(api, 'search-candidates', { planIds }, signal);
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
