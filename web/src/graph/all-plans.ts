// The explorer over every plan loaded at once (全部规划, `plan=all`): what stands for "the plan
// shown" then, and which plan a unit's panel counts in. Pure.
import { ALL_PLANS } from '../../../contract/api/plan-graph-url.ts';
import type { PlanSummary } from '../api/schema.ts';
import { planPickerWord } from '../i18n/features/plan-picker.ts';
import type { Lang } from '../i18n/messages.ts';
import { edgesAt, isAssignment, type PlanIndex } from './plan-index.ts';

/**
 * The header's and the plan panel's plan in 全部规划: named as every plan together, its item and
 * edge counts the plans' sums. Its id is ALL_PLANS, which no request ever names (see planIdOf).
 */
export function allPlansSummary(plans: readonly PlanSummary[], lang: Lang): PlanSummary {
  const sum = (count: (plan: PlanSummary) => number | null) =>
    plans.reduce((total, plan) => total + (count(plan) ?? 0), 0);
  return {
    id: ALL_PLANS,
    title: planPickerWord(lang, 'allPlansTitle', { count: plans.length }),
    issuer: null,
    date: null,
    jurisdiction: plans[0]?.jurisdiction ?? '',
    itemCount: sum((plan) => plan.itemCount),
    // A unit two plans name is one unit: the plans' counts would count it twice.
    unitCount: null,
    edgeCount: sum((plan) => plan.edgeCount),
    sourceSha256: null,
  };
}

/** The plan a request names for the plan shown: none in 全部规划 (the API looks at every plan). */
export function planIdOf(plan: Pick<PlanSummary, 'id'> | null): string | null {
  return plan === null || plan.id === ALL_PLANS ? null : plan.id;
}

/**
 * The plan a unit's panel counts in while every plan is drawn: the one in which it answers for
 * the most items on the canvas (ties to the plan listed first), else the first plan. The panel's
 * 全部规划 table lists every plan's figures beside it.
 */
export function mainPlanOf(
  index: PlanIndex,
  unitId: string,
  plans: readonly Pick<PlanSummary, 'id'>[],
): string | null {
  const counts = new Map<string, number>();
  for (const edge of edgesAt(index, unitId)) {
    const plan = edge['planId'];
    if (isAssignment(edge) && typeof plan === 'string') {
      counts.set(plan, (counts.get(plan) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let most = 0;
  for (const { id } of plans) {
    const count = counts.get(id) ?? 0;
    if (count > most) {
      best = id;
      most = count;
    }
  }
  return best ?? plans[0]?.id ?? null;
}
