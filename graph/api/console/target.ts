// Where console queries run. The console and the explorer must not share one pool: a burst of
// console queries waiting on Neo4j once held every pooled connection, and health and search
// waited with them (issue 16). The server gives the console a driver of its own, small and quick
// to give up on a connection (graph/neo4j/database.ts getConsoleDriver); an app built without one
// (tests, a script) runs the console on the explorer's driver, still bounded by the gate.
import type { ApiContext } from '../context.ts';
import type { ReadTarget } from '../read.ts';

/** The console's own target when the app was given one, else the explorer's. */
export function consoleTarget(api: ApiContext): ReadTarget {
  return api.consoleTarget();
}
