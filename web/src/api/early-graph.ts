// The plan's graph is asked for as soon as the app's script starts, before its components are
// defined and drawn: the answer travels while the page builds itself, instead of after. The
// request is the one ApiClient would make for the view in the address (same URL, same header),
// and ApiClient takes its answer the first time it asks for that URL (its 401 hook, error
// handling and schema check apply as to any answer). Nothing here reads the answer.
import { planGraphUrl } from '../../../contract/api/plan-graph-url.ts';
import { readView } from '../state/view.ts';

/** The URL ApiClient asks for the graph of this view's plan (`ApiClient.planGraph`). */
export const graphUrl = planGraphUrl;

let started = false;
let early: { url: string; response: Promise<Response> } | null = null;

/** Starts the request for the graph the address shows; once per page. */
export function startEarlyGraph(search = location.search): void {
  if (started) return;
  started = true;
  const url = graphUrl(readView(search).plan);
  // No header of its own: the server's preload hint for the page (graph/api/app.ts) may have the
  // answer on its way already, and a request with other headers would not be given it.
  const response = fetch(url, { method: 'GET' });
  // Left unclaimed (the app asked for another plan), its failure must not surface as unhandled.
  response.catch(() => {});
  early = { url, response };
}

/** The answer already on its way for this URL, handed out once; null for any other request. */
export function takeEarlyResponse(url: string, init: RequestInit = {}): Promise<Response> | null {
  if (early === null || early.url !== url || (init.method ?? 'GET') !== 'GET') return null;
  const { response } = early;
  early = null;
  return response;
}
