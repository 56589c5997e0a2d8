// The API while its database is away: when the process supervises its own Neo4j
// (graph/neo4j/supervisor.ts) and knows it is down, routes that read the graph answer 503
// `database_unavailable` at once, in Chinese and English, with when to try again; health says
// "down" without asking; and a query that finds Neo4j gone mid-request answers the same.
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';

/**
 * `up` answers queries; `restarting` is gone and being started again (or waiting to be, after a
 * failed start); `stopped` was stopped on purpose, the process shutting down; `failed` was given
 * up on after too many failed starts, the process about to exit.
 */
export const DatabaseState = z.enum(['up', 'restarting', 'stopped', 'failed']);
export type DatabaseState = z.infer<typeof DatabaseState>;

export const DatabaseAvailability = z.object({
  state: DatabaseState,
  /** While restarting: ms until the next start is tried (0 while one is under way). */
  retryInMs: z.number().int().min(0).optional(),
});
export type DatabaseAvailability = z.infer<typeof DatabaseAvailability>;

export const DATABASE_UNAVAILABLE = {
  code: 'database_unavailable',
  message: 'The database is temporarily unavailable; guatu is reconnecting. Try again shortly.',
  messageZh: '数据库暂时不可用，正在重新连接，请稍后再试。',
} as const;

/** The body of every 503 `database_unavailable` (docs/api.md). */
export const DatabaseUnavailableBody = z.object({
  error: z.object({
    code: z.literal(DATABASE_UNAVAILABLE.code),
    message: z.string(),
    messageZh: z.string(),
  }),
});

/** GETs answered from the query registry alone: the lists of rankings and of named queries. */
const NEEDS_NO_DATABASE = new Set(['/api/hotspots', '/api/queries']);

/** Seconds a client should wait: until the next start is tried, at least one. */
function retryAfterSeconds(availability: DatabaseAvailability | undefined): number {
  return Math.max(1, Math.ceil((availability?.retryInMs ?? 0) / 1000));
}

/** The 503 answer, with Retry-After. */
export function databaseUnavailable(c: Context, availability?: DatabaseAvailability): Response {
  c.header('Retry-After', String(retryAfterSeconds(availability)));
  return c.json({ error: { ...DATABASE_UNAVAILABLE } }, 503);
}

/**
 * Answers for the database while `availability` says it is not up, before any route tries the
 * driver (which would only find the connection refused). /api/health answers as its route does
 * when Neo4j cannot be read: 200 `{"neo4j": "down", "plans": []}`.
 */
export function databaseGate(availability: () => DatabaseAvailability): MiddlewareHandler {
  return async (c, next) => {
    const now = availability();
    if (now.state === 'up') return next();
    if (c.req.path === '/api/health') return c.json({ neo4j: 'down', plans: [] });
    if (c.req.method === 'GET' && NEEDS_NO_DATABASE.has(c.req.path)) return next();
    return databaseUnavailable(c, now);
  };
}
