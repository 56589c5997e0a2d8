// Who answers for what: a unit's profile (GET /api/units/profile) and a theme's reach
// (GET /api/themes/reach), and the pieces they share: a unit or an item in brief, and a unit's
// figures in a plan.
import * as z from 'zod/mini';
import { ItemNode, UnitNode } from './elements.ts';
import { optionalFlag, optionalNumber, optionalText } from './fields.ts';

/** A unit's figures in one plan, as the loader stores them on its ACTIVE_IN (docs/graph.md). */
export const UnitFigures = z.looseObject({
  planId: z.string(),
  itemsLed: z.number(),
  itemsSupported: z.number(),
  themesReached: z.number(),
  load: z.number(),
  // Null for collective units, which the co-assignment network leaves out.
  betweenness: optionalNumber,
  community: optionalNumber,
});
export type UnitFigures = z.infer<typeof UnitFigures>;

export const UnitRef = z.looseObject({
  id: z.string(),
  name: z.string(),
  fullName: optionalText,
  englishName: optionalText,
  category: optionalText,
  collective: optionalFlag,
});
export type UnitRef = z.infer<typeof UnitRef>;

export const ThemeRef = z.looseObject({ id: z.string(), ref: z.string(), title: z.string() });
export type ThemeRef = z.infer<typeof ThemeRef>;

/** How a unit stands on an item: LEADS or SUPPORTS, the role word as printed, inferred or not. */
const Assignment = z.object({
  edge: z.enum(['LEADS', 'SUPPORTS']),
  role: z.nullable(z.string()),
  inferred: z.boolean(),
});

/** An item in brief, with how the unit stands on it. */
export const ProfileItem = z.looseObject({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  ...Assignment.shape,
});
export type ProfileItem = z.infer<typeof ProfileItem>;

/**
 * A unit's figures in one of the plans that name it: what the plan's unit-load ranking gives it,
 * inferred leads counted apart. Over all of them, the sums are its row in portfolio-load.
 */
export const UnitPlanShare = z.looseObject({
  plan: z.looseObject({
    id: z.string(),
    title: z.string(),
    jurisdiction: z.nullable(z.string()),
    date: z.nullable(z.string()),
  }),
  itemsLed: z.number(),
  inferredLeads: z.number(),
  itemsSupported: z.number(),
  load: z.number(),
});
export type UnitPlanShare = z.infer<typeof UnitPlanShare>;

export const UnitProfile = z.looseObject({
  plan: z.string(),
  unit: UnitNode,
  /** Null when the plan does not name the unit. */
  metrics: z.nullable(UnitFigures),
  themes: z.array(z.object({ theme: ThemeRef, items: z.array(ProfileItem) })),
  otherItems: z.array(ProfileItem),
  /** Most shared items first; `items` counts them. */
  partners: z.array(z.looseObject({ unit: UnitRef, items: z.number() })),
  memberOf: z.array(UnitRef),
  /** Every plan loaded that names the unit, this one included, the heaviest first. */
  plans: z.array(UnitPlanShare),
  /**
   * Items the unit carries only as a member of collectives the plan names (各区人民政府 on an item:
   * each district carries it), each once; and how many each collective hands down. As
   * member-load counts them.
   */
  viaCollectives: z.object({
    items: z.number(),
    collectives: z.array(z.looseObject({ unit: UnitRef, items: z.number() })),
  }),
});
export type UnitProfile = z.infer<typeof UnitProfile>;

/** The units that answer for a theme's tasks (GET /api/themes/reach), most leads first. */
export const ThemeReach = z.looseObject({
  theme: ItemNode,
  units: z.array(
    z.looseObject({
      unit: UnitRef,
      leads: z.number(),
      supports: z.number(),
      items: z.array(ProfileItem),
    }),
  ),
});
export type ThemeReach = z.infer<typeof ThemeReach>;
