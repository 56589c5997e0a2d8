// The explorer's HTTP app: the JSON API under /api (docs/api.md) and the built web app beside it.
// Everything it needs arrives in `deps`, so a test builds one on its own Neo4j and calls
// `app.request()` in process.
import { planGraphUrl, PLAN_PARAM } from '../../contract/api/plan-graph-url.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { accountsGate, localOnly } from './accounts/gate.ts';
import { adminRoutes } from './accounts/admin-routes.ts';
import { localSessionRoutes, sessionRoutes } from './accounts/session-routes.ts';
import { databaseGate, databaseUnavailable } from './availability.ts';
import { MAX_PARAMS_BYTES, MAX_QUERY_BYTES } from './cypher-guard.ts';
import { ApiContext, type ApiDeps } from './context.ts';
import { HttpError, isUnavailable, onError } from './http-error.ts';
import { keepGraphAnswers } from './kept-answers.ts';
import { servedHostsOnly } from './same-origin.ts';
import { cypherRoutes } from './routes/cypher.ts';
import { editionsRoutes } from './routes/editions.ts';
import { graphRoutes } from './routes/graph.ts';
import { hotspotsRoutes } from './routes/hotspots.ts';
import { importRoutes } from './routes/import.ts';
import { ledgerRoutes } from './routes/ledger.ts';
import { matrixRoutes } from './routes/matrix.ts';
import { reportsRoutes } from './routes/reports.ts';
import { pathsRoutes } from './routes/paths.ts';
import { plansRoutes } from './routes/plans.ts';
import { progressMapRoutes } from './routes/progress-map.ts';
import { progressRoutes } from './routes/progress.ts';
import { queriesRoutes } from './routes/queries.ts';
import { searchRoutes } from './routes/search.ts';
import { sourceRoutes } from './routes/source.ts';
import { taskListRoutes } from './routes/task-list.ts';
import { themesRoutes } from './routes/themes.ts';
import { unitsRoutes } from './routes/units.ts';
import { unitMergeRoutes } from './routes/unit-merge.ts';

export type { ApiDeps } from './context.ts';

/**
 * Only this origin's scripts, styles, images and connections. Styles also allow 'unsafe-inline':
 * Lit's adopted stylesheets fall back to <style> elements and Cytoscape sets inline styles on its
 * canvas container, and neither works without it. Images allow data: and blob: for Cytoscape's
 * PNG export.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

// The console's limits plus room for JSON quoting and escapes; above this nobody reads the body.
const MAX_BODY_BYTES = 2 * (MAX_QUERY_BYTES + MAX_PARAMS_BYTES);

const UPLOAD_PATHS = new Set(['/api/import', '/api/ledger', '/api/reports/progress']);

const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
};

const WEB_NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>guatu: web app not built</title></head>
<body><h1>Web app not built</h1>
<p>The explorer's web app has not been built yet: run <code>npm run build</code>, then reload.
The API is up at <a href="/api/health">/api/health</a>.</p></body></html>
`;

/** Paths the web app routes itself (no file extension): they get its index.html. */
const isAppRoute = (path: string) => !/\.[A-Za-z0-9]+$/.test(path);

function webApp(webRoot: string | null): Hono {
  const web = new Hono();
  const index = webRoot === null ? null : join(webRoot, 'index.html');
  // Checked on every request, not at start: `npm run build` may run while the server is up.
  const built = () => index !== null && existsSync(index);
  web.use('*', async (c, next) => {
    if (!built()) return c.html(WEB_NOT_BUILT, 503);
    await next();
  });
  // The page's first need is its plan's graph, which the script asks for only once it has been
  // read and run (web/src/api/early-graph.ts): a preload hint on the page starts that request
  // with the page's own, beside the script. Same URL, no header of its own, so the browser
  // hands the script's request the preloaded answer.
  web.get('*', async (c, next) => {
    await next();
    if (isAppRoute(c.req.path) && c.res.headers.get('content-type')?.startsWith('text/html')) {
      const graph = planGraphUrl(c.req.query(PLAN_PARAM) || null);
      c.res.headers.append('Link', `<${graph}>; rel=preload; as=fetch; crossorigin`);
    }
  });
  if (webRoot !== null) {
    // Made once the folder exists: serveStatic complains about a missing root when made.
    let files: MiddlewareHandler | undefined;
    let appIndex: MiddlewareHandler | undefined;
    web.get('*', (c, next) => {
      // The build writes a gzip copy beside each script (web/vite.config.ts): sent to browsers
      // that take gzip, a third of the bytes, compressed once rather than per request.
      files ??= serveStatic({ root: webRoot, precompressed: true });
      return files(c, next);
    });
    web.get('*', (c, next) => {
      if (!isAppRoute(c.req.path)) return next();
      appIndex ??= serveStatic({ root: webRoot, path: 'index.html', precompressed: true });
      return appIndex(c, next);
    });
  }
  return web;
}

export function createApp(deps: ApiDeps): Hono {
  const api = new ApiContext(deps);
  const app = new Hono();
  app.use('*', securityHeaders);
  app.use('*', servedHostsOnly({ host: api.host }));
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError(
        413,
        'body_too_large',
        `the request body is over ${MAX_BODY_BYTES} bytes`,
      );
    },
  });
  // An uploaded file has its own, larger limit, enforced as it is read (routes/import.ts,
  // routes/ledger.ts, and the war map's picture a report embeds: routes/reports.ts).
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && UPLOAD_PATHS.has(c.req.path) ? next() : limitBody(c, next),
  );
  // The plan's graph is 330 KB of JSON and 26 KB gzipped: over a network a planner's first screen
  // waits for it. Answers under 1 KB, binary files and those already encoded are left as they are.
  app.use('/api/*', compress());
  app.use('/api/*', async (c, next) => {
    await next();
    // Answers depend on what is loaded now; a browser's copy would outlive a reload.
    c.header('Cache-Control', 'no-store');
  });
  // Who is asking, before anything reads the database: in team mode a request without a live
  // session gets no further than the login. Without an accounts store (a test's app, a one-off
  // tool) the one person at the machine is the local planner.
  const { accounts } = deps;
  app.use('/api/*', accounts === undefined ? localOnly() : accountsGate(accounts));
  if (accounts !== undefined) {
    app.route('/api', sessionRoutes(accounts, { host: api.host }));
    app.route('/api', adminRoutes(accounts, { host: api.host }));
  } else app.route('/api', localSessionRoutes());
  // Before the kept answers: finding their version reads the plans from Neo4j.
  const { availability } = api;
  if (availability !== undefined) app.use('/api/*', databaseGate(availability));
  app.use('/api/*', keepGraphAnswers(api));

  for (const routes of [
    plansRoutes,
    searchRoutes,
    graphRoutes,
    unitsRoutes,
    unitMergeRoutes,
    taskListRoutes,
    themesRoutes,
    pathsRoutes,
    hotspotsRoutes,
    progressMapRoutes,
    progressRoutes,
    queriesRoutes,
    sourceRoutes,
    cypherRoutes,
    importRoutes,
    ledgerRoutes,
    reportsRoutes,
    editionsRoutes,
    matrixRoutes,
  ]) {
    app.route('/api', routes(api));
  }
  app.all('/api/*', (c) => {
    throw new HttpError(404, 'not_found', `no API route ${c.req.method} ${c.req.path}`);
  });
  app.route('/', webApp(deps.webRoot));
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `nothing at ${c.req.path}` } }, 404),
  );
  // A supervised database lost mid-request is the same outage its supervisor is mending.
  app.onError((error, c) =>
    availability !== undefined && isUnavailable(error)
      ? databaseUnavailable(c, availability())
      : onError(error, c),
  );
  return app;
}
