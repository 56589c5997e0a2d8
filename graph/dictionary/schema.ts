// The unit dictionary: the data file (seeds/units-<jurisdiction>.json) that turns the short names a
// plan prints (市发改委) into units a planner can brief on — full name, English name, category,
// the other forms the same unit is printed in, and for collective units their known members.
// This schema is the file's only definition; its types are inferred from it.
import { Converter } from 'opencc-js/t2cn';
import { z } from 'zod';

export const UnitCategory = z.enum([
  'party-organ',
  'government-department',
  'peoples-organisation',
  'development-zone-committee',
  'vertical-agency',
  'public-institution',
  'state-enterprise',
  'working-group',
  'district-government',
  'collective',
]);
export type UnitCategory = z.infer<typeof UnitCategory>;

const Name = z.string().trim().min(1, 'expected a non-empty name');

export const UnitEntry = z
  .strictObject({
    /** Canonical short name, exactly as the documents print it: 市发改委. */
    name: Name,
    /** Full official name: 武汉市发展和改革委员会. */
    fullName: Name,
    /** Name for English briefings: the official one where known, else a standard translation. */
    englishName: Name,
    category: UnitCategory,
    /** Other printed forms of the same unit: 东湖高新区 for 东湖高新区管委会. */
    aliases: z.array(Name).default([]),
    /** Stands for several units (各区人民政府, …成员单位); exactly the entries of category `collective`. */
    collective: z.boolean().default(false),
    /** Canonical names of the known members; present on every collective, possibly empty. */
    members: z.array(Name).optional(),
    /** True only where full name and category are certain; otherwise `note` says what is not. */
    verified: z.boolean(),
    note: Name.optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.collective !== (entry.category === 'collective')) {
      ctx.addIssue({
        code: 'custom',
        path: ['collective'],
        message: `expected collective: ${entry.category === 'collective'} for category "${entry.category}"`,
      });
    }
    if (entry.members !== undefined && !entry.collective) {
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: 'expected members only on a collective unit (collective: true)',
      });
    }
    if (entry.collective && entry.members === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: 'expected a members list on a collective unit (empty when they are not known)',
      });
    }
    // A bare `false` or `[]` tells a reader nothing; the note is where the uncertainty is recorded.
    if (!entry.verified && entry.note === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'expected a note saying what is uncertain on an unverified entry',
      });
    }
    if (entry.collective && entry.members?.length === 0 && entry.note === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'expected a note saying why the members of this collective are not listed',
      });
    }
  });
export type UnitEntry = z.infer<typeof UnitEntry>;

/**
 * Traditional → mainland Simplified for names. The Hong Kong table is used because it folds both
 * 衞 and 衛 (and 枱, 粧, 糭 …), which the generic Traditional table does not. Shared with the
 * parser's unitKey, so that a key and a dictionary lookup fold a name alike.
 */
export const simplifiedName = Converter({ from: 'hk', to: 'cn' });

/**
 * The form two printings of one name share: compatibility forms folded (NFKC), spaces dropped,
 * Traditional → Simplified, and a 〈…〉 qualifier removed (the key drops it, DESIGN.md §1).
 */
export function unitNameKey(name: string): string {
  const folded = name.normalize('NFKC').replace(/\s+/gu, '');
  return simplifiedName(folded).replace(/[〈<][^〉>]*[〉>]$/u, '');
}

export const UnitDictionary = z
  .strictObject({
    /** Units belong to a jurisdiction: 市发改委 of 武汉市 is not 市发改委 of another city. */
    jurisdiction: Name,
    /** Where the names and the facts about them come from. */
    source: Name,
    note: Name.optional(),
    units: z.array(UnitEntry).min(1, 'expected at least one unit'),
  })
  .superRefine((dictionary, ctx) => {
    // Every name and alias must lead to one entry only, or a lookup would be a guess.
    const owner = new Map<string, { index: number; name: string }>();
    const claim = (form: string, index: number, path: (string | number)[], name: string) => {
      const key = unitNameKey(form);
      const previous = owner.get(key);
      if (previous === undefined) {
        owner.set(key, { index, name });
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path,
        message:
          previous.index === index
            ? `expected each form once per entry; "${form}" is already this entry's name or alias`
            : `expected a name no other entry uses; "${form}" is already used by units[${previous.index}] (${previous.name})`,
      });
    };
    dictionary.units.forEach((entry, index) => {
      claim(entry.name, index, ['units', index, 'name'], entry.name);
    });
    dictionary.units.forEach((entry, index) => {
      entry.aliases.forEach((alias, a) => {
        claim(alias, index, ['units', index, 'aliases', a], entry.name);
      });
    });

    // Members are named canonically so a MEMBER_OF edge joins two entries, never a free string.
    const names = new Set(dictionary.units.map((entry) => entry.name));
    dictionary.units.forEach((entry, index) => {
      entry.members?.forEach((member, m) => {
        if (!names.has(member)) {
          ctx.addIssue({
            code: 'custom',
            path: ['units', index, 'members', m],
            message: `expected the name of an entry of this dictionary; "${member}" is not one`,
          });
        } else if (member === entry.name) {
          ctx.addIssue({
            code: 'custom',
            path: ['units', index, 'members', m],
            message: 'expected a unit other than the collective itself',
          });
        }
      });
    });
  });
export type UnitDictionary = z.infer<typeof UnitDictionary>;
