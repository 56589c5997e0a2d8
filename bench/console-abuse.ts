// The abusers of `npm run bench:api`'s abuse scenario, in a process of their own so that their
// reading of capped answers (megabytes each) never runs on the server's event loop: CLIENTS
// console clients, each from its own loopback address (127.0.0.2, .3 …, so the console's
// per-client limit sees twenty clients, not one), each sending issue 16's worst queries one after
// another without pause, and never waiting for Retry-After, until SECONDS have passed. Prints what
// they got back as JSON.
//
//   tsx bench/console-abuse.ts http://127.0.0.1:8080 30 [clients]
import { Agent, request } from 'node:http';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/** Issue 16's worst console queries, each with what it tries to do. */
export const ABUSIVE_QUERIES: readonly { name: string; query: string }[] = [
  { name: 'deep nesting', query: `RETURN ${'('.repeat(6_000)}1${')'.repeat(6_000)} AS x` },
  {
    name: 'catastrophic regex',
    query: `RETURN '${'a'.repeat(40)}!' =~ '(.*a){20}b' AS m`,
  },
  {
    name: 'huge reduce',
    query: "RETURN size(reduce(s = '', x IN range(1, 10000000) | s + 'aaaa')) AS n",
  },
  { name: 'huge range', query: 'RETURN size(range(1, 200000000)) AS n' },
  {
    name: 'huge answer',
    query: 'MATCH (p:Plan) UNWIND range(1, 5000) AS i RETURN p, p AS p2, p AS p3',
  },
  {
    name: 'slow cross product',
    query:
      'UNWIND range(1, 1000000) AS a UNWIND range(1, 1000) AS b WITH a, b WHERE (a + b) % 7 = 3 RETURN count(*) AS n',
  },
  {
    name: 'polynomial regex',
    query: "RETURN reduce(s = '', x IN range(1, 5000) | s + 'aa') =~ '.*.*.*.*.*.*.*.*b' AS m",
  },
];

export const AbuseReport = z.object({
  clients: z.number(),
  seconds: z.number(),
  /** Answers by status, e.g. {"400": 812, "429": 30211, "200": 12}; 0 is a failed connection. */
  statuses: z.record(z.string(), z.number()),
  /** Answers by query name and status. */
  byQuery: z.record(z.string(), z.record(z.string(), z.number())),
  /** Bytes of answers read. */
  bytes: z.number(),
});
export type AbuseReport = z.infer<typeof AbuseReport>;

function post(target: URL, agent: Agent, body: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve) => {
    const sent = request(
      {
        host: target.hostname,
        port: target.port,
        path: '/api/cypher',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on('error', () => resolve({ status: 0, bytes }));
      },
    );
    sent.on('error', () => resolve({ status: 0, bytes: 0 }));
    sent.end(body);
  });
}

export async function abuse(url: string, seconds: number, clients: number): Promise<AbuseReport> {
  const target = new URL(url);
  const until = Date.now() + seconds * 1000;
  const report: AbuseReport = { clients, seconds, statuses: {}, byQuery: {}, bytes: 0 };
  const count = (into: Record<string, number>, status: number) => {
    into[String(status)] = (into[String(status)] ?? 0) + 1;
  };
  await Promise.all(
    Array.from({ length: clients }, async (_, index) => {
      const agent = new Agent({
        keepAlive: true,
        maxSockets: 1,
        localAddress: `127.0.0.${index + 2}`,
      });
      try {
        for (let round = index; Date.now() < until; round += 1) {
          const abusive = ABUSIVE_QUERIES[round % ABUSIVE_QUERIES.length];
          if (abusive === undefined) continue;
          const { status, bytes } = await post(
            target,
            agent,
            JSON.stringify({ query: abusive.query }),
          );
          report.bytes += bytes;
          count(report.statuses, status);
          count((report.byQuery[abusive.name] ??= {}), status);
          // A refused connection comes back at once; do not spin on it.
          if (status === 0) await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  return report;
}

const [url, seconds, clients] = process.argv.slice(2);
if (
  url !== undefined &&
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  const report = await abuse(url, Number(seconds ?? 30), Number(clients ?? 20));
  console.log(JSON.stringify(report));
}
