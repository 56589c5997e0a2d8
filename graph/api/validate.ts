// Validation at the HTTP boundary: query strings and bodies through zod, the shapes every route
// shares (ids, plan, limit, booleans) defined once. A zod failure becomes a 400 in onError.
import type { Context } from 'hono';
import { z } from 'zod';
import type * as zm from 'zod/mini';
import { HttpError } from './http-error.ts';

/** Node ids hold `/`, Chinese and brackets (武汉市-f64b89c6/二(一)1), so they travel as ?id=. */
export const NodeId = z.string().trim().min(1).max(500);

export const PlanParam = z.string().trim().min(1).max(200).optional();

const FlagText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .transform((text) => text === 'true' || text === '1' || text === 'yes');

/** `?flag=true|false|1|0|yes|no`, absent → the default. */
export const Flag = (fallback: boolean) => FlagText.default(fallback);

/** `?flag=…` as above, or undefined when absent. */
export const OptionalFlag = FlagText.optional();

/** A whole number in [min, max] from a query string, with a default. */
export const Count = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `expected at least ${min}` })
    .max(max, { error: `expected at most ${max}` })
    .default(fallback);

/** A whole number in [min, max] from a query string, or undefined when absent. */
export const OptionalCount = (min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `expected at least ${min}` })
    .max(max, { error: `expected at most ${max}` })
    .optional();

/** The request's query string, checked against `schema`. */
export function queryOf<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  return schema.parse(c.req.query());
}

/** The request's JSON body; a body that is not JSON is a 400 that says so. */
export async function jsonBodyOf(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, 'bad_json', `the body is not JSON: ${(error as Error).message}`);
  }
}

/**
 * A request body through one of the contract's (zod/mini) schemas (contract/api/): a mismatch
 * is a 400 naming each field and what it expected.
 */
export function contractBody<S extends zm.ZodMiniType>(schema: S, value: unknown): zm.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`,
  );
  throw new HttpError(400, 'bad_request', `${issues.join('; ')} / 请求内容不正确`);
}
