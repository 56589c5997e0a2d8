// Zip containers are untrusted: bombs that admit their size and bombs that lie, too many entries,
// files cut short and bytes flipped at random. Each gives a coded issue quickly — or, when the
// damage misses everything that matters, the document — and never an exception.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  taskTableDocx,
  wordPackage,
  paragraph,
  NOTICE_NUMBERING,
} from '../../bench/inputs/docx.ts';
import { zipBombDocx } from '../../bench/inputs/zip-bomb.ts';
import { PlanModel } from '../../graph/model/plan.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { DEFAULT_LIMITS } from '../../graph/parse/read/blocks.ts';
import { readDocx } from '../../graph/parse/read/docx.ts';
import { READ_ISSUES } from '../../graph/parse/read/issues.ts';
import { unzip } from '../../graph/parse/read/zip.ts';
import { HANG_MS } from '../support/hang.ts';

const timed = <T>(work: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
};

describe('zip bombs', () => {
  it('refuses one that admits 1 GiB from the directory, before inflating', () => {
    const bomb = zipBombDocx({ sizes: 'true' });
    const { value, ms } = timed(() => unzip(bomb, DEFAULT_LIMITS, () => true));
    expect(value.ok ? 'ok' : value.issue.code).toBe('zip-too-large');
    expect(ms).toBeLessThan(HANG_MS);
  });

  it('refuses one that claims 4 KiB and inflates to 1 GiB, stopping as the bytes pass the cap', () => {
    const bomb = zipBombDocx({ sizes: 'lie' });
    expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
    const { value, ms } = timed(() => unzip(bomb, DEFAULT_LIMITS, () => true));
    expect(value.ok ? 'ok' : value.issue.code).toBe('zip-too-large');
    // ~30 ms on an idle machine (npm run fuzz measures it); here only that it ends.
    expect(ms).toBeLessThan(HANG_MS);
  });

  it('refuses many entries that lie, together past the cap', () => {
    // 1 MiB each: the first alone is no bomb; by the ratio or the cap, the whole is refused.
    const bomb = zipBombDocx({ entries: 300, inflated: 1024 * 1024, sizes: 'lie' });
    const { value, ms } = timed(() =>
      unzip(bomb, { ...DEFAULT_LIMITS, maxUnzippedBytes: 64 * 1024 * 1024 }, () => true),
    );
    expect(value.ok ? 'ok' : value.issue.code).toBe('zip-too-large');
    expect(ms).toBeLessThan(HANG_MS);
  });

  it('refuses through parseDocument with the planner-facing message', async () => {
    const started = performance.now();
    const model = await parseDocument(zipBombDocx({ sizes: 'lie' }), { name: 'bomb.docx' });
    expect(performance.now() - started).toBeLessThan(HANG_MS);
    expect(model.items).toEqual([]);
    expect(model.issues.map((i) => i.code)).toContain('zip-too-large');
    expect(model.issues.find((i) => i.code === 'zip-too-large')?.zh).toContain('解压后过大');
  });
});

describe('zip caps', () => {
  it('refuses more entries than maxZipEntries, from the directory', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= DEFAULT_LIMITS.maxZipEntries; i++)
      files[`word/media/${i}.xml`] = strToU8('x');
    files['word/document.xml'] = strToU8('<w:document/>');
    const result = unzip(zipSync(files, { level: 0 }), DEFAULT_LIMITS, () => true);
    expect(result.ok ? 'ok' : result.issue.code).toBe('zip-too-many-entries');
  });

  it('inflates only the entries asked for, and counts their real size', () => {
    const bytes = wordPackage({
      body: paragraph('正文'),
      extra: { 'word/media/big.bin': new Uint8Array(5_000_000) },
    });
    const result = unzip(bytes, { ...DEFAULT_LIMITS, maxUnzippedBytes: 1_000_000 }, (n) =>
      n.endsWith('.xml'),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.files.has('word/media/big.bin')).toBe(false);
      expect(result.names).toContain('word/media/big.bin');
    }
  });
});

describe('damaged Word files', () => {
  const original = wordPackage({
    numbering: NOTICE_NUMBERING,
    body: [
      paragraph('示例市重点工作任务分工方案'),
      paragraph('总体要求', { numId: 1, ilvl: 0 }),
      paragraph('1.实施产业链提升行动。（牵头单位：市工信局；责任单位：市发改委）'),
    ].join(''),
  });
  const known = new Set(Object.keys(READ_ISSUES));

  it.each([0.05, 0.3, 0.5, 0.8, 0.95, 0.99])(
    'cut at %s of its length: corrupt-file',
    async (share) => {
      const cut = original.subarray(0, Math.floor(original.length * share));
      const direct = await readDocx(cut, DEFAULT_LIMITS);
      expect(direct.issues.map((i) => i.code)).toEqual(['corrupt-file']);
      // The same file through detection: a cut-off .docx is still recognised and called corrupt.
      const model = await parseDocument(cut, { name: 'cut.docx' });
      expect(model.issues.map((i) => i.code)).toContain('corrupt-file');
    },
  );

  it('cut inside the directory at the end: corrupt-file', async () => {
    for (const drop of [1, 10, 22, 60]) {
      const cut = original.subarray(0, original.length - drop);
      expect((await readDocx(cut, DEFAULT_LIMITS)).issues.map((i) => i.code)).toEqual([
        'corrupt-file',
      ]);
    }
  });

  it('with random bytes changed (50 cases, fixed seed): an issue or blocks, never a throw', async () => {
    const bytes = taskTableDocx(30);
    let seed = 12;
    const random = () => {
      // mulberry32: small, seeded, the same sequence on every machine.
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const outcomes = new Map<string, number>();
    for (let n = 0; n < 50; n++) {
      const damaged = Uint8Array.from(bytes);
      const flips = 1 + Math.floor(random() * 16);
      for (let k = 0; k < flips; k++) {
        damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      }
      const started = performance.now();
      const read = await readDocx(damaged, DEFAULT_LIMITS);
      const model = await parseDocument(damaged, { name: `damaged-${n}.docx` });
      expect(performance.now() - started).toBeLessThan(HANG_MS);
      for (const issue of read.issues) expect(known.has(issue.code), issue.code).toBe(true);
      expect(read.blocks.length > 0 || read.issues.some((i) => i.severity === 'error')).toBe(true);
      expect(() => PlanModel.parse(JSON.parse(JSON.stringify(model)))).not.toThrow();
      const outcome = read.issues[0]?.code ?? 'read';
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // The damage must have been felt at least sometimes, or the test tests nothing.
    expect(outcomes.get('corrupt-file') ?? 0).toBeGreaterThan(0);
  });
});
