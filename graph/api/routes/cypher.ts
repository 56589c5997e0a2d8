// The Cypher console: a planner's own query, run only if it reads. The guard (cypher-guard.ts)
// checks the text, then the plan Neo4j makes under EXPLAIN; the query then runs once, in a READ
// transaction with a time limit, its rows capped, and the session closed if the client leaves.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Plan } from 'neo4j-driver';
import type { ApiContext } from '../context.ts';
import {
  checkPlan,
  checkQueryText,
  checkSizes,
  refuse,
  type PlanOperator,
} from '../cypher-guard.ts';
import { findNeo4jError, HttpError, isTimeout, isUnavailable } from '../http-error.ts';
import { collectRows, cypherParams, withReadSession } from '../read.ts';
import { answerOf, graphOfRecords } from '../results.ts';
import { jsonBodyOf } from '../validate.ts';

// On a line of its own, so Neo4j's error messages quote the planner's line as typed.
const EXPLAIN = 'EXPLAIN\n';

/** A syntax error's position as the planner typed the query, without the EXPLAIN line. */
export function withoutExplain(message: string): string {
  return message.replace(
    /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g,
    (_whole, line: string, column: string, offset: string) =>
      `(line ${Math.max(1, Number(line) - 1)}, column ${column} (offset: ${Math.max(0, Number(offset) - EXPLAIN.length)}))`,
  );
}

const ConsoleBody = z.object({
  query: z.string().min(1, { error: 'the query is empty' }),
  params: z.record(z.string(), z.json()).default({}),
});

/** Neo4j's refusal of a query, as the console's answer: the planner's mistake, not a fault. */
function consoleError(error: unknown): unknown {
  if (error instanceof HttpError || isUnavailable(error) || isTimeout(error)) return error;
  const neo4jError = findNeo4jError(error);
  if (neo4jError === undefined) return error;
  if (neo4jError.code === 'Neo.ClientError.Statement.SyntaxError') {
    return new HttpError(400, 'cypher_syntax', withoutExplain(neo4jError.message), {
      cause: error,
    });
  }
  if (neo4jError.code === 'Neo.ClientError.Statement.AccessMode') {
    return new HttpError(
      422,
      'write_rejected',
      'the console only reads; this query tried to write',
      {
        cause: error,
      },
    );
  }
  if (neo4jError.code.startsWith('Neo.ClientError.')) {
    return new HttpError(400, 'cypher_error', neo4jError.message, { cause: error });
  }
  return error;
}

export function cypherRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.post('/cypher', async (c) => {
    const body = await jsonBodyOf(c);
    // Sizes first, before zod or the tokenizer spend anything on a huge text.
    if (
      typeof body === 'object' &&
      body !== null &&
      'query' in body &&
      typeof body.query === 'string'
    ) {
      checkSizes(body.query, 'params' in body ? body.params : undefined);
    }
    const { query: typed, params } = ConsoleBody.parse(body);
    // A pasted query often ends with `;`; Bolt takes one statement without it.
    const query = typed.trim().replace(/;+\s*$/, '');
    if (query === '') throw new HttpError(400, 'bad_request', 'the query is empty');
    refuse(checkQueryText(query));

    const signal = c.req.raw.signal;
    const timeoutMs = api.consoleTimeoutMs;
    const bound = cypherParams(params) as Record<string, unknown>;
    try {
      const rows = await withReadSession(
        api.target(),
        { timeoutMs, signal, label: 'console' },
        async (session) => {
          const tx = session.beginTransaction({
            timeout: timeoutMs,
            metadata: { app: 'guatu-api', query: 'console' },
          });
          try {
            const explained = await tx.run(`${EXPLAIN}${query}`, bound);
            const { queryType, plan } = explained.summary;
            refuse(checkPlan(queryType, plan === false ? false : toOperator(plan)));
            return await collectRows(tx.run(query, bound), api.maxRows);
          } finally {
            // Nothing to keep: a read transaction is rolled back, never committed.
            if (tx.isOpen()) await tx.rollback().catch(() => {});
          }
        },
      );
      const found = await api.completeGraph(graphOfRecords(rows.records), signal);
      return c.json(answerOf(rows, found));
    } catch (error) {
      throw consoleError(error);
    }
  });

  return routes;
}

function toOperator(plan: Plan): PlanOperator {
  return {
    operatorType: plan.operatorType,
    arguments: plan.arguments,
    children: plan.children.map(toOperator),
  };
}
