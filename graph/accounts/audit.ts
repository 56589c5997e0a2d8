// The audit log: one JSON line per write (who, when, what, before → after), appended and synced
// before the write is reported done, never rewritten. Each line carries the SHA-256 of the one
// before it, so a line edited or removed afterwards breaks the chain and `verify` says where.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
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

interface Waiting {
  input: AuditInput;
  at: Date;
  resolve: (entry: AuditEntry) => void;
  reject: (error: unknown) => void;
}

export class AuditLog {
  readonly path: string;
  /** The chain's end as this process last wrote it, and the file's size just after. */
  #last: { seq: number; hash: string; size: number } | null = null;
  #waiting: Waiting[] = [];
  #writing = false;

  constructor(path: string) {
    this.path = path;
  }

  /**
   * Appends one entry; resolves with it as written once it is synced to disk. Entries that
   * arrive while a sync is under way are written together by the next one (one fsync for many
   * writes), and the sync runs off the event loop: a busy disk slows the writes that wait for
   * it, not every other request of the server.
   */
  append(input: AuditInput, now = new Date()): Promise<AuditEntry> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ input, at: now, resolve, reject });
      if (!this.#writing) void this.#writeWaiting();
    });
  }

  async #writeWaiting(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0);
        try {
          const written = await this.#write(batch);
          batch.forEach((waiting, index) => waiting.resolve(written[index] as AuditEntry));
        } catch (error) {
          this.#last = null;
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.#writing = false;
    }
  }

  async #write(batch: readonly Waiting[]): Promise<AuditEntry[]> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const file = await open(this.path, 'a', 0o600);
    try {
      const { size } = await file.stat();
      // Another process (`npm run user`) may have appended since: continue from the file's end.
      let last = this.#last?.size === size ? this.#last : await this.#tail();
      const entries = batch.map(({ input, at }) => {
        const body = { seq: last.seq + 1, at: at.toISOString(), ...input, prev: last.hash };
        const entry: AuditEntry = { ...body, hash: hashOf(body) };
        last = { ...last, seq: entry.seq, hash: entry.hash };
        return entry;
      });
      const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
      await file.write(text);
      await file.datasync();
      this.#last = { seq: last.seq, hash: last.hash, size: size + Buffer.byteLength(text) };
      return entries;
    } finally {
      await file.close();
    }
  }

  async #tail(): Promise<{ seq: number; hash: string; size: number }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      text = '';
    }
    const lines = text.split('\n').filter((line) => line !== '');
    const size = Buffer.byteLength(text);
    if (lines.length === 0) return { seq: 0, hash: GENESIS, size };
    const parsed = AuditEntry.safeParse(JSON.parse(lines.at(-1) as string));
    if (!parsed.success) {
      throw new AuditError(
        `${this.path}:${lines.length} is not an audit entry / 审计日志第 ${lines.length} 行无法读取`,
      );
    }
    return { seq: parsed.data.seq, hash: parsed.data.hash, size };
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
