// One Neo4j for each database lane of the test run (vitest.config.ts). With NEO4J_URI set, the
// tests use that server (and the lanes run as one); otherwise a throwaway local instance starts
// here, through the same launcher `npm start` uses, on a free port with a temporary data folder,
// and is stopped and removed at the end. If it cannot start, the run fails with the reason: no
// test is ever skipped for want of Neo4j. The lane's workers learn their server through
// `provide` (test/support/worker-env.ts), not this process's environment, which the lanes share.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readConfig, type Connection } from '../graph/neo4j/config.ts';
import neo4j from 'neo4j-driver';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/neo4j/launcher.ts';
import { freePort } from '../graph/neo4j/ports.ts';
import { buildWebOnce } from './support/web-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's Neo4j, as test files should reach it. */
    neo4j: Connection;
    /** The run's local instance, or null when the run uses a server given by NEO4J_URI. */
    localNeo4j: { pid: number; dataDir: string; port: number } | null;
    /**
     * Where the lane's local Neo4j says its newest transaction (the launcher's `lastTransaction`,
     * which only this process, the JVM's parent, can ask): a loopback address answering
     * `GET` with the number. The console copy of the hostile suite follows the lane's Neo4j by it.
     */
    lastTransactionUrl: string | null;
    /**
     * The per-transaction memory cap of the lane's local Neo4j when the lane asks for one (a
     * project's `provide`): the hostile suite needs a cap its queries pass within 2 s.
     */
    neo4jTransactionMemory?: string;
  }
}

const say = (line: string) => console.error(`[neo4j for tests] ${line}`);

// Both database lanes hold browser suites: the web app is built once, before any worker starts —
// by scripts/test-lanes.ts before the lanes, else here (globalThis is this process's, whichever
// project asks first) — never by two workers at once (test/support/web-build.ts).
const web = globalThis as { guatuWebBuild?: Promise<unknown> };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  web.guatuWebBuild ??= buildWebOnce();
  let local: LocalNeo4j | null = null;
  let dataDir: string | null = null;
  let connection: Connection;
  const transactionMemory = project.config.provide?.neo4jTransactionMemory;

  if (process.env.NEO4J_URI) {
    const configured = readConfig(process.env);
    connection = configured.connection;
    say(`using ${connection.uri} (NEO4J_URI)`);
  } else {
    dataDir = await mkdtemp(join(tmpdir(), 'guatu-test-'));
    const configured = readConfig({
      GUATU_DATA_DIR: dataDir,
      GUATU_NEO4J_PORT: String(await freePort()),
      GUATU_NEO4J_PASSWORD: `guatu-test-${randomBytes(6).toString('hex')}`,
      GUATU_NEO4J_PAGECACHE: '128m',
      ...(transactionMemory ? { GUATU_NEO4J_TX_MEMORY: transactionMemory } : {}),
    });
    if (configured.mode !== 'local') throw new Error('expected a local configuration');
    try {
      // A guard against a hung start, not a bound on its speed: on a machine starved by other
      // work a start was seen to take over 300 s (120 s is the launcher's default).
      local = await startLocalNeo4j(configured.local, { log: say, readyTimeoutMs: 900_000 });
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
    connection = configured.connection;
  }

  const driver = neo4j.driver(
    connection.uri,
    neo4j.auth.basic(connection.username, connection.password),
  );
  try {
    await driver.executeQuery('RETURN 1 AS one', {}, { database: connection.database });
  } catch (error) {
    await local?.stop();
    throw new Error(`the tests' Neo4j at ${connection.uri} does not answer`, { cause: error });
  } finally {
    await driver.close();
  }
  await web.guatuWebBuild;
  project.provide('neo4j', connection);
  project.provide(
    'localNeo4j',
    local && dataDir ? { pid: local.pid, dataDir, port: local.port } : null,
  );
  const bridge = local === null ? null : await lastTransactionBridge(local);
  project.provide('lastTransactionUrl', bridge?.url ?? null);

  return async () => {
    await bridge?.close();
    if (local === null || dataDir === null) return;
    const pid = local.pid;
    // What the lane's Neo4j cost, start included: the figure to compare JVM options by.
    const cpu = cpuSeconds(pid);
    if (cpu !== null) say(`stopping Neo4j (pid ${pid}) after ${cpu.toFixed(1)} CPU s`);
    await local.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (processExists(pid)) throw new Error(`the test Neo4j (pid ${pid}) is still running`);
  };
}

/** Answers `GET /` with the local Neo4j's newest transaction id, on a free loopback port. */
async function lastTransactionBridge(
  local: LocalNeo4j,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    local.lastTransaction().then(
      (id) => response.writeHead(200, { 'Content-Type': 'text/plain' }).end(String(id)),
      (error: unknown) => response.writeHead(503).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port for the bridge');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** User plus system CPU seconds of a process so far, from /proc (Linux); null elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
