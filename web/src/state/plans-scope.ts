// Which plans the rankings and the paths tool count: the plan on screen (本规划, the default) or
// every plan loaded (全部规划, `plans=all`). Kept in the address with the rest (view.ts), so a
// shared link keeps it; it only takes effect with two or more plans loaded.

export interface PlansScopeView {
  /** The rankings' and paths' figures over every plan loaded, not only the plan on screen. */
  allPlans: boolean;
}

export const DEFAULT_PLANS_SCOPE_VIEW: PlansScopeView = { allPlans: false };

export function readPlansScopeView(query: URLSearchParams): PlansScopeView {
  return { allPlans: query.get('plans') === 'all' };
}

export function writePlansScopeView(view: PlansScopeView, query: URLSearchParams): void {
  if (view.allPlans) query.set('plans', 'all');
}
