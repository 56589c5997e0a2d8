// The search box: every unit and item of the plan(s) ranked for what was typed (search.ts), with
// the full-text index filling in what no name matched.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiContext, PlanSummary } from '../context.ts';
import { findNeo4jError } from '../http-error.ts';
import { luceneQuery, rankCandidates, type SearchCandidate } from '../search.ts';
import { Count, PlanParam, queryOf } from '../validate.ts';

const SearchQuery = z.object({
  q: z.string().trim().min(1, { error: 'type something to search for' }).max(200),
  plan: PlanParam,
  limit: Count(1, 100, 20),
});

/**
 * The candidates change only when a plan is loaded or replaced, which changes the plan's text
 * checksum or counts; they are reused while those stay the same, for at most this long (a reload
 * of the same text with a changed unit dictionary shows within it).
 */
const CANDIDATES_TTL_MS = 60_000;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What the candidates of these plans depend on. */
const versionOf = (plans: readonly PlanSummary[]) =>
  plans
    .map(
      (plan) =>
        `${plan.id}@${plan.sourceSha256}:${plan.itemCount}:${plan.unitCount}:${plan.edgeCount}`,
    )
    .sort()
    .join('|');

export function searchRoutes(api: ApiContext): Hono {
  const routes = new Hono();
  let cached: { version: string; at: number; candidates: Promise<SearchCandidate[]> } | null = null;

  const candidatesFor = (plans: readonly PlanSummary[]): Promise<SearchCandidate[]> => {
    const version = versionOf(plans);
    const now = Date.now();
    if (cached !== null && cached.version === version && now - cached.at < CANDIDATES_TTL_MS) {
      return cached.candidates;
    }
    // Not tied to one request's signal: the requests arriving meanwhile share this read.
    const candidates = readCandidates(
      api,
      plans.map((plan) => plan.id),
    );
    const entry = { version, at: now, candidates };
    cached = entry;
    candidates.catch(() => {
      if (cached === entry) cached = null;
    });
    return candidates;
  };

  routes.get('/search', async (c) => {
    const { q, plan, limit } = queryOf(c, SearchQuery);
    const signal = c.req.raw.signal;
    const planIds = await api.planIds(plan, signal);
    const plans = (await api.plans(signal)).filter((each) => planIds.includes(each.id));
    const candidates = await candidatesFor(plans);
    const named = rankCandidates(q, candidates, new Map(), limit);
    // The full-text tier only adds to what names found; a full list needs no more.
    if (named.length >= limit) return c.json(named);
    const fulltext = await fulltextHits(api, q, planIds, limit, signal);
    return c.json(rankCandidates(q, candidates, fulltext, limit));
  });

  return routes;
}

async function readCandidates(api: ApiContext, planIds: string[]): Promise<SearchCandidate[]> {
  const { records } = await api.lookup('search-candidates', { planIds });
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
