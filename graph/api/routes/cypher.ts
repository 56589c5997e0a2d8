// The Cypher console: a planner's own query, run only if it reads. The guard (cypher-guard.ts)
// checks the text, then the plan Neo4j makes under EXPLAIN; the query then runs once, in a READ
// transaction with a time limit, its rows capped in number and bytes, and the session closed if
// the client leaves. Before any of that, what could hurt everyone else is refused by shape
// (console/shape.ts) and by number (console/gate.ts), and the body must be JSON by its type.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Plan, Record as Neo4jRecord } from 'neo4j-driver';
import type { ApiContext } from '../context.ts';
import {
  checkPlan,
  checkQueryText,
  checkSizes,
  refuse,
  tokenize,
  type PlanOperator,
} from '../cypher-guard.ts';
import { findNeo4jError, HttpError, isTimeout, isUnavailable } from '../http-error.ts';
import { collectRows, cypherParams, withReadSession } from '../read.ts';
import { answerPieces, graphOfRecords, MAX_ANSWER_BYTES, rowText } from '../results.ts';
import { streamedJson } from '../streamed-json.ts';
import { jsonBodyOf } from '../validate.ts';
import { clientOf, ConsoleGate, type Busy } from '../console/gate.ts';
import { RefusalBuckets } from '../console/refusals.ts';
import { checkBodyNesting, checkExpensive, checkQueryNesting } from '../console/shape.ts';
import { requireJson } from '../console/require-json.ts';
import { consoleLease } from '../console/target.ts';
import { ConsoleCopyUnavailable } from '../../neo4j/console-copy.ts';

/**
 * Records asked of Neo4j at a time: a row can be megabytes (a plan node holds its source text),
 * and the driver holds a whole batch however few of its rows the byte cap keeps.
 */
const CONSOLE_FETCH_SIZE = 50;

const BUSY_MESSAGES: Record<Busy | 'console_refusals', string> = {
  console_busy:
    'the console is running as many queries as it may at once; try again in a moment / 控制台同时运行的查询已达上限，请稍后再试',
  too_many_queries:
    'this client already has as many console queries running as it may; wait for one to finish / 本机已有多条控制台查询在运行，请等其中一条结束',
  console_refusals:
    'too many console queries from this address were refused in a row; wait a few seconds / 本机的控制台查询接连被拒绝，请等几秒再试',
};

/**
 * The console's database cannot serve now (starting, restarted after a query that would not
 * stop, catching up with a change): 503 with Retry-After, the explorer untouched.
 */
function copyUnavailable(c: Context, error: ConsoleCopyUnavailable): Response {
  return c.json({ error: { code: 'console_unavailable', message: error.message } }, 503, {
    'Retry-After': error.reason === 'catching_up' ? '2' : '10',
  });
}

/**
 * The console's 429. Answered here rather than thrown: it carries Retry-After, and HttpError
 * carries no headers.
 */
function busy(c: Context, reason: Busy | 'console_refusals'): Response {
  return c.json({ error: { code: reason, message: BUSY_MESSAGES[reason] } }, 429, {
    'Retry-After': '1',
  });
}

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

/** Neo4j's codes for a query that wanted more memory than a transaction, or the server, allows. */
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
]);

/** Neo4j's refusal of a query, as the console's answer: the planner's mistake, not a fault. */
export function consoleError(error: unknown, ranMs = 0, timeoutMs = Infinity): unknown {
  if (error instanceof HttpError || isTimeout(error)) return error;
  if (isUnavailable(error)) {
    // The launcher's watchdog ends a query that ran on past its limit by stopping its thread,
    // and Neo4j then closes the connection: past the limit, a lost connection is that stop.
    if (ranMs >= timeoutMs) {
      return new HttpError(
        504,
        'timeout',
        `the query ran past its ${timeoutMs / 1000} s limit and was stopped`,
        { cause: error },
      );
    }
    return error;
  }
  const neo4jError = findNeo4jError(error);
  if (neo4jError === undefined) return error;
  // The same stop, when Neo4j manages to report the stopped thread before it drops the
  // connection: the watchdog is the only thing in Neo4j that stops a thread this way.
  if (neo4jError.message.includes('java.lang.ThreadDeath')) {
    return new HttpError(
      504,
      'timeout',
      `the query ran past its ${timeoutMs / 1000} s limit and was stopped`,
      { cause: error },
    );
  }
  if (MEMORY_CODES.has(neo4jError.code)) {
    return new HttpError(
      422,
      'query_memory',
      'the query needs more memory than the console allows one query; return fewer or smaller rows (LIMIT, fewer collect())',
      { cause: error },
    );
  }
  if (neo4jError.message.includes('start and end nodes are the same')) {
    return new HttpError(
      400,
      'same_node',
      'shortestPath() was asked for a path from a node to itself; exclude that case (WHERE a <> b)',
      { cause: error },
    );
  }
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
  const gate = new ConsoleGate();
  const refusals = new RefusalBuckets(api.consoleRefusals);

  // Before anything reads the body: see console/refusals.ts.
  routes.use('/cypher', async (c, next) => {
    const client = clientOf(c);
    if (client === 'in-process') return next();
    const hold = refusals.holdFor(client);
    if (hold === 'busy') return busy(c, 'console_refusals');
    if (hold.waitMs > 0) await refusals.wait(hold.waitMs, c.req.raw.signal);
    if (hold.refuse) {
      refusals.refused(client);
      return busy(c, 'console_refusals');
    }
    await next();
    if (c.res.status >= 400) refusals.refused(client);
  });

  routes.post('/cypher', async (c) => {
    requireJson(c);
    // Depth before parsing: a body nested 40,000 deep overflows JSON.parse, zod and the driver.
    checkBodyNesting(await c.req.text());
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
    const tokens = tokenize(query);
    checkQueryNesting(tokens);
    refuse(checkQueryText(query));
    checkExpensive(tokens, params);

    const release = gate.enter(clientOf(c));
    if (typeof release === 'string') return busy(c, release);
    const signal = c.req.raw.signal;
    const timeoutMs = api.consoleTimeoutMs;
    const bound = cypherParams(params) as Record<string, unknown>;
    let lease;
    try {
      lease = await consoleLease(api, signal);
    } catch (error) {
      release();
      if (error instanceof ConsoleCopyUnavailable) return copyUnavailable(c, error);
      throw error;
    }
    const started = Date.now();
    let gaveUp = false;
    // Each row's JSON, written once: measured against the byte cap, then sent as it is.
    const texts = new Map<Neo4jRecord, string>();
    const sizeOf = (record: Neo4jRecord) => {
      const text = rowText(record);
      texts.set(record, text);
      return Buffer.byteLength(text, 'utf8');
    };
    try {
      const rows = await withReadSession(
        lease,
        { timeoutMs, signal, label: 'console', fetchSize: CONSOLE_FETCH_SIZE },
        async (session) => {
          const tx = session.beginTransaction({
            timeout: timeoutMs,
            metadata: { app: 'guatu-api', query: 'console' },
          });
          try {
            const explained = await tx.run(`${EXPLAIN}${query}`, bound);
            const { queryType, plan } = explained.summary;
            refuse(checkPlan(queryType, plan === false ? false : toOperator(plan)));
            return await collectRows(tx.run(query, bound), api.maxRows, {
              maxBytes: MAX_ANSWER_BYTES,
              sizeOf,
            });
          } finally {
            // Nothing to keep: a read transaction is rolled back, never committed.
            if (tx.isOpen()) await tx.rollback().catch(() => {});
          }
        },
      );
      const found = await api.completeGraph(graphOfRecords(rows.records), signal, lease);
      const rowTexts = rows.records.map((record) => texts.get(record) ?? rowText(record));
      texts.clear();
      return streamedJson(c, answerPieces(rows, rowTexts, found));
    } catch (error) {
      const answer = consoleError(error, Date.now() - started, timeoutMs);
      gaveUp = isTimeout(error) || (answer instanceof HttpError && answer.status === 504);
      // The console's own database went away under the query (killed for a stuck query, or
      // restarting): the console's outage, not the explorer's.
      if (api.consoleDatabase !== undefined && answer === error && isUnavailable(error)) {
        return copyUnavailable(
          c,
          new ConsoleCopyUnavailable(
            'restarting',
            'the console\u2019s database stopped during the query and is being restarted; try again in a moment / 控制台的数据库在查询中途停止，正在重启，请稍后再试',
          ),
        );
      }
      throw answer;
    } finally {
      lease.release(gaveUp);
      release();
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
