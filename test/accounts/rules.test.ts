// The one rule of who may write what, and the pieces around a login.
import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { may, ROLES, WRITES, type Actor } from '../../contract/accounts.ts';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { LoginThrottle } from '../../graph/accounts/login-limits.ts';
import {
  checkPasswordStrength,
  hashPassword,
  verifyPassword,
} from '../../graph/accounts/password.ts';
import { looksLikeToken, newToken } from '../../graph/accounts/token.ts';

describe('may', () => {
  const liaison: Actor = { role: 'liaison', units: ['市发改委'] };

  it('lets a liaison update progress only on items its units lead or support', () => {
    expect(may(liaison, 'update-progress', ['武汉市/市发改委', '武汉市/市财政局'])).toBe(true);
    expect(may(liaison, 'update-progress', ['武汉市/市财政局'])).toBe(false);
    expect(may(liaison, 'update-progress', ['武汉市/市发改委办'])).toBe(false);
    expect(may(liaison, 'edit-item', ['武汉市/市发改委'])).toBe(false);
  });

  it('gives a viewer no write, a planner all but accounts, an admin everything', () => {
    for (const write of WRITES) {
      expect(may({ role: 'viewer', units: [] }, write, ['x/y'])).toBe(false);
      expect(may({ role: 'admin', units: [] }, write)).toBe(true);
      expect(may({ role: 'planner', units: [] }, write)).toBe(
        write !== 'manage-accounts' && write !== 'read-audit',
      );
    }
  });

  it('never lets anyone but an admin manage accounts, whatever their units', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.array(fc.string()),
        fc.array(fc.string()),
        (role, units, itemUnits) =>
          may({ role, units }, 'manage-accounts', itemUnits) === (role === 'admin'),
      ),
    );
  });
});

describe('passwords', () => {
  it('are hashed with Argon2id, verified, and a wrong one or a non-hash is refused', async () => {
    const stored = await hashPassword('长江大桥 cross 2026');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, '长江大桥 cross 2026')).toBe(true);
    expect(await verifyPassword(stored, '长江大桥 cross 2027')).toBe(false);
    expect(await verifyPassword('plain-text', 'plain-text')).toBe(false);
  });

  it('must have at least ten characters (counted as a reader counts them)', () => {
    expect(() => checkPasswordStrength('短密码短密码短密码')).toThrow(/至少需要 10 个字符/);
    expect(() => checkPasswordStrength('十个字的中文密码好了')).not.toThrow();
  });
});

describe('session tokens', () => {
  it('are 256 random bits, and only their hash is kept', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newToken().token));
    expect(tokens.size).toBe(200);
    const { token, hash } = newToken();
    expect(looksLikeToken(token)).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(looksLikeToken('../../etc/passwd')).toBe(false);
  });
});

describe('LoginThrottle', () => {
  it('refuses an account after 5 failures in 15 minutes, and lets it in again after', () => {
    const throttle = new LoginThrottle();
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(throttle.waitFor('zhang', '127.0.0.1', t0 + i)).toBe(0);
      throttle.failed('zhang', '127.0.0.1', t0 + i);
    }
    expect(throttle.waitFor('zhang', '127.0.0.1', t0 + 10)).toBe(15 * 60_000 - 10);
    expect(throttle.waitFor('li', '127.0.0.2', t0 + 10)).toBe(0);
    expect(throttle.waitFor('zhang', '127.0.0.1', t0 + 15 * 60_000 + 5)).toBe(0);
  });

  it('limits one address trying many accounts', () => {
    const throttle = new LoginThrottle({ perAccount: 5, perAddress: 3, windowMs: 60_000 });
    for (const name of ['a', 'b', 'c']) throttle.failed(name, '10.0.0.9', 0);
    expect(throttle.waitFor('d', '10.0.0.9', 1)).toBeGreaterThan(0);
    expect(throttle.waitFor('d', '10.0.0.8', 1)).toBe(0);
  });
});

describe('AuditLog', () => {
  it('appends entries in a hash chain and finds a line changed afterwards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guatu-audit-'));
    try {
      const log = new AuditLog(join(dir, 'audit.log'));
      const base = { who: 'zhang', role: 'liaison', origin: null, address: '127.0.0.1' };
      await log.append({
        ...base,
        action: 'update-progress',
        target: 'p/一1',
        before: { status: '未启动' },
        after: { status: '推进中' },
      });
      await log.append({
        ...base,
        action: 'update-progress',
        target: 'p/一2',
        before: null,
        after: { status: '已完成' },
      });
      // A second writer (a new process) continues the chain where the file ends.
      await new AuditLog(join(dir, 'audit.log')).append({
        ...base,
        action: 'edit-item',
        target: 'p/一3',
        before: null,
        after: null,
      });
      // …and the first writer, which last wrote line 2, continues after line 3, not from 2.
      await log.append({
        ...base,
        action: 'edit-item',
        target: 'p/一4',
        before: null,
        after: null,
      });
      expect(log.entries().map((e) => [e.seq, e.target])).toEqual([
        [1, 'p/一1'],
        [2, 'p/一2'],
        [3, 'p/一3'],
        [4, 'p/一4'],
      ]);
      expect(log.verify()).toBeNull();
      await writeFile(
        join(dir, 'audit.log'),
        (await readFile(join(dir, 'audit.log'), 'utf8')).split('\n').slice(0, 3).join('\n') + '\n',
      );

      const text = await readFile(join(dir, 'audit.log'), 'utf8');
      await writeFile(join(dir, 'audit.log'), text.replace('已完成', '未启动'));
      expect(log.verify()).toEqual({ line: 2, reason: 'was changed after it was written' });
      const lines = text.trimEnd().split('\n');
      await writeFile(join(dir, 'audit.log'), `${[lines[0], lines[2]].join('\n')}\n`);
      expect(log.verify()).toEqual({ line: 2, reason: 'does not follow the line before' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes entries that arrive together in the order they were made, in one chain', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guatu-audit-'));
    try {
      const log = new AuditLog(join(dir, 'audit.log'));
      const targets = Array.from({ length: 60 }, (_, n) => `p/一${n + 1}`);
      const written = await Promise.all(
        targets.map((target) =>
          log.append({
            who: 'li',
            role: 'liaison',
            origin: null,
            address: null,
            action: 'update-progress',
            target,
            before: null,
            after: { status: '推进中' },
          }),
        ),
      );
      expect(written.map((entry) => entry.seq)).toEqual(targets.map((_, n) => n + 1));
      expect(log.entries().map((entry) => entry.target)).toEqual(targets);
      expect(log.verify()).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
