// Who a printed unit name is: the one entry point the loader and the import review call. The
// plan's own dictionary answers first (seeds/units-wuhan.json for 武汉市), then the general name
// table (seeds/unit-names-cn.json), then the form of the name; a name none of them knows is still
// a unit, keyed by its own name, and the plan's unknown units are reported together, once.
import { z } from 'zod';
import type { ParseIssue } from '../model/plan.ts';
import { unitKey } from '../parse/normalise.ts';
import { generalUnitNames } from './general.ts';
import { lookupUnit } from './resolve.ts';
import { UnitCategory, type UnitDictionary } from './schema.ts';
import { categoryFromForm } from './unit-form.ts';
import { factsOf } from './unit-names.ts';

/** Which source knew the unit: its plan's dictionary, the general table, only its form, none. */
export const UnitKnownBy = z.enum(['dictionary', 'general', 'form', 'unknown']);
export type UnitKnownBy = z.infer<typeof UnitKnownBy>;

export const UnitIdentity = z.object({
  /** The unit's key within its jurisdiction: every printing of one unit gives the same key. */
  key: z.string().min(1),
  /** The name to show: the dictionary's, else the canonical short form, else the name as printed. */
  canonical: z.string().min(1),
  fullName: z.string().min(1).optional(),
  englishName: z.string().min(1).optional(),
  /** null when not even the form of the name says what the unit is. */
  category: UnitCategory.nullable(),
  collective: z.boolean(),
  known: UnitKnownBy,
});
export type UnitIdentity = z.infer<typeof UnitIdentity>;

export interface IdentifyContext {
  /** The plan's jurisdiction (武汉市): its name as a prefix is the same unit as its level. */
  jurisdiction?: string;
  /** A unit dictionary; used only when it is the dictionary of that jurisdiction. */
  dictionary?: UnitDictionary | null;
}

/** Who a printed name is, in a plan of the given jurisdiction. */
export function identifyUnit(name: string, context: IdentifyContext = {}): UnitIdentity {
  const jurisdiction = context.jurisdiction ?? '';
  const key = unitKey(name, jurisdiction);
  const given = context.dictionary ?? null;
  const dictionary = given !== null && given.jurisdiction === jurisdiction ? given : null;
  const entry =
    dictionary === null ? undefined : (lookupUnit(dictionary, key) ?? lookupUnit(dictionary, name));
  if (entry !== undefined) {
    return {
      key: unitKey(entry.name, jurisdiction),
      canonical: entry.name,
      fullName: entry.fullName,
      englishName: entry.englishName,
      category: entry.category,
      collective: entry.collective,
      known: 'dictionary',
    };
  }

  const reading = generalUnitNames().read(key, jurisdiction === '' ? undefined : jurisdiction);
  if (reading !== null) {
    return {
      key,
      canonical: reading.key,
      ...factsOf(reading, jurisdiction),
      collective: false,
      known: 'general',
    };
  }

  const printed = name.trim() === '' ? key : name.trim();
  const category = categoryFromForm(key);
  return {
    key,
    canonical: printed,
    category,
    collective: category === 'collective',
    known: category === null ? 'unknown' : 'form',
  };
}

export interface PlanUnitIdentities {
  /** One per distinct key, in the order the units were given. */
  units: Array<UnitIdentity & { name: string; line: number | null }>;
  /** Printed names of the units no dictionary knows (known by form or not at all). */
  unlisted: string[];
  /** One `info` issue naming every unlisted unit, or null when there is none. */
  issue: ParseIssue | null;
}

/**
 * Identifies every unit of a plan and reports those no dictionary knows in one issue: a planner
 * reviewing an import reads one list, not a warning per unit.
 */
export function identifyPlanUnits(
  units: ReadonlyArray<{ name: string; line?: number | null }>,
  context: IdentifyContext = {},
): PlanUnitIdentities {
  const byKey = new Map<string, UnitIdentity & { name: string; line: number | null }>();
  for (const unit of units) {
    const identity = identifyUnit(unit.name, context);
    if (!byKey.has(identity.key)) {
      byKey.set(identity.key, { ...identity, name: unit.name, line: unit.line ?? null });
    }
  }
  const identified = [...byKey.values()];
  const unlisted = identified
    .filter((unit) => unit.known === 'form' || unit.known === 'unknown')
    .map((unit) => unit.name);
  return { units: identified, unlisted, issue: unlistedIssue(unlisted) };
}

function unlistedIssue(unlisted: readonly string[]): ParseIssue | null {
  if (unlisted.length === 0) return null;
  const names = unlisted.join('、');
  return {
    code: 'units-not-in-dictionary',
    severity: 'info',
    message: `${unlisted.length} unit${unlisted.length === 1 ? '' : 's'} no dictionary knows, loaded as unverified: ${names}`,
    zh: `${unlisted.length} 个单位不在单位词典中，按未核实载入：${names}`,
    line: null,
  };
}
