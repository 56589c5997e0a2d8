// From a parsed plan, its unit dictionary and its metrics to the rows the writer sends to Neo4j.
// Pure: no database, no files. Units (a few hundred) are prepared up front; items and their
// edges (up to a million) are produced lazily, batch by batch, by generators over the model,
// so the writer's memory is bounded by its batch, not by the plan.
import { createHash } from 'node:crypto';
import { int, type Integer } from 'neo4j-driver';
import { pinyin } from 'pinyin-pro';
import { identifyUnit } from '../dictionary/identify.ts';
import { lookupUnit, resolveUnits } from '../dictionary/resolve.ts';
import { unitNameKey, type UnitDictionary, type UnitEntry } from '../dictionary/schema.ts';
import { positionLabel } from '../parse/position.ts';
import type {
  EdgeType,
  Item,
  ItemKind,
  ParseIssue,
  PlanModel,
  UnitMention,
} from '../model/plan.ts';
import {
  computePlanMetrics,
  type ItemAssignment,
  type PlanMetrics,
  type UnitMetrics,
} from '../analyse/metrics.ts';

/**
 * Property values as sent to Neo4j; null means "absent" (Neo4j never stores a null). Counts,
 * lines and positions go as Integer: a plain JS number would be stored as a FLOAT.
 */
export type PropertyValue = string | number | Integer | boolean | string[] | null;
export type Properties = Record<string, PropertyValue>;

/** The labels an item can carry besides `Item`: the only ones ever written into Cypher text. */
export const ITEM_LABELS = {
  indicator: 'Indicator',
  theme: 'Theme',
  task: 'Task',
  project: 'Project',
  requirement: 'Requirement',
} as const satisfies Record<ItemKind, string>;
export type ItemLabel = (typeof ITEM_LABELS)[ItemKind];

export const RELATIONSHIP_TYPES = [
  'LEADS',
  'SUPPORTS',
  'UNDER',
  'PART_OF',
  'DELEGATED_TO',
  'MEMBER_OF',
  'ACTIVE_IN',
  'COORDINATES_WITH',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Where the plan's text came from: kept on the Plan node for "show source" and reload checks. */
export interface PlanSource {
  /** File name as given (no directories), e.g. `wuhan-14th-fyp-task-division.txt`. */
  name: string;
  text: string;
  /** Of the file's bytes as read; sha256Hex(text) when the text did not come from a file. */
  sha256: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface UnitRow {
  id: string;
  /** From the dictionary: written over whatever the node held (the same values every time). */
  inDictionary: boolean;
  props: Properties;
}

/** A unit named by the plan but unknown to the dictionary: loaded unverified, and reported. */
export interface UnverifiedUnit {
  id: string;
  name: string;
  line: number;
}

export interface PreparedPlan {
  planId: string;
  jurisdiction: string;
  model: PlanModel;
  source: PlanSource;
  plan: Properties;
  /** Every Unit node the plan needs, sorted by id: those it names, then members of its collectives. */
  units: UnitRow[];
  /** Units the plan names (they get ACTIVE_IN), sorted by id. */
  activeUnitIds: string[];
  /** Unit id of each unit key printed in the plan (keys of one unit under several printings included). */
  unitIdOfKey: ReadonlyMap<string, string>;
  /** Collective → its members as the dictionary lists them (MEMBER_OF, source dictionary). */
  dictionaryMembers: { collective: string; members: string[] }[];
  /** Member → collective as the document's 〈含…〉 qualifier defines them (source document). */
  documentMembers: { member: string; collective: string }[];
  metrics: PlanMetrics;
  unverified: UnverifiedUnit[];
  /** Warnings from resolving units against the dictionary. */
  issues: ParseIssue[];
}

/** The plan is inconsistent with itself (a parser bug, or a hand-written model): nothing is loaded. */
export class PlanModelError extends Error {
  override readonly name = 'PlanModelError';
  constructor(readonly issues: readonly ParseIssue[]) {
    super(
      `The plan model is inconsistent:\n${issues.map((issue) => `  - [${issue.code}] ${issue.message}`).join('\n')}`,
    );
  }
}

function problem(code: string, message: string, line: number | null): ParseIssue {
  return { code, severity: 'error', message, line };
}

/** Checks what the schema cannot: ids unique, parents and documents and units referenced exist. */
export function checkModel(model: PlanModel): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const ids = new Set<string>();
  for (const item of model.items) {
    if (ids.has(item.id)) {
      issues.push(problem('duplicate-item-id', `two items have the id ${item.id}`, item.line));
    }
    ids.add(item.id);
  }
  const documents = new Set(model.documents.map((document) => document.id));
  const keys = new Set(model.units.map((unit) => unit.key));
  const unitIds = new Set<string>();
  for (const unit of model.units) {
    if (unitIds.has(unit.id)) {
      issues.push(problem('duplicate-unit-id', `two units have the id ${unit.id}`, unit.line));
    }
    unitIds.add(unit.id);
  }
  for (const item of model.items) {
    if (item.parent !== null && !ids.has(item.parent)) {
      issues.push(
        problem('unknown-parent', `${item.ref}: parent ${item.parent} is not an item`, item.line),
      );
    }
    if (item.delegatedTo !== undefined && !documents.has(item.delegatedTo)) {
      issues.push(
        problem(
          'unknown-document',
          `${item.ref}: delegated to ${item.delegatedTo}, which is not among the documents`,
          item.line,
        ),
      );
    }
    for (const unit of item.units) {
      if (!keys.has(unit.key)) {
        issues.push(
          problem(
            'unit-not-listed',
            `${item.ref}: unit ${unit.name} is not among the plan's units`,
            item.line,
          ),
        );
      }
    }
  }
  return issues;
}

/** Pinyin without tones: spaced (shi fa gai wei), joined (shifagaiwei), initials (sfgw). */
function pinyinForms(name: string): { spaced: string; joined: string; initials: string } {
  const spaced = pinyin(name, { toneType: 'none' }).toLowerCase();
  const initials = pinyin(name, { pattern: 'first', toneType: 'none' })
    .replace(/\s+/gu, '')
    .toLowerCase();
  return { spaced, joined: spaced.replace(/\s+/gu, ''), initials };
}

/** What the full-text index sees: every name, full and English names, and the pinyin of the names, with and without the 市/区 prefix. */
function searchText(names: readonly string[], extra: readonly (string | null)[]): string {
  const parts: string[] = [...names];
  for (const text of extra) if (text !== null) parts.push(text);
  for (const name of names) {
    // Planners type 发改委 / fgw for 市发改委: the jurisdiction prefix is noise to them.
    const variants = /^[市区]/u.test(name) && name.length > 2 ? [name, name.slice(1)] : [name];
    for (const variant of variants) {
      const forms = pinyinForms(variant);
      parts.push(forms.spaced, forms.joined, forms.initials);
    }
  }
  return [...new Set(parts)].join('\n');
}

function unitProps(
  id: string,
  jurisdiction: string,
  key: string,
  entry: UnitEntry | undefined,
  mention: Pick<UnitMention, 'name' | 'collective'>,
): Properties {
  const name = entry?.name ?? mention.name;
  const aliases = entry?.aliases ?? [];
  const forms = pinyinForms(name);
  const collective = entry?.collective ?? mention.collective;
  // No dictionary entry: the general name table, or at least the name's form, says what it is.
  const known = entry === undefined ? identifyUnit(mention.name, { jurisdiction }) : null;
  const fullName = entry?.fullName ?? known?.fullName ?? null;
  const englishName = entry?.englishName ?? known?.englishName ?? null;
  return {
    id,
    jurisdiction,
    key,
    name,
    fullName,
    englishName,
    category: entry?.category ?? (collective ? 'collective' : (known?.category ?? 'unknown')),
    aliases,
    collective,
    verified: entry?.verified ?? false,
    inDictionary: entry !== undefined,
    pinyin: forms.spaced,
    pinyinInitials: forms.initials,
    searchText: searchText([name, ...aliases], [fullName, englishName]),
  };
}

export interface PreparedUnit {
  unitId: string;
  edge: EdgeType;
  role: string;
  inferred: boolean;
  /** 1-based place in the unit list as printed. */
  position: number;
}

/**
 * An item's units under their unit ids. A unit printed twice on one item (or under two of its
 * names) keeps its first place; a lead printed again as support stays a lead only.
 */
export function itemUnits(item: Item, unitIdOfKey: ReadonlyMap<string, string>): PreparedUnit[] {
  const byUnit = new Map<string, PreparedUnit>();
  item.units.forEach((unit, index) => {
    const unitId = unitIdOfKey.get(unit.key);
    if (unitId === undefined)
      throw new PlanModelError([
        problem('unit-not-listed', `${item.ref}: ${unit.name}`, item.line),
      ]);
    const seen = byUnit.get(unitId);
    if (seen === undefined) {
      byUnit.set(unitId, {
        unitId,
        edge: unit.edge,
        role: unit.role,
        inferred: unit.inferred,
        position: index + 1,
      });
    } else if (seen.edge === 'SUPPORTS' && unit.edge === 'LEADS') {
      byUnit.set(unitId, { ...seen, edge: 'LEADS', role: unit.role, inferred: unit.inferred });
    }
  });
  return [...byUnit.values()];
}

interface PreparedAssignment extends ItemAssignment {
  units: PreparedUnit[];
}

function* assignments(
  model: PlanModel,
  unitIdOfKey: ReadonlyMap<string, string>,
): Generator<PreparedAssignment> {
  for (const item of model.items) {
    if (item.units.length > 0) yield { itemId: item.id, units: itemUnits(item, unitIdOfKey) };
  }
}

const byCodeUnit = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Settles unit identity (a unit the dictionary knows is keyed by its canonical name, so every
 * printing of it is one node), computes the metrics, and readies everything but the item and
 * edge rows, which `itemRows` and friends produce on demand.
 */
export function preparePlan(
  model: PlanModel,
  dictionary: UnitDictionary | null,
  source: PlanSource,
): PreparedPlan {
  const modelIssues = checkModel(model);
  if (modelIssues.length > 0) throw new PlanModelError(modelIssues);

  const jurisdiction = model.plan.jurisdiction;
  const idOf = (key: string) => `${jurisdiction}/${key}`;
  // A dictionary of another jurisdiction says nothing about this plan's units.
  const usable =
    dictionary !== null && dictionary.jurisdiction === jurisdiction ? dictionary : null;
  const resolution = usable === null ? null : resolveUnits(model.units, usable);
  const entryOf = new Map<UnitMention, UnitEntry>();
  for (const match of resolution?.matched ?? []) entryOf.set(match.mention, match.entry);

  const rows = new Map<string, UnitRow>();
  const unitIdOfKey = new Map<string, string>();
  const active = new Set<string>();
  const unverified: UnverifiedUnit[] = [];
  for (const mention of model.units) {
    const entry = entryOf.get(mention);
    const key = entry === undefined ? mention.key : unitNameKey(entry.name);
    const id = idOf(key);
    unitIdOfKey.set(mention.key, id);
    active.add(id);
    if (!rows.has(id)) {
      rows.set(id, {
        id,
        inDictionary: entry !== undefined,
        props: unitProps(id, jurisdiction, key, entry, mention),
      });
      if (entry === undefined) unverified.push({ id, name: mention.name, line: mention.line });
    }
  }

  const addMember = (entry: UnitEntry | undefined, name: string, line: number): string => {
    const key = unitNameKey(entry?.name ?? name);
    const id = idOf(key);
    if (!rows.has(id)) {
      rows.set(id, {
        id,
        inDictionary: entry !== undefined,
        props: unitProps(id, jurisdiction, key, entry, { name, collective: false }),
      });
      if (entry === undefined) unverified.push({ id, name, line });
    }
    return id;
  };

  const dictionaryMembers: PreparedPlan['dictionaryMembers'] = [];
  const documentMembers = new Map<string, { member: string; collective: string }>();
  const byName = new Map((usable?.units ?? []).map((entry) => [entry.name, entry]));
  for (const mention of model.units) {
    const collective = unitIdOfKey.get(mention.key) as string;
    const entry = entryOf.get(mention);
    if (entry?.members !== undefined) {
      const members = entry.members.map((name) => addMember(byName.get(name), name, mention.line));
      dictionaryMembers.push({ collective, members: [...new Set(members)].sort(byCodeUnit) });
    }
    for (const name of mention.members ?? []) {
      const member = addMember(
        usable === null ? undefined : lookupUnit(usable, name),
        name,
        mention.line,
      );
      if (member !== collective)
        documentMembers.set(`${member}\u0000${collective}`, { member, collective });
    }
  }
  // One collective may be mentioned under two printings that resolve to one node.
  const dictionaryRows = new Map(dictionaryMembers.map((row) => [row.collective, row]));

  const units = [...rows.values()].sort((x, y) => byCodeUnit(x.id, y.id));
  const activeUnitIds = [...active].sort(byCodeUnit);
  const metrics = computePlanMetrics({
    items: model.items,
    assignments: assignments(model, unitIdOfKey),
    units: activeUnitIds.map((id) => ({ id, collective: rows.get(id)?.props.collective === true })),
  });

  let edgeCount = 0;
  for (const item of metrics.items.values()) edgeCount += item.unitCount;
  const plan: Properties = {
    id: model.plan.id,
    title: model.plan.title,
    issuer: model.plan.issuer,
    date: model.plan.date,
    jurisdiction,
    sourceName: source.name,
    sourceSha256: source.sha256,
    sourceText: source.text,
    sourceFormat: model.source?.format ?? 'text',
    itemCount: int(model.items.length),
    unitCount: int(activeUnitIds.length),
    edgeCount: int(edgeCount),
  };

  return {
    planId: model.plan.id,
    jurisdiction,
    model,
    source,
    plan,
    units,
    activeUnitIds,
    unitIdOfKey,
    dictionaryMembers: [...dictionaryRows.values()].sort((x, y) =>
      byCodeUnit(x.collective, y.collective),
    ),
    documentMembers: [...documentMembers.values()].sort(
      (x, y) => byCodeUnit(x.member, y.member) || byCodeUnit(x.collective, y.collective),
    ),
    metrics,
    unverified,
    issues: resolution?.issues ?? [],
  };
}

/** An item's properties, metrics included. */
export function itemProps(prepared: PreparedPlan, item: Item, sortKey: number): Properties {
  const props: Properties = {
    id: item.id,
    planId: prepared.planId,
    kind: item.kind,
    ref: item.ref,
    title: item.title,
    text: item.text,
    line: int(item.line),
    parentId: item.parent,
    sortKey: int(sortKey),
    binding: item.binding ?? null,
    targetComparator: item.target?.comparator ?? null,
    targetValue: item.target?.value ?? null,
    targetMeasure: item.target?.measure ?? null,
    targetText: item.target?.text ?? null,
    column: item.column === undefined ? null : int(item.column),
    delegatedTo: item.delegatedTo ?? null,
    deadline: item.deadline ?? null,
    // The deadline as a planner filters on it: a date, a recurrence or "ongoing".
    dueKind: item.due?.kind ?? null,
    dueDate: item.due?.kind === 'date' ? item.due.date : null,
    dueEvery: item.due?.kind === 'recurring' ? item.due.every : null,
    section: item.section ?? null,
    group: item.group ?? null,
    leader: item.leader ?? null,
    leaders: item.leaders ?? null,
    status: item.status ?? null,
    progress: item.progress ?? null,
    // Where the item is in the file as the planner has it (page, sheet and cell, paragraph).
    sourcePosition: item.source ? positionLabel(item.source) : null,
  };
  const theme = prepared.metrics.themes.get(item.id);
  if (theme !== undefined) {
    return { ...props, unitCount: int(theme.unitCount), leadUnitCount: int(theme.leadUnitCount) };
  }
  const metrics = prepared.metrics.items.get(item.id);
  if (metrics === undefined) return props;
  return {
    ...props,
    unitCount: int(metrics.unitCount),
    leadCount: int(metrics.leadCount),
    diffuseOwnership: metrics.diffuseOwnership,
  };
}

export interface NodeRow {
  id: string;
  props: Properties;
}

/** Items of one kind, in document order; `sortKey` is the place in the whole document. */
export function* itemRows(prepared: PreparedPlan, kind: ItemKind): Generator<NodeRow> {
  const { items } = prepared.model;
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index] as Item;
    if (item.kind === kind) yield { id: item.id, props: itemProps(prepared, item, index + 1) };
  }
}

export interface LinkRow {
  from: string;
  to: string;
}

/**
 * How each item hangs in the plan: a task under its theme (and a task's second part under its
 * task) is UNDER; anything else with a parent is PART_OF it; items with no parent are PART_OF
 * the plan.
 */
export function* structureRows(
  prepared: PreparedPlan,
  type: 'UNDER' | 'PART_OF_ITEM' | 'PART_OF_PLAN',
): Generator<LinkRow> {
  for (const item of prepared.model.items) {
    const wanted =
      item.parent === null ? 'PART_OF_PLAN' : item.kind === 'task' ? 'UNDER' : 'PART_OF_ITEM';
    if (wanted === type) yield { from: item.id, to: item.parent ?? prepared.planId };
  }
}

export function* delegationRows(prepared: PreparedPlan): Generator<LinkRow> {
  for (const item of prepared.model.items) {
    if (item.delegatedTo !== undefined) yield { from: item.id, to: item.delegatedTo };
  }
}

export function* documentRows(prepared: PreparedPlan): Generator<NodeRow> {
  for (const document of prepared.model.documents) {
    yield {
      id: document.id,
      props: { id: document.id, number: document.number, title: document.title },
    };
  }
}

export interface AssignmentRow {
  unit: string;
  item: string;
  props: Properties;
}

/** LEADS or SUPPORTS edges, item by item in document order. */
export function* assignmentRows(prepared: PreparedPlan, edge: EdgeType): Generator<AssignmentRow> {
  for (const { itemId, units } of assignments(prepared.model, prepared.unitIdOfKey)) {
    for (const unit of units) {
      if (unit.edge !== edge) continue;
      yield {
        unit: unit.unitId,
        item: itemId,
        props: {
          planId: prepared.planId,
          role: unit.role,
          inferred: unit.inferred,
          position: int(unit.position),
        },
      };
    }
  }
}

/** One unit named on an item, as the draft writes it: the unit's node found by its element id. */
export interface DraftAssignment {
  /** The unit's element id, looked up once per load; `unit` is checked too, in case it changed. */
  node: string;
  unit: string;
  role: string;
  inferred: boolean;
  position: Integer;
}

/** An item with the units it names, written by one statement: no seek for the item it made. */
export interface DraftItemRow {
  props: Properties;
  leads: DraftAssignment[];
  supports: DraftAssignment[];
}

/**
 * Every item of the plan in document order, each with its LEADS and SUPPORTS. `nodeOf` gives a
 * unit's element id (a unit missing from it gets none, so its edge is not written and the
 * verification says so).
 */
export function* draftItemRows(
  prepared: PreparedPlan,
  nodeOf: ReadonlyMap<string, string>,
): Generator<DraftItemRow> {
  const { items } = prepared.model;
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index] as Item;
    const row: DraftItemRow = {
      props: itemProps(prepared, item, index + 1),
      leads: [],
      supports: [],
    };
    for (const unit of itemUnits(item, prepared.unitIdOfKey)) {
      const assignment = {
        node: nodeOf.get(unit.unitId) ?? '',
        unit: unit.unitId,
        role: unit.role,
        inferred: unit.inferred,
        position: int(unit.position),
      };
      (unit.edge === 'LEADS' ? row.leads : row.supports).push(assignment);
    }
    yield row;
  }
}

/** The rows a draft item writes: its node and its edges, the measure of a batch. */
export const draftRowWeight = (row: DraftItemRow) => 1 + row.leads.length + row.supports.length;

export function* activityRows(
  prepared: PreparedPlan,
): Generator<{ unit: string; props: Properties }> {
  for (const unit of prepared.activeUnitIds) {
    const metrics = prepared.metrics.units.get(unit) as UnitMetrics;
    yield {
      unit,
      props: {
        planId: prepared.planId,
        itemsLed: int(metrics.itemsLed),
        itemsSupported: int(metrics.itemsSupported),
        themesReached: int(metrics.themesReached),
        load: metrics.load,
        betweenness: metrics.betweenness,
        community: metrics.community === null ? null : int(metrics.community),
        collective: metrics.collective,
      },
    };
  }
}

export function* coordinationRows(
  prepared: PreparedPlan,
): Generator<{ a: string; b: string; props: Properties }> {
  for (const pair of prepared.metrics.pairs) {
    yield {
      a: pair.a,
      b: pair.b,
      props: { planId: prepared.planId, items: int(pair.items), derived: true },
    };
  }
}

/** What the database must hold for this plan once it is written. */
export interface PlanCounts {
  labels: Record<string, number>;
  relationships: Record<RelationshipType, number>;
}

function count(rows: Iterable<unknown>): number {
  let n = 0;
  const iterator = rows[Symbol.iterator]();
  while (iterator.next().done !== true) n += 1;
  return n;
}

/**
 * The counts the writer's verification expects. `Unit` counts every unit node the plan needs
 * (those it names and the known members of its collectives); `Document` the documents it
 * delegates to; relationship counts are those carrying this plan's id, plus the dictionary's
 * MEMBER_OF edges into the plan's collectives.
 */
export function expectedCounts(prepared: PreparedPlan): PlanCounts {
  const labels: Record<string, number> = { Plan: 1, Item: prepared.model.items.length };
  for (const [kind, label] of Object.entries(ITEM_LABELS)) {
    labels[label] = prepared.model.items.filter((item) => item.kind === kind).length;
  }
  labels.Unit = prepared.units.length;
  labels.Document = new Set(
    prepared.model.items.flatMap((item) =>
      item.delegatedTo === undefined ? [] : [item.delegatedTo],
    ),
  ).size;
  let memberships = prepared.documentMembers.length;
  for (const row of prepared.dictionaryMembers) memberships += row.members.length;
  return {
    labels,
    relationships: {
      LEADS: count(assignmentRows(prepared, 'LEADS')),
      SUPPORTS: count(assignmentRows(prepared, 'SUPPORTS')),
      UNDER: count(structureRows(prepared, 'UNDER')),
      PART_OF:
        count(structureRows(prepared, 'PART_OF_ITEM')) +
        count(structureRows(prepared, 'PART_OF_PLAN')),
      DELEGATED_TO: count(delegationRows(prepared)),
      MEMBER_OF: memberships,
      ACTIVE_IN: prepared.activeUnitIds.length,
      COORDINATES_WITH: prepared.metrics.pairs.length,
    },
  };
}

/** Splits rows into arrays of at most `size`, pulling from the source only as each is needed. */
/** Rows in batches of at most `size` by `weight` (a row heavier than `size` goes alone). */
export function* weightedBatches<T>(
  rows: Iterable<T>,
  size: number,
  weight: (row: T) => number,
): Generator<T[]> {
  let batch: T[] = [];
  let total = 0;
  for (const row of rows) {
    const w = weight(row);
    if (batch.length > 0 && total + w > size) {
      yield batch;
      batch = [];
      total = 0;
    }
    batch.push(row);
    total += w;
  }
  if (batch.length > 0) yield batch;
}

export function* batches<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
