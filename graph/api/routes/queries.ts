// The planners' named queries (cypher/*.cypher): what each asks and takes, and running one with
// parameters. The text always comes from the registry; a caller sends only a name and values.
import { requireJson } from '../console/require-json.ts';
import { Hono } from 'hono';
import { z } from 'zod';
import type { QueryInfo } from '../../../contract/api/queries.ts';
import { bindParams, QueryError } from '../../queries/params.ts';
import type { ApiContext } from '../context.ts';
import { readRows } from '../read.ts';
import { answerOf, graphOfRecords } from '../results.ts';
import { jsonBodyOf } from '../validate.ts';

const RunBody = z.object({
  params: z.record(z.string(), z.json()).default({}),
});

export function queriesRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/queries', (c) =>
    c.json(
      api.queries.map((definition): QueryInfo => ({
        name: definition.name,
        purpose: definition.purpose,
        purposeZh: definition.purposeZh,
        description: definition.description,
        descriptionZh: definition.descriptionZh,
        params: definition.params.map((param) => ({
          name: param.name,
          label: param.label,
          labelZh: param.labelZh,
          example: param.example,
          type: param.type,
          required: param.required,
          ...(param.default === undefined ? {} : { default: param.default }),
        })),
        // Each with its label and meaning in both languages: the console shows the planner's.
        columns: definition.columns,
        scansWholeGraph: definition.scansWholeGraph,
        text: definition.text,
      })),
    ),
  );

  routes.post('/queries/:name', async (c) => {
    requireJson(c);
    const name = c.req.param('name');
    const definition = api.queries.find((candidate) => candidate.name === name);
    if (definition === undefined) {
      const known = api.queries.map((query) => query.name).join(', ');
      throw new QueryError('unknown-query', `no query called "${name}" (queries: ${known})`, name);
    }
    const { params } = RunBody.parse(await jsonBodyOf(c));
    const signal = c.req.raw.signal;
    const given: Record<string, unknown> = { ...params };
    // The plan a query is about defaults like everywhere else: the only plan loaded.
    if (
      given['planId'] === undefined &&
      definition.params.some((param) => param.name === 'planId')
    ) {
      given['planId'] = (await api.resolvePlan(undefined, signal)).id;
    }
    // "Today" for the progress queries is the server's, as on the war map, unless the caller says.
    if (given['today'] === undefined && definition.params.some((param) => param.name === 'today')) {
      given['today'] = api.today();
    }
    const rows = await readRows(api.target(), definition.text, bindParams(definition, given), {
      timeoutMs: api.queryTimeoutMs,
      signal,
      label: definition.name,
      maxRows: api.maxRows,
    });
    const found = await api.completeGraph(graphOfRecords(rows.records), signal);
    return c.json(answerOf(rows, found));
  });

  return routes;
}
