// The one way the app reaches the API. Every call takes the AbortSignal of the task that asked,
// so a planner who types on or clicks elsewhere cancels the request in flight.
import type * as z from 'zod/mini';
import {
  ErrorBody,
  HotspotAnswer,
  HotspotList,
  Neighbourhood,
  NodeAnswer,
  PathsAnswer,
  PlanGraph,
  PlanList,
  ProgressMap,
  QueryAnswer,
  QueryList,
  SearchHits,
  SourceLines,
  ThemeReach,
  UnitProfile,
} from './schema.ts';
import { CancelAnswer, ImportReview, LoadAnswer, type LoadRequest } from './import-schema.ts';
import { LedgerConfirmAnswer, LedgerReview } from '../../../contract/api/ledger.ts';
import {
  AttachAnswer,
  ProgressAnswer,
  UnattachedAnswer,
  type AttachPost,
  type DeadlinePost,
  type IndicatorPost,
  type ProgressPost,
} from '../../../contract/api/progress.ts';
import { DeadlineChange, IndicatorValue, ProgressRecord } from '../../../contract/progress.ts';
import {
  MergeAnswer,
  MergesAnswer,
  type MergePost,
  type SplitPost,
} from '../../../contract/api/unit-merge.ts';
import { takeEarlyResponse } from './early-graph.ts';
import { ALL_PLANS } from '../../../contract/api/plan-graph-url.ts';

/** An answer the app cannot use: an HTTP error from the API, or a payload of the wrong shape. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | boolean | null | undefined>;

/** Whether an answer says the session is gone (team mode): the app turns to its login. */
function asksForLogin(status: number, body: unknown): boolean {
  if (status !== 401) return false;
  const error = ErrorBody.safeParse(body);
  return error.success && error.data.error.code === 'login_required';
}

type Send = (
  { method: 'GET' | 'DELETE' } | { method: 'POST'; body: string | Blob; type: string }
) & { headers?: Record<string, string>; write?: boolean };

export class ApiClient {
  readonly #base: string;
  /**
   * Called when the API says a login is needed (team mode, no session or an expired one): the
   * app shows its login instead (web/src/controllers/session-controller.ts).
   */
  onLoginRequired: (() => void) | null = null;

  constructor(base = '/api') {
    this.#base = base.replace(/\/$/, '');
  }

  /**
   * Every request the app makes passes here, those whose answer the caller reads itself too (a
   * file to download, the search's richer hits): a session that expired reaches the login hook
   * whatever asked, instead of failing as a download or a search that says nothing.
   */
  async send(url: string, init: RequestInit = {}): Promise<Response> {
    // The plan's graph may have been asked for before the app was built (early-graph.ts).
    const response = await (takeEarlyResponse(url, init) ?? fetch(url, init));
    if (response.status === 401) {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => null);
      if (asksForLogin(response.status, body)) this.onLoginRequired?.();
    }
    return response;
  }

  /** The URL of a route with its query string; ids travel as parameters (docs/api.md). */
  url(path: string, params: Params = {}): string {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
    }
    const search = query.toString();
    return `${this.#base}${path}${search === '' ? '' : `?${search}`}`;
  }

  #get<S extends z.ZodMiniType>(
    path: string,
    params: Params,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    return this.#request(path, this.url(path, params), { method: 'GET' }, schema, signal);
  }

  #post<S extends z.ZodMiniType>(
    path: string,
    body: unknown,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    return this.#request(
      path,
      this.url(path),
      { method: 'POST', body: JSON.stringify(body), type: 'application/json' },
      schema,
      signal,
    );
  }

  // One way to ask and to read an answer: the API's error body becomes an ApiError with its code,
  // and an answer of the wrong shape is refused before the app reads it.
  async #request<S extends z.ZodMiniType>(
    path: string,
    url: string,
    send: Send,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json', ...send.headers };
    if ('type' in send) headers['content-type'] = send.type;
    // The import's writes: a header no form of another site can send (graph/api/same-origin.ts).
    if (send.write === true) headers['x-guatu-request'] = '1';
    const response = await this.send(url, {
      method: send.method,
      signal: signal ?? null,
      headers,
      ...('body' in send ? { body: send.body } : {}),
    });
    const answer: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = ErrorBody.safeParse(answer);
      throw error.success
        ? new ApiError(response.status, error.data.error.code, error.data.error.message)
        : new ApiError(response.status, 'http', `${response.status} ${response.statusText}`);
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      throw new ApiError(
        response.status,
        'payload',
        `${path}: unexpected answer (${parsed.error.issues[0]?.path.join('.') ?? ''})`,
      );
    }
    return parsed.data;
  }

  plans(signal?: AbortSignal) {
    return this.#get('/plans', {}, PlanList, signal);
  }

  /** The war map: every item's state and every unit's late share, on the server's today. */
  progressMap(plan: string | null, signal?: AbortSignal) {
    return this.#get('/progress/map', { plan }, ProgressMap, signal);
  }

  /** One item's progress: its state today, history, deadline changes, an indicator's values. */
  progress(plan: string | null, item: string, signal?: AbortSignal) {
    return this.#get('/progress', { plan, item }, ProgressAnswer, signal);
  }

  /** Progress writes (docs/api.md, "Progress"): each a new dated record, never an overwrite. */
  postProgress(update: ProgressPost, signal?: AbortSignal) {
    return this.#write('/progress', update, ProgressRecord, signal);
  }

  postDeadline(change: DeadlinePost, signal?: AbortSignal) {
    return this.#write('/progress/deadline', change, DeadlineChange, signal);
  }

  postIndicatorValue(value: IndicatorPost, signal?: AbortSignal) {
    return this.#write('/progress/indicator', value, IndicatorValue, signal);
  }

  /** Records a reload of the plan left without an item, for a planner to attach. */
  unattached(plan: string | null, signal?: AbortSignal) {
    return this.#get('/progress/unattached', { plan }, UnattachedAnswer, signal);
  }

  /** Attaches such a record to an item of the plan (a planner's write). */
  attach(post: AttachPost, signal?: AbortSignal) {
    return this.#write('/progress/attach', post, AttachAnswer, signal);
  }

  /** The merges into or from a unit, newest first (docs/api.md, "Units merged"). */
  async unitMerges(unit: string, signal?: AbortSignal) {
    return (await this.#get('/units/merges', { unit }, MergesAnswer, signal)).merges;
  }

  /** Merges one unit into another; with `dryRun`, only counts what would move. */
  mergeUnits(post: MergePost, signal?: AbortSignal) {
    return this.#write('/units/merge', post, MergeAnswer, signal);
  }

  /** Undoes a merge: the unit's edges, names and figures as before it. */
  splitMerge(post: SplitPost, signal?: AbortSignal) {
    return this.#write('/units/split', post, MergeAnswer, signal);
  }

  #write<S extends z.ZodMiniType>(path: string, body: unknown, schema: S, signal?: AbortSignal) {
    return this.#request(
      path,
      this.url(path),
      { method: 'POST', body: JSON.stringify(body), type: 'application/json', write: true },
      schema,
      signal,
    );
  }

  planGraph(plan: string | null, signal?: AbortSignal) {
    // Every plan (全部规划) is asked for as planGraphUrl names it, so the early request matches.
    const params = plan === ALL_PLANS ? { plans: 'all' } : { plan };
    return this.#get('/plans/graph', params, PlanGraph, signal);
  }

  search(q: string, options: { plan?: string | null; limit?: number }, signal?: AbortSignal) {
    return this.#get(
      '/search',
      { q, plan: options.plan, limit: options.limit },
      SearchHits,
      signal,
    );
  }

  node(id: string, signal?: AbortSignal) {
    return this.#get('/node', { id }, NodeAnswer, signal);
  }

  /** A node's neighbours along `types` (all when empty), at most `limit`; `more` counts the rest. */
  neighbourhood(id: string, limit: number, types: readonly string[], signal?: AbortSignal) {
    return this.#get(
      '/neighbourhood',
      { id, limit, depth: 1, types: types.join(',') },
      Neighbourhood,
      signal,
    );
  }

  unitProfile(id: string, plan: string | null, signal?: AbortSignal) {
    return this.#get('/units/profile', { id, plan }, UnitProfile, signal);
  }

  themeReach(id: string, signal?: AbortSignal) {
    return this.#get('/themes/reach', { id }, ThemeReach, signal);
  }

  source(id: string, context: number, signal?: AbortSignal) {
    return this.#get('/source', { id, context }, SourceLines, signal);
  }

  // Console: the queries of cypher/, running one by name, and the read-only Cypher console.
  queries(signal?: AbortSignal) {
    return this.#get('/queries', {}, QueryList, signal);
  }

  /** A query of cypher/ by name; the API reads its text from the registry, never from us. */
  runQuery(name: string, params: Record<string, unknown>, signal?: AbortSignal) {
    return this.#post(`/queries/${encodeURIComponent(name)}`, { params }, QueryAnswer, signal);
  }

  /** A planner's own query, through the read-only console. */
  cypher(query: string, params: Record<string, unknown>, signal?: AbortSignal) {
    return this.#post('/cypher', { query, params }, QueryAnswer, signal);
  }

  // Hotspots and paths: the rankings and the routes between two units or a unit and a theme.
  hotspots(signal?: AbortSignal) {
    return this.#get('/hotspots', {}, HotspotList, signal);
  }

  /**
   * One ranking; `collectives` absent: the ranking's own default (collectives left out); `plans`:
   * a ranking over plans counts only that set (选定规划).
   */
  hotspot(
    name: string,
    options: {
      plan?: string | null;
      plans?: readonly string[] | null;
      limit?: number;
      collectives?: boolean;
    },
    signal?: AbortSignal,
  ) {
    return this.#get(
      `/hotspots/${encodeURIComponent(name)}`,
      {
        plan: options.plan,
        plans: options.plans?.join(','),
        limit: options.limit,
        collectives: options.collectives,
      },
      HotspotAnswer,
      signal,
    );
  }

  /** Unit ↔ unit: the shortest routes through shared items; unit ↔ theme: every route. */
  // Import: a file read and reviewed (nothing written), then loaded or cancelled.
  /** Uploads a file as it is; the server reads it and answers with its review. */
  importFile(file: File, signal?: AbortSignal) {
    return this.#request(
      '/import',
      this.url('/import'),
      {
        method: 'POST',
        body: file,
        type: 'application/octet-stream',
        headers: { 'x-guatu-file-name': encodeURIComponent(file.name) },
        write: true,
      },
      ImportReview,
      signal,
    );
  }

  /** Loads a reviewed import, with the header fields the planner supplied. */
  loadImport(token: string, request: LoadRequest, signal?: AbortSignal) {
    const path = `/import/${encodeURIComponent(token)}/load`;
    return this.#request(
      path,
      this.url(path),
      { method: 'POST', body: JSON.stringify(request), type: 'application/json', write: true },
      LoadAnswer,
      signal,
    );
  }

  /** Forgets a reviewed import; nothing of it was ever written. */
  cancelImport(token: string, signal?: AbortSignal) {
    const path = `/import/${encodeURIComponent(token)}`;
    return this.#request(
      path,
      this.url(path),
      { method: 'DELETE', write: true },
      CancelAnswer,
      signal,
    );
  }

  // A 督办台账: read and matched to a plan's items (nothing written), then written or cancelled.
  importLedger(file: File, plan: string | null, signal?: AbortSignal) {
    return this.#request(
      '/ledger',
      this.url('/ledger', { plan }),
      {
        method: 'POST',
        body: file,
        type: 'application/octet-stream',
        headers: { 'x-guatu-file-name': encodeURIComponent(file.name) },
        write: true,
      },
      LedgerReview,
      signal,
    );
  }

  /** Writes one progress record per matched row, all or nothing. */
  confirmLedger(token: string, signal?: AbortSignal) {
    const path = `/ledger/${encodeURIComponent(token)}/confirm`;
    return this.#request(
      path,
      this.url(path),
      { method: 'POST', body: '{}', type: 'application/json', write: true },
      LedgerConfirmAnswer,
      signal,
    );
  }

  cancelLedger(token: string, signal?: AbortSignal) {
    const path = `/ledger/${encodeURIComponent(token)}`;
    return this.#request(
      path,
      this.url(path),
      { method: 'DELETE', write: true },
      CancelAnswer,
      signal,
    );
  }

  paths(
    from: string,
    to: string,
    options: {
      plan?: string | null;
      /** Unit ↔ unit routes through these plans' items only (选定规划). */
      plans?: readonly string[] | null;
      collectives?: boolean;
      limit?: number;
    },
    signal?: AbortSignal,
  ) {
    return this.#get(
      '/paths',
      {
        from,
        to,
        plan: options.plan,
        plans: options.plans?.join(','),
        collectives: options.collectives,
        limit: options.limit,
      },
      PathsAnswer,
      signal,
    );
  }
}
