// `npm run db`: the local Neo4j alone, in the foreground, until Ctrl-C. Honours GUATU_NEO4J_PORT,
// GUATU_NEO4J_PASSWORD and GUATU_DATA_DIR (and GUATU_NEO4J_HEAP, GUATU_NEO4J_PAGECACHE).
import { config } from '../neo4j/config.ts';
import { startLocalNeo4j } from '../neo4j/launcher.ts';
import { explainFailure } from '../neo4j/runtime.ts';
import { untilStopSignal } from '../neo4j/shutdown.ts';

const say = (line: string) => console.error(`[db] ${line}`);

async function main(): Promise<number> {
  const settings = config();
  if (settings.mode === 'remote') {
    say(
      `NEO4J_URI is set (${settings.connection.uri}), so guatu uses that server and runs no Neo4j of its own. Unset NEO4J_URI to run the local one.`,
    );
    return 2;
  }
  // Listening before anything starts: a Ctrl-C during startup stops Neo4j as soon as it is up,
  // and one right after the line below is printed cannot slip past.
  const stopSignal = untilStopSignal();
  const neo4j = await startLocalNeo4j(settings.local, { log: say });
  console.log(`Neo4j is running at ${neo4j.uri} (user neo4j), pid ${neo4j.pid}`);
  console.log(`data folder ${neo4j.home}`);
  say('Ctrl-C to stop');
  const reason = await Promise.race([stopSignal, neo4j.exited.then(() => null)]);
  if (reason === null) {
    say(`Neo4j stopped by itself; see ${neo4j.home}/logs/debug.log`);
    return 1;
  }
  say(`${reason}: stopping Neo4j`);
  await neo4j.stop();
  say('stopped');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    say(explainFailure(error));
    process.exitCode = 1;
  },
);
