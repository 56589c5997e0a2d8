// `npm start`: reaches Neo4j (starting the local one when NEO4J_URI is not set), says where it is,
// and runs until Ctrl-C, then stops what it started. Later: load the seed, serve the explorer.
import { closeDriver } from '../neo4j/database.ts';
import { describeNeo4j, ensureNeo4j, explainFailure } from '../neo4j/runtime.ts';
import { untilStopSignal } from '../neo4j/shutdown.ts';

const say = (line: string) => console.error(`[guatu] ${line}`);

async function main(): Promise<number> {
  // Listening before anything starts, so a Ctrl-C during startup is not lost (see db.ts).
  const stopSignal = untilStopSignal();
  const neo4j = await ensureNeo4j(undefined, { log: say });
  for (const line of describeNeo4j(neo4j)) console.log(line);
  say('Ctrl-C to stop');
  const died = neo4j.local?.exited.then(() => null) ?? new Promise<never>(() => {});
  const reason = await Promise.race([stopSignal, died]);
  await closeDriver();
  if (reason === null) {
    say('the local Neo4j stopped by itself; see its logs/debug.log');
    return 1;
  }
  say(`${reason}: stopping`);
  await neo4j.stop();
  say('stopped');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    say(explainFailure(error));
    await closeDriver();
    process.exitCode = 1;
  },
);
