// The local Neo4j itself: these tests start instances of their own (besides the run's), so they
// hold whether or not NEO4J_URI points the rest of the suite elsewhere. A start costs about 10 CPU
// seconds, so each asserts all it can: `npm run db` starts Neo4j on a fresh data folder, where
// its settings, auth and a rival are checked before Ctrl-C stops it; then again on that folder
// with a new password, checked before its Node process is killed outright. That the JVM exits
// with status 0 when stop() is called in-process is asserted where the supervisor stops one
// (test/load/chaos.test.ts).
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, type LocalServer } from '../../graph/neo4j/config.ts';
import { LocalNeo4jError, startLocalNeo4j } from '../../graph/neo4j/launcher.ts';
import { freePort } from '../../graph/neo4j/ports.ts';
import {
  isRunning,
  listeningAddresses,
  processesMentioning,
  waitUntilGone,
} from '../support/neo4j.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * A guard against a hung start, not a bound on its speed: three lanes on two cores, beside other
 * work, were seen to take over 120 s (the launcher's default) to start a JVM.
 */
const JVM_START_MS = 600_000;
const patient = { readyTimeoutMs: JVM_START_MS };

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'guatu-launcher-test-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

let folders = 0;
async function localServer(overrides: Record<string, string> = {}): Promise<LocalServer> {
  const config = readConfig({
    GUATU_DATA_DIR: join(scratch, `instance-${++folders}`),
    GUATU_NEO4J_PORT: String(await freePort()),
    GUATU_NEO4J_PASSWORD: 'launcher-test-password',
    GUATU_NEO4J_PAGECACHE: '64m',
    GUATU_NEO4J_HEAP: '512m',
    ...overrides,
  });
  if (config.mode !== 'local') throw new Error('expected a local configuration');
  return config.local;
}

async function runQuery(uri: string, password: string, query: string) {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  try {
    const { records } = await driver.executeQuery(query);
    return records.map((record) => record.toObject());
  } finally {
    await driver.close();
  }
}

async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

interface DbCommand {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** The JVM's pid and Bolt address, once `npm run db` says Neo4j is running. */
  running: Promise<{ pid: number; uri: string }>;
  exit: Promise<number | null>;
  dataDir: string;
}

/** `npm run db` as a single Node process (no npm or tsx wrapper), so signals reach it directly. */
function runDbCommand(server: LocalServer): DbCommand {
  // The run's own Neo4j is configured through NEO4J_*; `npm run db` would rightly refuse.
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('NEO4J_'));
  const env = {
    ...Object.fromEntries(inherited),
    GUATU_DATA_DIR: server.dataDir,
    GUATU_NEO4J_PORT: String(server.port),
    GUATU_NEO4J_PASSWORD: server.password,
    GUATU_NEO4J_HEAP: server.heap,
    GUATU_NEO4J_PAGECACHE: server.pageCache,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'graph/cli/db.ts'], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  const running = new Promise<{ pid: number; uri: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const said = /Neo4j is running at (\S+) .*, pid (\d+)/.exec(stdout);
      if (said?.[1] !== undefined && said[2] !== undefined) {
        resolve({ uri: said[1], pid: Number(said[2]) });
      }
    });
    void exit.then((code) => reject(new Error(`npm run db exited (${code}) early:\n${stderr}`)));
  });
  return { child, running, exit, dataDir: server.dataDir };
}

interface StartedDb extends DbCommand {
  server: LocalServer;
  pid: number;
  uri: string;
}

/** One `npm run db` for a describe's tests, killed after them should a test fail first. */
function useDbCommand(server: () => Promise<LocalServer>): () => StartedDb {
  let command: DbCommand | undefined;
  let started: StartedDb | undefined;
  beforeAll(async () => {
    const config = await server();
    command = runDbCommand(config);
    started = { ...command, server: config, ...(await command.running) };
  }, JVM_START_MS);
  afterAll(() => {
    // The JVM follows its parent (the end of its stdin).
    if (command?.child.exitCode === null && command.child.signalCode === null) {
      command.child.kill('SIGKILL');
    }
  });
  return () => {
    if (started === undefined) throw new Error('npm run db did not start');
    return started;
  };
}

// The first data folder, which `npm run db` starts again with a new password.
let first: LocalServer;

describe('npm run db, on a fresh data folder', () => {
  const db = useDbCommand(async () => {
    first = await localServer({ GUATU_NEO4J_PASSWORD: 'the-first-password' });
    return first;
  });

  it(
    'listens on 127.0.0.1 for Bolt only, with auth on and the limits guatu sets',
    async () => {
      const { server, uri, pid } = db();
      expect(uri).toBe(`bolt://127.0.0.1:${server.port}`);
      expect(listeningAddresses(pid)).toEqual([`127.0.0.1:${server.port}`]);

      const settings = await runQuery(
        uri,
        server.password,
        `SHOW SETTINGS YIELD name, value
         WHERE name IN ['server.bolt.listen_address', 'server.http.enabled',
           'server.https.enabled', 'dbms.security.auth_enabled',
           'dbms.security.allow_csv_import_from_file_urls', 'dbms.usage_report.enabled',
           'db.transaction.timeout', 'db.memory.transaction.max', 'server.memory.pagecache.size']
         RETURN name, value ORDER BY name`,
      );
      expect(Object.fromEntries(settings.map(({ name, value }) => [name, value]))).toEqual({
        'db.memory.transaction.max': '512.00MiB',
        'db.transaction.timeout': '30s',
        'dbms.security.allow_csv_import_from_file_urls': 'false',
        'dbms.security.auth_enabled': 'true',
        'dbms.usage_report.enabled': 'false',
        'server.bolt.listen_address': `127.0.0.1:${server.port}`,
        'server.http.enabled': 'false',
        'server.https.enabled': 'false',
        'server.memory.pagecache.size': '64.00MiB',
      });

      await expect(runQuery(uri, 'not-the-password', 'RETURN 1')).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
      await runQuery(uri, server.password, 'CREATE (:GuatuRuntimeProbe {kept: true})');

      // A second instance on the same data folder is refused, by name.
      const rival = startLocalNeo4j({ ...server, port: await freePort() }, patient);
      await expect(rival).rejects.toMatchObject({
        problem: 'data-in-use',
        message: expect.stringContaining(join(server.dataDir, 'neo4j')),
      });
    },
    JVM_START_MS,
  );

  it('stops Neo4j on Ctrl-C and exits cleanly, leaving no process', async () => {
    const { child, exit, pid, dataDir } = db();
    expect(isRunning(pid)).toBe(true);
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(isRunning(pid)).toBe(false);
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 120_000);
});

describe('npm run db, on that data folder again with a new GUATU_NEO4J_PASSWORD', () => {
  const db = useDbCommand(async () => ({ ...first, password: 'the-second-password' }));

  it('takes the password from GUATU_NEO4J_PASSWORD again on a restart with existing data', async () => {
    const { uri, server } = db();
    const rows = await runQuery(
      uri,
      server.password,
      'MATCH (probe:GuatuRuntimeProbe) RETURN probe.kept AS kept',
    );
    expect(rows).toEqual([{ kept: true }]);
    await expect(runQuery(uri, first.password, 'RETURN 1')).rejects.toMatchObject({
      code: 'Neo.ClientError.Security.Unauthorized',
    });
  });

  it('leaves no JVM behind when its Node process is killed outright', async () => {
    const { child, exit, pid, dataDir } = db();
    expect(isRunning(pid)).toBe(true);
    child.kill('SIGKILL');
    await exit;
    // Nothing in Node runs after SIGKILL: only the JVM seeing its stdin end can stop it.
    expect(await waitUntilGone(pid, 20_000)).toBe(true);
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 120_000);
});

describe('the local Neo4j refusing to start', () => {
  it('refuses a port in use before starting Java, naming the port', async () => {
    const server = await localServer();
    const blocker = await occupy(server.port);
    try {
      const error = await startLocalNeo4j(server).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(LocalNeo4jError);
      expect(error).toMatchObject({ problem: 'port-in-use' });
      expect((error as Error).message).toContain(`Port ${server.port} on 127.0.0.1`);
      // Most often another guatu holds the port: say how to use its database instead.
      expect((error as Error).message).toContain(`NEO4J_URI=bolt://127.0.0.1:${server.port}`);
      expect((error as Error).message).toContain('另一个挂图');
      expect(processesMentioning(server.dataDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it(
    "recognises the JVM's own failure to bind the port, and leaves no JVM",
    async () => {
      const server = await localServer();
      const blocker = await occupy(server.port);
      try {
        const error = await startLocalNeo4j(server, { ...patient, checkPortFirst: false }).catch(
          (reason: unknown) => reason,
        );
        expect(error).toMatchObject({ problem: 'port-in-use' });
        expect((error as Error).message).toContain(`Port ${server.port} on 127.0.0.1`);
        expect(processesMentioning(server.dataDir)).toEqual([]);
      } finally {
        blocker.close();
      }
    },
    JVM_START_MS,
  );
});
