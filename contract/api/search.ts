// The search box's answer (GET /api/search): units and items ranked for what was typed.
import * as z from 'zod/mini';
import { optionalText } from './fields.ts';

/** Plain text around the words found; `match` pieces are the words. Shown as text, never markup. */
const SnippetPart = z.object({ text: z.string(), match: z.boolean() });

export const SearchHit = z.looseObject({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  labelEn: optionalText,
  fullName: optionalText,
  /** Which of the candidate's names the query matched (name, alias, pinyin, fulltext…). */
  matched: z.string(),
  /** The query is one of its names as a whole: the paths tool takes such a unit without asking. */
  exact: z.optional(z.boolean()),
  /** Where the words stand in an item's text, when its text matched. */
  snippet: z.optional(z.nullable(z.array(SnippetPart))),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchHits = z.array(SearchHit);
