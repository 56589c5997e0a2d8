// Who may do what in team mode: the four roles, their words, and the one rule that says whether
// an account may make a write. The server enforces it on every write; the browser uses the same
// rule only to hide buttons a planner could not use.
import * as z from 'zod/mini';

export const ROLES = ['viewer', 'liaison', 'planner', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_WORDS: Readonly<Record<Role, { zh: string; en: string }>> = {
  viewer: { zh: '查看人员', en: 'Viewer' },
  liaison: { zh: '单位联络员', en: 'Unit liaison' },
  planner: { zh: '规划人员', en: 'Planner' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

/** An account as the rule sees it: its role and, for a liaison, the units it speaks for. */
export interface Actor {
  role: Role;
  /**
   * The units a liaison answers for: a unit id (`武汉市/市发改委`) or the unit's name as the
   * notice prints it (`市发改委`, then any jurisdiction's unit of that name); empty for other roles.
   */
  units: readonly string[];
}

/**
 * The writes guatu knows. `update-progress` is the one a liaison may make, and only on items its
 * units lead or support; the rest belong to planners, and managing accounts to administrators.
 */
export const WRITES = [
  'update-progress',
  'edit-item',
  'import-plan',
  'replace-plan',
  'remove-plan',
  'import-ledger',
  'manage-accounts',
  'read-audit',
] as const;
export type Write = (typeof WRITES)[number];

const PLANNER_WRITES: ReadonlySet<Write> = new Set([
  'update-progress',
  'edit-item',
  'import-plan',
  'replace-plan',
  'remove-plan',
  'import-ledger',
]);

/**
 * Whether `actor` may make `write`; for `update-progress`, `itemUnits` are the ids of the units
 * that lead or support the item. An administrator may do what a planner may: a small office often
 * has one person for both.
 */
export function may(actor: Actor, write: Write, itemUnits: readonly string[] = []): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'planner':
      return PLANNER_WRITES.has(write);
    case 'liaison':
      return write === 'update-progress' && itemUnits.some((unit) => speaksFor(actor, unit));
    case 'viewer':
      return false;
  }
}

/** Whether a liaison's account names this unit id, whole or by its name after the jurisdiction. */
export function speaksFor(actor: Actor, unitId: string): boolean {
  return actor.units.some((unit) => unit === unitId || unitId.endsWith(`/${unit}`));
}
