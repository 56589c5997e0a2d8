// The import's commit, as a process of its own that chaos can kill: the file read once as for
// the review (readDocument), then loaded with the same call and options POST
// /api/import/:token/load makes (loadPlanModel, replace ticked). Reaches Neo4j through NEO4J_*.
// Usage: tsx scripts/chaos/import-commit.ts FILE [BATCH_SIZE]
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { sourceOf } from '../../graph/api/import/review.ts';
import { LoadFailedError, loadFailure } from '../../graph/load/failure.ts';
import { loadPlanModel } from '../../graph/load/load-plan.ts';
import { closeDriver, connection, getDriver } from '../../graph/neo4j/database.ts';
import { readDocument } from '../../graph/parse/parse-document.ts';

const [file = '', batch = '10000'] = process.argv.slice(2);
const bytes = await readFile(file);
const { model, lines } = await readDocument(bytes, { name: basename(file) });
try {
  const outcome = await loadPlanModel(
    getDriver(),
    model,
    sourceOf({ fileName: basename(file), model, lines }),
    {
      database: connection().database,
      replace: true,
      force: true,
      batchSize: Number(batch),
    },
  );
  console.log(`${outcome.status} ${outcome.planId}`);
} catch (error) {
  const failure = loadFailure(error);
  console.error(failure instanceof LoadFailedError ? failure.message : String(failure));
  process.exitCode = 1;
} finally {
  await closeDriver();
}
