// The accounts file: kept apart from Neo4j, shared safely by the server and `npm run user`.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountError, AccountStore } from '../../graph/accounts/store.ts';
import { hashToken, newToken } from '../../graph/accounts/token.ts';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guatu-accounts-'));
  path = join(dir, 'accounts', 'accounts.sqlite');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const account = (name: string, role: 'viewer' | 'liaison' | 'planner' | 'admin' = 'planner') => ({
  name,
  role,
  units: role === 'liaison' ? ['市发改委'] : [],
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
});

describe('AccountStore', () => {
  it('creates an owner-only file and starts empty (local mode)', async () => {
    const store = await AccountStore.open(path);
    expect(store.count()).toBe(0);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    store.close();
  });

  it('adds, lists and refuses a second account of the same name', async () => {
    const store = await AccountStore.open(path);
    store.add(account('zhang', 'liaison'));
    store.add(account('li', 'viewer'));
    expect(store.accounts().map((a) => [a.name, a.role, a.units])).toEqual([
      ['li', 'viewer', []],
      ['zhang', 'liaison', ['市发改委']],
    ]);
    expect(() => store.add(account('zhang'))).toThrow(AccountError);
    expect(store.count()).toBe(2);
    store.close();
  });

  it('never lists the password hash', async () => {
    const store = await AccountStore.open(path);
    store.add(account('zhang'));
    expect(JSON.stringify(store.accounts())).not.toContain('argon2');
    expect(store.withHash('zhang')?.passwordHash).toMatch(/^\$argon2id\$/);
    store.close();
  });

  it('sees what another process wrote, and neither loses the other’s change', async () => {
    const server = await AccountStore.open(path);
    const cli = await AccountStore.open(path);
    server.add(account('a'));
    cli.add(account('b'));
    server.add(account('c'));
    expect(cli.accounts().map((a) => a.name)).toEqual(['a', 'b', 'c']);
    expect(server.accounts().map((a) => a.name)).toEqual(['a', 'b', 'c']);
    server.close();
    cli.close();
  });

  it('keeps sessions by token hash only, ends them on expiry, disable and password change', async () => {
    const store = await AccountStore.open(path);
    store.add(account('zhang'));
    const now = new Date('2026-12-07T08:00:00Z');
    const later = new Date('2026-12-07T20:00:00Z');
    const first = newToken();
    store.startSession('zhang', first.hash, later, now);
    expect(store.sessionAccount(hashToken(first.token), now)?.account.name).toBe('zhang');
    expect(
      store.sessionAccount(hashToken(first.token), new Date('2026-12-07T21:00:00Z')),
    ).toBeNull();
    // The token itself is nowhere in the file.
    expect((await readFile(path)).includes(Buffer.from(first.token))).toBe(false);

    store.setPassword('zhang', account('zhang').passwordHash, now);
    expect(store.sessionAccount(first.hash, now)).toBeNull();

    const second = newToken();
    store.startSession('zhang', second.hash, later, now);
    store.setDisabled('zhang', true, now);
    expect(store.sessionAccount(second.hash, now)).toBeNull();
    store.close();
  });

  it('refuses a changed account that does not exist', async () => {
    const store = await AccountStore.open(path);
    expect(() => store.setDisabled('nobody', true)).toThrow(/no account nobody/);
    store.close();
  });

  it('names the file when it is not an accounts file', async () => {
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'accounts'), { recursive: true });
    await writeFile(path, 'not sqlite at all, just text that is long enough to be a header');
    await expect(AccountStore.open(path)).rejects.toThrow(path);
  });
});
