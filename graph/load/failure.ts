// Why a load that reached the database failed, in the planner's words, Chinese first: the
// database went away, the plan outgrew a transaction, the database stopped the transaction.
// The write is one transaction (write-plan.ts), so each of these means nothing was written —
// except a connection lost while committing, when the server may or may not have committed
// before it went: then the message says so instead of promising either.
import neo4j, { Neo4jError } from 'neo4j-driver';

export type LoadFailureReason =
  'connection-lost' | 'commit-unknown' | 'transaction-memory' | 'timed-out' | 'terminated';

const WORDS: Record<LoadFailureReason, { zh: string; en: string }> = {
  'connection-lost': {
    zh: '导入失败：数据库在写入时断开，未写入任何内容（旧计划保持不变）',
    en: 'Load failed: the database went away while writing; nothing was written (the previous plan is unchanged)',
  },
  'commit-unknown': {
    zh: '导入结果未知：数据库在提交时断开，新计划要么已完整写入，要么完全未写入（不会只写一半）；请在数据库恢复后重新运行以确认',
    en: 'Load outcome unknown: the database went away while committing; the new plan was either written whole or not at all (never in part); run the load again once the database is back to be sure',
  },
  'transaction-memory': {
    zh: '导入失败：计划过大，超出数据库单个事务的内存上限，未写入任何内容（旧计划保持不变）',
    en: "Load failed: the plan is larger than the database's memory limit for one transaction; nothing was written (the previous plan is unchanged)",
  },
  'timed-out': {
    zh: '导入失败：写入超时，数据库已回滚，未写入任何内容（旧计划保持不变）',
    en: 'Load failed: writing took longer than the time allowed and the database rolled it back; nothing was written (the previous plan is unchanged)',
  },
  terminated: {
    zh: '导入失败：数据库终止了写入事务，未写入任何内容（旧计划保持不变）',
    en: 'Load failed: the database terminated the write; nothing was written (the previous plan is unchanged)',
  },
};

/** What to do about a transaction too large, for the person at the terminal. */
const MEMORY_HINT = {
  zh: '本机数据库：设置 GUATU_NEO4J_TX_MEMORY（如 2g）并相应提高 GUATU_NEO4J_HEAP（如 3g）后重试；自有服务器：提高 db.memory.transaction.max',
  en: "guatu's own Neo4j: set GUATU_NEO4J_TX_MEMORY (e.g. 2g) and GUATU_NEO4J_HEAP to match (e.g. 3g), then load again; your own server: raise db.memory.transaction.max",
};

/** A load that failed in the database, with a message a planner can act on and no stack. */
export class LoadFailedError extends Error {
  override readonly name = 'LoadFailedError';
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly reason: LoadFailureReason,
    options?: ErrorOptions,
  ) {
    const words = WORDS[reason];
    const cause = options?.cause instanceof Error ? options.cause.message.split('\n')[0] : '';
    const hint = reason === 'transaction-memory' ? MEMORY_HINT : null;
    const zh = hint ? `${words.zh}。${hint.zh}` : words.zh;
    const en = hint ? `${words.en}. ${hint.en}` : words.en;
    super(`${zh}\n${en}${cause ? `\n(${cause})` : ''}`, options);
    this.zh = zh;
    this.en = en;
  }
}

const CONNECTION_CODES = new Set<string>([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
]);
const CONNECTION_WORDS =
  /connection (?:was )?(?:closed|reset|lost|terminated)|ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|Pool is closed/i;

/**
 * neo4j-driver 6, asked to run a statement in a transaction whose connection the server has
 * closed, fails inside itself ("Cannot read properties of undefined (reading 'onCompleted')")
 * instead of saying the connection is gone.
 */
const DRIVER_INTERNAL = /node_modules\/neo4j-driver[^/]*\/lib\//;

/** The connection to the database was lost: the server stopped, crashed or was cut off. */
export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof Neo4jError && CONNECTION_CODES.has(error.code)) return true;
  if (error instanceof TypeError && DRIVER_INTERNAL.test(error.stack ?? '')) return true;
  return error instanceof Error && CONNECTION_WORDS.test(error.message);
}

/** Neo4j refused a transaction for its memory: retrying the same write can only fail again. */
export function isTransactionMemory(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return (
    /MemoryPoolOutOfMemoryError|TransactionMemoryLimit|MemoryLimit/i.test(error.code) ||
    /memory\.transaction(?:\.total)?\.max threshold reached/i.test(error.message)
  );
}

/** A failed write as the LoadFailedError it stands for, or the error itself when it is none. */
export function loadFailure(error: unknown): unknown {
  if (error instanceof LoadFailedError) return error;
  if (isTransactionMemory(error))
    return new LoadFailedError('transaction-memory', { cause: error });
  if (isConnectionLoss(error)) return new LoadFailedError('connection-lost', { cause: error });
  if (error instanceof Neo4jError) {
    if (/TransactionTimedOut/.test(error.code)) {
      return new LoadFailedError('timed-out', { cause: error });
    }
    if (/Transaction\.(?:Terminated|LockClientStopped)/.test(error.code)) {
      return new LoadFailedError('terminated', { cause: error });
    }
  }
  return error;
}
