// The loader's last step before it commits: the units planners merged (graph/units/merge.ts) are
// merged again, in the load's own transaction, so a re-loaded plan never shows, even for a
// moment, a unit a planner merged away, and a failed merge rolls the load back with it.
// It runs after the counts are verified: those compare the database with the document, which
// names the units as printed.
import type { Transaction } from 'neo4j-driver';
import { applyMerges } from '../units/merge.ts';

/** Applies every kept merge of the plan's jurisdiction; returns how many there are. */
export function applyKeptMerges(tx: Transaction, jurisdiction: string): Promise<number> {
  return applyMerges(tx, jurisdiction);
}
