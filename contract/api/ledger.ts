// A 督办台账 imported as progress (docs/api.md, "Ledger import"): the review the server answers
// an upload with — each row matched to an item, or listed with why not — and the answer to 确认.
// The server builds these shapes (graph/api/routes/ledger.ts); the web app parses them.
import * as z from 'zod/mini';
import { Status } from '../progress.ts';

export const MATCH_KINDS = ['ref-and-title', 'title', 'ref-similar-title'] as const;
export const UNMATCHED_REASONS = [
  'no-item',
  'several-items',
  'title-differs',
  'duplicate',
  'nothing-to-record',
] as const;

export const LedgerRowView = z.object({
  ref: z.string(),
  title: z.string(),
  /** 状态 as printed. */
  status: z.nullable(z.string()),
  /** 进展情况 as printed. */
  progress: z.nullable(z.string()),
  deadline: z.nullable(z.string()),
  leader: z.nullable(z.string()),
  line: z.number(),
});
export type LedgerRowView = z.infer<typeof LedgerRowView>;

const Candidate = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  similarity: z.number(),
});

export const LedgerMatchView = z.object({
  row: LedgerRowView,
  itemId: z.string(),
  itemRef: z.string(),
  itemTitle: z.string(),
  /** How the row found its item: same number and title, same title alone, same number and a close title. */
  how: z.enum(MATCH_KINDS),
  /** Title similarity, 0–1. */
  similarity: z.number(),
  before: z.nullable(Status),
  after: z.nullable(Status),
  /** 状态 words that name no status: the note is recorded, the status kept. */
  unknownStatus: z.nullable(z.string()),
  note: z.nullable(z.string()),
});
export type LedgerMatchView = z.infer<typeof LedgerMatchView>;

export const LedgerUnmatchedView = z.object({
  row: LedgerRowView,
  reason: z.enum(UNMATCHED_REASONS),
  candidates: z.array(Candidate),
});
export type LedgerUnmatchedView = z.infer<typeof LedgerUnmatchedView>;

export const LedgerReview = z.object({
  /** Names this review in 确认 and 取消 (kept by the server for 30 minutes). */
  token: z.string(),
  expiresAt: z.string(),
  file: z.object({ name: z.string(), format: z.string(), bytes: z.number() }),
  plan: z.object({ id: z.string(), title: z.string() }),
  matched: z.array(LedgerMatchView),
  unmatched: z.array(LedgerUnmatchedView),
  counts: z.object({
    rows: z.number(),
    matched: z.number(),
    unmatched: z.number(),
    /** Matched rows whose status would change. */
    changed: z.number(),
  }),
});
export type LedgerReview = z.infer<typeof LedgerReview>;

export const LedgerConfirmAnswer = z.object({
  planId: z.string(),
  /** Progress records written: one per matched row. */
  written: z.number(),
  unmatched: z.number(),
});
export type LedgerConfirmAnswer = z.infer<typeof LedgerConfirmAnswer>;
