// A loaded plan read back from Neo4j as an edition to compare (edition.ts): one read of its items
// and their units (queries/edition-items.cypher), every row checked where it enters.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { PlanSummary } from '../../contract/api/plans.ts';
import { parseRows, readRows, type ReadTarget } from '../api/read.ts';
import type { QueryDefinition } from '../queries/header.ts';
import { bindParams } from '../queries/params.ts';
import { loadQueries } from '../queries/registry.ts';
import { Edition, EditionUnit } from './edition.ts';
import { ItemKind } from '../model/plan.ts';

export const EDITION_QUERIES_DIR = fileURLToPath(new URL('./queries/', import.meta.url));

let definition: QueryDefinition | undefined;

/** The query, its header checked once per process. */
export function editionItemsQuery(): QueryDefinition {
  definition ??= loadQueries(EDITION_QUERIES_DIR).find((query) => query.name === 'edition-items');
  if (definition === undefined)
    throw new Error('graph/editions/queries/edition-items.cypher is missing');
  return definition;
}

/** A row of edition-items.cypher: one schema, its fields the header's columns. */
export const EditionItemRow = z.object({
  id: z.string(),
  kind: ItemKind,
  ref: z.string(),
  title: z.string().min(1),
  parentId: z.string().nullable(),
  units: z.array(EditionUnit),
});

export interface ReadOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The plan as an edition: its header from the plans list, its items from the graph. */
export async function readEdition(
  target: ReadTarget,
  plan: PlanSummary,
  options: ReadOptions,
): Promise<Edition> {
  const query = editionItemsQuery();
  const { records } = await readRows(target, query.text, bindParams(query, { planId: plan.id }), {
    ...options,
    label: query.name,
  });
  const rows = parseRows(query.name, records, EditionItemRow);
  return Edition.parse({
    plan: {
      id: plan.id,
      title: plan.title,
      issuer: plan.issuer,
      date: plan.date,
      jurisdiction: plan.jurisdiction,
    },
    items: rows.map(({ parentId, ...row }) => ({ ...row, parent: parentId })),
  });
}
