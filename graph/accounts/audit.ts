// The audit log: one JSON line per write (who, when, what, before → after), appended and synced
// before the write is reported done, never rewritten. Each line carries the SHA-256 of the one
// before it, so a line edited or removed afterwards breaks the chain and `verify` says where.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';

export const AuditEntry = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string(),
  /** The account's name, or `local` for the one planner of local mode. */
  who: z.string(),
  role: z.string(),
  /** What was done, in the words of contract/accounts.ts (`update-progress`, `import-plan`…). */
  action: z.string(),
  /** What it was done to: a plan id, an item id, an account name. */
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  origin: z.string().nullable(),
  address: z.string().nullable(),
  prev: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export type AuditInput = Omit<AuditEntry, 'seq' | 'at' | 'prev' | 'hash'>;

const GENESIS = '0'.repeat(64);

// Fields in a fixed order, so the hash does not depend on how an entry object was built.
function hashOf(e: Omit<AuditEntry, 'hash'>): string {
  const fields = [
    e.seq,
    e.at,
    e.who,
    e.role,
    e.action,
    e.target,
    e.before,
    e.after,
    e.origin,
    e.address,
    e.prev,
  ];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

export class AuditError extends Error {
  override readonly name = 'AuditError';
}

export class AuditLog {
  readonly path: string;
  #last: { seq: number; hash: string } | null = null;

  constructor(path: string) {
    this.path = path;
  }

  /** Appends one entry and syncs it to disk; returns it as written. */
  append(input: AuditInput, now = new Date()): AuditEntry {
    const last = this.#last ?? this.#tail();
    const body = {
      seq: last.seq + 1,
      at: now.toISOString(),
      ...input,
      prev: last.hash,
    };
    const entry: AuditEntry = { ...body, hash: hashOf(body) };
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#last = { seq: entry.seq, hash: entry.hash };
    return entry;
  }

  #tail(): { seq: number; hash: string } {
    const entries = this.entries();
    const last = entries.at(-1);
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS };
  }

  /** Every entry, oldest first; a line that is not an entry is an error naming its line. */
  entries(): AuditEntry[] {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: AuditEntry[] = [];
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      if (line === '') continue;
      const parsed = AuditEntry.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new AuditError(
          `${this.path}:${index + 1} is not an audit entry / 审计日志第 ${index + 1} 行无法读取`,
        );
      }
      entries.push(parsed.data);
    }
    return entries;
  }

  /** The first line where the chain breaks (edited, removed or reordered), or null if whole. */
  verify(): { line: number; reason: string } | null {
    let prev = GENESIS;
    for (const [index, entry] of this.entries().entries()) {
      const { hash, ...body } = entry;
      if (entry.prev !== prev)
        return { line: index + 1, reason: 'does not follow the line before' };
      if (hashOf(body) !== hash)
        return { line: index + 1, reason: 'was changed after it was written' };
      prev = hash;
    }
    return null;
  }
}
