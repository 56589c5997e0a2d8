// The planners' named queries (GET /api/queries) and the answer of one run by name or of the
// console (POST /api/queries/:name, POST /api/cypher). Row values are any JSON; nodes and
// relationships in them keep Neo4j's shape ({elementId, labels|type, properties}).
import * as z from 'zod/mini';
import { Elements } from './elements.ts';
import { optionalFlag, optionalText } from './fields.ts';

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
  /** More rows were there than the answer holds. */
  truncated: z.boolean(),
  /** Which cap cut the rows: their number, or the answer's size in bytes. */
  truncatedBy: z.optional(z.enum(['rows', 'bytes'])),
  /** The nodes and relationships anywhere in the rows, when there are any. */
  graph: z.optional(Elements),
});
export type QueryAnswer = z.infer<typeof QueryAnswer>;
