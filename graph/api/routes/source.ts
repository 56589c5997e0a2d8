// An item where the planner can check it: its lines in the source document, with context.
import { Hono } from 'hono';
import { z } from 'zod';
import type { SourceLines } from '../../../contract/api/source.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { lookupRows } from '../rows.ts';
import { Count, NodeId, queryOf } from '../validate.ts';

const SourceQuery = z.object({ id: NodeId, context: Count(0, 50, 3) });

/**
 * The item's lines and `context` lines either side. An item's text can run over several lines
 * (a project's units on the line after its heading), so it ends `lines in its text − 1` later.
 */
export function sourceLines(
  planId: string,
  sourceText: string,
  line: number,
  itemText: string,
  context: number,
): SourceLines {
  const all = sourceText.split(/\r?\n/);
  const last = Math.max(1, all.length);
  const start = Math.min(Math.max(1, line), last);
  const endLine = Math.min(last, start + Math.max(0, itemText.split(/\r?\n/).length - 1));
  const from = Math.max(1, start - context);
  const to = Math.min(last, endLine + context);
  const lines = [];
  for (let number = from; number <= to; number += 1)
    lines.push({ number, text: all[number - 1] ?? '' });
  return { planId, line: start, endLine, lines };
}

export function sourceRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/source', async (c) => {
    const { id, context } = queryOf(c, SourceQuery);
    const [row] = await lookupRows(api, 'item-source', { id }, c.req.raw.signal);
    if (row === undefined) throw new HttpError(404, 'not_found', `no item with id "${id}"`);
    if (row.sourceText === null) {
      throw new HttpError(
        404,
        'no_source',
        `the plan of "${id}" was loaded without its source text`,
      );
    }
    return c.json(sourceLines(row.planId, row.sourceText, row.line, row.text ?? '', context));
  });

  return routes;
}
