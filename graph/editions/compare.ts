// Two editions of a notice compared, item by item and unit by unit. Pure: two editions in, the
// differences out (contract/api/editions.ts). docs/editions.md states the rule for planners.
//
// Items are paired in four rounds, each only among the items the rounds before left unpaired, and
// only items of one kind (a task with a task). The first three are the rule progress records
// follow on a reload (graph/progress/relink.ts), so a pairing said to be certain here is where a
// record will go:
//   1. same: same number, same title;
//   2. renumbered: a title on exactly one unpaired item of each edition, whatever the numbers
//      (this wins over the number: when an item is dropped and the next takes its number, the
//      newcomer is not the dropped item reworded). A title on several items of either edition
//      pairs nothing: those items keep each other as candidates, for a planner to judge;
//   3. reworded: same number, titles alike — at least half their character pairs in common
//      (`similarWording`'s rule);
//   4. likely: titles alike by wording alone (at least `LIKELY_LIKENESS`), each the other's only
//      candidate. Records never follow these; they are shown so a planner can confirm them.
// Whatever is left is added or removed, with the other edition's alike items as candidates.
import type {
  EditionCandidate,
  EditionComparison,
  EditionCounts,
  EditionItem,
  ItemChange,
  ItemChangeKind,
  MatchCertainty,
  UnitChange,
  UnitTotal,
} from '../../contract/api/editions.ts';
import { pairLikeness, titleLikeness, titlePairs } from '../../contract/title-likeness.ts';
import { unitIdentity, type Edition, type EditionItemInput } from './edition.ts';

/** Same number, titles alike: relink's `similarWording` threshold. */
export const REWORDED_LIKENESS = 0.5;
/** Wording alone: stricter than with the number's support, as no number vouches for the pair. */
export const LIKELY_LIKENESS = 0.6;
/** Candidates listed for an unpaired item, most alike first. */
const MAX_CANDIDATES = 3;

export type EditionDiff = Omit<EditionComparison, 'from' | 'to'>;

interface Pairing {
  from: number;
  to: number;
  match: MatchCertainty;
}

const rounded = (likeness: number) => Math.round(likeness * 100) / 100;

/** Items grouped by a key, each group in document order. */
function groupBy(
  items: readonly EditionItemInput[],
  indices: Iterable<number>,
  keyOf: (item: EditionItemInput) => string,
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const index of indices) {
    const item = items[index] as EditionItemInput;
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  }
  return groups;
}

const sameKindAndTitle = (item: EditionItemInput) => `${item.kind}\u0000${item.title}`;
const sameKindAndRef = (item: EditionItemInput) => `${item.kind}\u0000${item.ref}`;

/**
 * Every pair of an older and a newer item of one kind whose titles are at least `threshold` alike,
 * older items in the order given. Measuring every older title against every newer one costs
 * seconds for two unrelated plans of thousands of items; instead a prefix filter (Chaudhuri et
 * al., "A primitive operator for similarity joins", 2006) proposes only pairs that share one of
 * their rarest character pairs, and each proposal is measured exactly. It misses none: titles
 * alike by at least t share at least t·n/(2−t) of a title's n pairs, so they share one of its
 * first n − ⌈t·n/(2−t)⌉ + 1 pairs in any order both titles agree on (here: rarest first).
 */
export function alikePairs(
  older: readonly EditionItemInput[],
  olderIndices: readonly number[],
  newer: readonly EditionItemInput[],
  newerIndices: readonly number[],
  threshold: number,
): [number, number][] {
  if (olderIndices.length === 0 || newerIndices.length === 0) return [];
  // A title's pairs as a set of tokens: the k-th 推进 is 推进#k, so sets meet as the counts do.
  const tokensOf = (item: EditionItemInput) => {
    const tokens: string[] = [];
    for (const [pair, count] of titlePairs(item.title)) {
      for (let k = 1; k <= count; k += 1) tokens.push(`${item.kind}\u0000${pair}#${k}`);
    }
    return tokens;
  };
  const olderTokens = new Map(
    olderIndices.map((index) => [index, tokensOf(older[index] as EditionItemInput)]),
  );
  const newerTokens = new Map(
    newerIndices.map((index) => [index, tokensOf(newer[index] as EditionItemInput)]),
  );
  const frequency = new Map<string, number>();
  for (const tokens of [...olderTokens.values(), ...newerTokens.values()]) {
    for (const token of tokens) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  }
  const rarestFirst = (a: string, b: string) =>
    (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const prefix = (tokens: string[]) => {
    const needed = Math.ceil((threshold * tokens.length) / (2 - threshold) - 1e-9);
    return [...tokens].sort(rarestFirst).slice(0, Math.max(0, tokens.length - needed + 1));
  };
  const holders = new Map<string, number[]>();
  for (const [index, tokens] of newerTokens) {
    for (const token of prefix(tokens)) {
      const list = holders.get(token);
      if (list === undefined) holders.set(token, [index]);
      else list.push(index);
    }
  }
  const newerPairs = new Map<number, Map<string, number>>();
  const pairsOfNewer = (index: number) => {
    let pairs = newerPairs.get(index);
    if (pairs === undefined) {
      pairs = titlePairs((newer[index] as EditionItemInput).title);
      newerPairs.set(index, pairs);
    }
    return pairs;
  };
  const found: [number, number][] = [];
  for (const [index, tokens] of olderTokens) {
    const proposed = new Set<number>();
    for (const token of prefix(tokens))
      for (const other of holders.get(token) ?? []) proposed.add(other);
    if (proposed.size === 0) continue;
    const pairs = titlePairs((older[index] as EditionItemInput).title);
    for (const other of [...proposed].sort((a, b) => a - b)) {
      if (pairLikeness(pairs, pairsOfNewer(other)) >= threshold) found.push([index, other]);
    }
  }
  return found;
}

/** The pairing rounds (see the file's header). */
class Pairer {
  readonly toOf = new Map<number, Pairing>();
  readonly fromOf = new Map<number, Pairing>();
  /** Unpaired items and what they might be: index → candidates' indices in the other edition. */
  readonly fromCandidates = new Map<number, number[]>();
  readonly toCandidates = new Map<number, number[]>();
  // Items held back by an ambiguous title: no later round may pair them.
  readonly #held = { from: new Set<number>(), to: new Set<number>() };

  constructor(
    readonly from: readonly EditionItemInput[],
    readonly to: readonly EditionItemInput[],
  ) {
    this.#sameRefAndTitle();
    this.#sameTitle();
    this.#sameRefAlikeTitle();
    this.#alikeTitle();
  }

  #pair(from: number, to: number, match: MatchCertainty): void {
    const pairing = { from, to, match };
    this.toOf.set(from, pairing);
    this.fromOf.set(to, pairing);
  }

  #open(side: 'from' | 'to'): number[] {
    const items = side === 'from' ? this.from : this.to;
    const paired = side === 'from' ? this.toOf : this.fromOf;
    const open: number[] = [];
    for (let index = 0; index < items.length; index += 1) {
      if (!paired.has(index) && !this.#held[side].has(index)) open.push(index);
    }
    return open;
  }

  #sameRefAndTitle(): void {
    const toByRef = groupBy(this.to, this.to.keys(), sameKindAndRef);
    this.from.forEach((item, from) => {
      const to = toByRef.get(sameKindAndRef(item))?.[0];
      if (to !== undefined && !this.fromOf.has(to) && this.to[to]?.title === item.title) {
        this.#pair(from, to, 'same');
      }
    });
  }

  #sameTitle(): void {
    const fromByTitle = groupBy(this.from, this.#open('from'), sameKindAndTitle);
    const toByTitle = groupBy(this.to, this.#open('to'), sameKindAndTitle);
    for (const [title, froms] of fromByTitle) {
      const tos = toByTitle.get(title);
      if (tos === undefined) continue;
      const [from] = froms;
      const [to] = tos;
      if (froms.length === 1 && tos.length === 1 && from !== undefined && to !== undefined) {
        this.#pair(from, to, 'renumbered');
        continue;
      }
      for (const index of froms) {
        this.#held.from.add(index);
        this.fromCandidates.set(index, tos);
      }
      for (const index of tos) {
        this.#held.to.add(index);
        this.toCandidates.set(index, froms);
      }
    }
  }

  #sameRefAlikeTitle(): void {
    const toByRef = groupBy(this.to, this.#open('to'), sameKindAndRef);
    for (const from of this.#open('from')) {
      const item = this.from[from] as EditionItemInput;
      const to = toByRef.get(sameKindAndRef(item))?.[0];
      const other = to === undefined ? undefined : this.to[to];
      if (
        to !== undefined &&
        other !== undefined &&
        titleLikeness(item.title, other.title) >= REWORDED_LIKENESS
      ) {
        this.#pair(from, to, 'reworded');
      }
    }
  }

  #alikeTitle(): void {
    const froms = this.#open('from');
    const tos = this.#open('to');
    const fromCandidates = new Map<number, number[]>();
    const toCandidates = new Map<number, number[]>();
    for (const [from, to] of alikePairs(this.from, froms, this.to, tos, LIKELY_LIKENESS)) {
      const mine = fromCandidates.get(from);
      if (mine === undefined) fromCandidates.set(from, [to]);
      else mine.push(to);
      const theirs = toCandidates.get(to);
      if (theirs === undefined) toCandidates.set(to, [from]);
      else theirs.push(from);
    }
    for (const [from, candidates] of fromCandidates) {
      const [to, ...others] = candidates;
      if (to !== undefined && others.length === 0 && toCandidates.get(to)?.length === 1) {
        this.#pair(from, to, 'likely');
      }
    }
    for (const [from, candidates] of fromCandidates) {
      if (!this.toOf.has(from)) this.fromCandidates.set(from, candidates);
    }
    for (const [to, candidates] of toCandidates) {
      if (!this.fromOf.has(to)) this.toCandidates.set(to, candidates);
    }
  }
}

/** An item as the answer shows it, with the item it sits under in its own edition. */
function shown(item: EditionItemInput, byId: ReadonlyMap<string, EditionItemInput>): EditionItem {
  const parent = item.parent === null ? undefined : byId.get(item.parent);
  return {
    id: item.id,
    kind: item.kind,
    ref: item.ref,
    title: item.title,
    parent: parent === undefined ? null : { ref: parent.ref, title: parent.title },
  };
}

type Role = 'LEADS' | 'SUPPORTS';

/** An item's units by identity; a unit printed twice keeps its lead (graph/load/rows.ts itemUnits). */
function roles(
  edition: Edition,
  item: EditionItemInput,
): Map<string, { role: Role; name: string }> {
  const byUnit = new Map<string, { role: Role; name: string }>();
  for (const unit of item.units) {
    const id = unitIdentity(edition.plan, unit);
    const seen = byUnit.get(id);
    if (seen === undefined) byUnit.set(id, { role: unit.edge, name: unit.name });
    else if (unit.edge === 'LEADS') seen.role = 'LEADS';
  }
  return byUnit;
}

const LOST: Record<Role, UnitChange['change']> = { LEADS: 'lead-lost', SUPPORTS: 'support-lost' };
const GAINED: Record<Role, UnitChange['change']> = {
  LEADS: 'lead-gained',
  SUPPORTS: 'support-gained',
};

/** Units whose role differs: a loss in the older edition's words, a gain in the newer's. */
function unitChanges(
  before: ReadonlyMap<string, { role: Role; name: string }>,
  after: ReadonlyMap<string, { role: Role; name: string }>,
): UnitChange[] {
  const changes: UnitChange[] = [];
  for (const unitId of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(unitId);
    const is = after.get(unitId);
    if (was?.role === is?.role) continue;
    if (was !== undefined) changes.push({ unitId, name: was.name, change: LOST[was.role] });
    if (is !== undefined) changes.push({ unitId, name: is.name, change: GAINED[is.role] });
  }
  return changes;
}

function candidatesOf(
  item: EditionItemInput,
  indices: readonly number[] | undefined,
  others: readonly EditionItemInput[],
): EditionCandidate[] {
  return (indices ?? [])
    .map((index) => others[index] as EditionItemInput)
    .map((other) => ({
      ref: other.ref,
      title: other.title,
      likeness: rounded(titleLikeness(item.title, other.title)),
    }))
    .sort((a, b) => b.likeness - a.likeness || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .slice(0, MAX_CANDIDATES);
}

/** The older edition `from` against the newer `to`. Comparing an edition with itself finds nothing. */
export function compareEditions(from: Edition, to: Edition): EditionDiff {
  const pairer = new Pairer(from.items, to.items);
  const fromById = new Map(from.items.map((item) => [item.id, item]));
  const toById = new Map(to.items.map((item) => [item.id, item]));
  const fromIndex = new Map(from.items.map((item, index) => [item.id, index]));
  const noUnits = new Map<string, { role: Role; name: string }>();

  /** Whether the newer item sits under another item than the pair of the older one's parent. */
  const moved = (before: EditionItemInput, after: EditionItemInput): boolean => {
    if (before.parent === null || after.parent === null) return before.parent !== after.parent;
    const parentIndex = fromIndex.get(before.parent);
    const pairing = parentIndex === undefined ? undefined : pairer.toOf.get(parentIndex);
    const parentNow = pairing === undefined ? undefined : to.items[pairing.to]?.id;
    return parentNow !== after.parent;
  };

  const items: ItemChange[] = [];
  let unchanged = 0;
  from.items.forEach((before, index) => {
    const pairing = pairer.toOf.get(index);
    const after = pairing === undefined ? undefined : to.items[pairing.to];
    if (pairing === undefined || after === undefined) {
      items.push({
        changes: ['removed'],
        match: null,
        likeness: null,
        from: shown(before, fromById),
        to: null,
        units: unitChanges(roles(from, before), noUnits),
        candidates: candidatesOf(before, pairer.fromCandidates.get(index), to.items),
      });
      return;
    }
    const units = unitChanges(roles(from, before), roles(to, after));
    const changes: ItemChangeKind[] = [];
    if (before.title !== after.title) changes.push('reworded');
    if (before.ref !== after.ref) changes.push('renumbered');
    if (moved(before, after)) changes.push('moved');
    if (units.length > 0) changes.push('units');
    if (changes.length === 0) {
      unchanged += 1;
      return;
    }
    items.push({
      changes,
      match: pairing.match,
      likeness: rounded(titleLikeness(before.title, after.title)),
      from: shown(before, fromById),
      to: shown(after, toById),
      units,
      candidates: [],
    });
  });
  to.items.forEach((after, index) => {
    if (pairer.fromOf.has(index)) return;
    items.push({
      changes: ['added'],
      match: null,
      likeness: null,
      from: null,
      to: shown(after, toById),
      units: unitChanges(noUnits, roles(to, after)),
      candidates: candidatesOf(after, pairer.toCandidates.get(index), from.items),
    });
  });

  const count = (kind: ItemChangeKind) => items.filter((row) => row.changes.includes(kind)).length;
  const counts: EditionCounts = {
    matched: pairer.toOf.size,
    unchanged,
    added: count('added'),
    removed: count('removed'),
    reworded: count('reworded'),
    renumbered: count('renumbered'),
    moved: count('moved'),
    units: count('units'),
    likely: [...pairer.toOf.values()].filter((pairing) => pairing.match === 'likely').length,
    ambiguous: items.filter((row) => row.match === null && row.candidates.length > 0).length,
  };
  return {
    thresholds: { reworded: REWORDED_LIKENESS, likely: LIKELY_LIKENESS },
    counts,
    items,
    units: unitTotals(items),
  };
}

const TOTAL_OF: Record<UnitChange['change'], keyof Omit<UnitTotal, 'unitId' | 'names'>> = {
  'lead-gained': 'leadsGained',
  'lead-lost': 'leadsLost',
  'support-gained': 'supportsGained',
  'support-lost': 'supportsLost',
};

/** Each unit's changes over every item, most first; names as printed, the older edition's first. */
export function unitTotals(items: readonly ItemChange[]): UnitTotal[] {
  const totals = new Map<string, UnitTotal & { newerNames: string[] }>();
  for (const change of items.flatMap((row) => row.units)) {
    let total = totals.get(change.unitId);
    if (total === undefined) {
      total = {
        unitId: change.unitId,
        names: [],
        newerNames: [],
        leadsGained: 0,
        leadsLost: 0,
        supportsGained: 0,
        supportsLost: 0,
      };
      totals.set(change.unitId, total);
    }
    total[TOTAL_OF[change.change]] += 1;
    // A loss is seen in the older edition, a gain in the newer.
    const names = change.change.endsWith('-lost') ? total.names : total.newerNames;
    if (!names.includes(change.name)) names.push(change.name);
  }
  const size = (total: UnitTotal) =>
    total.leadsGained + total.leadsLost + total.supportsGained + total.supportsLost;
  return [...totals.values()]
    .map(({ newerNames, ...total }) => ({
      ...total,
      names: [...new Set([...total.names, ...newerNames])],
    }))
    .sort((a, b) => size(b) - size(a) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}
