// Validating a unit dictionary and resolving a plan's units against it. Pure: no file system, so
// the same code serves the loader, the API and tests. Reading the file is read.ts's job.
import type { core } from 'zod';
import type { ParseIssue, UnitMention } from '../model/plan.ts';
import { UnitDictionary, unitNameKey, type UnitEntry } from './schema.ts';

/** One thing wrong with a dictionary file, located as precisely as the input allows. */
export interface UnitDictionaryProblem {
  /** Index into `units`, when the problem is inside one entry. */
  index: number | null;
  /** That entry's name as written in the file, when it has one. */
  entry: string | null;
  /** The field at fault, as a path below the entry (or below the file): `englishName`, `aliases[1]`. */
  field: string | null;
  /** What was expected, and what was found. */
  message: string;
}

export class UnitDictionaryError extends Error {
  override readonly name = 'UnitDictionaryError';
  readonly source: string;
  readonly problems: readonly UnitDictionaryProblem[];

  constructor(source: string, problems: readonly UnitDictionaryProblem[]) {
    const lines = problems.map((problem) => `  - ${describeProblem(problem)}`);
    super(`${source}: invalid unit dictionary\n${lines.join('\n')}`);
    this.source = source;
    this.problems = problems;
  }
}

function describeProblem(problem: UnitDictionaryProblem): string {
  const where: string[] = [];
  if (problem.index !== null) {
    where.push(
      problem.entry === null
        ? `units[${problem.index}]`
        : `units[${problem.index}] (${problem.entry})`,
    );
  }
  if (problem.field !== null) where.push(`field "${problem.field}"`);
  return where.length === 0 ? problem.message : `${where.join(', ')}: ${problem.message}`;
}

function formatPath(path: readonly PropertyKey[]): string | null {
  let text = '';
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  }
  return text === '' ? null : text;
}

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

export type UnitMatchVia = 'name' | 'alias';

interface IndexedUnit {
  entry: UnitEntry;
  via: UnitMatchVia;
}

interface DictionaryIndex {
  byKey: Map<string, IndexedUnit>;
  byName: Map<string, UnitEntry>;
}

// Dictionaries are immutable once parsed; the index is built once per dictionary object.
const indexes = new WeakMap<UnitDictionary, DictionaryIndex>();

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
  const index = { byKey, byName };
  indexes.set(dictionary, index);
  return index;
}

function find(dictionary: UnitDictionary, names: readonly string[]): IndexedUnit | undefined {
  const { byKey } = indexOf(dictionary);
  for (const name of names) {
    const found = byKey.get(unitNameKey(name));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The entry a printed name stands for — by name or alias, Traditional or Simplified — if any. */
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
