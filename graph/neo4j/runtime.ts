// Makes sure there is a Neo4j to talk to: the user's own server when NEO4J_URI is set (checked,
// never started), otherwise the local instance, started here and stopped by the caller.
import { ConfigError, config as processConfig, type Config, type Connection } from './config.ts';
import { Neo4jConnectionError, verifyConnection } from './database.ts';
import {
  LocalNeo4jError,
  startLocalNeo4j,
  type LocalNeo4j,
  type StartOptions,
} from './launcher.ts';

export interface Neo4jRuntime {
  readonly connection: Connection;
  /** The server's own description, e.g. `Neo4j/5.26.30`. */
  readonly agent: string;
  /** The local instance this process started, or null for a server of the user's. */
  readonly local: LocalNeo4j | null;
  /** Stops what this runtime started; a no-op for a server of the user's. */
  stop(): Promise<void>;
}

/**
 * Reaches the configured Neo4j, starting the local one first when NEO4J_URI is not set.
 * Resolves once a `RETURN 1` has gone through the process's driver (database.ts), which always
 * follows the process's config(): pass no other `config` than that one (undefined means it).
 */
export async function ensureNeo4j(
  config: Config = processConfig(),
  options: StartOptions = {},
): Promise<Neo4jRuntime> {
  const local = config.mode === 'local' ? await startLocalNeo4j(config.local, options) : null;
  try {
    const server = await verifyConnection();
    return {
      connection: config.connection,
      agent: server.agent ?? 'Neo4j',
      local,
      stop: async () => {
        await local?.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}

/** Where the data lives and how to connect, for a person reading the terminal. */
export function describeNeo4j(runtime: Neo4jRuntime): string[] {
  const { uri, username, database } = runtime.connection;
  const lines = [`${runtime.agent} at ${uri} (user ${username}, database ${database})`];
  if (runtime.local !== null) {
    lines.push(
      `local instance, pid ${runtime.local.pid}, listening on 127.0.0.1 only`,
      `data folder ${runtime.local.home}`,
    );
  } else {
    lines.push('your own server (NEO4J_URI); guatu started nothing');
  }
  return lines;
}

/**
 * The message for a failure to configure, start or reach Neo4j: ours are written for the person
 * at the terminal and print without a stack; anything else is a bug and keeps its stack.
 */
export function explainFailure(error: unknown): string {
  if (
    error instanceof ConfigError ||
    error instanceof LocalNeo4jError ||
    error instanceof Neo4jConnectionError
  ) {
    return error.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
