// The responsibility matrix over plans (列:规划): units × the plans loaded, each cell a unit's
// figures in one plan — the plan's unit-load row for the unit, as the server reads them
// (GET /api/matrix/plans, cypher/portfolio-by-plan.cypher) — and each row's totals their sums,
// which are the unit's portfolio-load row. The same Matrix as units × themes, so ordering,
// clustering, drawing and the CSV are shared. Pure.
import type { PlansMatrixAnswer, UnitPlanCell } from '../../../contract/api/plans-matrix.ts';
import type { PlanSummary } from '../../../contract/api/plans.ts';
import { planShortTitle } from '../../../contract/short-title.ts';
import type { Lang } from '../i18n/messages.ts';
import { byLoad, cellLoad, type Matrix, type MatrixCell, type MatrixRow } from './matrix-data.ts';

/** A unit's name in the interface language, as unitLabel names a unit of the plan's graph. */
function unitName(cell: UnitPlanCell, lang: Lang, englishPrefix: string): string {
  const english = cell.englishName ?? '';
  if (lang === 'zh' || english === '') return cell.unit;
  return englishPrefix !== '' && english.startsWith(englishPrefix)
    ? english.slice(englishPrefix.length)
    : english;
}

/** Oldest first, as the notices were issued; an undated plan last. */
export function byIssue(a: PlanSummary, b: PlanSummary): number {
  return (
    (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
    a.title.localeCompare(b.title) ||
    a.id.localeCompare(b.id)
  );
}

export function buildPlansMatrix(
  answer: PlansMatrixAnswer,
  { lang, englishPrefix = '' }: { lang: Lang; englishPrefix?: string },
): Matrix {
  const plans = answer.plans.toSorted(byIssue);
  const known = new Set(plans.map((plan) => plan.id));
  const rows = new Map<string, MatrixRow & { cells: Map<string, MatrixCell> }>();
  let maxCellLoad = 0;
  for (const figures of answer.cells) {
    if (!known.has(figures.planId)) continue;
    let row = rows.get(figures.unitId);
    if (row === undefined) {
      row = {
        id: figures.unitId,
        name: unitName(figures, lang, englishPrefix),
        leads: 0,
        inferredLeads: 0,
        supports: 0,
        load: 0,
        cells: new Map(),
      };
      rows.set(figures.unitId, row);
    }
    const cell: MatrixCell = {
      leads: figures.leads,
      inferredLeads: figures.inferredLeads,
      supports: figures.supports,
      items: [],
    };
    row.cells.set(figures.planId, cell);
    row.leads += figures.leads;
    row.inferredLeads += figures.inferredLeads;
    row.supports += figures.supports;
    // The stored load, summed: portfolio-load's figure, not one recounted here.
    row.load += figures.load;
    maxCellLoad = Math.max(maxCellLoad, cellLoad(cell));
  }
  return {
    rows: [...rows.values()].sort(byLoad),
    columns: plans.map((plan) => ({
      key: plan.id,
      node: null,
      group: null,
      plan,
      ref: plan.date ?? '',
      title: planShortTitle(plan),
    })),
    maxCellLoad,
  };
}
