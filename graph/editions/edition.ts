// What a comparison of editions reads of a plan: its header and, per item, what it is, its number,
// its title, what it sits under, and its units by identity. A parsed `PlanModel` is one as it is;
// a loaded plan is read back from Neo4j into the same shape (read-edition.ts), a file read for
// import after its units are named as the loader would name them (review-edition.ts).
import { z } from 'zod';
import { Item, ItemUnit, Plan } from '../model/plan.ts';

export const EditionUnit = ItemUnit.pick({ name: true, key: true, edge: true });
export type EditionUnit = z.infer<typeof EditionUnit>;

export const EditionItemInput = Item.pick({
  id: true,
  kind: true,
  ref: true,
  title: true,
  parent: true,
}).extend({ units: z.array(EditionUnit) });
export type EditionItemInput = z.infer<typeof EditionItemInput>;

export const Edition = z.object({
  plan: Plan,
  items: z.array(EditionItemInput),
});
export type Edition = z.infer<typeof Edition>;

/**
 * A unit's identity across editions: the jurisdiction and the unit's key (its name normalised by
 * the parser, or the dictionary's canonical name once loaded), as `UnitMention.id` and `Unit.id`.
 */
export const unitIdentity = (plan: Pick<Edition['plan'], 'jurisdiction'>, unit: EditionUnit) =>
  `${plan.jurisdiction}/${unit.key}`;
