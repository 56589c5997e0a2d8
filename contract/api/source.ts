// An item where the planner can check it (GET /api/source): its lines in the source document.
import * as z from 'zod/mini';

export const SourceLines = z.looseObject({
  planId: z.string(),
  /** The item's first and last line, 1-based. */
  line: z.number(),
  endLine: z.number(),
  /** Those lines and the context asked for either side. */
  lines: z.array(z.object({ number: z.number(), text: z.string() })),
});
export type SourceLines = z.infer<typeof SourceLines>;
