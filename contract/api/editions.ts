// Two editions of a notice compared (docs/editions.md, docs/api.md "Editions compared"): which
// items are new, removed, reworded, renumbered or moved, how sure each pairing of an old item with
// a new one is, and which units gained or lost a lead or a support. The server builds it
// (graph/editions/compare.ts, graph/api/routes/editions.ts); the web app parses it.
import * as z from 'zod/mini';

/**
 * How an item of the older edition was paired with one of the newer, most certain first:
 * - `same`: same number, same title;
 * - `renumbered`: the same title on exactly one item of each edition, under another number;
 * - `reworded`: same number, titles alike (at least half their character pairs in common);
 * - `likely`: another number and titles alike only (at least `thresholds.likely`), each the
 *   other's only candidate. Progress records follow the first three on a reload, never `likely`.
 */
export const MATCH_CERTAINTIES = ['same', 'renumbered', 'reworded', 'likely'] as const;
export const MatchCertainty = z.enum(MATCH_CERTAINTIES);
export type MatchCertainty = z.infer<typeof MatchCertainty>;

/** What happened to an item: one or more of these per row; a paired item unchanged has no row. */
export const ITEM_CHANGES = [
  'added',
  'removed',
  'reworded',
  'renumbered',
  'moved',
  'units',
] as const;
export const ItemChangeKind = z.enum(ITEM_CHANGES);
export type ItemChangeKind = z.infer<typeof ItemChangeKind>;

/** A unit's role on one item, before → after: a lead turned support is a lead lost and a support gained. */
export const UNIT_CHANGES = ['lead-gained', 'lead-lost', 'support-gained', 'support-lost'] as const;
export const UnitChangeKind = z.enum(UNIT_CHANGES);
export type UnitChangeKind = z.infer<typeof UnitChangeKind>;

export const ITEM_KINDS = ['indicator', 'theme', 'task', 'project', 'requirement'] as const;

/** An item as one edition has it, with the item it sits under (a task's theme, a sub-item's project). */
export const EditionItem = z.object({
  id: z.string(),
  kind: z.enum(ITEM_KINDS),
  ref: z.string(),
  title: z.string(),
  parent: z.nullable(z.object({ ref: z.string(), title: z.string() })),
});
export type EditionItem = z.infer<typeof EditionItem>;

export const UnitChange = z.object({
  /** The unit's identity: jurisdiction and normalised name (a dictionary's canonical one when loaded). */
  unitId: z.string(),
  /** As the edition where the change is seen prints it (the older for a loss, the newer for a gain). */
  name: z.string(),
  change: UnitChangeKind,
});
export type UnitChange = z.infer<typeof UnitChange>;

/** An item of the other edition this one might be: alike, but not certainly it, so never paired. */
export const EditionCandidate = z.object({
  ref: z.string(),
  title: z.string(),
  /** Title likeness, 0–1 (Dice over character pairs, contract/title-likeness.ts), two decimals. */
  likeness: z.number(),
});
export type EditionCandidate = z.infer<typeof EditionCandidate>;

export const ItemChange = z.object({
  changes: z.array(ItemChangeKind),
  /** How the two items were paired; null for an item in one edition only. */
  match: z.nullable(MatchCertainty),
  /** Title likeness of the pair, 0–1, two decimals; null for an item in one edition only. */
  likeness: z.nullable(z.number()),
  /** The item in the older edition; null when added. */
  from: z.nullable(EditionItem),
  /** The item in the newer edition; null when removed. */
  to: z.nullable(EditionItem),
  /** Units whose role on the item changed (all its units, for an added or removed item). */
  units: z.array(UnitChange),
  /** For an added or removed item only: the other edition's items it might be, most alike first. */
  candidates: z.array(EditionCandidate),
});
export type ItemChange = z.infer<typeof ItemChange>;

/** A unit's leads and supports gained and lost over every item, added and removed ones included. */
export const UnitTotal = z.object({
  unitId: z.string(),
  /** Its names as printed, older edition first, each once. */
  names: z.array(z.string()),
  leadsGained: z.number(),
  leadsLost: z.number(),
  supportsGained: z.number(),
  supportsLost: z.number(),
});
export type UnitTotal = z.infer<typeof UnitTotal>;

/** One side of the comparison: a loaded plan, or a file read for import and not loaded yet. */
export const EditionSide = z.object({
  source: z.enum(['plan', 'review']),
  planId: z.string(),
  title: z.string(),
  date: z.nullable(z.string()),
  items: z.number(),
  /** The file's name, for a review. */
  file: z.nullable(z.string()),
});
export type EditionSide = z.infer<typeof EditionSide>;

export const EditionCounts = z.object({
  /** Items paired, changed or not. */
  matched: z.number(),
  unchanged: z.number(),
  added: z.number(),
  removed: z.number(),
  reworded: z.number(),
  renumbered: z.number(),
  moved: z.number(),
  /** Paired items whose units changed. */
  units: z.number(),
  /** Pairs made on wording alone. */
  likely: z.number(),
  /** Added or removed items with candidates: a planner should look. */
  ambiguous: z.number(),
});
export type EditionCounts = z.infer<typeof EditionCounts>;

/** GET /api/editions/compare. */
export const EditionComparison = z.object({
  from: EditionSide,
  to: EditionSide,
  /** The likeness a pairing needs: same number (`reworded`), wording alone (`likely`). */
  thresholds: z.object({ reworded: z.number(), likely: z.number() }),
  counts: EditionCounts,
  /** Every item that changed: removed and paired in the older edition's order, then added. */
  items: z.array(ItemChange),
  /** Units whose leads or supports changed, most changes first. */
  units: z.array(UnitTotal),
});
export type EditionComparison = z.infer<typeof EditionComparison>;
