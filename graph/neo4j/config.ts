// Which Neo4j guatu talks to, read from the environment once and validated at that boundary.
// NEO4J_URI set: the user's own server, cluster or Aura instance, and guatu starts nothing.
// Not set: guatu runs its own Neo4j Community on 127.0.0.1 (see launcher.ts), tuned by GUATU_*.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The local instance's password when GUATU_NEO4J_PASSWORD is not set; it only listens on 127.0.0.1. */
export const DEFAULT_LOCAL_PASSWORD = 'guatu-local-dev';
export const DEFAULT_LOCAL_PORT = 7687;
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.guatu/', import.meta.url));

/** The schemes neo4j-driver speaks: direct (bolt) or routing (neo4j), each optionally over TLS. */
const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/** Where and as whom to connect: everything a driver needs, whoever runs the server. */
export const Connection = z.object({
  uri: z.string().min(1),
  username: z.string().min(1),
  password: z.string(),
  database: z.string().min(1),
});
export type Connection = z.infer<typeof Connection>;

/** How to run the local Neo4j. Sizes are Java/Neo4j byte sizes such as `512m` or `2g`. */
export const LocalServer = z.object({
  port: z.number().int().min(1).max(65535),
  password: z.string().min(8),
  /** GUATU_DATA_DIR; the Neo4j home (store, transaction logs, logs) is its `neo4j/` folder. */
  dataDir: z.string().min(1),
  heap: z.string(),
  pageCache: z.string(),
  /** Any transaction running longer is terminated: a runaway query must not hang the explorer. */
  transactionTimeoutSeconds: z.number().int().positive(),
  /** Per-transaction memory cap, so one bad query cannot take the heap. */
  transactionMemory: z.string(),
});
export type LocalServer = z.infer<typeof LocalServer>;

export const Config = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('remote'), connection: Connection }),
  z.object({ mode: z.literal('local'), connection: Connection, local: LocalServer }),
]);
export type Config = z.infer<typeof Config>;

/** Thrown for an unusable environment; the message has one `VARIABLE: problem` line per issue. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid Neo4j configuration:\n  ${problems.join('\n  ')}`);
  }
}

const quoted = (input: unknown): string => JSON.stringify(input);

// A variable set to the empty string (common in .env files and CI) counts as not set.
const variable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);

/** The memory one transaction (a load, a console query) may use on the local Neo4j. */
export const DEFAULT_TRANSACTION_MEMORY = '512m';
/** The share of the heap a transaction may be given: Neo4j and the other transactions need the rest. */
export const MAX_TRANSACTION_SHARE = 0.75;

/** Bytes of a Java size such as `512m` (checked by `size` first). */
export function sizeInBytes(text: string): number {
  const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[text.slice(-1).toLowerCase()] ?? 1;
  return Number.parseInt(text, 10) * unit;
}

const size = (example: string) =>
  z.string().regex(/^[1-9][0-9]*[kmg]$/i, {
    error: (issue) => `expected a size such as ${example}, got ${quoted(issue.input)}`,
  });

const Environment = z
  .object({
    NEO4J_URI: variable(
      z
        .string()
        .refine(isNeo4jUri, {
          error: (issue) =>
            `expected a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI, got ${quoted(issue.input)}`,
        })
        .optional(),
    ),
    NEO4J_USERNAME: variable(z.string().default('neo4j')),
    NEO4J_PASSWORD: variable(z.string().optional()),
    NEO4J_DATABASE: variable(z.string().default('neo4j')),
    GUATU_NEO4J_PORT: variable(
      z
        .string()
        .default(String(DEFAULT_LOCAL_PORT))
        .refine((text) => /^[0-9]+$/.test(text) && Number(text) >= 1 && Number(text) <= 65535, {
          error: (issue) => `expected a port number from 1 to 65535, got ${quoted(issue.input)}`,
        })
        .transform(Number),
    ),
    GUATU_NEO4J_PASSWORD: variable(
      z
        .string()
        // Neo4j's own minimum (dbms.security.auth_minimum_password_length); the value itself is
        // never echoed.
        .min(8, { error: 'expected at least 8 characters, the minimum Neo4j accepts' })
        .default(DEFAULT_LOCAL_PASSWORD),
    ),
    GUATU_DATA_DIR: variable(z.string().default(DEFAULT_DATA_DIR)),
    GUATU_NEO4J_HEAP: variable(size('1g').default('1g')),
    GUATU_NEO4J_PAGECACHE: variable(size('512m').default('512m')),
    GUATU_NEO4J_TX_MEMORY: variable(size('2g').optional()),
  })
  .superRefine((env, context) => {
    // A load is one transaction: a plan of 20,000 items and 200,000 edges needs more than the
    // default (README, "Large plans"). The JVM exits on OutOfMemoryError, so a raised cap must
    // leave the heap room for everything else.
    const memory = env.GUATU_NEO4J_TX_MEMORY;
    const heap = sizeInBytes(env.GUATU_NEO4J_HEAP);
    if (memory !== undefined && sizeInBytes(memory) > heap * MAX_TRANSACTION_SHARE) {
      context.addIssue({
        code: 'custom',
        path: ['GUATU_NEO4J_TX_MEMORY'],
        message:
          `${memory} does not fit in a heap of ${env.GUATU_NEO4J_HEAP}: ` +
          `at most ${MAX_TRANSACTION_SHARE * 100}% of GUATU_NEO4J_HEAP; raise both, e.g. GUATU_NEO4J_HEAP=3g GUATU_NEO4J_TX_MEMORY=2g`,
      });
    }
    if (env.NEO4J_URI !== undefined && env.NEO4J_PASSWORD === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: `required when NEO4J_URI is set (connecting to ${env.NEO4J_URI})`,
      });
    }
  });

function isNeo4jUri(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return URI_SCHEMES.includes(url.protocol.slice(0, -1)) && url.hostname !== '';
}

/** Validates an environment into a Config; pure, so tests can hand it any environment. */
export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const vars = parsed.data;
  if (vars.NEO4J_URI !== undefined) {
    return {
      mode: 'remote',
      connection: {
        uri: vars.NEO4J_URI,
        username: vars.NEO4J_USERNAME,
        password: vars.NEO4J_PASSWORD ?? '',
        database: vars.NEO4J_DATABASE,
      },
    };
  }
  const port = vars.GUATU_NEO4J_PORT;
  return {
    mode: 'local',
    // Community edition: one user, one user database, both called neo4j.
    connection: {
      uri: `bolt://127.0.0.1:${port}`,
      username: 'neo4j',
      password: vars.GUATU_NEO4J_PASSWORD,
      database: 'neo4j',
    },
    local: {
      port,
      password: vars.GUATU_NEO4J_PASSWORD,
      dataDir: resolve(vars.GUATU_DATA_DIR),
      heap: vars.GUATU_NEO4J_HEAP,
      pageCache: vars.GUATU_NEO4J_PAGECACHE,
      transactionTimeoutSeconds: 30,
      transactionMemory: vars.GUATU_NEO4J_TX_MEMORY ?? DEFAULT_TRANSACTION_MEMORY,
    },
  };
}

let cached: Config | undefined;

/** This process's configuration, read from process.env on first use. */
export function config(): Config {
  cached ??= readConfig(process.env);
  return cached;
}
