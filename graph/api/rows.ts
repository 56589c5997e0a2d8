// The rows of the API's own lookups (graph/api/queries/*.cypher), one schema per query under its
// name, each key one column of the file's header. Rows are parsed once, where they enter
// (read.ts parseRows), so a route reads typed values and a query changed without its route is a
// 500 that names the query. Where a column goes to the browser as it is, its schema is the
// contract's (contract/api/), the one the page parses it with.
import { z } from 'zod';
import { PlanSummary } from '../../contract/api/plans.ts';
import { UnitFigures, UnitPlanShare } from '../../contract/api/units.ts';
import type { JsonValue } from '../queries/to-json.ts';
import type { ApiContext } from './context.ts';
import { parseRows, type ReadTarget } from './read.ts';

// A node's or relationship's properties as to-json.ts made them: JSON by construction, so only
// that they are a map is checked (checking each value costs ten times as much; bench/rows.ts).
const Properties = z.custom<Record<string, JsonValue>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { error: 'expected a map of properties' },
);

/** A node as to-json.ts writes it. */
export const NodeJson = z.object({
  elementId: z.string(),
  labels: z.array(z.string()),
  properties: Properties,
});

export const RelationshipJson = z.object({
  elementId: z.string(),
  type: z.string(),
  startNodeElementId: z.string(),
  endNodeElementId: z.string(),
  properties: Properties,
});

const PathJson = z.object({
  nodes: z.array(NodeJson),
  relationships: z.array(RelationshipJson),
});

/** A unit's figures in a plan with its id: how the drawing queries hand them out. */
export const UnitFiguresRow = z.looseObject({ ...UnitFigures.shape, unitId: z.string() });
export type UnitFiguresRow = z.infer<typeof UnitFiguresRow>;

/** An item a unit stands on, and how: the type of its LEADS or SUPPORTS, role word, inferred. */
const AssignedItem = z.object({
  item: NodeJson,
  type: z.enum(['LEADS', 'SUPPORTS']),
  role: z.string().nullable(),
  inferred: z.boolean().nullable(),
});
export type AssignedItem = z.infer<typeof AssignedItem>;

const rowSchemas = {
  health: z.object({ id: z.string(), title: z.string() }),
  'item-source': z.object({
    planId: z.string(),
    line: z.number(),
    text: z.string().nullable(),
    // Null for a plan loaded without its source text.
    sourceText: z.string().nullable(),
  }),
  neighbourhood: z.object({
    center: NodeJson,
    kept: z.array(z.object({ node: NodeJson, distance: z.number(), via: z.string() })),
    leftOut: z.array(z.string()),
    relationships: z.array(RelationshipJson),
    metrics: z.array(UnitFiguresRow),
  }),
  'node-by-id': z.object({ node: NodeJson, metrics: z.array(UnitFigures) }),
  'nodes-by-element-id': z.object({ node: NodeJson }),
  'plan-graph': z.object({
    nodes: z.array(NodeJson),
    relationships: z.array(RelationshipJson),
    metrics: z.array(UnitFiguresRow),
  }),
  'plan-summaries': PlanSummary,
  'search-candidates': z.object({
    id: z.string(),
    kind: z.string(),
    name: z.string().nullable(),
    fullName: z.string().nullable(),
    englishName: z.string().nullable(),
    aliases: z.array(z.string()),
    ref: z.string().nullable(),
    pinyin: z.string().nullable(),
    pinyinInitials: z.string().nullable(),
  }),
  'search-fulltext': z.object({
    id: z.string(),
    kind: z.string(),
    score: z.number(),
    // An item's text, for the snippet around the words; null for a unit.
    text: z.string().nullable(),
  }),
  'theme-panel': z.object({
    theme: NodeJson,
    units: z.array(
      z.object({
        unit: NodeJson,
        leads: z.number(),
        supports: z.number(),
        items: z.array(AssignedItem),
      }),
    ),
  }),
  'unit-panel': z.object({
    unit: NodeJson,
    metrics: z.nullable(UnitFigures),
    items: z.array(AssignedItem.extend({ theme: NodeJson.nullable() })),
    partners: z.array(z.object({ unit: NodeJson, items: z.number() })),
    collectives: z.array(NodeJson),
    plans: z.array(UnitPlanShare),
    viaCollectives: z.object({
      items: z.number(),
      collectives: z.array(z.object({ unit: NodeJson, items: z.number() })),
    }),
  }),
  'unit-paths': z.object({ path: PathJson }),
  'unit-theme-routes': z.object({ path: PathJson }),
} as const;

export type LookupName = keyof typeof rowSchemas;
export type LookupRow<N extends LookupName> = z.output<(typeof rowSchemas)[N]>;

/** Each lookup's row schema, by the query's name. */
export const LOOKUP_ROWS: { readonly [N in LookupName]: z.core.$ZodType<LookupRow<N>> } =
  rowSchemas;

/** Runs one of the API's lookups (ApiContext.lookup) and parses its rows by the query's schema. */
export async function lookupRows<N extends LookupName>(
  api: ApiContext,
  name: N,
  params: Record<string, unknown>,
  signal?: AbortSignal,
  timeoutMs?: number,
  target?: ReadTarget,
): Promise<LookupRow<N>[]> {
  const { records } = await api.lookup(name, params, signal, timeoutMs, target);
  return parseRows(name, records, LOOKUP_ROWS[name]);
}
