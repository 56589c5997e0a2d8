// A chosen set of plans (选定规划, issue 15) as a query string carries it: `?plans=<id>,<id>`. Plan
// ids are a jurisdiction and a title's fingerprint (武汉市-f64b89c6), never a comma, so the list is
// one parameter a planner can read and a link can keep. Each id is checked against the plans
// loaded where the set is used (ApiContext.planIds), so an unknown one is named in the refusal.
import { z } from 'zod';
import { HttpError } from './http-error.ts';

/** At most this many plans in a set: far above any city's portfolio, well below a runaway URL. */
const MAX_PLANS = 200;

const PlanIds = z
  .string()
  .max(20_000)
  .transform((text) => [
    ...new Set(
      text
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    ),
  ])
  .pipe(
    z
      .array(z.string().max(200))
      .min(1, { error: 'name at least one plan id / 至少列出一份规划的编号' })
      .max(MAX_PLANS, { error: `at most ${MAX_PLANS} plans / 最多 ${MAX_PLANS} 份规划` }),
  );

/**
 * `?plans=a,b`: the ids in the order given, blanks and repeats dropped. Absent, or `all` (as
 * `/api/plans/graph` and the explorer's address write every plan) → undefined: every plan.
 */
export const PlanSetParam = z
  .union([z.literal('all').transform(() => undefined), PlanIds])
  .optional();

/** `plan=` and `plans=` together say two things; the request must say one. */
export function planOrPlans(plan: string | undefined, plans: readonly string[] | undefined): void {
  if (plan !== undefined && plans !== undefined) {
    throw new HttpError(
      400,
      'plan_and_plans',
      'give plan= (one plan) or plans= (a chosen set), not both / plan=(一份规划)与 plans=(选定规划)只能给一个',
    );
  }
}
