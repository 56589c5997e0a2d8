// A 督办台账 read as progress: each ledger row matched to one item of a loaded plan by number and
// title, and what it would record there. Pure: the route hands in the ledger as the parser read
// it and the plan's items with their current status.
//
// A row is matched only where the match is certain enough to write on a planner's behalf, and
// says how sure it is: the same number and title; else the same title on exactly one item; else
// the same number with a title close enough (a reworded row), with its similarity. A title found
// on several items, a number whose title differs too much, or nothing at all is listed with why,
// never guessed at.
import type { MATCH_KINDS, UNMATCHED_REASONS } from '../../contract/api/ledger.ts';
import type { Status } from '../../contract/progress.ts';
import { statusOfText } from '../../contract/progress.ts';

/** A ledger row as the parser read it (graph/model/plan.ts Item: ref, title, status, progress). */
export interface LedgerRow {
  ref: string;
  title: string;
  /** 状态 as printed. */
  status?: string | undefined;
  /** 进展情况 as printed. */
  progress?: string | undefined;
  deadline?: string | undefined;
  leader?: string | undefined;
  /** 1-based line of the ledger as read. */
  line: number;
}

/** An item of the plan the ledger is matched against, with its status now. */
export interface PlanItem {
  id: string;
  ref: string;
  title: string;
  status: Status | null;
}

export type MatchKind = (typeof MATCH_KINDS)[number];
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

export interface LedgerMatch {
  row: LedgerRow;
  itemId: string;
  itemRef: string;
  itemTitle: string;
  how: MatchKind;
  /** Title similarity, 0–1 (1 for an exact title). */
  similarity: number;
  before: Status | null;
  /** The status the row's words stand for; null when the words are not a status (kept as is). */
  after: Status | null;
  /** The 状态 words when no status reads from them: the note is still recorded. */
  unknownStatus: string | null;
  note: string | null;
}

export interface LedgerUnmatched {
  row: LedgerRow;
  reason: UnmatchedReason;
  /** The items the row could have meant (several items; a number whose title differs). */
  candidates: { id: string; ref: string; title: string; similarity: number }[];
}

export interface LedgerMatching {
  matched: LedgerMatch[];
  unmatched: LedgerUnmatched[];
}

/** A reworded row keeps most of its words; below this the same number is a different task. */
export const SIMILAR_ENOUGH = 0.6;

/** Titles compared without spacing, punctuation or full-/half-width differences. */
export function normalTitle(title: string): string {
  return title.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const pair = `${chars[i]}${chars[i + 1]}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/**
 * Dice's coefficient on character pairs: Chinese titles share whole words (城镇老旧小区改造) when
 * reworded, which pairs of characters catch without a word segmenter.
 */
export function titleSimilarity(a: string, b: string): number {
  const x = normalTitle(a);
  const y = normalTitle(b);
  if (x === y) return 1;
  const left = bigrams(x);
  const right = bigrams(y);
  const total = [...left.values(), ...right.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, n] of left) shared += Math.min(n, right.get(pair) ?? 0);
  return (2 * shared) / total;
}

const rounded = (n: number) => Math.round(n * 100) / 100;

function matchRow(
  row: LedgerRow,
  byRef: Map<string, PlanItem[]>,
  byTitle: Map<string, PlanItem[]>,
):
  | { item: PlanItem; how: MatchKind; similarity: number }
  | { reason: UnmatchedReason; candidates: PlanItem[]; similarity: (item: PlanItem) => number } {
  const title = normalTitle(row.title);
  const sameRef = byRef.get(row.ref.trim()) ?? [];
  const sameTitle = byTitle.get(title) ?? [];
  const similarity = (item: PlanItem) => rounded(titleSimilarity(row.title, item.title));
  const exact = sameRef.filter((item) => normalTitle(item.title) === title);
  if (exact.length === 1 && exact[0] !== undefined) {
    return { item: exact[0], how: 'ref-and-title', similarity: 1 };
  }
  if (sameTitle.length === 1 && sameTitle[0] !== undefined) {
    return { item: sameTitle[0], how: 'title', similarity: 1 };
  }
  if (sameTitle.length > 1) return { reason: 'several-items', candidates: sameTitle, similarity };
  const close = sameRef.filter((item) => similarity(item) >= SIMILAR_ENOUGH);
  if (close.length === 1 && close[0] !== undefined) {
    return { item: close[0], how: 'ref-similar-title', similarity: similarity(close[0]) };
  }
  if (close.length > 1) return { reason: 'several-items', candidates: close, similarity };
  if (sameRef.length > 0) return { reason: 'title-differs', candidates: sameRef, similarity };
  return { reason: 'no-item', candidates: [], similarity };
}

const text = (value: string | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Matches every ledger row to the plan's items; rows in ledger order. */
export function matchLedger(
  rows: readonly LedgerRow[],
  items: readonly PlanItem[],
): LedgerMatching {
  const byRef = new Map<string, PlanItem[]>();
  const byTitle = new Map<string, PlanItem[]>();
  for (const item of items) {
    byRef.set(item.ref, [...(byRef.get(item.ref) ?? []), item]);
    const title = normalTitle(item.title);
    byTitle.set(title, [...(byTitle.get(title) ?? []), item]);
  }
  const matched: LedgerMatch[] = [];
  const unmatched: LedgerUnmatched[] = [];
  const taken = new Set<string>();
  for (const row of rows) {
    const found = matchRow(row, byRef, byTitle);
    if ('reason' in found) {
      unmatched.push({
        row,
        reason: found.reason,
        candidates: found.candidates.map((item) => ({
          id: item.id,
          ref: item.ref,
          title: item.title,
          similarity: found.similarity(item),
        })),
      });
      continue;
    }
    const { item, how, similarity } = found;
    const candidate = { id: item.id, ref: item.ref, title: item.title, similarity };
    // Two rows on one item would leave its status to the order of the rows: the first stands.
    if (taken.has(item.id)) {
      unmatched.push({ row, reason: 'duplicate', candidates: [candidate] });
      continue;
    }
    const printed = text(row.status);
    const after = printed === null ? null : statusOfText(printed);
    const note = text(row.progress);
    if (after === null && note === null) {
      unmatched.push({ row, reason: 'nothing-to-record', candidates: [candidate] });
      continue;
    }
    taken.add(item.id);
    matched.push({
      row,
      itemId: item.id,
      itemRef: item.ref,
      itemTitle: item.title,
      how,
      similarity,
      before: item.status,
      after,
      unknownStatus: printed !== null && after === null ? printed : null,
      note,
    });
  }
  return { matched, unmatched };
}
