// The API's one error type and the one place that turns any thrown value into the JSON error
// shape of docs/api.md: `{"error": {"code", "message"}}` with the status that says whose fault it
// was (the request's, Neo4j's absence, or a bug of ours).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { Neo4jError } from 'neo4j-driver';
import { ZodError } from 'zod';
import { QueryError } from '../queries/params.ts';

export type ErrorStatus =
  400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503 | 504;

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

// The driver's own codes for "no server" (it never reached one, or lost it mid-session).
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

// A transaction that outlived its timeout: the client-set one, the server's own limit, or a
// termination the server reports as such.
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** The first Neo4jError in an error's cause chain: the runtime wraps driver errors in its own. */
export function findNeo4jError(error: unknown): Neo4jError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof Neo4jError) return current;
    current = current.cause;
  }
  return undefined;
}

export function isUnavailable(error: unknown): boolean {
  const neo4jError = findNeo4jError(error);
  if (neo4jError === undefined) return false;
  return (
    UNAVAILABLE_CODES.has(neo4jError.code) ||
    neo4jError.code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    neo4jError.code.startsWith('Neo.TransientError.General.DatabaseUnavailable')
  );
}

/** The driver waited too long for a free connection: every one is busy (the console's pool is small). */
export function isPoolExhausted(error: unknown): boolean {
  const neo4jError = findNeo4jError(error);
  return (
    neo4jError !== undefined && neo4jError.message.startsWith('Connection acquisition timed out')
  );
}

export function isTimeout(error: unknown): boolean {
  const neo4jError = findNeo4jError(error);
  return neo4jError !== undefined && TIMEOUT_CODES.has(neo4jError.code);
}

/** One line per problem, `path: message`, so a planner's script can say which field was wrong. */
function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** Maps anything thrown by a handler to a status and body; pure, so it is tested on its own. */
export function toErrorBody(error: unknown): { status: ErrorStatus; body: ErrorBody } {
  const answer = (status: ErrorStatus, code: string, message: string) => ({
    status,
    body: { error: { code, message } },
  });
  if (error instanceof HttpError) return answer(error.status, error.code, error.message);
  if (error instanceof ZodError) return answer(400, 'bad_request', describeZodError(error));
  if (error instanceof QueryError) {
    // The registry's codes are kebab-case; the API's are snake_case.
    const code = error.code.replaceAll('-', '_');
    return answer(error.code === 'unknown-query' ? 404 : 400, code, error.message);
  }
  if (isUnavailable(error)) {
    // The driver's message names the address it tried; that is configuration, so it stays in
    // the server's log and the browser gets a plain sentence.
    return answer(503, 'neo4j_unavailable', 'Neo4j is not reachable right now; try again shortly');
  }
  if (isPoolExhausted(error)) {
    return answer(503, 'busy', 'guatu is busy answering other queries; try again in a moment');
  }
  if (isTimeout(error)) {
    return answer(504, 'timeout', 'the query ran past its time limit and was stopped');
  }
  if (error instanceof HTTPException) {
    const status = error.status === 413 ? 413 : error.status < 500 ? 400 : 500;
    return answer(status, status === 413 ? 'body_too_large' : 'bad_request', error.message);
  }
  return answer(500, 'internal', 'the server failed to answer; the error is in its log');
}

/** Hono's `onError`: the only place errors become responses. */
export function onError(error: unknown, c: Context): Response {
  const { status, body } = toErrorBody(error);
  if (status === 500) console.error('[api]', error);
  // The rest of an oversized body is never read, so the connection cannot carry another request:
  // say so, and Node closes it once the answer is sent.
  if (status === 413) c.header('Connection', 'close');
  if (body.error.code === 'busy') c.header('Retry-After', '2');
  return c.json(body, status as ContentfulStatusCode);
}
