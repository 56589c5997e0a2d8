// For `npm start`: every document in seeds/ that the database does not hold yet gets loaded, so
// a fresh install opens on the seed plan. A plan already loaded is left alone — also when its
// text has changed since: replacing data a planner may be looking at is `npm run load -- --replace`.
import type { Driver } from 'neo4j-driver';
import { connection, getDriver } from '../neo4j/database.ts';
import { PlanChangedError, loadPlanFile, seedDocuments, type LoadOutcome } from './load-plan.ts';

export type SeedOutcome =
  LoadOutcome | { status: 'changed'; source: string; planId: string; message: string };

export interface SeedOptions {
  database?: string;
  /** Where the documents are; default seeds/. */
  dir?: string;
  log?: (line: string) => void;
}

/** Loads the seed documents the database lacks; one outcome per document, in name order. */
export async function ensureSeedLoaded(
  driver: Driver = getDriver(),
  options: SeedOptions = {},
): Promise<SeedOutcome[]> {
  const database = options.database ?? connection().database;
  const log = options.log ?? (() => {});
  const outcomes: SeedOutcome[] = [];
  for (const path of await seedDocuments(options.dir)) {
    try {
      const outcome = await loadPlanFile(driver, path, { database });
      if (outcome.status !== 'already-loaded') {
        log(
          `loaded ${outcome.title} (${outcome.write.counts.labels.Item} items, ` +
            `${outcome.expected.relationships.LEADS + outcome.expected.relationships.SUPPORTS} unit→item edges) ` +
            `in ${Math.round(outcome.timings.writeMs)} ms`,
        );
      }
      outcomes.push(outcome);
    } catch (error) {
      if (!(error instanceof PlanChangedError)) throw error;
      log(`${error.source}: ${error.message}; keeping the loaded version`);
      outcomes.push({
        status: 'changed',
        source: error.source,
        planId: error.planId,
        message: error.message,
      });
    }
  }
  return outcomes;
}
