// The API's one error shape, whatever the status (graph/api/http-error.ts).
import * as z from 'zod/mini';

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
