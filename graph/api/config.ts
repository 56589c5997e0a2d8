// Where the explorer listens and how much it keeps of its answers, read from the environment once
// and validated at that boundary.
// Loopback by default: the explorer has no login, so reaching it from another machine has to be
// asked for (HOST=0.0.0.0).
import { isIP } from 'node:net';
import { z } from 'zod';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

/** The kept graph answers (graph/api/answer-cache.ts): a byte budget and an age limit. */
export const AnswerCacheConfig = z.object({
  /** UTF-8 bytes of the kept answers and their keys together; 0 keeps none. */
  maxBytes: z.number().int().min(0),
  /** An answer older than this is dropped, even while the plans look unchanged. */
  ttlMs: z.number().int().positive(),
});
export type AnswerCacheConfig = z.infer<typeof AnswerCacheConfig>;

/**
 * 64 MiB: the seed plan's largest answer (the whole plan as a graph) is about 0.5 MB, so this
 * keeps every planner's recent answers while bounding what a stream of distinct ones can take.
 */
export const DEFAULT_ANSWER_CACHE: AnswerCacheConfig = { maxBytes: 64 * 2 ** 20, ttlMs: 60_000 };

/** Where the bureaus work: a deadline passes at midnight there (GUATU_TIME_ZONE). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const ServerConfig = z.object({
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1),
  answerCache: AnswerCacheConfig,
  timeZone: z.string().min(1),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

/** Thrown for an unusable PORT or HOST; the message names the variable and the value. */
export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError';
}

// A variable set to the empty string counts as not set, as in graph/neo4j/config.ts.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const Environment = z.object({
  PORT: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[0-9]+$/, { error: 'expected a port number from 0 to 65535' })
      .transform(Number)
      .refine((port) => port <= 65535, { error: 'expected a port number from 0 to 65535' })
      .default(DEFAULT_PORT),
  ),
  HOST: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((host) => isIP(host) !== 0 || /^[A-Za-z0-9.-]+$/.test(host), {
        error: 'expected an IP address or a host name',
      })
      .default(DEFAULT_HOST),
  ),
  GUATU_ANSWER_CACHE_BYTES: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^(0|[1-9][0-9]*[kmg]?)$/i, {
        error: 'expected a size in bytes such as 64m, 512k or 1g (0 keeps no answers)',
      })
      .transform(bytesOf)
      .default(DEFAULT_ANSWER_CACHE.maxBytes),
  ),
  GUATU_ANSWER_CACHE_TTL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[1-9][0-9]*$/, { error: 'expected a whole number of seconds, at least 1' })
      .transform((seconds) => Number(seconds) * 1000)
      .default(DEFAULT_ANSWER_CACHE.ttlMs),
  ),
  GUATU_TIME_ZONE: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine(isTimeZone, { error: 'expected an IANA time zone such as Asia/Shanghai' })
      .default(DEFAULT_TIME_ZONE),
  ),
});

const UNIT_BYTES: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };

/** `64m` → 67108864; a bare number is bytes. */
function bytesOf(size: string): number {
  const unit = size.at(-1)?.toLowerCase() ?? '';
  const factor = UNIT_BYTES[unit];
  return factor === undefined ? Number(size) : Number(size.slice(0, -1)) * factor;
}

/** Validates an environment into a ServerConfig; pure, so tests can hand it any environment. */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `${name}: ${issue.message}, got ${JSON.stringify(env[name])}`;
    });
    throw new ServerConfigError(`Invalid server configuration:\n  ${lines.join('\n  ')}`);
  }
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    answerCache: {
      maxBytes: parsed.data.GUATU_ANSWER_CACHE_BYTES,
      ttlMs: parsed.data.GUATU_ANSWER_CACHE_TTL,
    },
    timeZone: parsed.data.GUATU_TIME_ZONE,
  };
}

let processCache: AnswerCacheConfig | undefined;

/**
 * This process's answer cache settings (GUATU_ANSWER_CACHE_BYTES, GUATU_ANSWER_CACHE_TTL), read
 * from process.env on first use: every app made in the process follows them unless given its own.
 */
export function answerCacheConfig(): AnswerCacheConfig {
  processCache ??= readServerConfig(process.env).answerCache;
  return processCache;
}

let processTimeZone: string | undefined;

/** This process's GUATU_TIME_ZONE, read from process.env on first use. */
export function timeZoneConfig(): string {
  processTimeZone ??= readServerConfig(process.env).timeZone;
  return processTimeZone;
}
