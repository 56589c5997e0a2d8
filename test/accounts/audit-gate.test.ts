// The gate holds a write's answer until its audit line is on disk, and turns the answer into an
// error when the line cannot be written (the sync runs off the event loop: graph/accounts/audit.ts).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { LoginThrottle } from '../../graph/accounts/login-limits.ts';
import { AccountStore } from '../../graph/accounts/store.ts';
import { accountsGate, recordWrite } from '../../graph/api/accounts/gate.ts';
import { onError } from '../../graph/api/http-error.ts';

let dir: string;
let store: AccountStore;

function appWith(audit: AuditLog): Hono {
  const app = new Hono();
  app.onError(onError);
  app.use('/api/*', accountsGate({ store, audit, throttle: new LoginThrottle() }));
  app.post('/api/items/:id/progress', (c) => {
    recordWrite(c, {
      action: 'update-progress',
      target: c.req.param('id'),
      before: null,
      after: { status: 'in-progress' },
    });
    return c.json({ ok: true }, 201);
  });
  return app;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guatu-audit-gate-'));
  store = await AccountStore.open(join(dir, 'accounts.sqlite'));
});
afterAll(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the accounts gate and the audit log', () => {
  it('answers a write only once its line is on disk', async () => {
    const path = join(dir, 'audit.log');
    const app = appWith(new AuditLog(path));
    const answers = await Promise.all(
      ['p/一1', 'p/一2', 'p/一3'].map((id) =>
        app.request(`/api/items/${encodeURIComponent(id)}/progress`, { method: 'POST' }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    // Read at once, before anything else could finish a write still under way.
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { target: string }).target).sort()).toEqual([
      'p/一1',
      'p/一2',
      'p/一3',
    ]);
  });

  it('answers 500, not 201, when the line cannot be written', async () => {
    // A file where the log's folder should be: the append fails.
    const blocked = join(dir, 'not-a-folder');
    await writeFile(blocked, '');
    const app = appWith(new AuditLog(join(blocked, 'audit.log')));
    const answer = await app.request('/api/items/p%2F%E4%B8%801/progress', { method: 'POST' });
    expect(answer.status).toBe(500);
  });
});
