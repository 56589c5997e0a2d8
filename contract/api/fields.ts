// The kinds of field every answer repeats. An optional field may also come as null: Neo4j stores
// no nulls, and a column of an absent property reads back as null, which the API passes on.
import * as z from 'zod/mini';

export const optionalText = z.optional(z.nullable(z.string()));
export const optionalNumber = z.optional(z.nullable(z.number()));
export const optionalFlag = z.optional(z.nullable(z.boolean()));
