// 全部规划 on the canvas: each plan's items and themes inside a frame that names the plan (a
// Cytoscape compound node), the units, shared by the plans, outside every frame.
import type { Core } from 'cytoscape';
import { planShortTitle } from '../../../contract/short-title.ts';

/** The kind of a plan's frame on the canvas: drawn, never chosen (its taps go through it). */
export const PLAN_FRAME = 'plan-frame';

/** A plan drawn in 全部规划, to frame its items with its name. */
export interface DrawnPlan {
  id: string;
  /** Its name on the canvas: the short title, and the date where two plans share it. */
  name: string;
}

/** The id of a plan's frame on the canvas (no graph node's id has a `#`). */
export const planFrameId = (planId: string): string => `${PLAN_FRAME}#${planId}`;

interface PlanTitled {
  id: string;
  title: string;
  jurisdiction: string | null;
  date?: unknown;
}

/**
 * The frames' names: each plan's short title as in file names; two editions of one notice share
 * it, so where a name repeats the plan's date follows it.
 */
export function drawnPlans(plans: readonly PlanTitled[]): DrawnPlan[] {
  const titled = plans.map((plan) => ({
    plan,
    title: planShortTitle({ title: plan.title, jurisdiction: plan.jurisdiction }),
  }));
  const counts = new Map<string, number>();
  for (const { title } of titled) counts.set(title, (counts.get(title) ?? 0) + 1);
  return titled.map(({ plan, title }) => ({
    id: plan.id,
    name:
      (counts.get(title) ?? 0) > 1 && typeof plan.date === 'string' && plan.date !== ''
        ? `${title} · ${plan.date}`
        : title,
  }));
}

/**
 * Removes the nodes already drawn whose frame changes (the plan's items when 全部规划 is chosen
 * over one plan's graph): Cytoscape takes a node's parent only when the node is added, so the
 * canvas adds them again, framed, with their edges. Called before the elements are shown.
 */
export function dropReframed(
  cy: Core | null,
  elements: readonly { group: string; data: { id: string; parent?: unknown } }[],
): void {
  if (cy === null) return;
  for (const element of elements) {
    if (element.group !== 'nodes') continue;
    const node = cy.getElementById(element.data.id);
    if (node.empty() || !node.isNode()) continue;
    const parent = node.parent();
    const was = parent.empty() ? undefined : parent.first().id();
    const wanted = typeof element.data.parent === 'string' ? element.data.parent : undefined;
    if (was !== wanted) node.remove();
  }
}
