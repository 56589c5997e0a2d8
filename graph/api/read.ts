// How the API reads Neo4j: one READ session per request, a timeout on every transaction, no
// automatic retries, and the session closed the moment the client goes away. Managed transactions
// (executeRead) would retry for up to 30 s while Neo4j is down; a browser waiting on the explorer
// wants a 503 now, and a console query must run exactly once.
import { setImmediate as nextTurn } from 'node:timers/promises';
import neo4j, { type Driver, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import { z } from 'zod';
import { toJson, type JsonValue } from '../queries/to-json.ts';
import { HttpError } from './http-error.ts';

export interface ReadTarget {
  driver: Driver;
  database: string;
}

interface ReadOptions {
  /** The server ends the transaction after this long; the client gives up a little later. */
  timeoutMs: number;
  /** The request's signal: when the client disconnects, the session is closed at once. */
  signal?: AbortSignal;
  /** Shown by SHOW TRANSACTIONS, so an operator can tell the API's queries apart. */
  label: string;
  /**
   * Records the driver asks Neo4j for at a time (its default is 1,000). The console asks for
   * fewer: a record can be megabytes (a plan node holds its whole source text), and a batch is
   * held in memory whole, however few of its records are kept.
   */
  fetchSize?: number;
}

// The server's timeout ends a runaway query; this margin is for a server too busy to say so.
const CLIENT_GRACE_MS = 5_000;

/**
 * Opens a READ session, hands it to `work`, and closes it whatever happens. Closing the session
 * (not rolling back) is what stops a running query: a rollback waits for the query to finish.
 */
export async function withReadSession<T>(
  target: ReadTarget,
  options: ReadOptions,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  if (options.signal?.aborted === true) throw clientGone();
  const session = target.driver.session({
    database: target.database,
    defaultAccessMode: neo4j.session.READ,
    ...(options.fetchSize === undefined ? {} : { fetchSize: options.fetchSize }),
  });
  let stoppedBy: 'client' | 'timer' | null = null;
  const stop = (reason: 'client' | 'timer') => {
    stoppedBy ??= reason;
    void session.close().catch(() => {});
  };
  const onAbort = () => stop('client');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => stop('timer'), options.timeoutMs + CLIENT_GRACE_MS);
  try {
    return await work(session);
  } catch (error) {
    if (stoppedBy === 'client') throw clientGone();
    if (stoppedBy === 'timer') throw timedOut(options.timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    await session.close().catch(() => {});
  }
}

function clientGone(): HttpError {
  // Nobody reads this answer; it only ends the handler quietly.
  return new HttpError(400, 'cancelled', 'the client went away before the answer was ready');
}

function timedOut(timeoutMs: number): HttpError {
  return new HttpError(
    504,
    'timeout',
    `the query ran past its ${timeoutMs / 1000} s limit and was stopped`,
  );
}

export interface Rows {
  keys: string[];
  records: Neo4jRecord[];
  /** More rows were there than `maxRows` (or `maxBytes`); the rest were never fetched. */
  truncated: boolean;
  /** Which limit cut the rows, when one did. */
  truncatedBy?: 'rows' | 'bytes';
}

/** A cap on the size of what is read: `sizeOf` says what one record will weigh in the answer. */
/** Bytes of rows weighed before the event loop is let go to other requests. */
const YIELD_EVERY_BYTES = 512 * 1024;

interface ByteBudget {
  maxBytes: number;
  sizeOf: (record: Neo4jRecord) => number;
}

/**
 * Runs one statement as an auto-commit READ transaction (one round trip) and reads at most
 * `maxRows` records; leaving the stream early discards the rest on the server.
 */
export function readRows(
  target: ReadTarget,
  text: string,
  params: Record<string, unknown>,
  options: ReadOptions & { maxRows?: number },
): Promise<Rows> {
  return withReadSession(target, options, async (session) => {
    const result = session.run(text, params, {
      timeout: options.timeoutMs,
      metadata: { app: 'guatu-api', query: options.label },
    });
    return collectRows(result, options.maxRows);
  });
}

/**
 * Reads records from a result until it ends, one more than `maxRows` has arrived, or the records
 * kept would pass the byte budget (the 5,000-row cap alone let one answer reach 741 MB). Leaving
 * the loop early discards the rest of the result on the server.
 */
export async function collectRows(
  result: AsyncIterable<Neo4jRecord> & { keys(): Promise<string[]> },
  maxRows = Number.POSITIVE_INFINITY,
  budget?: ByteBudget,
): Promise<Rows> {
  const keys = await result.keys();
  const records: Neo4jRecord[] = [];
  let truncatedBy: Rows['truncatedBy'];
  let bytes = 0;
  let bytesSinceTurn = 0;
  for await (const record of result) {
    if (records.length >= maxRows) {
      truncatedBy = 'rows';
      break;
    }
    if (budget !== undefined) {
      const size = budget.sizeOf(record);
      bytes += size;
      if (bytes > budget.maxBytes) {
        truncatedBy = 'bytes';
        break;
      }
      // The driver hands over a whole fetched batch without leaving the event loop: megabytes
      // of rows weighed in one go held every other request (bench:api's abuse scenario).
      bytesSinceTurn += size;
      if (bytesSinceTurn >= YIELD_EVERY_BYTES) {
        bytesSinceTurn = 0;
        await nextTurn();
      }
    }
    records.push(record);
  }
  return {
    keys: [...keys],
    records,
    truncated: truncatedBy !== undefined,
    ...(truncatedBy === undefined ? {} : { truncatedBy }),
  };
}

/**
 * Parameters from JSON: whole numbers become Cypher integers, as Neo4j Browser's `:param` does,
 * so `LIMIT $n` and `range(1, $n)` accept them (the driver would send every JS number as a float).
 */
export function cypherParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(cypherParams);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, cypherParams(item)]),
    );
  }
  return value;
}

/**
 * The records of the query called `query`, each as JSON (to-json.ts: integers as numbers, temporal
 * values as ISO text, nodes and relationships as plain objects) checked against the query's row
 * schema. A row of another shape is a 500 that names the query and the field, here where the rows
 * enter, rather than a TypeError somewhere in the route that read it.
 */
export function parseRows<S extends z.core.$ZodType>(
  query: string,
  records: readonly Neo4jRecord[],
  schema: S,
): z.output<S>[] {
  return records.map((record, index) => {
    const row: Record<string, JsonValue> = {};
    for (const key of record.keys) row[String(key)] = toJson(record.get(key));
    const parsed = z.safeParse(schema, row);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || '(row)'}: ${issue.message}`)
      .join('; ');
    throw new HttpError(
      500,
      'bad_row',
      `the query ${query} returned a row of another shape (row ${index + 1}: ${problems})`,
      { cause: parsed.error },
    );
  });
}
