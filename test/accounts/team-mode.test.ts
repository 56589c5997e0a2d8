// guatu serves a network only in team mode: on any HOST but loopback it refuses to start until an
// account exists, and says, in Chinese and English, the command that makes one.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { SessionAnswer } from '../../contract/api/session.ts';
import {
  FIRST_ACCOUNT_COMMAND,
  isLoopback,
  refusalToServe,
} from '../../graph/api/accounts/team-mode.ts';
import { createApp } from '../../graph/api/app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the start check', () => {
  it('knows loopback addresses from network ones', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]']) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'guatu.example', 'fe80::1']) {
      expect(isLoopback(host), host).toBe(false);
    }
  });

  it('lets loopback run with no account, and any address with one', () => {
    expect(refusalToServe('127.0.0.1', 0)).toBeNull();
    expect(refusalToServe('localhost', 0)).toBeNull();
    expect(refusalToServe('0.0.0.0', 1)).toBeNull();
    expect(refusalToServe('192.168.1.20', 3)).toBeNull();
  });

  it('refuses a network address with no account, naming the command in both languages', () => {
    const refusal = refusalToServe('0.0.0.0', 0) ?? '';
    expect(refusal).toContain(FIRST_ACCOUNT_COMMAND);
    expect(FIRST_ACCOUNT_COMMAND).toBe('npm run user -- add NAME --role admin');
    expect(refusal).toMatch(/请先建立一个管理员账号/);
    expect(refusal).toMatch(/make an administrator first/);
    expect(refusal).toContain('0.0.0.0');
  });
});

describe('an app without an accounts store', () => {
  it('answers the session as local mode, the one planner an administrator', async () => {
    // No route here reads the database: the driver is never asked.
    const app = createApp({
      driver: {} as Driver,
      database: 'neo4j',
      queries: [],
      webRoot: null,
    });
    const answer = SessionAnswer.parse(await (await app.request('/api/session')).json());
    expect(answer).toEqual({
      mode: 'local',
      account: {
        name: 'local',
        role: 'admin',
        roleZh: '系统管理员',
        roleEn: 'Administrator',
        units: [],
      },
    });
    // Nor is there anything to sign in to.
    expect((await app.request('/api/accounts')).status).toBe(404);
  });
});

describe('npm start', () => {
  it('stops before Neo4j starts when HOST is a network address and no account exists', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'guatu-team-mode-'));
    try {
      const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'graph/cli/start.ts'], {
          cwd: ROOT,
          // NEO4J_URI set to nothing listening: had the check not stopped it, start would fail
          // differently (and without a JVM to wait for).
          env: {
            ...process.env,
            HOST: '0.0.0.0',
            GUATU_DATA_DIR: dataDir,
            NEO4J_URI: 'bolt://127.0.0.1:1',
            NEO4J_PASSWORD: 'unused',
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(FIRST_ACCOUNT_COMMAND);
      expect(outcome.stderr).toMatch(/请先建立一个管理员账号/);
      expect(outcome.stderr).not.toMatch(/Could not use Neo4j/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
