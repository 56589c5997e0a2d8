// Accounts and sessions live in their own small SQLite file (sql.js: SQLite compiled to
// WebAssembly, so a fresh machine installs it with no build step), never in Neo4j: the read-only
// Cypher console reads the whole graph, and a password hash or a session must not be in reach.
//
// The server and `npm run user` may write at the same time. Every write takes a lock file, reads
// the file again if another process changed it, applies the change in a transaction and replaces
// the file atomically (write beside, then rename), so neither process loses the other's change.
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import * as z from 'zod';
import { Role } from '../../contract/accounts.ts';

export const AccountName = z
  .string()
  .trim()
  .min(1, 'an account name is needed / 需要账号名')
  .max(64, 'an account name has at most 64 characters / 账号名最多 64 个字符')
  .refine(
    (name) => !/[\p{Cc}\s]/u.test(name),
    'an account name has no spaces or control characters / 账号名不能含空格或控制字符',
  );

export const Account = z.object({
  name: z.string(),
  role: Role,
  units: z.array(z.string()),
  disabled: z.boolean(),
  created: z.string(),
  updated: z.string(),
});
export type Account = z.infer<typeof Account>;

const AccountRow = z.object({
  name: z.string(),
  role: Role,
  units: z.string().transform((text, ctx) => {
    try {
      return z.array(z.string()).parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'units is not a JSON list of names' });
      return z.NEVER;
    }
  }),
  disabled: z.number().transform((flag) => flag !== 0),
  created: z.string(),
  updated: z.string(),
  password_hash: z.string(),
});

/** A row as read back, checked; the hash is kept apart so it is never listed by accident. */
function fromRow(row: Record<string, SqlValue>): { account: Account; passwordHash: string } {
  const parsed = AccountRow.parse(row);
  return {
    account: {
      name: parsed.name,
      role: parsed.role,
      units: parsed.units,
      disabled: parsed.disabled,
      created: parsed.created,
      updated: parsed.updated,
    },
    passwordHash: parsed.password_hash,
  };
}

export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(
    readonly code: 'exists' | 'unknown' | 'locked' | 'bad-file',
    message: string,
  ) {
    super(message);
  }
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS account (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    units TEXT NOT NULL DEFAULT '[]',
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS session (
    token_hash TEXT PRIMARY KEY,
    account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
    created TEXT NOT NULL,
    expires TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS session_account ON session(account);
`;

const LOCK_WAIT_MS = 5_000;
const LOCK_STALE_MS = 10_000;

let sqlJs: Promise<SqlJsStatic> | null = null;

/** Sleeps without returning to the event loop: a write holds the lock for a few milliseconds. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

function stampOf(path: string): FileStamp | null {
  try {
    const stat = statSync(path);
    return { mtimeMs: stat.mtimeMs, size: stat.size, ino: stat.ino };
  } catch {
    return null;
  }
}

const sameStamp = (a: FileStamp | null, b: FileStamp | null) =>
  a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;

export class AccountStore {
  readonly path: string;
  readonly #sql: SqlJsStatic;
  #db: Database;
  #stamp: FileStamp | null;

  private constructor(path: string, sql: SqlJsStatic) {
    this.path = path;
    this.#sql = sql;
    this.#db = new sql.Database();
    this.#stamp = null;
  }

  /** Opens the accounts file at `path`, creating it (readable by its owner only) if missing. */
  static async open(path: string): Promise<AccountStore> {
    sqlJs ??= initSqlJs();
    const store = new AccountStore(path, await sqlJs);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    store.#refresh();
    if (store.#stamp === null) store.#write(() => undefined);
    return store;
  }

  /** Reads the file again if another process replaced it since we last did. */
  #refresh(): void {
    const stamp = stampOf(this.path);
    if (stamp === null || sameStamp(stamp, this.#stamp)) return;
    let db: Database;
    try {
      db = new this.#sql.Database(readFileSync(this.path));
      db.run('PRAGMA foreign_keys = ON');
      db.exec(SCHEMA);
    } catch (error) {
      throw new AccountError(
        'bad-file',
        `${this.path} is not a guatu accounts file (${(error as Error).message}) / 账号文件无法读取`,
      );
    }
    this.#db.close();
    this.#db = db;
    this.#stamp = stamp;
  }

  #lock(): () => void {
    const lockPath = `${this.path}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        const fd = openSync(lockPath, 'wx', 0o600);
        writeFileSync(fd, String(process.pid));
        closeSync(fd);
        return () => rmSync(lockPath, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const held = stampOf(lockPath);
        // A writer killed while holding the lock leaves it behind; a live one holds it for ms.
        if (held !== null && Date.now() - held.mtimeMs > LOCK_STALE_MS) {
          rmSync(lockPath, { force: true });
          continue;
        }
        if (Date.now() > deadline) {
          throw new AccountError(
            'locked',
            `${lockPath} has been held for over ${LOCK_WAIT_MS / 1000} s / 账号文件被占用`,
          );
        }
        pause(20);
      }
    }
  }

  /** One change, all or nothing, visible to every process once it returns. */
  #write<T>(change: (db: Database) => T): T {
    const unlock = this.#lock();
    try {
      this.#refresh();
      this.#db.run('PRAGMA foreign_keys = ON');
      this.#db.exec(SCHEMA);
      this.#db.exec('BEGIN');
      let result: T;
      try {
        result = change(this.#db);
        this.#db.exec('COMMIT');
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
      const temporary = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temporary, this.#db.export(), { mode: 0o600 });
      renameSync(temporary, this.path);
      // export() closes open statements and resets pragmas; set what later writes rely on.
      this.#db.run('PRAGMA foreign_keys = ON');
      this.#stamp = stampOf(this.path);
      return result;
    } finally {
      unlock();
    }
  }

  #rows(sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
    this.#refresh();
    const statement = this.#db.prepare(sql);
    try {
      statement.bind(params);
      const rows: Record<string, SqlValue>[] = [];
      while (statement.step()) rows.push(statement.getAsObject());
      return rows;
    } finally {
      statement.free();
    }
  }

  /** How many accounts exist, disabled ones included: any account puts guatu in team mode. */
  count(): number {
    const row = this.#rows('SELECT count(*) AS n FROM account')[0];
    return Number(row?.['n'] ?? 0);
  }

  accounts(): Account[] {
    return this.#rows('SELECT * FROM account ORDER BY name').map((row) => {
      return fromRow(row).account;
    });
  }

  /** The account and its password hash, for the login check only. */
  withHash(name: string): (Account & { passwordHash: string }) | null {
    const row = this.#rows('SELECT * FROM account WHERE name = ?', [name])[0];
    if (row === undefined) return null;
    const { account, passwordHash } = fromRow(row);
    return { ...account, passwordHash };
  }

  account(name: string): Account | null {
    const row = this.#rows('SELECT * FROM account WHERE name = ?', [name])[0];
    return row === undefined ? null : fromRow(row).account;
  }

  add(
    input: { name: string; role: Role; units: readonly string[]; passwordHash: string },
    now = new Date(),
  ): Account {
    const name = AccountName.parse(input.name);
    const at = now.toISOString();
    this.#write((db) => {
      const exists = db.exec('SELECT 1 FROM account WHERE name = ?', [name]);
      if (exists.length > 0) {
        throw new AccountError(
          'exists',
          `the account ${name} exists already / 账号 ${name} 已存在`,
        );
      }
      db.run(
        'INSERT INTO account (name, role, units, password_hash, disabled, created, updated) VALUES (?, ?, ?, ?, 0, ?, ?)',
        [name, input.role, JSON.stringify([...input.units]), input.passwordHash, at, at],
      );
    });
    const account = this.account(name);
    if (account === null) throw new Error(`the account ${name} was not written`);
    return account;
  }

  #update(name: string, set: string, params: SqlValue[], now: Date, endSessions: boolean): void {
    this.#write((db) => {
      db.run(`UPDATE account SET ${set}, updated = ? WHERE name = ?`, [
        ...params,
        now.toISOString(),
        name,
      ]);
      if (db.getRowsModified() === 0) {
        throw new AccountError('unknown', `there is no account ${name} / 没有账号 ${name}`);
      }
      if (endSessions) db.run('DELETE FROM session WHERE account = ?', [name]);
    });
  }

  /** A new password ends every session of the account: whoever knew the old one is logged out. */
  setPassword(name: string, passwordHash: string, now = new Date()): void {
    this.#update(name, 'password_hash = ?', [passwordHash], now, true);
  }

  setDisabled(name: string, disabled: boolean, now = new Date()): void {
    this.#update(name, 'disabled = ?', [disabled ? 1 : 0], now, disabled);
  }

  setRole(name: string, role: Role, units: readonly string[], now = new Date()): void {
    this.#update(name, 'role = ?, units = ?', [role, JSON.stringify([...units])], now, true);
  }

  startSession(name: string, tokenHash: string, expires: Date, now = new Date()): void {
    this.#write((db) => {
      db.run('DELETE FROM session WHERE expires <= ?', [now.toISOString()]);
      db.run('INSERT INTO session (token_hash, account, created, expires) VALUES (?, ?, ?, ?)', [
        tokenHash,
        name,
        now.toISOString(),
        expires.toISOString(),
      ]);
    });
  }

  /** The account a live session belongs to; null when unknown, expired or the account disabled. */
  sessionAccount(
    tokenHash: string,
    now = new Date(),
  ): { account: Account; expires: string } | null {
    const row = this.#rows('SELECT account, expires FROM session WHERE token_hash = ?', [
      tokenHash,
    ])[0];
    if (row === undefined) return null;
    const expires = String(row['expires']);
    if (expires <= now.toISOString()) return null;
    const account = this.account(String(row['account']));
    if (account === null || account.disabled) return null;
    return { account, expires };
  }

  endSession(tokenHash: string): void {
    this.#write((db) => db.run('DELETE FROM session WHERE token_hash = ?', [tokenHash]));
  }

  endSessions(name: string): void {
    this.#write((db) => db.run('DELETE FROM session WHERE account = ?', [name]));
  }

  close(): void {
    this.#db.close();
  }
}
