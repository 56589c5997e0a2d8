// Which plans the rankings, the paths tool and the matrix over plans count: the plan on screen
// (本规划, the default), every plan loaded (全部规划, `plans=all`) or a chosen set of two or more
// (选定规划, `plans=<id>,<id>`). Kept in the address with the rest (view.ts), so a shared link keeps
// it; it only takes effect with two or more plans loaded.

export interface PlansScopeView {
  /** The figures over several plans (every plan loaded, or the chosen set), not only the plan on screen. */
  allPlans: boolean;
  /**
   * The chosen set (选定规划): two or more plan ids, in the order chosen; empty counts every plan.
   * Read only with `allPlans`.
   */
  chosenPlans: readonly string[];
}

export const DEFAULT_PLANS_SCOPE_VIEW: PlansScopeView = { allPlans: false, chosenPlans: [] };

/** A set needs two plans: one alone is the plan on screen's scope, not a set. */
export const MIN_CHOSEN = 2;

// Plan ids are a jurisdiction and a title's fingerprint (武汉市-f64b89c6): never a comma.
const SEPARATOR = ',';

export function readPlansScopeView(query: URLSearchParams): PlansScopeView {
  const raw = query.get('plans');
  if (raw === 'all') return { allPlans: true, chosenPlans: [] };
  const ids = [...new Set((raw ?? '').split(SEPARATOR).map((id) => id.trim()))].filter(
    (id) => id !== '',
  );
  return ids.length >= MIN_CHOSEN ? { allPlans: true, chosenPlans: ids } : DEFAULT_PLANS_SCOPE_VIEW;
}

export function writePlansScopeView(view: PlansScopeView, query: URLSearchParams): void {
  if (!view.allPlans) return;
  query.set(
    'plans',
    view.chosenPlans.length >= MIN_CHOSEN ? view.chosenPlans.join(SEPARATOR) : 'all',
  );
}

/**
 * The plans a chosen set counts, among those loaded (a plan removed since the link was made drops
 * out), in the order loaded; null when the figures count every plan loaded or only the plan on
 * screen — also when fewer than two of the set are still loaded.
 */
export function chosenPlanIds(
  view: PlansScopeView,
  loaded: readonly { id: string }[],
): string[] | null {
  if (!view.allPlans || view.chosenPlans.length < MIN_CHOSEN) return null;
  const ids = loaded.map((plan) => plan.id).filter((id) => view.chosenPlans.includes(id));
  return ids.length >= MIN_CHOSEN ? ids : null;
}
