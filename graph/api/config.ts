// Where the explorer listens, read from the environment once and validated at that boundary.
// Loopback by default: the explorer has no login, so reaching it from another machine has to be
// asked for (HOST=0.0.0.0).
import { isIP } from 'node:net';
import { z } from 'zod';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export const ServerConfig = z.object({
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1),
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
});

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
  return { port: parsed.data.PORT, host: parsed.data.HOST };
}
