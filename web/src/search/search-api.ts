// The one search the app asks (GET /api/search): the main search box for anything, the paths
// tool's unit fields for units only. Its answer is the contract's SearchHit with what the API adds
// for a hit found in an item's text: where, and the words in place.
import * as z from 'zod/mini';
import { ApiError, type ApiClient } from '../api/client.ts';
import { ErrorBody, SearchHit as ContractHit } from '../api/schema.ts';

/** Plain text around the words found; `match` pieces are the words. Shown as text, never markup. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.extend(ContractHit, {
  /** The query is one of its names as a whole. */
  exact: z.optional(z.boolean()),
  snippet: z.optional(z.nullable(z.array(SnippetPart))),
});
export type SearchHit = z.infer<typeof SearchHit>;
const SearchHits = z.array(SearchHit);

export interface SearchOptions {
  plan: string | null;
  limit: number;
  /** `unit`: units only. */
  kind?: 'unit' | 'item';
  /**
   * `false`: names and titles only, answered from the server's memory; the whole answer starts
   * with these and adds what the full-text index finds in items' text below them.
   */
  fulltext?: boolean;
}

/** The hits for what was typed, best first; an API error or a wrong answer throws ApiError. */
export async function searchHits(
  api: ApiClient,
  q: string,
  options: SearchOptions,
  signal?: AbortSignal,
): Promise<SearchHit[]> {
  const response = await api.send(
    api.url('/search', {
      q,
      plan: options.plan,
      limit: options.limit,
      kind: options.kind,
      fulltext: options.fulltext,
    }),
    { signal: signal ?? null, headers: { accept: 'application/json' } },
  );
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ErrorBody.safeParse(answer);
    throw error.success
      ? new ApiError(response.status, error.data.error.code, error.data.error.message)
      : new ApiError(response.status, 'http', `${response.status} ${response.statusText}`);
  }
  const hits = SearchHits.safeParse(answer);
  if (!hits.success) throw new ApiError(response.status, 'payload', '/search: unexpected answer');
  return hits.data;
}
