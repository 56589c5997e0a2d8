// Running a registered query: parameters checked against its header, a read transaction, rows
// turned into JSON. The query text comes from the registry only; callers pass names and values.
import neo4j, { type Driver } from 'neo4j-driver';
import { connection } from '../neo4j/database.ts';
import { bindParams } from './params.ts';
import { getQuery } from './registry.ts';
import { toJson, type JsonValue } from './to-json.ts';

export interface RunOptions {
  /** At most this many rows are kept; `truncated` says whether there were more. */
  limit?: number;
  /** Defaults to the process's configured database (NEO4J_DATABASE). */
  database?: string;
  /** The server ends the transaction after this long. */
  timeoutMs?: number;
}

export type Row = Record<string, JsonValue>;

export interface QueryResult {
  name: string;
  columns: string[];
  rows: Row[];
  truncated: boolean;
}

/**
 * Runs the query `name` with `params` (checked and typed by its header: a QueryError names a
 * missing, ill-typed or unknown parameter before anything is sent) in a read transaction.
 */
export async function runQuery(
  driver: Driver,
  name: string,
  params: Readonly<Record<string, unknown>> = {},
  options: RunOptions = {},
): Promise<QueryResult> {
  const definition = getQuery(name);
  const bound = bindParams(definition, params);
  const cap = options.limit ?? Number.POSITIVE_INFINITY;
  const session = driver.session({
    database: options.database ?? connection().database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    return await session.executeRead(
      async (tx) => {
        const result = tx.run(definition.text, bound);
        const columns = await result.keys();
        const rows: Row[] = [];
        let truncated = false;
        for await (const record of result) {
          if (rows.length >= cap) {
            // Leaving the loop cancels the rest of the stream on the server.
            truncated = true;
            break;
          }
          const row: Row = {};
          for (const column of columns) row[column] = toJson(record.get(column));
          rows.push(row);
        }
        return { name, columns: [...columns], rows, truncated };
      },
      { timeout: options.timeoutMs, metadata: { app: 'guatu', query: name } },
    );
  } finally {
    await session.close();
  }
}
