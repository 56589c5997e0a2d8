// The unit a planner typed but did not pick from the list: what the search for units finds, when
// it finds one beyond doubt — one of its names as a whole, or the only unit that matches.
import type { ApiClient } from '../api/client.ts';
import { searchHits, type SearchHit } from './search-api.ts';

export type UnitLookup =
  | { status: 'found'; unit: SearchHit }
  | { status: 'unknown' }
  | { status: 'ambiguous'; units: SearchHit[] };

/** Picks the unit from the search's hits for units, best first. */
export function pickUnit(hits: readonly SearchHit[]): UnitLookup {
  const first = hits[0];
  if (first === undefined) return { status: 'unknown' };
  if (first.exact === true || hits.length === 1) return { status: 'found', unit: first };
  return { status: 'ambiguous', units: [...hits] };
}

export async function resolveUnit(
  api: ApiClient,
  text: string,
  plan: string | null,
  signal?: AbortSignal,
): Promise<UnitLookup> {
  const q = text.trim();
  if (q === '') return { status: 'unknown' };
  return pickUnit(await searchHits(api, q, { plan, limit: 5, kind: 'unit' }, signal));
}
