// The local Neo4j itself: these tests start instances of their own (besides the run's), so they
// hold whether or not NEO4J_URI points the rest of the suite elsewhere.
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

describe('the local Neo4j', () => {
  // Shared by the first two tests: a restart on an existing data folder is the second's subject.
  let server: LocalServer;

  it(
    'listens on 127.0.0.1 for Bolt only, with auth on and the limits guatu sets',
    async () => {
      server = await localServer({ GUATU_NEO4J_PASSWORD: 'the-first-password' });
      const instance = await startLocalNeo4j(server, patient);
      try {
        expect(instance.uri).toBe(`bolt://127.0.0.1:${server.port}`);
        expect(listeningAddresses(instance.pid)).toEqual([`127.0.0.1:${server.port}`]);

        const settings = await runQuery(
          instance.uri,
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

        await expect(runQuery(instance.uri, 'not-the-password', 'RETURN 1')).rejects.toMatchObject({
          code: 'Neo.ClientError.Security.Unauthorized',
        });
        await runQuery(instance.uri, server.password, 'CREATE (:GuatuRuntimeProbe {kept: true})');

        // A second instance on the same data folder is refused, by name.
        const rival = startLocalNeo4j({ ...server, port: await freePort() }, patient);
        await expect(rival).rejects.toMatchObject({
          problem: 'data-in-use',
          message: expect.stringContaining(join(server.dataDir, 'neo4j')),
        });
      } finally {
        await instance.stop();
      }
      expect(isRunning(instance.pid)).toBe(false);
      expect(await instance.exited).toEqual({ code: 0, signal: null });
    },
    JVM_START_MS * 2,
  );

  it(
    'takes the password from GUATU_NEO4J_PASSWORD again on a restart with existing data',
    async () => {
      const restarted = { ...server, password: 'the-second-password' };
      const instance = await startLocalNeo4j(restarted, patient);
      try {
        const rows = await runQuery(
          instance.uri,
          restarted.password,
          'MATCH (probe:GuatuRuntimeProbe) RETURN probe.kept AS kept',
        );
        expect(rows).toEqual([{ kept: true }]);
        await expect(runQuery(instance.uri, server.password, 'RETURN 1')).rejects.toMatchObject({
          code: 'Neo.ClientError.Security.Unauthorized',
        });
      } finally {
        await instance.stop();
      }
      expect(isRunning(instance.pid)).toBe(false);
    },
    JVM_START_MS,
  );

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

interface DbCommand {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** The JVM's pid, once `npm run db` says Neo4j is running. */
  jvm: Promise<number>;
  exit: Promise<number | null>;
}

/** `npm run db` as a single Node process (no npm or tsx wrapper), so signals reach it directly. */
async function runDbCommand(): Promise<DbCommand & { dataDir: string }> {
  const server = await localServer();
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
  const jvm = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const pid = /Neo4j is running at .*, pid (\d+)/.exec(stdout)?.[1];
      if (pid) resolve(Number(pid));
    });
    void exit.then((code) => reject(new Error(`npm run db exited (${code}) early:\n${stderr}`)));
  });
  return { child, jvm, exit, dataDir: server.dataDir };
}

describe('npm run db', () => {
  it(
    'stops Neo4j on Ctrl-C and exits cleanly, leaving no process',
    async () => {
      const db = await runDbCommand();
      const jvm = await db.jvm;
      expect(isRunning(jvm)).toBe(true);
      db.child.kill('SIGINT');
      expect(await db.exit).toBe(0);
      expect(isRunning(jvm)).toBe(false);
      expect(processesMentioning(db.dataDir)).toEqual([]);
    },
    JVM_START_MS,
  );

  it(
    'leaves no JVM behind when its Node process is killed outright',
    async () => {
      const db = await runDbCommand();
      const jvm = await db.jvm;
      db.child.kill('SIGKILL');
      await db.exit;
      // Nothing in Node runs after SIGKILL: only the JVM seeing its stdin end can stop it.
      expect(await waitUntilGone(jvm, 20_000)).toBe(true);
      expect(processesMentioning(db.dataDir)).toEqual([]);
    },
    JVM_START_MS,
  );
});
