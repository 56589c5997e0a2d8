// `npm run bench:team`: guatu as a team server under a working morning. A real app in team mode
// (accounts, sessions and the audit log on disk, as `npm start` has them) on the seed, in its own
// Neo4j (a local one in a temp folder, unless NEO4J_URI names a server). 200 liaison accounts,
// each of one unit, sign in and post a progress update on one of their unit's items every few
// seconds, while 50 viewers browse: plans, the plan's graph, units' profiles, search, rankings
// and the war map. The people run in a process of their own (bench/team-client.ts).
//
// Prints logins/s with the Argon2id parameters in use, p50/p99 of reads and of writes, errors,
// and the progress records found in Neo4j afterwards against the writes acknowledged (and the
// audit log's entries): nothing lost is the aim, with no errors.
//
//   BENCH_DURATION=20 npm run bench:team                  a shorter run (default 60 s)
//   BENCH_LIAISONS=50 BENCH_VIEWERS=10 npm run bench:team fewer people
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { AuditLog } from '../graph/accounts/audit.ts';
import { LoginThrottle } from '../graph/accounts/login-limits.ts';
import { HASH_OPTIONS, hashPassword } from '../graph/accounts/password.ts';
import { AccountStore } from '../graph/accounts/store.ts';
import { serveExplorer } from '../graph/cli/serve.ts';
import { ensureSeedLoaded } from '../graph/load/seed.ts';
import { closeDriver, connection, getDriver } from '../graph/neo4j/database.ts';
import { TeamReport, type TeamConfig } from './team-client.ts';
import { neo4jForBench } from './bench-neo4j.ts';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 60);
const LIAISONS = Number(process.env.BENCH_LIAISONS ?? 200);
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 50);
/** "Every few seconds": each liaison waits 2–4 s between updates. */
const UPDATE_EVERY_MS: [number, number] = [2_000, 4_000];
/** A viewer reads what came back and clicks again after 0.5–1.5 s. */
const THINK_MS: [number, number] = [500, 1_500];
const CLIENT_SCRIPT = fileURLToPath(new URL('./team-client.ts', import.meta.url));
const PLAN = '武汉市-f64b89c6';
const PREFIX = 'bench-liaison-';

const say = (line: string) => console.error(`[bench:team] ${line}`);

const path = (route: string, query: Record<string, string>) =>
  `${route}?${new URLSearchParams(query).toString()}`;

async function read<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = getDriver().session({
    database: connection().database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    return (await session.run(cypher, params)).records.map((record) => record.toObject() as T);
  } finally {
    await session.close();
  }
}

async function write(cypher: string, params: Record<string, unknown> = {}): Promise<void> {
  const session = getDriver().session({ database: connection().database });
  try {
    await session.run(cypher, params);
  } finally {
    await session.close();
  }
}

const count = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : Number(value));

async function benchRecords(): Promise<number> {
  const [row] = await read<{ n: unknown }>(
    'MATCH (p:Progress) WHERE p.by STARTS WITH $prefix RETURN count(p) AS n',
    { prefix: PREFIX },
  );
  return count(row?.n);
}

/** The seed's units with the items they lead or support, busiest first. */
async function unitsWithItems(): Promise<{ unit: string; items: string[] }[]> {
  return read<{ unit: string; items: string[] }>(
    `MATCH (u:Unit)-[:LEADS|SUPPORTS {planId: $plan}]->(i:Item)
     WHERE NOT coalesce(u.collective, false)
     WITH u, collect(DISTINCT i.id) AS items
     RETURN u.id AS unit, items ORDER BY size(items) DESC, unit`,
    { plan: PLAN },
  );
}

/**
 * How long the server's event loop was held: a blocked loop stalls every request at once, so a
 * p99 of seconds across all routes alike points here rather than at one slow query.
 */
function watchStalls(): { report: () => string; stop: () => void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const TICK_MS = 50;
  const stalls: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > TICK_MS + 200) stalls.push(now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  return {
    report: () => {
      const ms = (ns: number) => (ns / 1e6).toFixed(1);
      const longest = stalls.length === 0 ? 0 : Math.max(...stalls);
      return (
        `delay p50 ${ms(histogram.percentile(50))} ms, p99 ${ms(histogram.percentile(99))} ms, ` +
        `max ${ms(histogram.max)} ms; ${stalls.length} stalls over 200 ms, longest ${longest.toFixed(0)} ms`
      );
    },
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

/**
 * What Neo4j itself says about the run: the JVM's stop-the-world pauses and checkpoints (both
 * hold every query), from the local server's debug.log; nothing for a server NEO4J_URI names.
 */
async function neo4jPauses(home: string | null, since: Date): Promise<string> {
  if (home === null) return 'not known (a server NEO4J_URI names)';
  let text: string;
  try {
    text = await readFile(join(home, 'logs', 'debug.log'), 'utf8');
  } catch {
    return 'not known (no debug.log)';
  }
  const pauses: number[] = [];
  const checkpoints: number[] = [];
  for (const line of text.split('\n')) {
    const at = new Date(line.slice(0, 23).replace(' ', 'T') + 'Z');
    if (Number.isNaN(at.getTime()) || at < since) continue;
    const pause = /stop-the-world pause: \{pauseTime=(\d+)/.exec(line);
    if (pause) pauses.push(Number(pause[1]));
    const checkpoint = /[Cc]heckpoint .*completed in (\d+)\s*ms/.exec(line);
    if (checkpoint) checkpoints.push(Number(checkpoint[1]));
  }
  const longest = (values: number[]) => (values.length === 0 ? 0 : Math.max(...values));
  return (
    `${pauses.length} JVM pauses, longest ${longest(pauses)} ms; ` +
    `${checkpoints.length} checkpoints, longest ${longest(checkpoints)} ms`
  );
}

/** The people, in a process of their own; resolves with what they saw. */
function people(config: TeamConfig): Promise<TeamReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLIENT_SCRIPT], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`the people's process exited with ${code}`));
      else resolve(TeamReport.parse(JSON.parse(output)));
    });
    child.stdin.end(JSON.stringify(config));
  });
}

async function main(): Promise<number> {
  const accountsDir = await mkdtemp(join(tmpdir(), 'guatu-bench-team-accounts-'));
  const database = await neo4jForBench(say);
  const store = await AccountStore.open(join(accountsDir, 'accounts.sqlite'));
  const audit = new AuditLog(join(accountsDir, 'audit.log'));
  // Served as `npm start` serves it: the seed loaded first, every route a first click reaches
  // warmed before listening, the same kept-answer cache.
  await ensureSeedLoaded(getDriver(), { log: say });
  const server = await serveExplorer({
    driver: getDriver(),
    database: connection().database,
    webRoot: null,
    accounts: { store, audit, throttle: new LoginThrottle() },
    port: 0,
    host: '127.0.0.1',
    log: say,
  });
  const stalls = watchStalls();
  try {
    await write('MATCH (p:Progress) WHERE p.by STARTS WITH $prefix DETACH DELETE p', {
      prefix: PREFIX,
    });
    const units = await unitsWithItems();
    if (units.length === 0) throw new Error('the seed has no units with items');

    // One password for everyone (each sign-in still verifies its own Argon2id hash); each
    // account gets a hash of its own, with its own salt, as `npm run user -- add` makes them.
    const password = `bench-${randomBytes(8).toString('hex')}`;
    const hashStart = performance.now();
    const liaisons: TeamConfig['liaisons'] = [];
    for (let n = 0; n < LIAISONS; n += 1) {
      const { unit, items } = units[n % units.length] ?? { unit: '', items: [] };
      const name = `${PREFIX}${n + 1}`;
      store.add({
        name,
        role: 'liaison',
        units: [unit],
        passwordHash: await hashPassword(password),
      });
      liaisons.push({ name, items });
    }
    const viewers: string[] = [];
    for (let n = 0; n < VIEWERS; n += 1) {
      const name = `bench-viewer-${n + 1}`;
      store.add({ name, role: 'viewer', units: [], passwordHash: await hashPassword(password) });
      viewers.push(name);
    }
    const hashMs = (performance.now() - hashStart) / (LIAISONS + VIEWERS);
    const [busiest, second] = units;
    const reads = [
      '/api/plans',
      path('/api/plans/graph', { plan: PLAN }),
      path('/api/units/profile', { id: busiest?.unit ?? '', plan: PLAN }),
      path('/api/units/profile', { id: second?.unit ?? '', plan: PLAN }),
      path('/api/search', { q: '发改委', plan: PLAN }),
      path('/api/search', { q: '科技创新', plan: PLAN }),
      path('/api/hotspots/unit-load', { plan: PLAN }),
      path('/api/hotspots/coordination-pairs', { plan: PLAN }),
      path('/api/progress/map', { plan: PLAN }),
    ];
    say(
      `server on ${server.url}; ${LIAISONS} liaisons of ${Math.min(LIAISONS, units.length)} units, ` +
        `${VIEWERS} viewers, ${DURATION_S} s; accounts made at ${hashMs.toFixed(1)} ms each`,
    );

    const startedAt = new Date();
    const report = await people({
      url: server.url,
      plan: PLAN,
      seconds: DURATION_S,
      password,
      liaisons,
      viewers,
      reads,
      updateEveryMs: UPDATE_EVERY_MS,
      thinkMs: THINK_MS,
    });
    const records = await benchRecords();
    const audited = audit.entries().filter((entry) => entry.action === 'update-progress').length;
    const lost = report.writes.acknowledged - records;

    const { memoryCost, timeCost, parallelism } = HASH_OPTIONS;
    console.log(
      [
        `Argon2id m=${memoryCost} KiB t=${timeCost} p=${parallelism}: ` +
          `${report.logins.perSecond} logins/s (${report.logins.count} sign-ins in ${report.logins.seconds} s, 8 at a time; ` +
          `p50 ${report.loginLatency.p50} ms, p99 ${report.loginLatency.p99} ms; ${report.logins.failed} failed)`,
        `reads  (${VIEWERS} viewers):  ${report.reads.count} in ${report.seconds} s, ` +
          `p50 ${report.reads.p50} ms, p99 ${report.reads.p99} ms, max ${report.reads.max} ms, ` +
          `errors ${report.reads.errors} ${JSON.stringify(report.reads.byStatus)}`,
        ...Object.entries(report.reads.byPath).map(
          ([read, f]) =>
            `  ${decodeURIComponent(read)}: ${f.count}, p50 ${f.p50} ms, p99 ${f.p99} ms`,
        ),
        `writes (${LIAISONS} liaisons): ${report.writes.count} in ${report.seconds} s, ` +
          `p50 ${report.writes.p50} ms, p99 ${report.writes.p99} ms, max ${report.writes.max} ms, ` +
          `errors ${report.writes.errors} ${JSON.stringify(report.writes.byStatus)}`,
        `settled (asked after the first ${report.settled.after} s): reads p50 ${report.settled.reads.p50} ms, ` +
          `p99 ${report.settled.reads.p99} ms, max ${report.settled.reads.max} ms; writes p50 ${report.settled.writes.p50} ms, ` +
          `p99 ${report.settled.writes.p99} ms, max ${report.settled.writes.max} ms`,
        `server's event loop: ${stalls.report()}`,
        `people's process: ${report.clientStalls.count} stalls over 200 ms, longest ${report.clientStalls.longest} ms`,
        `answers over 1 s by second of the run asked: ${
          Object.entries(report.slowBySecond)
            .map(([second, n]) => `${second}s×${n}`)
            .join(' ') || 'none'
        }`,
        `Neo4j during the run: ${await neo4jPauses(database.home, startedAt)}`,
        `records: ${report.writes.acknowledged} acknowledged, ${records} in Neo4j, ` +
          `${audited} update-progress entries in the audit log; ` +
          `${lost === 0 && audited === records ? 'nothing lost' : `MISMATCH (${lost} lost)`}`,
      ].join('\n'),
    );
    await write('MATCH (p:Progress) WHERE p.by STARTS WITH $prefix DETACH DELETE p', {
      prefix: PREFIX,
    });
    const ok =
      lost === 0 &&
      audited === records &&
      report.reads.errors === 0 &&
      report.writes.errors === 0 &&
      report.logins.failed === 0;
    return ok ? 0 : 1;
  } finally {
    stalls.stop();
    await server.close();
    store.close();
    await closeDriver();
    await database.stop();
    await rm(accountsDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
