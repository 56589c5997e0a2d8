// The Excel reader: every sheet's rows as the sheet displays them, merged ranges resolved, notes
// and hidden sheets left out with an issue, and any broken file answered with a coded issue.
// Workbooks beyond example 07 are built here with ExcelJS's writer, so each shape is visible in
// the test that needs it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ledgerXlsx } from '../../bench/inputs/xlsx.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import {
  DEFAULT_LIMITS,
  type ReadResult,
  type RowBlock,
  type RowCell,
} from '../../graph/parse/read/blocks.ts';
import { READ_ISSUES } from '../../graph/parse/read/issues.ts';
import { MAX_CELL_CHARS } from '../../graph/parse/read/sheet/grid.ts';
import { readXlsx } from '../../graph/parse/read/xlsx.ts';
import { HANG_MS } from '../support/hang.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const ledger = readFileSync(path.join(fixtures, 'examples', '07-ledger.xlsx'));

const read = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => readXlsx(bytes, limits);
const rows = (result: ReadResult) => result.blocks as RowBlock[];
const texts = (row: RowBlock | undefined) => row?.cells.map((c) => c.text);
const rowAt = (result: ReadResult, sheet: string, row: number) =>
  rows(result).find((b) => b.source.sheet === sheet && b.source.row === row);

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Rewrites one part of a zip container: for shapes ExcelJS's writer cannot produce. */
function rewrite(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const part = files[name];
  if (!part) throw new Error(`no ${name}`);
  files[name] = strToU8(edit(strFromU8(part)));
  return zipSync(files, { level: 1 });
}

describe('example 07, a 督办台账', () => {
  it('gives every row of the ledger sheet, title and 填报单位 rows included', async () => {
    const result = await read(ledger);
    expect(result.format).toBe('xlsx');
    expect(rows(result).map((b) => b.source.row)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
    expect(rows(result).every((b) => b.table === 1 && b.source.sheet === '督办台账')).toBe(true);
    expect(rows(result)[3]?.source).toEqual({
      format: 'xlsx',
      sheet: '督办台账',
      cell: 'A4',
      table: 1,
      row: 4,
    });
    expect(texts(rowAt(result, '督办台账', 3))).toEqual([
      '序号',
      '工作任务',
      '责任领导',
      '牵头单位',
      '责任单位',
      '完成时限',
      '进展情况',
      '状态',
    ]);
  });

  it('resolves the merged title (A1:H1), the 填报单位 row (A2:D2, E2:H2) and the 备注 row', async () => {
    const result = await read(ledger);
    expect(rowAt(result, '督办台账', 1)?.cells).toEqual([
      { text: '示例市2023年市政府重点工作督办台账', span: 8, merged: false },
    ]);
    expect(rowAt(result, '督办台账', 2)?.cells).toEqual([
      { text: '填报单位：市政府督查室', span: 4, merged: false },
      { text: '统计截至：2023年9月30日', span: 4, merged: false },
    ]);
    expect(rowAt(result, '督办台账', 15)?.cells).toHaveLength(1);
    expect(rowAt(result, '督办台账', 15)?.cells[0]?.span).toBe(8);
  });

  it('carries 牵头单位 merged down D5:D6 into row 6, and keeps the empty D13 empty', async () => {
    const result = await read(ledger);
    expect(rowAt(result, '督办台账', 5)?.cells[3]).toEqual({
      text: '市住建局',
      span: 1,
      merged: false,
    });
    expect(rowAt(result, '督办台账', 6)?.cells[3]).toEqual({
      text: '市住建局',
      span: 1,
      merged: true,
    });
    // Not merged: the 责任单位 own item 10. Its later cells stay in their columns.
    const row13 = rowAt(result, '督办台账', 13);
    expect(row13?.cells[3]).toEqual({ text: '', span: 1, merged: false });
    expect(texts(row13)?.slice(4, 6)).toEqual(['市税务局、市财政局', '长期坚持']);
  });

  it('shows the date in H-column style as Excel does, and keeps a cell’s three lines', async () => {
    const result = await read(ledger);
    expect(rowAt(result, '督办台账', 10)?.cells[5]?.text).toBe('2023年6月30日');
    expect(rowAt(result, '督办台账', 7)?.cells[4]?.text).toBe(
      '市自然资源和规划局\n市住建局\n市财政局',
    );
    expect(rowAt(result, '督办台账', 4)?.cells[0]?.text).toBe('1');
  });

  it('skips the 说明 sheet with an info issue', async () => {
    const result = await read(ledger);
    expect(rows(result).some((b) => b.source.sheet === '说明')).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      code: 'sheet-skipped',
      severity: 'info',
      source: { format: 'xlsx', sheet: '说明' },
    });
    expect(result.issues[0]?.message).toContain('说明');
  });

  it('places the items of the whole pipeline at their sheet and cell', async () => {
    const model = await parseDocument(ledger, { name: '07-ledger.xlsx' });
    const first = model.items.find((i) => i.ref === '1');
    expect(first?.source).toMatchObject({ format: 'xlsx', sheet: '督办台账', cell: 'A4', row: 4 });
    expect(model.items.find((i) => i.ref === '3')?.units.map((u) => u.name)).toContain('市住建局');
  });
});

describe('workbooks of the genre', () => {
  it('finds no header: gives the rows above it too, from the first used column', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('台账');
      sheet.getCell('B1').value = '2024年重点任务推进情况表';
      sheet.mergeCells('B1:F1');
      sheet.getCell('B2').value = '填报单位：市政府办公室';
      // Row 3 blank, row 4 a note, the header on row 5; column A left empty as a margin.
      sheet.getCell('B4').value = '（按季度更新）';
      const fromB = (row: number, values: (string | number)[]) =>
        values.forEach((value, i) => (sheet.getCell(row, i + 2).value = value));
      fromB(5, ['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
      fromB(6, [1, '推进数字政府建设', '市数据局', '市财政局', '2024年底']);
      // Trailing columns left empty but styled, as a copied template leaves them.
      sheet.getCell('H6').numFmt = '@';
      sheet.getCell('K20').border = { top: { style: 'thin' } };
    });
    const result = await read(bytes);
    expect(rows(result).map((b) => [b.source.row, b.source.cell])).toEqual([
      [1, 'B1'],
      [2, 'B2'],
      [4, 'B4'],
      [5, 'B5'],
      [6, 'B6'],
    ]);
    expect(rows(result)[0]?.cells).toEqual([
      { text: '2024年重点任务推进情况表', span: 5, merged: false },
    ]);
    expect(texts(rows(result)[3])).toEqual([
      '序号',
      '重点任务',
      '牵头单位',
      '配合单位',
      '完成时限',
    ]);
    expect(texts(rows(result)[4])).toEqual([
      '1',
      '推进数字政府建设',
      '市数据局',
      '市财政局',
      '2024年底',
    ]);
  });

  it('gives a section row merged across the table as one spanning cell', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('任务');
      sheet.addRow(['序号', '重点任务', '牵头单位', '配合单位']);
      sheet.addRow(['一、推动经济高质量发展']);
      sheet.mergeCells('A2:D2');
      sheet.addRow([1, '培育新兴产业', '市发改委', '市科技局']);
      // A section written in column A without a merge: one cell too, once the empties go.
      sheet.addRow(['二、保障和改善民生']);
      sheet.addRow([2, '办好民生实事', '市民政局', '']);
    });
    const result = await read(bytes);
    expect(rows(result)[1]?.cells).toEqual([
      { text: '一、推动经济高质量发展', span: 4, merged: false },
    ]);
    expect(rows(result)[3]?.cells).toEqual([
      { text: '二、保障和改善民生', span: 1, merged: false },
    ]);
    expect(texts(rows(result)[4])).toEqual(['2', '办好民生实事', '市民政局']);
  });

  it('carries a 牵头单位 merged over three rows into each of them', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('任务');
      sheet.addRow(['序号', '重点任务', '牵头单位', '配合单位']);
      sheet.addRow([1, '任务甲', '市发改委', '市财政局']);
      sheet.addRow([2, '任务乙', null, '市统计局']);
      sheet.addRow([3, '任务丙', null, '市商务局']);
      sheet.addRow([4, '任务丁', '市科技局', '市财政局']);
      sheet.mergeCells('C2:C4');
    });
    const result = await read(bytes);
    expect(
      rows(result)
        .slice(1)
        .map((r) => r.cells[2]),
    ).toEqual([
      { text: '市发改委', span: 1, merged: false },
      { text: '市发改委', span: 1, merged: true },
      { text: '市发改委', span: 1, merged: true },
      { text: '市科技局', span: 1, merged: false },
    ]);
  });

  it('carries a block merged over columns and rows as one spanning cell in each row', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('任务');
      sheet.addRow(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
      sheet.addRow([1, '任务甲', '市发改委、市财政局', null, '2024年']);
      sheet.addRow([2, '任务乙', null, null, '2025年']);
      sheet.mergeCells('C2:D3');
    });
    const result = await read(bytes);
    expect(rows(result)[1]?.cells.slice(2)).toEqual([
      { text: '市发改委、市财政局', span: 2, merged: false },
      { text: '2024年', span: 1, merged: false },
    ]);
    expect(rows(result)[2]?.cells.slice(2)).toEqual([
      { text: '市发改委、市财政局', span: 2, merged: true },
      { text: '2025年', span: 1, merged: false },
    ]);
  });

  it('shows a date of a 1904-system workbook as the same day Excel shows', async () => {
    const bytes = await workbook((book) => {
      book.properties.date1904 = true;
      const sheet = book.addWorksheet('台账');
      sheet.addRow(['任务', '牵头单位', '完成时限']);
      sheet.addRow(['任务甲', '市发改委', new Date(Date.UTC(2023, 5, 30))]);
      sheet.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
    });
    // The file really counts from 1904: 2023-06-30 is serial 43645 there, 45107 from 1900.
    const files = unzipSync(bytes);
    expect(strFromU8(files['xl/workbook.xml'] as Uint8Array)).toContain('date1904="1"');
    expect(strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array)).toContain('<v>43645</v>');
    expect(texts(rows(await read(bytes))[1])).toEqual(['任务甲', '市发改委', '2023年6月30日']);
  });

  it('shows numbers, percentages, booleans, formulas, rich text and links as displayed', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('台账');
      sheet.addRow(['完成率', '投资额', '通用', '是否完成', '合计', '任务', '链接', '日期']);
      const row = sheet.addRow([
        0.725,
        1234.5,
        0.1 + 0.2,
        true,
        { formula: 'B2*2', result: 2469 },
        { richText: [{ text: '推进', font: { bold: true } }, { text: '数字政府' }] },
        { text: '市数据局', hyperlink: 'https://example.org/' },
        new Date(Date.UTC(2024, 2, 31)),
      ]);
      row.getCell(1).numFmt = '0.00%';
      row.getCell(2).numFmt = '#,##0.00';
    });
    expect(texts(rows(await read(bytes))[1])).toEqual([
      '72.50%',
      '1,234.50',
      '0.3',
      'TRUE',
      '2469',
      '推进数字政府',
      '市数据局',
      // A date with no format of its own: built-in 14, Chinese Excel's short date.
      '2024/3/31',
    ]);
  });

  it('reads a date under built-in format 31, which Chinese Excel stores without its code', async () => {
    const built = await workbook((book) => {
      const sheet = book.addWorksheet('台账');
      sheet.addRow(['任务', '牵头单位', '完成时限']);
      sheet.addRow(['任务甲', '市发改委', new Date(Date.UTC(2023, 5, 30))]);
      sheet.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
    });
    // What Chinese Excel writes: the id 31 in the cell style, no <numFmt> for it.
    let custom = '';
    const bytes = rewrite(built, 'xl/styles.xml', (xml) =>
      xml
        .replace(/<numFmt numFmtId="(\d+)" formatCode="[^"]*"\/>/, (_m, id: string) => {
          custom = id;
          return '';
        })
        .replace(/numFmtId="(\d+)"/g, (m, id: string) => (id === custom ? 'numFmtId="31"' : m)),
    );
    expect(strFromU8(unzipSync(bytes)['xl/styles.xml'] as Uint8Array)).toContain('numFmtId="31"');
    expect(texts(rows(await read(bytes))[1])).toEqual(['任务甲', '市发改委', '2023年6月30日']);
  });

  it('keeps line breaks inside a cell as "\\n", whatever the file holds', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('台账');
      sheet.addRow(['任务', '牵头单位', '配合单位']);
      sheet.addRow(['任务甲', '市发改委', '市财政局\r\n市统计局\r市商务局']);
    });
    expect(rows(await read(bytes))[1]?.cells[2]?.text).toBe('市财政局\n市统计局\n市商务局');
  });

  it('skips hidden sheets and a notes sheet by its content, with info issues', async () => {
    const bytes = await workbook((book) => {
      const notes = book.addWorksheet('填报要求');
      notes.addRow(['1. 每月25日前报送进展情况。']);
      notes.addRow(['2. 牵头单位对任务推进负总责，配合单位按职责分工落实。']);
      const tasks = book.addWorksheet('Sheet1');
      tasks.addRow(['序号', '重点任务', '牵头单位', '配合单位']);
      tasks.addRow([1, '推进数字政府建设', '市数据局', '市财政局']);
      const old = book.addWorksheet('旧版台账', { state: 'hidden' });
      old.addRow(['序号', '重点任务', '牵头单位', '配合单位']);
      old.addRow([1, '旧任务', '市发改委', '市财政局']);
      const legend = book.addWorksheet('Sheet3');
      legend.addRow(['状态说明']);
      legend.addRow(['已完成、推进中、滞后、未启动']);
      book.addWorksheet('Sheet4'); // empty: nothing lost, nothing said
    });
    const result = await read(bytes);
    expect(new Set(rows(result).map((b) => b.source.sheet))).toEqual(new Set(['Sheet1']));
    expect(rows(result).every((b) => b.table === 1)).toBe(true);
    expect(result.issues.map((i) => [i.code, i.severity, i.source?.sheet])).toEqual([
      ['sheet-skipped', 'info', '填报要求'],
      ['sheet-skipped', 'info', '旧版台账'],
      ['sheet-skipped', 'info', 'Sheet3'],
    ]);
    expect(result.issues[1]?.message).toContain('hidden');
  });

  it('never skips the sheet holding the tasks, whatever it is named', async () => {
    const bytes = await workbook((book) => {
      const only = book.addWorksheet('说明');
      only.addRow(['序号', '重点任务', '牵头单位']);
      only.addRow([1, '推进数字政府建设', '市数据局']);
      const notes = book.addWorksheet('备注');
      notes.addRow(['本表由市政府办公室汇总。']);
    });
    const result = await read(bytes);
    expect(rows(result).map((b) => b.source.sheet)).toEqual(['说明', '说明']);
    expect(result.issues.map((i) => i.source?.sheet)).toEqual(['备注']);
  });

  it('numbers the tables by the sheets that hold rows', async () => {
    const bytes = await workbook((book) => {
      for (const name of ['一季度', '二季度']) {
        const sheet = book.addWorksheet(name);
        sheet.addRow(['序号', '重点任务', '牵头单位']);
        sheet.addRow([1, `${name}任务`, '市数据局']);
      }
    });
    const result = await read(bytes);
    expect(rows(result).map((b) => [b.table, b.source.sheet, b.source.table])).toEqual([
      [1, '一季度', 1],
      [1, '一季度', 1],
      [2, '二季度', 2],
      [2, '二季度', 2],
    ]);
  });
});

/** Text that does not compress like a zip bomb: one repeated letter would be refused as one. */
function noise(length: number): string {
  const codes = new Uint8Array(length);
  let state = 1;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    codes[i] = 0x61 + ((state >>> 16) % 26);
  }
  return Buffer.from(codes).toString('latin1');
}

describe('limits and broken files', () => {
  it('cuts a 10 MB cell to what a spreadsheet holds, with a warning at that cell', async () => {
    const built = await workbook((book) => {
      const sheet = book.addWorksheet('台账');
      sheet.addRow(['任务', '牵头单位', '进展情况']);
      sheet.addRow(['任务甲', '市发改委', 'HUGE']);
    });
    // Put in by hand: ExcelJS's writer takes half a minute over 10 MB in one cell.
    const bytes = rewrite(built, 'xl/sharedStrings.xml', (xml) =>
      xml.replace('HUGE', noise(10 * 1024 * 1024)),
    );
    const result = await read(bytes);
    expect(rows(result)[1]?.cells[2]?.text).toHaveLength(MAX_CELL_CHARS);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'cell-too-long',
        severity: 'warning',
        source: expect.objectContaining({ sheet: '台账', cell: 'C2', row: 2 }) as unknown,
      }),
    ]);
  });

  it('stops at limits.maxBlocks rows and says so', async () => {
    const bytes = await ledgerXlsx({ rows: 60 });
    const result = await read(bytes, { ...DEFAULT_LIMITS, maxBlocks: 10 });
    expect(result.blocks).toHaveLength(10);
    expect(result.issues.map((i) => i.code)).toEqual(['too-many-blocks']);
  });

  it('refuses a sheet of more cells than it can hold before loading it', async () => {
    const built = await workbook((book) => {
      book.addWorksheet('台账').addRow(['任务', '牵头单位', '配合单位']);
    });
    const cells = Array.from({ length: 600_000 }, (_, i) => `<c r="A${i + 1}"/>`).join('');
    const bytes = rewrite(built, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        `<sheetData><row r="1">${cells}</row></sheetData>`,
      ),
    );
    const started = performance.now();
    const result = await read(bytes);
    expect(result.blocks).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(['too-many-blocks']);
    // Loaded by ExcelJS, these cells would take some ten seconds and hundreds of MB.
    expect(performance.now() - started).toBeLessThan(HANG_MS);
  });

  it('refuses a zip bomb through the zip caps before ExcelJS sees it', async () => {
    const built = await workbook((book) => {
      book.addWorksheet('台账').addRow(['任务', '牵头单位', '配合单位']);
    });
    const files = unzipSync(built);
    files['xl/media/image1.png'] = new Uint8Array(8 * 1024 * 1024);
    const result = await read(zipSync(files, { level: 9 }), {
      ...DEFAULT_LIMITS,
      maxUnzippedBytes: 4 * 1024 * 1024,
    });
    expect(result.issues.map((i) => i.code)).toEqual(['zip-too-large']);
  });

  it('reports a password-protected workbook (an OLE2 EncryptedPackage) as encrypted', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
    expect((await read(ole)).issues.map((i) => i.code)).toEqual(['encrypted-file']);
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    xls.set(Buffer.from('Workbook', 'utf16le'), 1024);
    expect((await read(xls)).issues.map((i) => i.code)).toEqual(['unsupported-format']);
  });

  it('reports a zip without a workbook in it as corrupt', async () => {
    const bytes = zipSync({ 'xl/styles.xml': strToU8('<styleSheet/>') });
    const result = await read(bytes);
    expect(result.blocks).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(['corrupt-file']);
  });

  // A fixed seed: the same thirty broken files on every run.
  const next = (() => {
    let state = 20240612;
    return () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
  })();
  const broken: [string, Uint8Array][] = [];
  for (let i = 0; i < 12; i++) {
    const length = Math.floor(next() * ledger.length);
    broken.push([`truncated to ${length} bytes`, ledger.subarray(0, length)]);
  }
  for (let i = 0; i < 18; i++) {
    const bytes = new Uint8Array(ledger);
    const flips = 1 + Math.floor(next() * 8);
    for (let k = 0; k < flips; k++) {
      bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
    }
    broken.push([`with ${flips} bytes changed (case ${i})`, bytes]);
  }

  it.each(broken)(
    'answers a file %s with rows or a coded issue, never a throw',
    async (_what, bytes) => {
      const started = performance.now();
      const result = await read(bytes);
      expect(performance.now() - started).toBeLessThan(HANG_MS);
      for (const issue of result.issues) expect(Object.keys(READ_ISSUES)).toContain(issue.code);
      if (result.blocks.length === 0) {
        expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
      }
      // The rows it does give are well formed.
      for (const block of rows(result)) {
        expect(block.cells.every((c: RowCell) => typeof c.text === 'string' && c.span >= 1)).toBe(
          true,
        );
      }
    },
  );

  it('gives a model through the whole pipeline for broken files too', async () => {
    for (const [, bytes] of broken.slice(0, 6).concat(broken.slice(-6))) {
      const model = await parseDocument(bytes, { name: 'broken.xlsx' });
      expect(model.plan).toBeDefined();
    }
  });
});
