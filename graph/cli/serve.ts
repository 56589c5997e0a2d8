// Serving the explorer: the API and the built web app on one port (loopback unless HOST says
// otherwise). `serveExplorer` serves once Neo4j is up and the seed loaded; run this file directly
// (`tsx graph/cli/serve.ts`) for the same thing on its own during development. Both open the
// accounts (team mode as soon as one exists) and refuse a network HOST while none does.
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Driver } from 'neo4j-driver';
import type { AccountsDeps } from '../api/accounts/gate.ts';
import { accountsForServing, TeamModeError } from '../api/accounts/team-mode.ts';
import { AnswerCache } from '../api/answer-cache.ts';
import { createApp, type ApiDeps } from '../api/app.ts';
import { answerCacheConfig, readServerConfig, ServerConfigError } from '../api/config.ts';
import { startServer, type ServerHandle } from '../api/server.ts';
import { warmApi } from '../api/warm.ts';
import { ensureSeedLoaded } from '../load/seed.ts';
import { closeDriver, connection, getConsoleDriver, getDriver } from '../neo4j/database.ts';
import { describeNeo4j, ensureNeo4j, explainFailure } from '../neo4j/runtime.ts';
import { untilStopSignal } from '../neo4j/shutdown.ts';
import { queries } from '../queries/registry.ts';
import { buildWebIfStale, WEB_DIST } from './web-build.ts';

/** Where the web app is built and served from (web/dist unless GUATU_WEB_DIST says otherwise). */
export const WEB_ROOT = WEB_DIST;

export interface ServeOptions {
  driver: Driver;
  /** The console's own driver (a small pool of its own); default: driver. */
  consoleDriver?: Driver | (() => Driver);
  /** Default: PORT, else 8080. */
  port?: number;
  /** Default: HOST, else 127.0.0.1. */
  host?: string;
  /** Default: NEO4J_DATABASE, else `neo4j`. */
  database?: string;
  /** Default: web/dist. */
  webRoot?: string | null;
  /**
   * Ask every route a first click reaches once before listening (graph/api/warm.ts), so that
   * the first planner's request finds Neo4j's plans and the API's caches ready. Default: true.
   */
  warm?: boolean;
  /** Where warming says what it did. */
  log?: (line: string) => void;
  /** Accounts, sessions and the audit log (team mode once one exists); default: local mode. */
  accounts?: AccountsDeps;
}

/**
 * Starts the explorer's HTTP server, warmed unless told not to; the handle's `url` is where it
 * listens, `close()` stops it.
 */
export async function serveExplorer(options: ServeOptions): Promise<ServerHandle> {
  const fromEnvironment = readServerConfig(process.env);
  const host = options.host ?? fromEnvironment.host;
  const deps: ApiDeps = {
    driver: options.driver,
    ...(options.consoleDriver ? { consoleDriver: options.consoleDriver } : {}),
    database: options.database ?? connection().database,
    queries: queries(),
    webRoot: options.webRoot === undefined ? WEB_ROOT : options.webRoot,
    host,
    answers: new AnswerCache(answerCacheConfig()),
  };
  const app = createApp({
    ...deps,
    ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
  });
  if (options.warm ?? true) {
    // Warmed through an app without accounts (team mode would answer every request 401), sharing
    // the served app's kept answers; Neo4j's query plans are the database's own.
    const report = await warmApi(createApp(deps), { log: options.log });
    options.log?.(
      `${report.requests.length} API requests warmed for ${report.plans} plan(s) in ${(report.ms / 1000).toFixed(1)} s`,
    );
  }
  return startServer({ app, port: options.port ?? fromEnvironment.port, host });
}

const say = (line: string) => console.error(`[guatu] ${line}`);

/** `npm start`: Neo4j, the seed loaded when missing, the web app built when stale, the server; until Ctrl-C. */
export async function runExplorer(): Promise<number> {
  // Read before Neo4j starts: a bad PORT, or a network HOST with no account, should not cost a
  // JVM start to find out.
  const { host } = readServerConfig(process.env);
  const accounts = await accountsForServing(host);
  const stopSignal = untilStopSignal();
  const neo4j = await ensureNeo4j(undefined, { log: say });
  for (const line of describeNeo4j(neo4j)) say(line);
  let server: ServerHandle | null = null;
  try {
    if ((await buildWebIfStale()) === 'built')
      say(`web app built into ${relative(process.cwd(), WEB_DIST) || '.'}`);
    await ensureSeedLoaded(getDriver(), { log: say });
    server = await serveExplorer({
      driver: getDriver(),
      consoleDriver: getConsoleDriver,
      log: say,
      accounts,
    });
    if (accounts.store.count() > 0) say('team mode: every page asks for a login');
    console.log(`guatu explorer on ${server.url}`);
    say('Ctrl-C to stop');
    const died = neo4j.local?.exited.then(() => null) ?? new Promise<never>(() => {});
    const reason = await Promise.race([stopSignal, died]);
    if (reason === null) {
      say('the local Neo4j stopped by itself; see its logs/debug.log');
      return 1;
    }
    say(`${reason}: stopping`);
    return 0;
  } finally {
    await server?.close();
    await closeDriver();
    await neo4j.stop();
    accounts.store.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runExplorer().then(
    (code) => {
      process.exitCode = code;
    },
    async (error: unknown) => {
      say(
        error instanceof ServerConfigError || error instanceof TeamModeError
          ? error.message
          : explainFailure(error),
      );
      await closeDriver();
      process.exitCode = 1;
    },
  );
}
