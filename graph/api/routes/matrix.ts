// The responsibility matrix over plans (issue 15): every unit's figures in every plan loaded,
// for the matrix's 列:规划 mode. The rows are cypher/portfolio-by-plan's, parsed where they enter
// by the contract's schema, the one the page reads the answer with. With `plans=` (选定规划) only
// the chosen plans are columns, and only their cells are sent.
import { Hono } from 'hono';
import { z } from 'zod';
import { UnitPlanCell, type PlansMatrixAnswer } from '../../../contract/api/plans-matrix.ts';
import { bindParams } from '../../queries/params.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { PlanSetParam } from '../plan-set.ts';
import { parseRows, readRows } from '../read.ts';
import { OptionalFlag, queryOf } from '../validate.ts';

const QUERY = 'portfolio-by-plan';

const MatrixQuery = z.object({ collectives: OptionalFlag, plans: PlanSetParam });

export function matrixRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/matrix/plans', async (c) => {
    const query = queryOf(c, MatrixQuery);
    const definition = api.queries.find((candidate) => candidate.name === QUERY);
    if (definition === undefined) {
      throw new HttpError(
        500,
        'query_missing',
        `cypher/${QUERY}.cypher is not loaded / 查询 ${QUERY} 未载入`,
      );
    }
    const signal = c.req.raw.signal;
    const collectives = query.collectives ?? false;
    const chosen = query.plans === undefined ? undefined : await api.planIds(query.plans, signal);
    const [plans, rows] = await Promise.all([
      api.plans(signal),
      readRows(
        api.target(),
        definition.text,
        bindParams(definition, { includeCollectives: collectives }),
        // Every unit of every plan: the answer is the matrix, never cut.
        { timeoutMs: api.queryTimeoutMs, signal, label: definition.name },
      ),
    ]);
    // Each plan's cells are its unit-load rows whatever else is loaded, so a set's matrix is the
    // whole matrix's columns for those plans: filtered here rather than in the query.
    const cells = parseRows(QUERY, rows.records, UnitPlanCell).filter(
      (cell) => chosen === undefined || chosen.includes(cell.planId),
    );
    // The plans list is kept for a second: a plan loaded within it is read afresh, so that every
    // cell has its column.
    const known = new Set(plans.map((plan) => plan.id));
    const loaded = cells.every((cell) => known.has(cell.planId)) ? plans : await api.readPlans();
    const columns = loaded.filter((plan) => chosen === undefined || chosen.includes(plan.id));
    return c.json({
      plans: columns,
      collectives,
      cells,
      ...(chosen === undefined ? {} : { chosenPlans: true }),
    } satisfies PlansMatrixAnswer);
  });

  return routes;
}
