// Where the explorer asks for a plan's graph: the one URL the page's early request
// (web/src/api/early-graph.ts), ApiClient and the server's preload hint for the page
// (graph/api/app.ts) must all name, or the answer fetched early is fetched again.

/** The address's parameter naming the plan shown (web/src/state/view.ts). */
export const PLAN_PARAM = 'plan';

/**
 * The address's plan when the explorer draws every plan loaded (全部规划): `plan=all`. Plan ids
 * are `<jurisdiction>-<hash>`, so no plan is called this. The API is asked with `plans=all`.
 */
export const ALL_PLANS = 'all';

/**
 * A query value as URLSearchParams writes it (ApiClient builds its URLs so), written out here
 * because this project has neither the DOM's nor Node's library: encodeURIComponent leaves
 * ! ' ( ) ~ as they are and writes a space as %20, where the form encoding does not.
 */
function formEncoded(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** The URL of the graph of `plan` (or of every plan), or of the plan the explorer opens on. */
export function planGraphUrl(plan: string | null, base = '/api'): string {
  const query =
    plan === null ? '' : plan === ALL_PLANS ? '?plans=all' : `?${PLAN_PARAM}=${formEncoded(plan)}`;
  return `${base}/plans/graph${query}`;
}
