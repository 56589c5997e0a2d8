// The CSV reader: records → rows of one table, each at the line it starts on, whatever the
// encoding (UTF-8 with a BOM, GB18030 as Excel saves on Chinese Windows) and delimiter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { DEFAULT_LIMITS, type ReadResult, type RowBlock } from '../../graph/parse/read/blocks.ts';
import { readCsv } from '../../graph/parse/read/csv.ts';
import { MAX_CELL_CHARS } from '../../graph/parse/read/sheet/grid.ts';
import { sniffDelimiter } from '../../graph/parse/read/sheet/delimiter.ts';

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'csv',
);
const utf8 = readFileSync(path.join(fixtures, 'ledger.utf8-bom.csv'));
const gb18030 = readFileSync(path.join(fixtures, 'ledger.gb18030.csv'));

const read = (input: string | Uint8Array, limits = DEFAULT_LIMITS) =>
  readCsv(typeof input === 'string' ? new TextEncoder().encode(input) : input, limits);
const rows = (result: ReadResult) => result.blocks as RowBlock[];
const texts = (result: ReadResult) => rows(result).map((b) => b.cells.map((c) => c.text));
const lines = (result: ReadResult) => rows(result).map((b) => b.source.line);

describe('a ledger saved as CSV', () => {
  it('reads the same rows from UTF-8 with a BOM and from GB18030', async () => {
    const fromUtf8 = await read(utf8);
    const fromGb = await read(gb18030);
    expect(fromUtf8.encoding).toBe('utf-8');
    expect(fromGb.encoding).toBe('gb18030');
    expect(texts(fromGb)).toEqual(texts(fromUtf8));
    expect(rows(fromGb).map((b) => b.source)).toEqual(rows(fromUtf8).map((b) => b.source));
    // No BOM left on the first cell.
    expect(texts(fromUtf8)[0]?.[0]).toBe('示例市2023年市政府重点工作督办台账');
  });

  it('gives each record at the line it starts on; blank records are left out', async () => {
    const result = await read(utf8);
    // Lines 6–8 are one record (a quoted cell of three lines); line 10 is ",,,,,,,".
    expect(lines(result)).toEqual([1, 2, 3, 4, 5, 6, 9, 11]);
    expect(rows(result)[6]?.source).toEqual({ format: 'csv', line: 9, table: 1, row: 7 });
  });

  it('keeps a quoted cell’s line breaks, commas and doubled quotes, and an empty cell in place', async () => {
    const result = await read(utf8);
    const byNumber = (n: string) => texts(result).find((r) => r[0] === n);
    expect(byNumber('3')?.[4]).toBe('市自然资源和规划局\n市住建局\n市财政局');
    expect(byNumber('3')?.[6]).toBe('5所幼儿园均已竣工验收,9月如期开园。');
    expect(byNumber('4')?.slice(2, 5)).toEqual(['常务副市长', '', '市税务局、市财政局']);
    expect(byNumber('4')?.[6]).toBe('前三季度累计新增减税降费及退税缓费"18.6亿元"。');
  });

  it('drops the empty fields Excel writes after a title, and keeps ragged rows as they are', async () => {
    const result = await read(utf8);
    expect(rows(result)[0]?.cells).toEqual([
      { text: '示例市2023年市政府重点工作督办台账', span: 1, merged: false },
    ]);
    expect(texts(result)[1]).toEqual([
      '填报单位：市政府督查室',
      '',
      '',
      '',
      '统计截至：2023年9月30日',
    ]);
    expect(texts(result)[2]).toHaveLength(8);
    expect(texts(result).at(-1)).toEqual(['备注：进展情况由各牵头单位于每月25日前报送。']);
  });

  it('comes through the whole pipeline as a csv document with its lines', async () => {
    const model = await parseDocument(gb18030, { name: 'ledger.csv' });
    expect(model.source?.format).toBe('csv');
    expect(model.source?.encoding).toBe('gb18030');
    const first = model.items.find((i) => i.title.startsWith('实施科技型企业培育工程'));
    expect(first?.source).toMatchObject({ format: 'csv', line: 4 });
    expect(first?.units.map((u) => u.name)).toEqual(['市科技局', '市财政局', '市税务局']);
  });
});

describe('delimiters and broken quoting', () => {
  const table = [
    ['序号', '重点任务', '牵头单位', '配合单位'],
    ['1', '推进数字政府建设, 提升政务服务', '市数据局', '市财政局'],
    ['2', '优化营商环境', '市发改委', '市市场监管局'],
  ];

  it.each([
    ['comma', ','],
    ['tab', '\t'],
    ['semicolon', ';'],
  ])('sniffs a %s delimiter', async (_name, delimiter) => {
    const text = table
      .map((r) => r.map((c) => (c.includes(delimiter) ? `"${c}"` : c)).join(delimiter))
      .join('\r\n');
    expect(sniffDelimiter(text)).toBe(delimiter);
    expect(texts(await read(text))).toEqual(table);
  });

  it('is not misled by half-width punctuation inside Chinese text', () => {
    const text = [
      '序号,重点任务,牵头单位,配合单位',
      '1,推进A;完善B,市数据局,市财政局',
      '2,优化营商环境,市发改委,市市场监管局;市税务局',
    ].join('\n');
    expect(sniffDelimiter(text)).toBe(',');
  });

  it('follows an Excel "sep=" line and counts it as a line', async () => {
    const result = await read('sep=;\n序号;重点任务;牵头单位\n1;推进A,B;市数据局\n');
    expect(texts(result)).toEqual([
      ['序号', '重点任务', '牵头单位'],
      ['1', '推进A,B', '市数据局'],
    ]);
    expect(lines(result)).toEqual([2, 3]);
  });

  it('reads on past an unclosed quote, line by line, with a warning at its line', async () => {
    const result = await read(
      '序号,任务,牵头单位\n1,"推进A,市数据局\n2,推进B,市发改委\n3,推进C,市科技局\n',
    );
    expect(texts(result)).toEqual([
      ['序号', '任务', '牵头单位'],
      ['1', '"推进A', '市数据局'],
      ['2', '推进B', '市发改委'],
      ['3', '推进C', '市科技局'],
    ]);
    expect(lines(result)).toEqual([1, 2, 3, 4]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'bad-quote',
        severity: 'warning',
        source: { format: 'csv', line: 2 },
      }),
    ]);
  });

  it('keeps a stray quote inside a field as printed', async () => {
    const result = await read('序号,任务,牵头单位\n1,推进"智慧城市"建设,市数据局\n');
    expect(texts(result)[1]).toEqual(['1', '推进"智慧城市"建设', '市数据局']);
    expect(result.issues).toEqual([]);
  });
});

describe('limits', () => {
  it('stops at limits.maxBlocks rows and says so', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `${i + 1},任务${i + 1},市数据局`).join('\n');
    const result = await read(text, { ...DEFAULT_LIMITS, maxBlocks: 10 });
    expect(result.blocks).toHaveLength(10);
    expect(result.issues.map((i) => i.code)).toEqual(['too-many-blocks']);
  });

  it('cuts a 10 MB field, with a warning at its line', async () => {
    // Quoted: csv-parse takes some seconds per 10 MB over an unquoted field, fine for a file
    // but not for every run of the suite.
    const text = `序号,任务,进展情况\n1,推进A,"${'进'.repeat(10 * 1024 * 1024)}"\n2,推进B,已完成\n`;
    const result = await read(text);
    expect(rows(result)[1]?.cells[2]?.text).toHaveLength(MAX_CELL_CHARS);
    expect(texts(result)[2]).toEqual(['2', '推进B', '已完成']);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'cell-too-long',
        source: expect.objectContaining({ line: 2 }) as unknown,
      }),
    ]);
  });
});
