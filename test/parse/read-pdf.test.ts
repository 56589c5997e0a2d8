// The PDF reader on PDFs as planners get them (test/fixtures/pdf, printed by Chromium from the
// examples: see scripts/make-pdf-fixtures.ts): lines and paragraphs rebuilt from positions, a
// ruled table with merged cells running over two pages, Chinese in CID fonts, and files it
// cannot read — a scan, a locked file, truncated and damaged bytes — each with its issue.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanModel } from '../../graph/model/plan.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { DEFAULT_LIMITS, type ReadResult, type RowBlock } from '../../graph/parse/read/blocks.ts';
import { READ_ISSUES } from '../../graph/parse/read/issues.ts';
import { readPdf } from '../../graph/parse/read/pdf.ts';
import { HANG_MS } from '../support/hang.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const pdf = (name: string) => readFileSync(path.join(fixtures, 'pdf', name));
const example = (name: string) => readFileSync(path.join(fixtures, 'examples', name));

const shape = (model: PlanModel) =>
  model.items.map((i) => ({
    ref: i.ref,
    kind: i.kind,
    title: i.title,
    units: i.units.map((u) => [u.name, u.role, u.edge]),
  }));

describe('a notice in outline shape (example 05 printed)', () => {
  let read: ReadResult;
  beforeAll(async () => {
    read = await readPdf(pdf('outline.pdf'), DEFAULT_LIMITS);
  });

  it('gives the same items as its text twin', async () => {
    const fromPdf = await parseDocument(pdf('outline.pdf'), { name: 'outline.pdf' });
    const fromText = await parseDocument(example('05-nested-headings-participating.txt'));
    const items = shape(fromPdf);
    expect(items.length).toBeGreaterThan(8);
    expect(items).toEqual(shape(fromText));
    expect(fromPdf.plan.title).toBe('示例市“十四五”生态环境保护规划重点任务分工方案');
  });

  it('joins wrapped lines into their paragraph, with no space in Chinese', () => {
    const texts = read.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(texts).toContain(
      '1.细颗粒物(PM2.5)年均浓度降至30微克/立方米以下。(牵头单位:市生态环境局;' +
        '责任单位:市发改委、市工信局、市交通运输局,各区人民政府)',
    );
    // The centred title wraps onto a second line and stays one paragraph.
    expect(texts[0]).toBe('示例市“十四五”生态环境保护规划重点任务分工方案');
    // Headings are short lines: each its own paragraph.
    expect(texts.slice(1, 3)).toEqual(['一、主要指标', '(一)约束性指标']);
  });

  it('drops the running head and the page numbers', () => {
    const all = read.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');
    expect(all).not.toContain('示例市人民政府办公室文件');
    expect(all).not.toMatch(/—\s*\d\s*—/);
    expect(read.issues.map((i) => i.code)).toEqual(['part-ignored']);
  });

  it('places each paragraph by page and line', () => {
    const first = read.blocks[0];
    expect(first?.source).toEqual({ format: 'pdf', page: 1, line: 2 });
    const last = read.blocks[read.blocks.length - 1];
    expect(last?.source.page).toBe(2);
    expect(last?.kind === 'paragraph' && last.text).toBe(
      '(一)加强组织领导。各单位要高度重视,认真抓好落实。',
    );
  });
});

describe('a ruled table over two pages (example 06 printed)', () => {
  let rows: RowBlock[];
  beforeAll(async () => {
    const read = await readPdf(pdf('table.pdf'), DEFAULT_LIMITS);
    rows = read.blocks.filter((b): b is RowBlock => b.kind === 'row');
  });
  const cells = (row: RowBlock | undefined) => row?.cells.map((c) => c.text);

  it('reads the header once, though each page repeats it, and keeps one table', () => {
    expect(cells(rows[0])).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    expect(rows.filter((r) => r.cells[0]?.text === '序号')).toHaveLength(1);
    expect(new Set(rows.map((r) => r.table))).toEqual(new Set([1]));
    expect(rows).toHaveLength(16);
    expect(rows.map((r) => r.source.row)).toEqual(rows.map((_, i) => i + 1));
  });

  it('reads section rows as one cell spanning the table', () => {
    const sections = rows.filter((r) => r.cells.length === 1);
    expect(sections.map((r) => [r.cells[0]?.text, r.cells[0]?.span])).toEqual([
      ['一、推动经济高质量发展', 5],
      ['二、深化改革扩大开放', 5],
      ['三、持续保障和改善民生', 5],
    ]);
  });

  it('applies a lead cell drawn once over three rows to each of them', () => {
    const byNumber = (n: string) => rows.find((r) => r.cells[0]?.text === n);
    expect(byNumber('2')?.cells[2]).toEqual({ text: '市发改委', span: 1, merged: false });
    expect(byNumber('3')?.cells[2]).toEqual({ text: '市发改委', span: 1, merged: true });
    expect(byNumber('4')?.cells[2]).toEqual({ text: '市发改委', span: 1, merged: true });
    expect(byNumber('8')?.cells[2]).toEqual({ text: '市商务局', span: 1, merged: true });
  });

  it('joins a cell wrapped over lines, and keeps lines that are separate units apart', () => {
    const byNumber = (n: string) => cells(rows.find((r) => r.cells[0]?.text === n));
    expect(byNumber('2')).toEqual([
      '2',
      '推进重大项目“季度集中开工”，全年固定资产投资增长8%以上。',
      '市发改委',
      '市财政局、市自然资源和规划局、市住建局',
      '每季度',
    ]);
    expect(byNumber('5')?.[3]).toBe(
      '市直各有关部门\n各区人民政府（含示例经开区、示例新区管委会，下同）',
    );
    expect(byNumber('10')?.[2]).toBe('市住建局\n市自然资源和规划局');
  });

  it('places rows on the page where they are printed', () => {
    const five = rows.find((r) => r.cells[0]?.text === '5');
    expect(five?.source).toMatchObject({ format: 'pdf', page: 2, table: 1, row: 8 });
    expect(five?.source.line).toBeGreaterThan(1);
  });

  it("gives, through the table layout, example 06's items", async () => {
    const expected = JSON.parse(example('06-table-word.expected.json').toString('utf8')) as {
      items: {
        ref: string;
        title: string;
        deadline?: string;
        section?: string;
        units: { name: string; role: string; edge: string }[];
      }[];
    };
    const model = await parseDocument(pdf('table.pdf'), { name: 'table.pdf' });
    const got = new Map(model.items.map((i) => [i.ref, i]));
    for (const want of expected.items) {
      const item = got.get(want.ref);
      expect(item, want.ref).toBeDefined();
      expect(item?.title).toBe(want.title);
      expect(item?.deadline).toBe(want.deadline);
      expect(item?.section).toBe(want.section);
      expect(item?.units.map((u) => ({ name: u.name, role: u.role, edge: u.edge }))).toEqual(
        want.units,
      );
    }
    expect(model.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
});

describe('fonts and locks', () => {
  it('decodes Chinese in a font the file does not embed (UniGB-UCS2-H CMap)', async () => {
    const read = await readPdf(pdf('cid-ucs2.pdf'), DEFAULT_LIMITS);
    expect(read.issues).toEqual([]);
    expect(read.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      '示例市数字政府建设任务分工',
      '1.推进政务数据共享。',
      '牵头单位：市政务服务局；配合单位：市大数据中心',
    ]);
  });

  it('decodes the embedded CID fonts Chromium writes', async () => {
    const read = await readPdf(pdf('table.pdf'), DEFAULT_LIMITS);
    const text = read.blocks.map((b) =>
      b.kind === 'paragraph' ? b.text : b.cells.map((c) => c.text).join(' '),
    );
    expect(text.join('\n')).toContain('牵头单位');
  });

  it('refuses a file locked with a password', async () => {
    const read = await readPdf(pdf('encrypted.pdf'), DEFAULT_LIMITS);
    expect(read.blocks).toEqual([]);
    expect(read.issues.map((i) => i.code)).toEqual(['encrypted-file']);
  });

  it('reads a file whose owner password only limits printing and copying', async () => {
    const read = await readPdf(pdf('owner-locked.pdf'), DEFAULT_LIMITS);
    expect(read.blocks.map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      'Task division: lead unit and supporting units.',
    ]);
  });
});

describe('files it cannot read', () => {
  it('says a scan has no text layer, and reads nothing from it', async () => {
    const read = await readPdf(pdf('scan.pdf'), DEFAULT_LIMITS);
    expect(read.blocks).toEqual([]);
    expect(read.issues.map((i) => [i.code, i.severity])).toEqual([['no-text-layer', 'error']]);
    expect(read.issues[0]?.message).toContain('the pages are images');
    const model = await parseDocument(pdf('scan.pdf'), { name: 'scan.pdf' });
    expect(model.items).toEqual([]);
    expect(model.issues.map((i) => i.code)).toContain('no-text-layer');
  });

  it('refuses more pages than the limit', async () => {
    const read = await readPdf(pdf('table.pdf'), { ...DEFAULT_LIMITS, maxPages: 2 });
    expect(read.blocks).toEqual([]);
    expect(read.issues.map((i) => i.code)).toEqual(['too-many-pages']);
    expect(read.issues[0]?.message).toContain('3 pages, the limit is 2');
  });

  it('says a truncated file is damaged or corrupt', async () => {
    const bytes = pdf('table.pdf');
    const read = await readPdf(bytes.subarray(0, bytes.length >> 1), DEFAULT_LIMITS);
    const codes = read.issues.map((i) => i.code);
    expect(codes.some((c) => c === 'file-damaged' || c === 'corrupt-file')).toBe(true);
  });

  it('says a file that is not a PDF inside is corrupt', async () => {
    const read = await readPdf(Buffer.from('%PDF-1.7\n1 0 obj << >>\n'), DEFAULT_LIMITS);
    expect(read.blocks).toEqual([]);
    expect(read.issues.map((i) => i.code)).toEqual(['corrupt-file']);
  });

  it('answers every damaged variant without hanging, with blocks or a coded issue, never a throw', async () => {
    const original = pdf('outline.pdf');
    await readPdf(original, DEFAULT_LIMITS); // the PDF.js thread is up before timing starts
    let seed = 20240612;
    const random = () => {
      // mulberry32: a fixed sequence, so a failure can be replayed.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const known = new Set(Object.keys(READ_ISSUES));
    for (let n = 0; n < 30; n++) {
      const bytes = new Uint8Array(original);
      if (n % 5 === 4) {
        // Cut anywhere.
        const cut = Math.floor(random() * bytes.length);
        await check(bytes.subarray(0, cut), `cut at ${cut}`);
        continue;
      }
      const changes = 1 + Math.floor(random() * 16);
      for (let k = 0; k < changes; k++) {
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      await check(bytes, `mutation ${n}`);
    }

    async function check(bytes: Uint8Array, what: string) {
      const started = performance.now();
      const read = await readPdf(bytes, DEFAULT_LIMITS);
      expect(performance.now() - started, what).toBeLessThan(HANG_MS);
      for (const issue of read.issues) expect(known.has(issue.code), issue.code).toBe(true);
      const refused = read.issues.some((i) => i.severity === 'error');
      expect(read.blocks.length > 0 || refused, what).toBe(true);
    }
  }, 120_000);
});
