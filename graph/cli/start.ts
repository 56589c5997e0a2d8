// `npm start`: the whole product — Neo4j (local, or NEO4J_URI), the seed loaded when missing, the
// web app built when stale, the explorer served — until Ctrl-C, which stops all of it.
import { ServerConfigError } from '../api/config.ts';
import { closeDriver } from '../neo4j/database.ts';
import { explainFailure } from '../neo4j/runtime.ts';
import { runExplorer } from './serve.ts';

runExplorer().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    console.error(
      `[guatu] ${error instanceof ServerConfigError ? error.message : explainFailure(error)}`,
    );
    await closeDriver();
    process.exitCode = 1;
  },
);
