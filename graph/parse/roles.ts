// Role words and the role rule (DESIGN.md §1). Words are matched on folded (Simplified,
// half-width) text; the role kept on an edge is always the printed one.
import type { ItemUnit } from '../model/plan.ts';

/** lead: marked as lead; other: every other named role; unknown: a label we do not know. */
export type RoleClass = 'lead' | 'other' | 'unknown';
export type LabelClass = RoleClass | 'person';

const PERSON = /领导|责任人|负责人|联系人|分管/;
const LEAD = /牵头|主办|主责/;
const OTHER = /责任|配合|协办|参与|协同|协助|参加|落实|承办|会同|负责|实施/;
const UNIT_WORD = /(单位|部门|机构|处室|科室)$/;

/**
 * What a label before ":" says about the units after it, or null when it is not a role label at
 * all ("到2025年:", "注:"). 主抓单位 and the like are `unknown`: reported, not guessed.
 */
const labelClasses = new Map<string, LabelClass | null>();

export function classifyLabel(label: string): LabelClass | null {
  let known = labelClasses.get(label);
  if (known === undefined) {
    known = classifyNewLabel(label);
    if (labelClasses.size > 10_000) labelClasses.clear();
    labelClasses.set(label, known);
  }
  return known;
}

function classifyNewLabel(label: string): LabelClass | null {
  if (label.length === 0 || label.length > 12) return null;
  if (PERSON.test(label)) return 'person';
  if (LEAD.test(label)) return 'lead';
  if (OTHER.test(label)) return 'other';
  if (UNIT_WORD.test(label)) return 'unknown';
  return null;
}

/** Role labels that are safe to recognise even when their colon is missing. */
export const KNOWN_LABEL =
  /(牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|协同单位|承办单位)/;

export const KNOWN_LABEL_AT_START = new RegExp(`^${KNOWN_LABEL.source}`);

/** A known label with its colon, anywhere: where a second role starts when ";" is missing. */
export const KNOWN_LABEL_WITH_COLON = new RegExp(`${KNOWN_LABEL.source}\\s*:`, 'g');

/** Role verbs that close a group in the "X牵头,Y配合" style, longest first. */
const SUFFIX_VERBS = [
  '按职责分工负责',
  '按职能分工负责',
  '按职责分工落实',
  '按职责分工配合',
  '按照职责分工负责',
  '按职责负责',
  '分别牵头',
  '共同牵头',
  '牵头负责',
  '牵头落实',
  '牵头实施',
  '牵头推进',
  '牵头抓总',
  '配合落实',
  '配合实施',
  '配合推进',
  '负责落实',
  '负责实施',
  '负责推进',
  '具体负责',
  '共同负责',
  '分别负责',
  '参与实施',
  '协助落实',
  '牵头',
  '配合',
  '负责',
  '参与',
  '协助',
  '协办',
  '落实',
  '承办',
];

/**
 * Verbs that name who carries a task out without naming a lead: "由X负责,Y配合" makes X the lead
 * because others only cooperate; "(X负责)" alone leaves X owning it, as any item with no lead.
 */
const OWNER_VERBS = new Set(['负责', '具体负责', '负责实施', '负责推进', '共同负责', '分别负责']);

/** "X为牵头单位,Y为配合单位": a role label after the units, joined by 为. */
const AS_LABEL = /为(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位)$/;

export interface SuffixRole {
  /** Length of the verb at the end of the group. */
  length: number;
  /** Of that, how many leading characters are not the printed role (为 in "X为牵头单位"). */
  skip: number;
  roleClass: RoleClass;
  /** The verb makes its units the lead when every other group only cooperates. */
  owner: boolean;
}

/** The role verb that ends a folded group, if any. */
export function suffixRole(group: string): SuffixRole | null {
  const label = AS_LABEL.exec(group);
  if (label && label.index > 0) {
    const word = label[1] ?? '';
    return {
      length: word.length + 1,
      skip: 1,
      roleClass: word.startsWith('牵头') ? 'lead' : 'other',
      owner: false,
    };
  }
  for (const verb of SUFFIX_VERBS) {
    if (group.length > verb.length && group.endsWith(verb)) {
      return {
        length: verb.length,
        skip: 0,
        roleClass: verb.includes('牵头') ? 'lead' : 'other',
        owner: OWNER_VERBS.has(verb),
      };
    }
  }
  return null;
}

/** A 〈…〉 qualifier on one mention, as printed, with the members it names. */
export interface Qualifier {
  qualifier: string;
  members?: string[];
}

/**
 * The units read for one item: the edges they will become (already shaped as the model's
 * ItemUnit; the rule fills in `edge` and `inferred`) and, side by side, what reading learnt about
 * each. Kept apart so that the edges handed out are exactly the schema's shape — a large plan
 * has a million of them, and one small object each is all it can afford.
 */
export class UnitReadings {
  readonly units: ItemUnit[] = [];
  readonly roleClasses: RoleClass[] = [];
  readonly lines: number[] = [];
  /** By position; most lists have no qualifier at all, so no map until one does. */
  #qualifiers: Map<number, Qualifier> | null = null;
  /** Persons named where units stand (牵头领导:副市长赵某某): the item's leaders, never units. */
  #persons: string[] | null = null;

  get persons(): readonly string[] {
    return this.#persons ?? [];
  }

  addPerson(printed: string): void {
    (this.#persons ??= []).push(printed);
  }

  get length(): number {
    return this.units.length;
  }

  qualifier(index: number): Qualifier | undefined {
    return this.#qualifiers?.get(index);
  }

  add(unit: ItemUnit, roleClass: RoleClass, line: number, qualifier?: Qualifier): void {
    if (qualifier) (this.#qualifiers ??= new Map()).set(this.units.length, qualifier);
    this.units.push(unit);
    this.roleClasses.push(roleClass);
    this.lines.push(line);
  }

  append(other: UnitReadings): void {
    for (const person of other.persons) this.addPerson(person);
    for (let i = 0; i < other.units.length; i++) {
      const unit = other.units[i];
      if (unit) {
        this.add(unit, other.roleClasses[i] ?? 'unknown', other.lines[i] ?? 1, other.qualifier(i));
      }
    }
  }
}

export interface RuleResult {
  units: ItemUnit[];
  /** For each kept unit, its index in the readings. */
  kept: number[];
  /** Names dropped because the same key was already on the item. */
  duplicates: string[];
}

/**
 * The role rule. A unit marked as lead leads. When nothing is marked and the document says the
 * first listed unit leads (列第一位者为牵头单位), the first one leads. Every other unit supports
 * an item that has a lead; when an item has none, its units own it: LEADS, inferred.
 */
export function applyRoleRule(read: UnitReadings, firstListedLeads: boolean): RuleResult {
  const duplicates: string[] = [];
  const units: ItemUnit[] = [];
  const kept: number[] = [];
  let marked = false;
  for (const [index, unit] of read.units.entries()) {
    // Lists are short: a linear look-back is cheaper than a set per item.
    let seen = false;
    for (const u of units) if (u.key === unit.key) seen = true;
    if (seen) {
      duplicates.push(unit.name);
      continue;
    }
    units.push(unit);
    kept.push(index);
    if (read.roleClasses[index] === 'lead') marked = true;
  }
  const inferred = !marked && !firstListedLeads;
  for (const [i, unit] of units.entries()) {
    const leads = marked
      ? read.roleClasses[kept[i] ?? -1] === 'lead'
      : firstListedLeads
        ? i === 0
        : true;
    unit.edge = leads ? 'LEADS' : 'SUPPORTS';
    unit.inferred = inferred;
  }
  return { units, kept, duplicates };
}
