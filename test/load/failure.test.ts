// The loader's words when it cannot load, without a database: a file over the size limit is
// refused from its size before it is read; a database failure becomes a message saying what
// happened and that nothing was written; the command's help states the limit.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile, HELP, readArguments } from '../../graph/cli/load.ts';
import {
  isConnectionLoss,
  isTransactionMemory,
  LoadFailedError,
  loadFailure,
} from '../../graph/load/failure.ts';
import { loadPlanFile, PlanFileTooLargeError } from '../../graph/load/load-plan.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let huge: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guatu-too-large-'));
  huge = join(dir, 'huge.txt');
  // Sparse: 200 MB as far as stat knows, no disk used.
  await writeFile(huge, '');
  await truncate(huge, 200 * 1024 * 1024);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the size limit, checked first', () => {
  it('loadPlanFile refuses a 200 MB file from its size, before reading it into memory', async () => {
    const before = process.memoryUsage().arrayBuffers;
    // No database is reached: the driver given is never used.
    const driver = neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'unused'));
    try {
      const error = await loadPlanFile(driver, huge, { database: 'neo4j' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PlanFileTooLargeError);
      expect((error as Error).message).toContain('文件过大（200.0 MB），上限为 20.0 MB');
      expect((error as Error).message).toContain('200.0 MB, larger than the 20.0 MB');
    } finally {
      await driver.close();
    }
    // Reading the file would have allocated its 200 MB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it(
    'npm run load refuses it before starting Neo4j, and --help states the limit',
    { timeout: 300_000 },
    () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'graph/cli/load.ts', huge], {
        cwd: ROOT,
        encoding: 'utf8',
        // Pointed at nothing: were a database needed, the command would fail differently.
        env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'unused' },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('文件过大（200.0 MB），上限为 20.0 MB');
      expect(run.stderr).not.toMatch(/\n\s+at /);

      expect(readArguments(['x.txt', '--help'])).toEqual({ help: true });
      expect(HELP).toContain('每个文件不超过 20 MB');
      expect(HELP).toContain('At most 20 MB each');
      const help = spawnSync(process.execPath, ['--import', 'tsx', 'graph/cli/load.ts', '--help'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('At most 20 MB each');
    },
  );

  it('checkFile says the same for the command line', async () => {
    expect(await checkFile(huge)).toContain('文件过大（200.0 MB），上限为 20.0 MB');
    expect(await checkFile(join(dir, 'missing.txt'))).toContain('找不到文件');
  });
});

describe('a database failure while loading', () => {
  const memory = new Neo4jError(
    'The allocation of an extra 2.0 MiB would use more than the limit 512.0 MiB. Currently using 511.0 MiB. db.memory.transaction.max threshold reached',
    'Neo.TransientError.General.TransactionMemoryLimit',
    'N/A',
    'N/A',
  );
  const gone = new Neo4jError(
    'Connection was closed by server',
    neo4j.error.SERVICE_UNAVAILABLE,
    'N/A',
    'N/A',
  );

  it('says the database went away and that nothing was written, in Chinese and English', () => {
    const failure = loadFailure(gone);
    expect(failure).toBeInstanceOf(LoadFailedError);
    expect((failure as LoadFailedError).reason).toBe('connection-lost');
    expect((failure as Error).message).toContain(
      '导入失败：数据库在写入时断开，未写入任何内容（旧计划保持不变）',
    );
    expect((failure as Error).message).toContain(
      'Load failed: the database went away while writing; nothing was written (the previous plan is unchanged)',
    );
    expect(isConnectionLoss(new Error('read ECONNRESET'))).toBe(true);
    // What neo4j-driver throws from inside itself for a statement on a connection cut meanwhile.
    const internal = new TypeError("Cannot read properties of undefined (reading 'onCompleted')");
    internal.stack = `${internal.message}\n    at newCompletedResult (/app/node_modules/neo4j-driver-core/lib/transaction.js:532:12)`;
    expect(isConnectionLoss(internal)).toBe(true);
    expect(isConnectionLoss(new TypeError('a bug of ours'))).toBe(false);
  });

  it('names the transaction memory limit and the setting that raises it, and is not retried', () => {
    expect(isTransactionMemory(memory)).toBe(true);
    const failure = loadFailure(memory) as LoadFailedError;
    expect(failure.reason).toBe('transaction-memory');
    expect(failure.message).toContain('超出数据库单个事务的内存上限，未写入任何内容');
    expect(failure.message).toContain('GUATU_NEO4J_TX_MEMORY');
    expect(failure.message).toContain('db.memory.transaction.max');
  });

  it('leaves other errors as they are', () => {
    const other = new Error('a bug');
    expect(loadFailure(other)).toBe(other);
    const syntax = new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'N/A');
    expect(loadFailure(syntax)).toBe(syntax);
  });
});
