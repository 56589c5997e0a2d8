// Validating a unit dictionary and resolving a plan's units against it. Pure: no file system, so
// the same code serves the loader, the API and tests. Reading the file is read.ts's job.
import type { core } from 'zod';
import type { ParseIssue, UnitMention } from '../model/plan.ts';
import { formatPath, UnitDictionaryError, type UnitDictionaryProblem } from './errors.ts';
import { generalUnitNames } from './general.ts';
import { UnitDictionary, unitNameKey, type UnitEntry } from './schema.ts';

export { UnitDictionaryError, type UnitDictionaryProblem } from './errors.ts';

function entryNameAt(json: unknown, index: number): string | null {
  if (typeof json !== 'object' || json === null || !('units' in json)) return null;
  const units = json.units;
  if (!Array.isArray(units)) return null;
  const entry: unknown = units[index];
  if (typeof entry !== 'object' || entry === null || !('name' in entry)) return null;
  return typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name : null;
}

function toProblem(json: unknown, issue: core.$ZodIssue): UnitDictionaryProblem {
  const [top, index, ...rest] = issue.path;
  if (top === 'units' && typeof index === 'number') {
    return {
      index,
      entry: entryNameAt(json, index),
      field: formatPath(rest),
      message: issue.message,
    };
  }
  return { index: null, entry: null, field: formatPath(issue.path), message: issue.message };
}

/**
 * Validates a parsed dictionary file. `source` names the file in every message, so a planner
 * editing the JSON is told which file, which entry, which field, and what was expected.
 */
export function parseUnitDictionary(json: unknown, source: string): UnitDictionary {
  const result = UnitDictionary.safeParse(json);
  if (result.success) return result.data;
  throw new UnitDictionaryError(
    source,
    result.error.issues.map((issue) => toProblem(json, issue)),
  );
}

/**
 * How a printed name found its entry: as the entry's name, as one of its aliases, or through the
 * general name table — another printing of the name or the full name (武汉市发展和改革委员会 for
 * 市发改委, 市应急局 for 市应急管理局).
 */
export type UnitMatchVia = 'name' | 'alias' | 'canonical';

interface IndexedUnit {
  entry: UnitEntry;
  via: UnitMatchVia;
}

interface DictionaryIndex {
  byKey: Map<string, IndexedUnit>;
  byName: Map<string, UnitEntry>;
  /** Canonical keys (general table, dictionary's jurisdiction) of names, aliases and full names. */
  byCanonical: Map<string, IndexedUnit>;
}

// Dictionaries are immutable once parsed; the index is built once per dictionary object.
const indexes = new WeakMap<UnitDictionary, DictionaryIndex>();

function canonicalOf(dictionary: UnitDictionary, name: string): string {
  return generalUnitNames().canonical(unitNameKey(name), dictionary.jurisdiction);
}

function indexOf(dictionary: UnitDictionary): DictionaryIndex {
  const cached = indexes.get(dictionary);
  if (cached !== undefined) return cached;
  const byKey = new Map<string, IndexedUnit>();
  const byName = new Map<string, UnitEntry>();
  for (const entry of dictionary.units) {
    byName.set(entry.name, entry);
    byKey.set(unitNameKey(entry.name), { entry, via: 'name' });
  }
  // Names first, so an alias can never shadow a name (the schema forbids the clash anyway).
  for (const entry of dictionary.units) {
    for (const alias of entry.aliases) {
      const key = unitNameKey(alias);
      if (!byKey.has(key)) byKey.set(key, { entry, via: 'alias' });
    }
  }
  // Two entries whose forms canonicalise alike would make the match a guess: such a key is left
  // out, and the printed name must then match a name or an alias exactly.
  const byCanonical = new Map<string, IndexedUnit>();
  const ambiguous = new Set<string>();
  for (const entry of dictionary.units) {
    for (const form of [entry.name, ...entry.aliases, entry.fullName]) {
      const key = canonicalOf(dictionary, form);
      const previous = byCanonical.get(key);
      if (previous === undefined) byCanonical.set(key, { entry, via: 'canonical' });
      else if (previous.entry !== entry) ambiguous.add(key);
    }
  }
  for (const key of ambiguous) byCanonical.delete(key);
  const index = { byKey, byName, byCanonical };
  indexes.set(dictionary, index);
  return index;
}

function find(dictionary: UnitDictionary, names: readonly string[]): IndexedUnit | undefined {
  const { byKey, byCanonical } = indexOf(dictionary);
  for (const name of names) {
    const found = byKey.get(unitNameKey(name));
    if (found !== undefined) return found;
  }
  for (const name of names) {
    const found = byCanonical.get(canonicalOf(dictionary, name));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The entry a printed name stands for — by name or alias, Traditional or Simplified, or any
 * printing the general name table knows for it, full name included — if any.
 */
export function lookupUnit(dictionary: UnitDictionary, name: string): UnitEntry | undefined {
  return find(dictionary, [name])?.entry;
}

export interface UnitMatch {
  mention: UnitMention;
  entry: UnitEntry;
  via: UnitMatchVia;
  /**
   * The known members of a collective: the dictionary's, then any the document's qualifier adds
   * (〈含东湖高新区…〉), each as its dictionary entry. Empty for a single unit.
   */
  members: UnitEntry[];
  /** Members the document's qualifier names that the dictionary does not know. */
  unmatchedMembers: string[];
}

export interface UnitResolution {
  /** One per matched mention, in the plan's order. */
  matched: UnitMatch[];
  /** Mentions no entry matches: load them flagged unverified. */
  unmatched: UnitMention[];
  /** What a planner should be told: one warning per unmatched unit or qualifier member. */
  issues: ParseIssue[];
}

/**
 * Matches each unit of a plan to its dictionary entry: by the unit's key (already Simplified,
 * qualifier dropped), or failing that by the name as printed, each against names and aliases.
 */
export function resolveUnits(
  units: readonly UnitMention[],
  dictionary: UnitDictionary,
): UnitResolution {
  const { byName } = indexOf(dictionary);
  const matched: UnitMatch[] = [];
  const unmatched: UnitMention[] = [];
  const issues: ParseIssue[] = [];

  for (const mention of units) {
    const found = find(dictionary, [mention.key, mention.name]);
    if (found === undefined) {
      unmatched.push(mention);
      issues.push({
        code: 'unit-not-in-dictionary',
        severity: 'warning',
        message: `${mention.name}: no entry in the ${dictionary.jurisdiction} unit dictionary; loaded as unverified`,
        line: mention.line,
      });
      continue;
    }

    const members = new Map<string, UnitEntry>();
    for (const name of found.entry.members ?? []) {
      const member = byName.get(name);
      if (member !== undefined) members.set(member.name, member);
    }
    const unmatchedMembers: string[] = [];
    for (const name of mention.members ?? []) {
      const member = find(dictionary, [name])?.entry;
      if (member === undefined) {
        unmatchedMembers.push(name);
        issues.push({
          code: 'member-not-in-dictionary',
          severity: 'warning',
          message: `${name}, a member of ${mention.name}, has no entry in the ${dictionary.jurisdiction} unit dictionary`,
          line: mention.line,
        });
      } else if (member !== found.entry) {
        members.set(member.name, member);
      }
    }

    matched.push({
      mention,
      entry: found.entry,
      via: found.via,
      members: [...members.values()],
      unmatchedMembers,
    });
  }

  return { matched, unmatched, issues };
}
