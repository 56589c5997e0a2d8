// Where console queries run. The console and the explorer must not share one pool, nor, where
// guatu runs its own Neo4j, one database: a burst of console queries once held every pooled
// connection, and a few that Neo4j could not interrupt held its cores, and the explorer waited
// with them (issue 16). `npm start` gives the app the console's copy of the graph, a Neo4j of
// its own at a low CPU priority (graph/neo4j/console-copy.ts); an app without one runs the
// console on its own small driver (graph/neo4j/database.ts getConsoleDriver) or, in tests and
// scripts, on the explorer's, still bounded by the gate.
import type { ApiContext } from '../context.ts';
import type { ReadTarget } from '../read.ts';

/** One console query's place: where it runs, and the call that says it is over. */
export interface ConsoleLease extends ReadTarget {
  /** `gaveUp`: the query was abandoned at its limit, and whatever runs it is checked. */
  release(gaveUp?: boolean): void;
}

/** A database kept for the console alone (graph/neo4j/console-copy.ts ConsoleCopy). */
export interface ConsoleDatabase {
  /** Resolves once a query may run and see every write made before the call. */
  acquire(signal?: AbortSignal): Promise<ConsoleLease>;
}

/** Where this console query runs: the console's database when the app has one, else a driver. */
export function consoleLease(api: ApiContext, signal?: AbortSignal): Promise<ConsoleLease> {
  const own = api.consoleDatabase;
  if (own !== undefined) return own.acquire(signal);
  return Promise.resolve({ ...api.consoleTarget(), release: () => {} });
}
