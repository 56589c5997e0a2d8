// How far a task has got: the five statuses a 督办台账 uses, a progress update as a liaison
// sends it, a record as it is kept (every change a new dated record, nothing overwritten), and
// the rules for "overdue" and "due soon" that the map, the rankings and the reports share.
import * as z from 'zod/mini';

export const STATUSES = ['not-started', 'in-progress', 'done', 'late', 'paused'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const STATUS_WORDS: Readonly<Record<Status, { zh: string; en: string }>> = {
  'not-started': { zh: '未启动', en: 'Not started' },
  'in-progress': { zh: '推进中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  late: { zh: '滞后', en: 'Late' },
  paused: { zh: '暂缓', en: 'Paused' },
};

// The words ledgers print in their 状态 column, each read as one status. Longer words first, so
// 未完成 is not read as 完成.
const STATUS_TEXT: readonly (readonly [RegExp, Status])[] = [
  [/^(未启动|未开始|尚未启动|未开展)$/u, 'not-started'],
  [/^(未完成|滞后|进度滞后|延期|逾期|逾期未完成|落后)$/u, 'late'],
  [/^(暂缓|暂停|缓办|中止)$/u, 'paused'],
  [/^(已完成|完成|已办结|办结|已落实|已销号|销号)$/u, 'done'],
  [/^(推进中|正在推进|进行中|在建|持续推进|序时推进|按序时推进|正常推进|已启动)$/u, 'in-progress'],
];

/** A ledger's 状态 cell as a status; null when the words are not a status guatu knows. */
export function statusOfText(text: string): Status | null {
  const words = text.replace(/[\s。.、]/gu, '');
  for (const [pattern, status] of STATUS_TEXT) if (pattern.test(words)) return status;
  return null;
}

/** What a liaison sends: at least one of status, note or percent. */
export const ProgressUpdate = z
  .object({
    status: z.optional(Status),
    note: z.optional(z.string().check(z.maxLength(4_000))),
    percent: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100))),
  })
  .check(
    z.refine(
      (update) =>
        update.status !== undefined || update.note !== undefined || update.percent !== undefined,
      {
        message:
          'a progress update needs a status, a note or a percent / 进展需包含状态、说明或完成比例',
      },
    ),
  );
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

/** Where a record came from: a liaison's update, a ledger import, or a planner's edit. */
export const PROGRESS_SOURCES = ['update', 'ledger', 'planner'] as const;

export const ProgressRecord = z.object({
  id: z.string(),
  itemId: z.string(),
  planId: z.string(),
  /** The item's number and title when the record was made: a new edition is matched on them. */
  itemRef: z.nullable(z.string()),
  itemTitle: z.nullable(z.string()),
  /** The item id it was recorded on, when a reload moved it to a renumbered item. */
  movedFrom: z.optional(z.nullable(z.string())),
  /** Set when a reload found no item for it: listed for a planner to attach. */
  unattached: z.optional(z.nullable(z.boolean())),
  /** When it was recorded (ISO 8601, UTC). */
  at: z.string(),
  /** The account that recorded it (`local` in local mode). */
  by: z.string(),
  source: z.enum(PROGRESS_SOURCES),
  status: z.nullable(Status),
  note: z.nullable(z.string()),
  percent: z.nullable(z.number()),
});
export type ProgressRecord = z.infer<typeof ProgressRecord>;

/** An item's deadline as the model keeps it (see graph/model/plan.ts `Due`). */
export interface DueLike {
  dueKind?: string | null;
  dueDate?: string | null;
}

/** Days from `today` to the deadline (negative: past it); null without a dated deadline. */
export function daysToDue(due: DueLike, today: string): number | null {
  if (due.dueKind !== 'date' || !due.dueDate) return null;
  const ms = Date.parse(`${due.dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / 86_400_000);
}

/**
 * Overdue: the deadline has passed and the item is not done. A paused item counts too: pausing
 * is a reason a planner reads beside it, not a way off the overdue list.
 */
export function isOverdue(due: DueLike, status: Status | null, today: string): boolean {
  const days = daysToDue(due, today);
  return days !== null && days < 0 && status !== 'done';
}

/** Due soon: not done, and the deadline falls within the next `within` days (today included). */
export function isDueSoon(
  due: DueLike,
  status: Status | null,
  today: string,
  within = 30,
): boolean {
  const days = daysToDue(due, today);
  return days !== null && days >= 0 && days <= within && status !== 'done';
}
