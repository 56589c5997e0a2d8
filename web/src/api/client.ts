// The one way the app reaches the API. Every call takes the AbortSignal of the task that asked,
// so a planner who types on or clicks elsewhere cancels the request in flight.
import type * as z from 'zod/mini';
import {
  ErrorBody,
  Neighbourhood,
  NodeAnswer,
  PlanGraph,
  PlanList,
  SearchHits,
  SourceLines,
  ThemeReach,
  UnitProfile,
} from './schema.ts';

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

export class ApiClient {
  readonly #base: string;

  constructor(base = '/api') {
    this.#base = base.replace(/\/$/, '');
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

  async #get<S extends z.ZodMiniType>(
    path: string,
    params: Params,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    const response = await fetch(this.url(path, params), {
      signal: signal ?? null,
      headers: { accept: 'application/json' },
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = ErrorBody.safeParse(body);
      throw error.success
        ? new ApiError(response.status, error.data.error.code, error.data.error.message)
        : new ApiError(response.status, 'http', `${response.status} ${response.statusText}`);
    }
    const parsed = schema.safeParse(body);
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

  planGraph(plan: string | null, signal?: AbortSignal) {
    return this.#get('/plans/graph', { plan }, PlanGraph, signal);
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
}
