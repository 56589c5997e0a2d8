// What the planner ran in the console, kept in this browser's localStorage: the text, the
// parameters, when, and how it went. Read back through zod: an entry from an older version or
// edited by hand is dropped, never shown half-read. Newest first, at most HISTORY_LIMIT.
import * as z from 'zod/mini';

export const HISTORY_KEY = 'guatu.console.history';
export const HISTORY_LIMIT = 100;

export const HistoryEntry = z.object({
  text: z.string().check(z.minLength(1)),
  params: z.record(z.string(), z.unknown()),
  /** The query of cypher/ it ran as, when it was picked and not changed. */
  name: z.nullable(z.string()),
  /** ISO 8601 time it ran. */
  at: z.iso.datetime(),
  rows: z.nullable(z.number()),
  truncated: z.optional(z.boolean()),
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The entries stored under `key`; anything unreadable is left out. */
export function readHistory(storage: Pick<Storage, 'getItem'>, key = HISTORY_KEY): HistoryEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(key) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const entries: HistoryEntry[] = [];
  for (const item of raw) {
    const parsed = HistoryEntry.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
  }
  return entries.toSorted((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, HISTORY_LIMIT);
}

/** Adds an entry in front and stores the list; returns what is stored. */
export function addToHistory(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  entry: HistoryEntry,
  key = HISTORY_KEY,
): HistoryEntry[] {
  const entries = [entry, ...readHistory(storage, key)].slice(0, HISTORY_LIMIT);
  try {
    storage.setItem(key, JSON.stringify(entries));
  } catch {
    // Storage full or switched off: the history then lasts as long as the page.
  }
  return entries;
}

export function clearHistory(storage: Pick<Storage, 'removeItem'>, key = HISTORY_KEY): void {
  storage.removeItem(key);
}
