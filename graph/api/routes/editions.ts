// Two editions of a notice compared (docs/api.md, "Editions compared"; docs/editions.md):
// GET /api/editions/compare?from=<plan>&to=<plan>, or &review=<token> for a file read for import
// and not loaded yet — the question a planner has before 载入 replaces a plan. JSON, or CSV.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EditionComparison, EditionSide } from '../../../contract/api/editions.ts';
import type { PlanSummary } from '../../../contract/api/plans.ts';
import { compareEditions } from '../../editions/compare.ts';
import { comparisonCsv, comparisonFileName } from '../../editions/csv.ts';
import type { Edition } from '../../editions/edition.ts';
import { readEdition } from '../../editions/read-edition.ts';
import { reviewEdition } from '../../editions/review-edition.ts';
import { seedDictionaries } from '../../load/load-plan.ts';
import { requireWrite } from '../accounts/gate.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { pendingImportsOf } from '../import/pending-of.ts';
import { attachment } from '../task-list/file-name.ts';
import { PlanParam, queryOf } from '../validate.ts';

const CompareQuery = z.object({
  from: PlanParam,
  to: PlanParam,
  /** The token of POST /api/import's review. */
  review: z
    .string()
    .regex(/^[0-9a-f]{32}$/, { error: 'expected the token of an import review' })
    .optional(),
  format: z.enum(['json', 'csv']).default('json'),
  /** CSV only: the changed items, or the units' totals. */
  table: z.enum(['items', 'units']).default('items'),
  /** CSV only: headers and words in Chinese (default) or English. */
  lang: z.enum(['zh', 'en']).default('zh'),
});

const planSide = (plan: PlanSummary, items: number): EditionSide => ({
  source: 'plan',
  planId: plan.id,
  title: plan.title,
  date: plan.date,
  items,
  file: null,
});

export function editionsRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  const readPlan = async (planId: string, signal: AbortSignal) => {
    const plan = await api.resolvePlan(planId, signal);
    const edition = await readEdition(api.target(), plan, {
      timeoutMs: api.queryTimeoutMs,
      signal,
    });
    return { edition, side: planSide(plan, edition.items.length) };
  };

  /** The review's file as an edition, and the loaded plan it is compared with. */
  const readReview = async (token: string, fromId: string | undefined, signal: AbortSignal) => {
    const pending = pendingImportsOf(api).get(token);
    if (pending === undefined) {
      throw new HttpError(
        404,
        'unknown_import',
        'no import is waiting under this token: it was loaded, cancelled, or expired; import the file again / 该导入已载入、取消或过期,请重新导入文件',
      );
    }
    const { model } = pending;
    // By default the plan the file would replace: the one loaded under the same id.
    const planId = fromId ?? model.plan.id;
    if (fromId === undefined && !(await api.plans(signal)).some((plan) => plan.id === planId)) {
      throw new HttpError(
        400,
        'from_required',
        `no loaded plan has this file's id (${planId}); say which plan to compare it with: from=<plan> / 未载入与该文件同一编号的方案,请用 from= 指定要对比的方案`,
      );
    }
    const [older, dictionaries] = await Promise.all([readPlan(planId, signal), seedDictionaries()]);
    const newer: Edition = reviewEdition(model, dictionaries);
    const side: EditionSide = {
      source: 'review',
      planId: model.plan.id,
      title: model.plan.title,
      date: model.plan.date,
      items: model.items.length,
      file: pending.fileName,
    };
    return { older, newer: { edition: newer, side } };
  };

  /** The older and the newer edition the request names. */
  const editionsOf = async (
    query: z.infer<typeof CompareQuery>,
    c: Context,
    signal: AbortSignal,
  ) => {
    const { from, to, review } = query;
    if (review !== undefined && to === undefined) {
      // A review is an import's first step, open to those who may import.
      requireWrite(c, 'import-plan');
      return readReview(review, from, signal);
    }
    if (to !== undefined && review === undefined) {
      if (from === undefined) {
        throw new HttpError(
          400,
          'from_required',
          'say which plan is the older edition: from=<plan> / 请用 from= 指定原方案',
        );
      }
      const [older, newer] = await Promise.all([readPlan(from, signal), readPlan(to, signal)]);
      return { older, newer };
    }
    throw new HttpError(
      400,
      'compare_what',
      'say what to compare the plan with: to=<plan> or review=<token of an import review> / 请指定对比对象:to=<方案> 或 review=<导入审阅>',
    );
  };

  routes.get('/editions/compare', async (c) => {
    const query = queryOf(c, CompareQuery);
    const { older, newer } = await editionsOf(query, c, c.req.raw.signal);
    const comparison: EditionComparison = {
      from: older.side,
      to: newer.side,
      ...compareEditions(older.edition, newer.edition),
    };
    if (query.format === 'json') return c.json(comparison);
    const fileName = comparisonFileName(newer.edition.plan, query.table, query.lang, api.today());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', attachment(fileName, `guatu-editions-${api.today()}.csv`));
    return c.body(comparisonCsv(comparison, query.table, query.lang));
  });

  return routes;
}
