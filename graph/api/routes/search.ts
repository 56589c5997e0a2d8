// The search box: every unit and item of the plan(s) ranked for what was typed (search.ts), with
// the full-text index filling in what no name matched.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiContext } from '../context.ts';
import { findNeo4jError } from '../http-error.ts';
import { luceneQuery, rankCandidates, type SearchCandidate } from '../search.ts';
import { Count, PlanParam, queryOf } from '../validate.ts';

const SearchQuery = z.object({
  q: z.string().trim().min(1, { error: 'type something to search for' }).max(200),
  plan: PlanParam,
  limit: Count(1, 100, 20),
});

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

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
    const { q, plan, limit } = queryOf(c, SearchQuery);
    const signal = c.req.raw.signal;
    const planIds = await api.planIds(plan, signal);
    const candidates = await candidatesFor(api, planIds, signal);
    const named = rankCandidates(q, candidates, new Map(), limit);
    // The full-text tier only adds to what names found; a full list needs no more.
    if (named.length >= limit) return c.json(named);
    const fulltext = await fulltextHits(api, q, planIds, limit, signal);
    return c.json(rankCandidates(q, candidates, fulltext, limit));
  });

  return routes;
}

async function readCandidates(
  api: ApiContext,
  planIds: string[],
  signal: AbortSignal,
): Promise<SearchCandidate[]> {
  const { records } = await api.lookup('search-candidates', { planIds }, signal);
  return records.map((record) => {
    const kind = String(record.get('kind'));
    const name = String(record.get('name') ?? '');
    const ref = stringOrNull(record.get('ref'));
    const englishName = stringOrNull(record.get('englishName'));
    return {
      id: String(record.get('id')),
      kind,
      label: kind === 'unit' || ref === null ? name : `${ref} ${name}`,
      labelEn: englishName,
      fullName: stringOrNull(record.get('fullName')),
      name,
      aliases: strings(record.get('aliases')),
      englishName,
      ref,
      pinyin: stringOrNull(record.get('pinyin')),
      pinyinInitials: stringOrNull(record.get('pinyinInitials')),
    };
  });
}

/**
 * The full-text index's hits. An index that is missing (a database loaded by an older loader) or
 * a query Lucene cannot read costs the search its last tier, not its answer.
 */
async function fulltextHits(
  api: ApiContext,
  q: string,
  planIds: string[],
  limit: number,
  signal: AbortSignal,
): Promise<Map<string, number>> {
  const query = luceneQuery(q);
  if (query === '') return new Map();
  try {
    const { records } = await api.lookup('search-fulltext', { query, planIds, limit }, signal);
    return new Map(
      records.map((record) => [String(record.get('id')), Number(record.get('score'))]),
    );
  } catch (error) {
    const code = findNeo4jError(error)?.code ?? '';
    if (code.startsWith('Neo.ClientError.')) return new Map();
    throw error;
  }
}
