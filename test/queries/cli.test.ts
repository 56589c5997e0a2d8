// `npm run query` as a planner types it: the list, the three output formats on the seed plan,
// and the exit status and message for an unknown query or a missing or ill-typed parameter.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, it } from 'vitest';
import { ensureSeedLoaded } from '../../graph/load/seed.ts';
import { closeDriver, getDriver } from '../../graph/neo4j/database.ts';
import { displayWidth } from '../../graph/queries/format.ts';
import { queries } from '../../graph/queries/registry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PLAN = '武汉市-f64b89c6';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in a child process, against the Neo4j the test run uses (NEO4J_* env). */
function query(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    // Node with tsx's loader: node_modules/.bin/tsx would start a second Node process around it.
    execFile(
      process.execPath,
      ['--import', 'tsx', 'graph/cli/query.ts', ...args],
      { cwd: ROOT, env: process.env, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  // Other suites may load more plans beside the seed: every run below names its plan.
  await ensureSeedLoaded(getDriver());
  await closeDriver();
});

// Each test waits on its own child process: run side by side, they overlap their start-up.
describe.concurrent('npm run query', () => {
  it('--list prints one line per query with its purpose', async ({ expect }) => {
    const { code, stdout } = await query('--list');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(queries().length);
    for (const definition of queries()) {
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^${definition.name} +${definition.purpose.replace(/[()]/g, '\\$&')}$`),
        ),
      );
    }
  });

  it('prints an aligned table by default', async ({ expect }) => {
    const { code, stdout } = await query('unit-load', '--plan', PLAN, '--limit', '3');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^unit +leads +inferredLeads +supports +themesReached +load +collective +unitId$/,
    );
    expect(lines[1]).toMatch(/^─+( +─+)+$/);
    expect(lines.slice(2, 5).map((line) => line.split(/ {2,}/)[0])).toEqual([
      '市发改委',
      '市经信局',
      '市自然资源和规划局',
    ]);
    expect(lines[5]).toBe('(3 rows)');
    // Columns line up in terminal columns: "leads" ends where each count ends.
    const leadsEnd = displayWidth(
      lines[0]?.slice(0, (lines[0]?.indexOf('leads') ?? 0) + 'leads'.length) ?? '',
    );
    const row = lines[2] ?? '';
    expect(displayWidth(row.slice(0, row.indexOf('53') + 2))).toBe(leadsEnd);
  });

  it('prints a JSON array of rows', async ({ expect }) => {
    const { code, stdout } = await query(
      'theme-reach',
      '--plan',
      PLAN,
      '--param',
      'theme=二(一)',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatchObject({ themeRef: '二(一)', unit: '市科技局', leads: 3, supports: 0 });
  });

  it('prints CSV with a byte order mark for Excel', async ({ expect }) => {
    const { code, stdout } = await query('indicator-owners', '--plan', PLAN, '--format', 'csv');
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFFref,binding,indicator,target,leads,supports,itemId\r\n')).toBe(
      true,
    );
    const lines = stdout.split('\r\n');
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines).toContain(
      '一(二)2,false,全员劳动生产率增长年均大于7%,大于7%,市人社局、市发改委,市教育局、市科技局、市经信局,武汉市-f64b89c6/一(二)2',
    );
  });

  it('cuts a query without a limit of its own at --limit rows', async ({ expect }) => {
    const { code, stdout } = await query('single-owner-items', '--plan', PLAN, '--limit', '2');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('(2 rows, more not shown (raise --limit))');
  });

  it('exits 2 naming an unknown query', async ({ expect }) => {
    const { code, stdout, stderr } = await query('unit-lode');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('No query called "unit-lode". Known queries: brokers,');
  });

  it('exits 2 naming a missing parameter', async ({ expect }) => {
    const { code, stderr } = await query('unit-profile', '--plan', PLAN);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'unit-profile needs the parameter "unit": a string such as "市发改委"',
    );
  });

  it('exits 2 naming an ill-typed or unknown parameter', async ({ expect }) => {
    const wrong = await query('unit-load', '--plan', PLAN, '--param', 'includeCollectives=perhaps');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'parameter "includeCollectives" of unit-load must be a boolean such as false, not "perhaps"',
    );
    const unknown = await query('unit-load', '--plan', PLAN, '--param', 'top=3');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unit-load has no parameter "top"');
  });
});
