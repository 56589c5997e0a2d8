// npm run parse: the command as a user runs it, in a child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PlanModel } from '../../graph/model/plan.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seed = path.join(repoRoot, 'seeds', 'wuhan-14th-fyp-task-division.txt');

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Node with tsx's loader: node_modules/.bin/tsx would start a second Node process around it.
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'graph', 'cli', 'parse.ts'), ...args],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const scratch = mkdtempSync(path.join(tmpdir(), 'guatu-parse-'));

describe('npm run parse', () => {
  it('summarises the seed and exits 0', async () => {
    const { code, stdout } = await run(seed);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
    );
    expect(stdout).toContain('indicators  20 (8 binding, 12 expected');
    expect(stdout).toContain('projects    91 (23 major, 68 sub-items, 2 delegated)');
    expect(stdout).toContain('edges         704: 376 LEADS (111 inferred');
    expect(stdout).toContain('units         70 distinct (6 collective)');
    expect(stdout).toMatch(
      /各区人民政府.*\[collective; members: 东湖高新区、武汉经开区、东湖风景区、长江新城管委会\]/,
    );
    expect(stdout).toMatch(/line 426 +info +page-noise/);
  });

  it('prints the model with --json', async () => {
    const { code, stdout } = await run('--json', seed);
    expect(code).toBe(0);
    const model = PlanModel.parse(JSON.parse(stdout));
    expect(model.items).toHaveLength(185);
    expect(Object.keys(JSON.parse(stdout))).toEqual([
      'plan',
      'source',
      'items',
      'units',
      'documents',
      'issues',
    ]);
  });

  it('reads a Word file, told from its bytes whatever its name', async () => {
    const file = path.join(scratch, 'notice.txt');
    writeFileSync(
      file,
      readFileSync(new URL('../fixtures/examples/06-table-word.docx', import.meta.url)),
    );
    const { code, stdout } = await run('--json', file);
    expect(code).toBe(0);
    const model = PlanModel.parse(JSON.parse(stdout));
    expect(model.source).toMatchObject({ format: 'docx', name: file });
    expect(model.items.find((i) => i.ref === '1')?.source).toMatchObject({
      format: 'docx',
      table: 1,
    });
  });

  it('exits 1 when the document has errors', async () => {
    const file = path.join(scratch, 'broken.txt');
    writeFileSync(file, '示例市方案\n\n一、重点任务\n\n1.工作。(牵头单位:;责任单位:市人社局)\n');
    const { code, stdout } = await run(file);
    expect(code).toBe(1);
    expect(stdout).toMatch(/line 5 +error +empty-role/);
  });

  it('exits 1 naming a file it cannot read', async () => {
    const { code, stderr } = await run(path.join(scratch, 'missing.txt'));
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot read ${path.join(scratch, 'missing.txt')}`);
  });

  it('exits 1 on binary data', async () => {
    const file = path.join(scratch, 'binary.bin');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const { code, stdout } = await run(file);
    expect(code).toBe(1);
    expect(stdout).toContain('binary-data');
  });

  it('exits 2 with a usage line on wrong usage', async () => {
    for (const args of [[], ['--yaml', seed], [seed, seed]]) {
      const { code, stderr } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('usage: npm run parse -- FILE [--json]');
    }
  });
});
