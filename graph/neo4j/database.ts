// The process's one Neo4j driver, and the way every other module runs transactions through it.
// Whoever owns the process (a command, the test setup) calls closeDriver() before it ends:
// an open driver keeps sockets, and with them the process, alive.
import neo4j, {
  Neo4jError,
  type Driver,
  type ManagedTransaction,
  type ServerInfo,
  type Session,
} from 'neo4j-driver';
import { config, type Connection } from './config.ts';

/** A failure to reach or log in to Neo4j; the message names the URI and user it tried. */
export class Neo4jConnectionError extends Error {
  override readonly name = 'Neo4jConnectionError';
}

let open: { driver: Driver; connection: Connection } | undefined;
let consoleOpen: Driver | undefined;

/**
 * The console driver's pool: as many connections as the API's console gate lets queries run at
 * once (graph/api/console/gate.ts), and a wait for one of seconds, not neo4j-driver's 60 s. The
 * explorer's driver keeps the defaults (100 connections), none of which the console can take.
 */
export const CONSOLE_POOL_SIZE = 4;
export const CONSOLE_ACQUISITION_TIMEOUT_MS = 2_000;

/** Driver codes meaning the server was never reached, or reached but refused us. */
function isConnectionFailure(error: unknown): error is Neo4jError {
  if (!(error instanceof Neo4jError)) return false;
  return (
    error.code === neo4j.error.SERVICE_UNAVAILABLE ||
    error.code === neo4j.error.SESSION_EXPIRED ||
    error.code.startsWith('Neo.ClientError.Security.') ||
    error.code === 'Neo.ClientError.Database.DatabaseNotFound'
  );
}

function explain(error: unknown, connection: Connection): unknown {
  if (!isConnectionFailure(error)) return error;
  const target = `${connection.uri} (user "${connection.username}", database "${connection.database}")`;
  return new Neo4jConnectionError(`Could not use Neo4j at ${target}: ${error.message}`, {
    cause: error,
  });
}

/** The connection this process uses: NEO4J_* when NEO4J_URI is set, else the local instance. */
export function connection(): Connection {
  return open?.connection ?? config().connection;
}

/** The process's driver, created on first use. */
export function getDriver(): Driver {
  if (open === undefined) {
    const target = config().connection;
    open = {
      connection: target,
      driver: neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
        userAgent: 'guatu',
        // Counts, lines and positions are far below 2^53: plain numbers spare every caller
        // neo4j's Integer type.
        disableLosslessIntegers: true,
      }),
    };
  }
  return open.driver;
}

/**
 * A second driver to the same Neo4j, for the Cypher console alone: its own small pool and a short
 * wait for a connection, so console queries never queue behind, or in front of, the explorer's.
 */
export function getConsoleDriver(): Driver {
  if (consoleOpen === undefined) {
    const target = connection();
    consoleOpen = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
      userAgent: 'guatu-console',
      disableLosslessIntegers: true,
      maxConnectionPoolSize: CONSOLE_POOL_SIZE,
      connectionAcquisitionTimeout: CONSOLE_ACQUISITION_TIMEOUT_MS,
      // A console query is one round trip at a time; a dead socket should be noticed quickly.
      connectionTimeout: 5_000,
    });
  }
  return consoleOpen;
}

/** Closes the drivers, if open; the next getDriver() or getConsoleDriver() opens a new one. */
export async function closeDriver(): Promise<void> {
  const closing = open;
  const closingConsole = consoleOpen;
  open = undefined;
  consoleOpen = undefined;
  await Promise.all([closing?.driver.close(), closingConsole?.close()]);
}

/**
 * Runs `RETURN 1` as a single round trip, without the retries of managed transactions, so an
 * unreachable server fails fast with a message naming it. Returns what the server says it is.
 */
export async function verifyConnection(): Promise<ServerInfo> {
  const driver = getDriver();
  const target = connection();
  const session = driver.session({ database: target.database });
  try {
    await session.run('RETURN 1 AS one');
    return await driver.getServerInfo({ database: target.database });
  } catch (error) {
    throw explain(error, target);
  } finally {
    await session.close();
  }
}

type Work<T> = (tx: ManagedTransaction) => Promise<T>;
/** Timeout and metadata for one transaction (neo4j-driver does not export the type itself). */
export type TransactionConfig = Parameters<Session['executeRead']>[1];

async function execute<T>(
  mode: 'read' | 'write',
  work: Work<T>,
  transaction?: TransactionConfig,
): Promise<T> {
  const target = connection();
  const session = getDriver().session({
    database: target.database,
    defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
  });
  try {
    return mode === 'read'
      ? await session.executeRead(work, transaction)
      : await session.executeWrite(work, transaction);
  } catch (error) {
    throw explain(error, target);
  } finally {
    await session.close();
  }
}

/** Runs `work` in a read transaction, retried on transient failures; routed to a reader. */
export function readTransaction<T>(work: Work<T>, transaction?: TransactionConfig): Promise<T> {
  return execute('read', work, transaction);
}

/** Runs `work` in a write transaction, retried on transient failures; routed to the leader. */
export function writeTransaction<T>(work: Work<T>, transaction?: TransactionConfig): Promise<T> {
  return execute('write', work, transaction);
}
