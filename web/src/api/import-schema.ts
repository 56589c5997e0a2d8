// What the import routes answer (docs/api.md, "Import"), checked where it enters the app. The
// server's side of the same shape is graph/api/import/review.ts and graph/api/routes/import.ts;
// test/api/import.test.ts parses the server's answers with these schemas, so the two cannot drift.
import * as z from 'zod/mini';

const optionalText = z.optional(z.nullable(z.string()));

export const SourcePosition = z.looseObject({
  format: z.string(),
  block: z.optional(z.number()),
  line: z.optional(z.number()),
  paragraph: z.optional(z.number()),
  table: z.optional(z.number()),
  row: z.optional(z.number()),
  sheet: z.optional(z.string()),
  cell: z.optional(z.string()),
  page: z.optional(z.number()),
});
export type SourcePosition = z.infer<typeof SourcePosition>;

export const ReviewLine = z.looseObject({
  text: z.string(),
  cells: z.optional(z.array(z.string())),
  source: SourcePosition,
});
export type ReviewLine = z.infer<typeof ReviewLine>;

export const ReviewItem = z.looseObject({
  id: z.string(),
  kind: z.string(),
  ref: z.string(),
  title: z.string(),
  line: z.number(),
  units: z.array(
    z.looseObject({
      name: z.string(),
      key: z.string(),
      role: z.string(),
      edge: z.string(),
      inferred: z.boolean(),
    }),
  ),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewUnit = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  line: z.number(),
  collective: z.boolean(),
  /** Who knows the unit: `dictionary`, `general` (the general name table), `form`, `unknown`. */
  known: z.string(),
  verified: z.boolean(),
});
export type ReviewUnit = z.infer<typeof ReviewUnit>;

export const ReviewIssue = z.looseObject({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  zh: z.optional(z.string()),
  line: z.nullable(z.number()),
  source: z.optional(SourcePosition),
});
export type ReviewIssue = z.infer<typeof ReviewIssue>;

export const HEADER_FIELDS = ['title', 'issuer', 'date', 'jurisdiction'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

export const ImportReview = z.looseObject({
  token: z.string(),
  expiresAt: z.string(),
  file: z.looseObject({
    name: z.string(),
    format: z.string(),
    encoding: optionalText,
    bytes: z.number(),
    sha256: z.string(),
  }),
  plan: z.looseObject({
    id: z.string(),
    title: z.string(),
    issuer: z.nullable(z.string()),
    date: z.nullable(z.string()),
    jurisdiction: z.string(),
  }),
  missing: z.object({
    title: z.boolean(),
    issuer: z.boolean(),
    date: z.boolean(),
    jurisdiction: z.boolean(),
  }),
  counts: z.looseObject({
    indicator: z.number(),
    theme: z.number(),
    task: z.number(),
    project: z.number(),
    requirement: z.number(),
    units: z.number(),
    unverified: z.number(),
    LEADS: z.number(),
    SUPPORTS: z.number(),
    errors: z.number(),
    warnings: z.number(),
  }),
  lines: z.array(ReviewLine),
  items: z.array(ReviewItem),
  units: z.array(ReviewUnit),
  issues: z.array(ReviewIssue),
  loadable: z.boolean(),
  existing: z.nullable(z.looseObject({ id: z.string(), title: z.string(), sameFile: z.boolean() })),
});
export type ImportReview = z.infer<typeof ImportReview>;

/** What 载入 sends: the fields the planner supplied, and whether to replace a plan of that id. */
export interface LoadRequest {
  title?: string;
  issuer?: string;
  date?: string;
  jurisdiction?: string;
  replace: boolean;
}

export const LoadAnswer = z.looseObject({
  status: z.enum(['loaded', 'replaced']),
  planId: z.string(),
  title: z.string(),
  counts: z.looseObject({
    items: z.number(),
    units: z.number(),
    LEADS: z.number(),
    SUPPORTS: z.number(),
    unverified: z.number(),
  }),
});
export type LoadAnswer = z.infer<typeof LoadAnswer>;

export const CancelAnswer = z.looseObject({ cancelled: z.boolean() });
