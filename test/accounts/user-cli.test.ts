// `npm run user`: accounts made, listed, changed and refused as a planner would type them.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { accountPaths } from '../../graph/accounts/paths.ts';
import { AccountStore } from '../../graph/accounts/store.ts';
import { verifyPassword } from '../../graph/accounts/password.ts';
import { readArguments } from '../../graph/cli/user.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'guatu-user-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function user(args: string[], input = '') {
  // Node with tsx's loader: node_modules/.bin/tsx would start a second Node process around it.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'graph/cli/user.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, GUATU_DATA_DIR: dataDir },
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run user', () => {
  it('adds a liaison for a unit and a planner, and lists them without hashes', async () => {
    expect(
      user(
        ['add', 'zhang', '--role', 'liaison', '--unit', '市发改委', '--password-stdin'],
        '长江大桥 cross 2026\n',
      ).status,
    ).toBe(0);
    expect(
      user(['add', 'li', '--role', 'planner', '--password-stdin'], 'another long password\n')
        .status,
    ).toBe(0);
    const list = user(['list']);
    expect(list.status).toBe(0);
    expect(list.out).toContain('zhang\tliaison (单位联络员)  市发改委');
    expect(list.out).toContain('li\tplanner (规划人员)');
    expect(list.out).not.toContain('argon2');

    const store = await AccountStore.open(accountPaths({ GUATU_DATA_DIR: dataDir }).accounts);
    const stored = store.withHash('zhang');
    store.close();
    expect(stored?.units).toEqual(['市发改委']);
    expect(await verifyPassword(stored?.passwordHash ?? '', '长江大桥 cross 2026')).toBe(true);
  });

  it('refuses, with exit 2 and a sentence in both languages, what cannot be right', () => {
    // What is wrong in the arguments alone is found before any file is opened.
    expect(() => readArguments(['add', 'wang', '--role', 'liaison'])).toThrow(
      /单位联络员需要用 --unit/,
    );
    expect(() => readArguments(['add', 'wang', '--role', 'boss'])).toThrow(
      /--role must be one of viewer, liaison, planner, admin/,
    );
    expect(() => readArguments(['add', 'wang zhang', '--role', 'viewer'])).toThrow(
      /账号名不能含空格/,
    );
    expect(() => readArguments(['remove', 'wang'])).toThrow(/unknown command "remove"/);
    const short = user(['add', 'wang', '--role', 'viewer', '--password-stdin'], 'short\n');
    expect([short.status, short.err]).toEqual([2, expect.stringContaining('至少需要 10 个字符')]);
    const twice = user(
      ['add', 'li', '--role', 'viewer', '--password-stdin'],
      'long enough password\n',
    );
    expect([twice.status, twice.err]).toEqual([1, expect.stringContaining('账号 li 已存在')]);
  });

  it('disables an account and writes every change to the audit log', () => {
    expect(user(['disable', 'li']).status).toBe(0);
    expect(user(['list']).out).toContain('li\tplanner (规划人员)  [停用 disabled]');
    expect(user(['passwd', 'nobody', '--password-stdin'], 'long enough password\n').status).toBe(1);
    const log = new AuditLog(accountPaths({ GUATU_DATA_DIR: dataDir }).audit);
    expect(log.entries().map((e) => [e.action, e.target])).toEqual([
      ['add-account', 'zhang'],
      ['add-account', 'li'],
      ['disable-account', 'li'],
    ]);
    expect(log.verify()).toBeNull();
  });
});
