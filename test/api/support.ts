// Shared by the API's tests: the seed loaded into a Neo4j, an app built on it, and requests made
// in process through `app.request()` with ids URL-encoded as the web app sends them.
import type { Hono } from 'hono';
import type { Driver } from 'neo4j-driver';
import { createApp, type ApiDeps } from '../../graph/api/app.ts';
import { ensureSeedLoaded } from '../../graph/load/seed.ts';
import { queries } from '../../graph/queries/registry.ts';

/** The seed plan's id (stable: jurisdiction and title). */
export const SEED_PLAN = '武汉市-f64b89c6';
export const FGW = '武汉市/市发改委';
export const KJJ = '武汉市/市科技局';
export const THEME_1 = `${SEED_PLAN}/二(一)`;
export const TASK_1 = `${SEED_PLAN}/二(一)1`;

/**
 * Loads the seed unless it is there. Other test files may be loading it at the same moment; the
 * loser of that race fails on the plan's uniqueness constraint and finds it loaded on a retry.
 */
export async function loadSeed(driver: Driver, database: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const outcomes = await ensureSeedLoaded(driver, { database });
      const planId = outcomes[0]?.planId;
      if (planId !== SEED_PLAN)
        throw new Error(`expected the seed plan ${SEED_PLAN}, got ${planId}`);
      return planId;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

export function seedApp(driver: Driver, database: string, deps: Partial<ApiDeps> = {}): Hono {
  return createApp({ driver, database, queries: queries(), webRoot: null, ...deps });
}

/** `path?key=value…`, every value URL-encoded (ids hold `/`, brackets and Chinese). */
export function url(path: string, query: Record<string, string | number | boolean> = {}): string {
  const search = new URLSearchParams(
    Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
  );
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

export async function get<T = unknown>(
  app: Hono,
  path: string,
  query: Record<string, string | number | boolean> = {},
): Promise<Answer<T>> {
  const response = await app.request(url(path, query));
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

export async function post<T = unknown>(
  app: Hono,
  path: string,
  body: unknown,
): Promise<Answer<T>> {
  const response = await app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

export interface ErrorAnswer {
  error: { code: string; message: string };
}
