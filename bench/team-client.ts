// The people of `npm run bench:team`, in a process of their own so that their requests never run
// on the server's event loop: every account signs in (LOGIN_CONCURRENCY at a time, timed as
// logins/s), then for SECONDS each liaison posts a progress update on one of its unit's items
// every few seconds while each viewer browses (plans, graph, a unit's profile, search, rankings)
// with a short pause between clicks. Prints what happened as JSON on stdout.
//
//   tsx bench/team-client.ts < config.json
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

export const TeamConfig = z.object({
  url: z.string(),
  plan: z.string(),
  seconds: z.number(),
  password: z.string(),
  liaisons: z.array(z.object({ name: z.string(), items: z.array(z.string()).min(1) })),
  viewers: z.array(z.string()),
  reads: z.array(z.string()).min(1),
  /** Milliseconds between a liaison's updates: uniform in [min, max]. */
  updateEveryMs: z.tuple([z.number(), z.number()]),
  /** A viewer's pause between clicks, uniform in [min, max]. */
  thinkMs: z.tuple([z.number(), z.number()]),
});
export type TeamConfig = z.infer<typeof TeamConfig>;

const Figures = z.object({ count: z.number(), p50: z.number(), p99: z.number(), max: z.number() });

export const TeamReport = z.object({
  logins: z.object({
    count: z.number(),
    seconds: z.number(),
    perSecond: z.number(),
    failed: z.number(),
  }),
  loginLatency: Figures,
  reads: Figures.extend({
    errors: z.number(),
    byStatus: z.record(z.string(), z.number()),
    /** Each read's own figures: which page is slow, not only that one is. */
    byPath: z.record(z.string(), Figures),
  }),
  writes: Figures.extend({
    acknowledged: z.number(),
    errors: z.number(),
    byStatus: z.record(z.string(), z.number()),
  }),
  seconds: z.number(),
  /**
   * When the slow answers (over 1 s) were asked, by second of the run: slow answers bunched in a
   * few seconds are a stall of everything (server, Neo4j or this process), spread out a queue.
   */
  slowBySecond: z.record(z.string(), z.number()),
  /**
   * Reads and writes asked after the first SETTLE_S seconds: 250 people starting in the same
   * second, on a Neo4j whose JIT is still cold, is the bench's start, not a working morning.
   */
  settled: z.object({ after: z.number(), reads: Figures, writes: Figures }),
  /** This process's own event-loop stalls: a stalled client adds its stall to every timing. */
  clientStalls: z.object({ count: z.number(), longest: z.number() }),
});
export type TeamReport = z.infer<typeof TeamReport>;

const LOGIN_CONCURRENCY = 8;

/** Seconds after which the people's answers count as the settled working morning. */
const SETTLE_S = 5;

function figures(samples: number[]): z.infer<typeof Figures> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length === 0
      ? 0
      : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    count: sorted.length,
    p50: Math.round(at(0.5) * 10) / 10,
    p99: Math.round(at(0.99) * 10) / 10,
    max: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
  };
}

const between = ([min, max]: [number, number]) => min + Math.random() * (max - min);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

async function run(config: TeamConfig): Promise<TeamReport> {
  const origin = new URL(config.url).origin;
  const page = { Origin: origin, 'X-Guatu-Request': '1', 'Content-Type': 'application/json' };
  const cookies = new Map<string, string>();

  // Sign-ins, a few at a time, as a morning's first minutes would bring them.
  const names = [...config.liaisons.map((l) => l.name), ...config.viewers];
  const loginTimes: number[] = [];
  let failedLogins = 0;
  const queue = [...names];
  const loginStart = performance.now();
  await Promise.all(
    Array.from({ length: LOGIN_CONCURRENCY }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const start = performance.now();
        const response = await fetch(`${config.url}/api/session`, {
          method: 'POST',
          headers: page,
          body: JSON.stringify({ name, password: config.password }),
        });
        loginTimes.push(performance.now() - start);
        await response.arrayBuffer();
        const cookie = response.headers.get('set-cookie')?.split(';')[0];
        if (response.ok && cookie !== undefined) cookies.set(name, cookie);
        else failedLogins += 1;
      }
    }),
  );
  const loginSeconds = (performance.now() - loginStart) / 1000;

  const reads: number[] = [];
  const readsByPath = new Map<string, number[]>();
  const readStatus: Record<string, number> = {};
  let readErrors = 0;
  const writes: number[] = [];
  const writeStatus: Record<string, number> = {};
  let writeErrors = 0;
  let acknowledged = 0;
  const end = performance.now() + config.seconds * 1000;
  const started = performance.now();
  const slowBySecond: Record<string, number> = {};
  const settledReads: number[] = [];
  const settledWrites: number[] = [];
  const timed = (start: number, settled: number[]) => {
    const ms = performance.now() - start;
    if (start - started >= SETTLE_S * 1000) settled.push(ms);
    if (ms > 1_000) {
      const second = String(Math.floor((start - started) / 1000));
      slowBySecond[second] = (slowBySecond[second] ?? 0) + 1;
    }
    return ms;
  };
  const stalls: number[] = [];
  let tick = performance.now();
  const watch = setInterval(() => {
    const now = performance.now();
    if (now - tick > 250) stalls.push(now - tick - 50);
    tick = now;
  }, 50);

  const liaison = async ({ name, items }: TeamConfig['liaisons'][number], index: number) => {
    const cookie = cookies.get(name);
    if (cookie === undefined) return;
    // Spread the first updates over the first interval rather than all at once.
    await sleep(Math.random() * config.updateEveryMs[1]);
    for (let n = 1; performance.now() < end; n += 1) {
      const start = performance.now();
      try {
        const response = await fetch(`${config.url}/api/progress`, {
          method: 'POST',
          headers: { ...page, Cookie: cookie },
          body: JSON.stringify({
            plan: config.plan,
            item: pick(items),
            status: pick(['in-progress', 'in-progress', 'late', 'done'] as const),
            note: `${name} 第${n}次报送：本周完成既定工作（${index}-${n}）`,
            percent: Math.min(100, n * 5),
          }),
        });
        await response.arrayBuffer();
        writes.push(timed(start, settledWrites));
        writeStatus[response.status] = (writeStatus[response.status] ?? 0) + 1;
        if (response.status === 201) acknowledged += 1;
        else writeErrors += 1;
      } catch {
        writeErrors += 1;
      }
      await sleep(between(config.updateEveryMs));
    }
  };

  const viewer = async (name: string) => {
    const cookie = cookies.get(name);
    if (cookie === undefined) return;
    while (performance.now() < end) {
      const start = performance.now();
      const path = pick(config.reads);
      try {
        const response = await fetch(`${config.url}${path}`, { headers: { Cookie: cookie } });
        await response.arrayBuffer();
        const ms = timed(start, settledReads);
        reads.push(ms);
        readsByPath.set(path, [...(readsByPath.get(path) ?? []), ms]);
        readStatus[response.status] = (readStatus[response.status] ?? 0) + 1;
        if (!response.ok) readErrors += 1;
      } catch {
        readErrors += 1;
      }
      await sleep(between(config.thinkMs));
    }
  };

  await Promise.all([...config.liaisons.map(liaison), ...config.viewers.map(viewer)]);
  clearInterval(watch);
  return {
    slowBySecond,
    settled: { after: SETTLE_S, reads: figures(settledReads), writes: figures(settledWrites) },
    clientStalls: {
      count: stalls.length,
      longest: Math.round(stalls.length === 0 ? 0 : Math.max(...stalls)),
    },
    logins: {
      count: names.length - failedLogins,
      seconds: Math.round(loginSeconds * 100) / 100,
      perSecond: Math.round(((names.length - failedLogins) / loginSeconds) * 10) / 10,
      failed: failedLogins,
    },
    loginLatency: figures(loginTimes),
    reads: {
      ...figures(reads),
      errors: readErrors,
      byStatus: readStatus,
      byPath: Object.fromEntries(
        [...readsByPath].map(([path, samples]) => [path, figures(samples)]),
      ),
    },
    writes: { ...figures(writes), acknowledged, errors: writeErrors, byStatus: writeStatus },
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const report = await run(TeamConfig.parse(JSON.parse(input)));
  process.stdout.write(JSON.stringify(report));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
