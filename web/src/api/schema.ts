// What the API answers (docs/api.md), checked where it enters the app. The schemas are loose on
// purpose: the API may add fields, and the app reads only these; a missing field the app needs is
// an error shown to the planner, not a blank panel.
import * as z from 'zod/mini';

const optionalText = z.optional(z.nullable(z.string()));
const optionalNumber = z.optional(z.nullable(z.number()));
const optionalFlag = z.optional(z.nullable(z.boolean()));

export const NodeData = z.looseObject({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  labelEn: optionalText,
  ref: optionalText,
  title: optionalText,
  text: optionalText,
  name: optionalText,
  fullName: optionalText,
  englishName: optionalText,
  category: optionalText,
  collective: optionalFlag,
  parentId: optionalText,
  sortKey: optionalNumber,
  line: optionalNumber,
  load: optionalNumber,
  itemsLed: optionalNumber,
  itemsSupported: optionalNumber,
  themesReached: optionalNumber,
  unitCount: optionalNumber,
  binding: optionalFlag,
});
export type NodeData = z.infer<typeof NodeData>;

export const EdgeData = z.looseObject({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.string(),
  role: optionalText,
  inferred: optionalFlag,
  position: optionalNumber,
});
export type EdgeData = z.infer<typeof EdgeData>;

export const Elements = z.object({
  nodes: z.array(z.object({ data: NodeData })),
  edges: z.array(z.object({ data: EdgeData })),
});
export type Elements = z.infer<typeof Elements>;

export const PlanSummary = z.looseObject({
  id: z.string(),
  title: z.string(),
  issuer: optionalText,
  date: optionalText,
  jurisdiction: optionalText,
  itemCount: optionalNumber,
  unitCount: optionalNumber,
  edgeCount: optionalNumber,
});
export type PlanSummary = z.infer<typeof PlanSummary>;
export const PlanList = z.array(PlanSummary);

export const PlanGraph = z.object({ elements: Elements });
export type PlanGraph = z.infer<typeof PlanGraph>;

export const SearchHit = z.looseObject({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  labelEn: optionalText,
  fullName: optionalText,
  matched: optionalText,
  score: optionalNumber,
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchHits = z.array(SearchHit);

export const NodeAnswer = z.object({
  node: z.looseObject({ id: z.string(), kind: z.string(), label: optionalText }),
});
export type NodeAnswer = z.infer<typeof NodeAnswer>;

export const Neighbourhood = z.object({
  elements: Elements,
  more: z.object({
    count: z.number(),
    byType: z.optional(z.record(z.string(), z.number())),
  }),
});
export type Neighbourhood = z.infer<typeof Neighbourhood>;

const UnitRef = z.looseObject({
  id: z.string(),
  name: z.string(),
  fullName: optionalText,
  englishName: optionalText,
  category: optionalText,
  collective: optionalFlag,
});
export type UnitRef = z.infer<typeof UnitRef>;

export const ProfileItem = z.looseObject({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  role: optionalText,
  edge: z.string(),
  inferred: optionalFlag,
});
export type ProfileItem = z.infer<typeof ProfileItem>;

const ItemCount = z.union([z.number(), z.array(z.unknown())]);

export const UnitProfile = z.looseObject({
  unit: UnitRef,
  metrics: z.nullable(
    z.looseObject({
      itemsLed: z.number(),
      itemsSupported: z.number(),
      themesReached: z.number(),
      load: z.number(),
      betweenness: optionalNumber,
      community: optionalNumber,
    }),
  ),
  themes: z.array(
    z.object({
      theme: z.looseObject({ id: z.string(), ref: z.string(), title: z.string() }),
      items: z.array(ProfileItem),
    }),
  ),
  otherItems: z.array(ProfileItem),
  partners: z.array(z.looseObject({ unit: UnitRef, items: ItemCount })),
});
export type UnitProfile = z.infer<typeof UnitProfile>;

export const ThemeReach = z.looseObject({
  theme: z.looseObject({ id: z.string(), ref: z.string(), title: z.string() }),
  units: z.array(
    z.looseObject({
      unit: UnitRef,
      leads: z.number(),
      supports: z.number(),
      items: z.optional(ItemCount),
    }),
  ),
});
export type ThemeReach = z.infer<typeof ThemeReach>;

export const SourceLines = z.looseObject({
  planId: optionalText,
  line: z.number(),
  endLine: z.number(),
  lines: z.array(z.object({ number: z.number(), text: z.string() })),
});
export type SourceLines = z.infer<typeof SourceLines>;

/** The API's one error shape. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/** How many items a count-or-list field stands for (the API may send either). */
export function countOf(value: number | readonly unknown[] | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : value.length;
}

// Console: the queries of cypher/ (GET /api/queries) and the answer of a named query or of the
// console (POST /api/queries/:name, POST /api/cypher). Row values are any JSON; nodes and
// relationships in them keep Neo4j's shape ({elementId, labels|type, properties}).
export const QueryParamInfo = z.looseObject({
  name: z.string(),
  label: optionalText,
  labelZh: optionalText,
  example: z.optional(z.unknown()),
  type: z.string(),
  required: z.boolean(),
  default: z.optional(z.unknown()),
});
export type QueryParamInfo = z.infer<typeof QueryParamInfo>;

/** A result column in the planner's words: label and meaning in English and Chinese. */
export const QueryColumnInfo = z.looseObject({
  name: z.string(),
  meaning: z.string(),
  label: optionalText,
  labelZh: optionalText,
  meaningZh: optionalText,
});
export type QueryColumnInfo = z.infer<typeof QueryColumnInfo>;

export const QueryInfo = z.looseObject({
  name: z.string(),
  purpose: z.string(),
  purposeZh: optionalText,
  description: optionalText,
  descriptionZh: optionalText,
  params: z.array(QueryParamInfo),
  columns: z.array(QueryColumnInfo),
  scansWholeGraph: optionalFlag,
  text: z.string(),
});
export type QueryInfo = z.infer<typeof QueryInfo>;
export const QueryList = z.array(QueryInfo);

export const QueryAnswer = z.looseObject({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())),
  truncated: z.boolean(),
  graph: z.optional(Elements),
});
export type QueryAnswer = z.infer<typeof QueryAnswer>;

// Hotspots and paths: the rankings (GET /api/hotspots, /api/hotspots/:name) and the routes between
// two units or a unit and a theme (GET /api/paths). Ranking rows are any JSON: each ranking has
// its own columns, named in `columns` and explained in `meanings`.
export const HotspotInfo = z.looseObject({
  name: z.string(),
  title: z.string(),
  titleZh: optionalText,
  definition: optionalText,
  definitionZh: optionalText,
});
export type HotspotInfo = z.infer<typeof HotspotInfo>;
export const HotspotList = z.array(HotspotInfo);

export const HotspotAnswer = z.looseObject({
  name: z.string(),
  title: z.string(),
  titleZh: optionalText,
  definition: optionalText,
  definitionZh: optionalText,
  columns: z.array(z.string()),
  meanings: z.optional(z.record(z.string(), z.string())),
  labels: z.optional(z.record(z.string(), z.object({ zh: z.string(), en: z.string() }))),
  meaningsZh: z.optional(z.record(z.string(), z.string())),
  rows: z.array(z.record(z.string(), z.unknown())),
  truncated: z.boolean(),
});
export type HotspotAnswer = z.infer<typeof HotspotAnswer>;

export const PathsAnswer = z.looseObject({
  /** Each path as node ids, first to last. */
  paths: z.array(z.array(z.string())),
  elements: Elements,
});
export type PathsAnswer = z.infer<typeof PathsAnswer>;
