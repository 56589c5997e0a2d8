// `npm start`: the whole product — Neo4j (local, or NEO4J_URI), the seed loaded when missing, the
// web app built when stale, the explorer served — until Ctrl-C, which stops all of it. The local
// Neo4j is supervised (graph/neo4j/supervisor.ts): should it die, it is started again while the
// API answers 503 and the web app shows a banner, and the explorer carries on once it is back.
// Accounts are opened first: team mode as soon as one exists, and no start at all on a network
// HOST while none does (graph/api/accounts/team-mode.ts).
import { relative } from 'node:path';
import { accountsForServing, TeamModeError } from '../api/accounts/team-mode.ts';
import { AnswerCache } from '../api/answer-cache.ts';
import { createApp, type ApiDeps } from '../api/app.ts';
import { DEFAULT_CONSOLE_TIMEOUT_MS } from '../api/context.ts';
import { readServerConfig, ServerConfigError } from '../api/config.ts';
import { startServer, type ServerHandle } from '../api/server.ts';
import { warmApi } from '../api/warm.ts';
import { ensureSeedLoaded } from '../load/seed.ts';
import { config } from '../neo4j/config.ts';
import { ConsoleCopy, consoleCopyWanted, copySettings } from '../neo4j/console-copy.ts';
import {
  closeDriver,
  connection,
  getConsoleDriver,
  getDriver,
  verifyConnection,
} from '../neo4j/database.ts';
import { describeNeo4j, explainFailure } from '../neo4j/runtime.ts';
import { untilStopSignal } from '../neo4j/shutdown.ts';
import { DEFAULT_MAX_FAILURES, Neo4jSupervisor } from '../neo4j/supervisor.ts';
import { queries } from '../queries/registry.ts';
import { buildWebIfStale, WEB_DIST } from './web-build.ts';

const say = (line: string) => console.error(`[guatu] ${line}`);

async function main(): Promise<number> {
  // Read before Neo4j starts: a bad PORT, or a network HOST with no account, should not cost a
  // JVM start to find out.
  const serverConfig = readServerConfig(process.env);
  const wantsConsoleCopy = consoleCopyWanted();
  const accounts = await accountsForServing(serverConfig.host);
  const settings = config();
  const stopSignal = untilStopSignal();
  const supervisor =
    settings.mode === 'local' ? await Neo4jSupervisor.start(settings.local, { log: say }) : null;
  let server: ServerHandle | null = null;
  // Console queries run on a copy of the graph at a low CPU priority when guatu runs its own
  // Neo4j (graph/neo4j/console-copy.ts); with NEO4J_URI, on a pool of their own.
  const consoleCopy =
    supervisor !== null && wantsConsoleCopy
      ? new ConsoleCopy(
          {
            connection: settings.connection,
            lastTransaction: () =>
              supervisor.current?.lastTransaction() ??
              Promise.reject(new Error('the local Neo4j is restarting')),
          },
          await copySettings(supervisor.server),
          { log: say, queryTimeoutMs: DEFAULT_CONSOLE_TIMEOUT_MS },
        )
      : null;
  try {
    const info = await verifyConnection();
    const runtime = {
      connection: settings.connection,
      agent: info.agent ?? 'Neo4j',
      local: supervisor?.current ?? null,
      stop: async () => {},
    };
    for (const line of describeNeo4j(runtime)) say(line);
    if (supervisor !== null) {
      say(`should it stop by itself, it is started again (up to ${DEFAULT_MAX_FAILURES} tries)`);
    }
    if ((await buildWebIfStale()) === 'built')
      say(`web app built into ${relative(process.cwd(), WEB_DIST) || '.'}`);
    await ensureSeedLoaded(getDriver(), { log: say });
    const deps: ApiDeps = {
      driver: getDriver,
      consoleDriver: getConsoleDriver,
      ...(consoleCopy === null ? {} : { consoleDatabase: consoleCopy }),
      database: connection().database,
      queries: queries(),
      webRoot: WEB_DIST,
      host: serverConfig.host,
      answers: new AnswerCache(serverConfig.answerCache),
      ...(supervisor === null ? {} : { availability: () => supervisor.availability() }),
    };
    const app = createApp({ ...deps, accounts });
    // Warmed through an app without accounts (team mode would answer every request 401), sharing
    // the served app's kept answers.
    const report = await warmApi(createApp(deps), { log: say });
    say(
      `${report.requests.length} API requests warmed for ${report.plans} plan(s) in ${(report.ms / 1000).toFixed(1)} s`,
    );
    server = await startServer({ app, port: serverConfig.port, host: serverConfig.host });
    console.log(`guatu explorer on ${server.url}`);
    // After the explorer is up: the copy's JVM start and first copy must not delay it.
    if (consoleCopy !== null) {
      say('the console gets a copy of the graph of its own, at a low CPU priority');
      void consoleCopy.start();
    }
    if (accounts.store.count() > 0) say('team mode: every page asks for a login');
    say('Ctrl-C to stop');
    const outcome = await Promise.race([
      stopSignal,
      supervisor?.gaveUp ?? new Promise<never>(() => {}),
    ]);
    // The supervisor has said why it gave up.
    if (outcome instanceof Error) return 1;
    say(`${outcome}: stopping`);
    return 0;
  } finally {
    await server?.close();
    await consoleCopy?.stop();
    await closeDriver();
    await supervisor?.stop();
    accounts.store.close();
  }
}

main().then(
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
