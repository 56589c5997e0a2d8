// Which answers are kept (graph/api/answer-cache.ts) and under what key. The key holds the query
// parameters the route reads and no others, so `?junk=N` cannot make a new entry. Which ones a
// route reads is seen, not listed: while it answers, the object its `queryOf` parses
// (graph/api/validate.ts) notes each name the route's zod schema looks up, present or not. A
// list kept here would go stale the day a route learns a parameter; this one cannot.
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiContext } from './context.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /**
     * Set by a kept route whose answer also depends on something besides the plans (progress,
     * today's date): that answer is not kept, so none is ever served for its key.
     */
    freshAnswer: boolean | undefined;
  }
}

/**
 * The graph answers and searches: functions of the loaded plans alone, so a repeat is served
 * from memory until a plan changes. The console, named queries, health and the plans list always
 * ask Neo4j.
 */
const KEPT_ROUTES: readonly RegExp[] = [
  /^\/api\/search$/,
  /^\/api\/node$/,
  /^\/api\/neighbourhood$/,
  /^\/api\/units\/profile$/,
  /^\/api\/themes\/reach$/,
  /^\/api\/paths$/,
  /^\/api\/plans\/graph$/,
  /^\/api\/source$/,
  /^\/api\/hotspots\/[^/]+$/,
];

/**
 * The key: the path, the values of the parameters read (repeated ones in order, the order that
 * decides which one a route reads), and the names themselves, so that should a route be seen to
 * read one more, its earlier answers are never served for the new key.
 */
export function answerKey(url: URL, reads: ReadonlySet<string>): string {
  const kept = new URLSearchParams([...url.searchParams].filter(([name]) => reads.has(name)));
  kept.sort();
  return `${url.pathname}?${kept.toString()}\treads=${[...reads].sort().join(',')}`;
}

/** Notes in `seen` every query parameter the route asks for, through c.req.query or queries. */
function watchReads(c: Context, seen: Set<string>): void {
  const request = c.req;
  const note = (name: string | symbol) => {
    if (typeof name === 'string') seen.add(name);
  };
  const noting = <T extends object>(values: T): T =>
    new Proxy(values, {
      get: (target, name, receiver) => {
        note(name);
        return Reflect.get(target, name, receiver) as unknown;
      },
      has: (target, name) => {
        note(name);
        return Reflect.has(target, name);
      },
      // A route that takes everything (`{...query}`) reads everything.
      ownKeys: (target) => {
        for (const name of Reflect.ownKeys(target)) note(name);
        return Reflect.ownKeys(target);
      },
    });
  const query = request.query.bind(request);
  const queries = request.queries.bind(request);
  request.query = ((name?: string) => {
    if (name === undefined) return noting(query());
    note(name);
    return query(name);
  }) as typeof request.query;
  request.queries = ((name?: string) => {
    if (name === undefined) return noting(queries());
    note(name);
    return queries(name);
  }) as typeof request.queries;
}

export function keepGraphAnswers(api: ApiContext): MiddlewareHandler {
  // Per route pattern: every parameter name its answers have been seen to read.
  const readsByRoute = new Map<RegExp, ReadonlySet<string>>();
  return async (c, next) => {
    if (!api.caching || c.req.method !== 'GET') return next();
    const route = KEPT_ROUTES.find((pattern) => pattern.test(c.req.path));
    if (route === undefined) return next();
    const url = new URL(c.req.url);
    const version = await api.answersVersion(c.req.raw.signal);
    const known = readsByRoute.get(route);
    if (known !== undefined) {
      const kept = api.keptAnswer(version, answerKey(url, known));
      if (kept !== undefined) return c.body(kept, 200, { 'Content-Type': 'application/json' });
    }
    const seen = new Set<string>();
    watchReads(c, seen);
    await next();
    if (c.res.status !== 200 || c.get('freshAnswer') === true) return;
    const reads = new Set([...(known ?? []), ...seen]);
    readsByRoute.set(route, reads);
    api.keepAnswer(version, answerKey(url, reads), await c.res.clone().text());
  };
}
