// Excel workbooks (.xlsx): every sheet that holds a table, row by row, each cell as the sheet
// displays it, merged ranges resolved. ExcelJS reads the workbook; it unzips by itself with no
// caps, so the file first goes through our own unzip (entry count, inflated bytes, bomb ratio)
// and a count of its cells, and only a file that passes is handed over.
import ExcelJS from 'exceljs';
import type { ParseIssue, SourcePosition } from '../../model/plan.ts';
import type { Block, ReadLimits, ReadResult, Reader } from './blocks.ts';
import { readIssue } from './issues.ts';
import { cellAddress } from './sheet/address.ts';
import { cellText } from './sheet/cell-text.ts';
import { chooseSheets, type SheetContent } from './sheet/choose-sheets.ts';
import { teachChineseBuiltinFormats } from './sheet/chinese-formats.ts';
import { gridRows, type GridReading, type MergedRange } from './sheet/grid.ts';
import { sheetIssues } from './sheet/sheet-issues.ts';
import { unzip } from './zip.ts';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * ExcelJS builds an object of a few hundred bytes for every cell, at some 20 µs each: past this
 * many cells in the sheets' XML the workbook is refused before it is loaded (some 10 s and a few
 * hundred MB), instead of exhausting memory. A ledger of 10,000 tasks in 20 columns is 200,000
 * cells.
 */
export const MAX_CELLS = 500_000;

const fail = (issue: ParseIssue): ReadResult => ({ format: 'xlsx', blocks: [], issues: [issue] });

export const readXlsx: Reader = async (bytes, limits) => {
  if (OLE2.every((b, i) => bytes[i] === b)) return fail(ole2Issue(bytes));

  const opened = unzip(bytes, limits, () => true);
  if (!opened.ok) return fail(opened.issue);
  const cells = countCells(opened.files);
  if (cells > MAX_CELLS) {
    return fail(
      readIssue('too-many-blocks', {
        en: `${cells} cells in the sheets, the limit is ${MAX_CELLS}`,
        zh: `工作表共 ${cells} 个单元格，上限为 ${MAX_CELLS}`,
      }),
    );
  }

  const workbook = new ExcelJS.Workbook();
  try {
    teachChineseBuiltinFormats();
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    return fail(readIssue('corrupt-file', { en: `xlsx: ${message(error)}` }));
  }
  if (workbook.worksheets.length === 0) {
    return fail(readIssue('corrupt-file', { en: 'no worksheet', zh: '没有工作表' }));
  }
  return sheetsToBlocks(readSheets(workbook), limits);
};

interface ReadSheet extends SheetContent {
  reading: GridReading;
}

function readSheets(workbook: ExcelJS.Workbook): ReadSheet[] {
  return workbook.worksheets.map((worksheet) => {
    const reading = gridRows(sheetGrid(worksheet));
    return {
      name: worksheet.name,
      hidden: worksheet.state !== 'visible' && worksheet.state !== undefined,
      rows: reading.rows,
      reading,
    };
  });
}

/** The sheet's displayed texts and merged ranges; merged cells other than the top-left skipped. */
function sheetGrid(worksheet: ExcelJS.Worksheet) {
  const texts = new Map<number, Map<number, string>>();
  const merges = new Map<string, MergedRange>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged) {
        const master = cell.master;
        const key = master.address;
        const range = merges.get(key) ?? {
          top: Number(master.row),
          left: Number(master.col),
          bottom: Number(master.row),
          right: Number(master.col),
        };
        range.bottom = Math.max(range.bottom, rowNumber);
        range.right = Math.max(range.right, column);
        merges.set(key, range);
        if (master !== cell) return;
      }
      const text = cellText(cell.value, cell.numFmt);
      if (text !== '') line.set(column, text);
    });
    if (line.size > 0) texts.set(rowNumber, line);
  });
  // A range of one cell is no merge at all.
  const ranges = [...merges.values()].filter((m) => m.bottom > m.top || m.right > m.left);
  return { texts, merges: ranges };
}

function sheetsToBlocks(sheets: readonly ReadSheet[], limits: ReadLimits): ReadResult {
  const blocks: Block[] = [];
  const issues: ParseIssue[] = [];
  const verdicts = chooseSheets(sheets);
  let table = 0;
  let full = false;
  sheets.forEach((sheet, i) => {
    const verdict = verdicts[i];
    const at: SourcePosition = { format: 'xlsx', sheet: sheet.name };
    if (!verdict?.keep) {
      if (verdict?.reason) {
        issues.push(
          readIssue(
            'sheet-skipped',
            {
              en: `${sheet.name}: ${verdict.reason.en}`,
              zh: `${sheet.name}：${verdict.reason.zh}`,
            },
            at,
          ),
        );
      }
      return;
    }
    if (full || sheet.rows.length === 0) return;
    table++;
    const place = (row: number, column?: number): SourcePosition => {
      const source: SourcePosition = { format: 'xlsx', sheet: sheet.name, table, row };
      if (column !== undefined) source.cell = cellAddress(row, column);
      return source;
    };
    issues.push(...sheetIssues(sheet.reading, place));
    for (const row of sheet.rows) {
      if (blocks.length >= limits.maxBlocks) {
        full = true;
        issues.push(
          readIssue('too-many-blocks', {
            en: `reading stopped at row ${row.row} of sheet ${sheet.name}: the limit is ${limits.maxBlocks} rows`,
            zh: `读到工作表“${sheet.name}”第 ${row.row} 行为止，上限为 ${limits.maxBlocks} 行`,
          }),
        );
        return;
      }
      blocks.push({
        kind: 'row',
        table,
        cells: row.cells,
        source: {
          format: 'xlsx',
          sheet: sheet.name,
          cell: cellAddress(row.row, row.column),
          table,
          row: row.row,
        },
      });
    }
  });
  return { format: 'xlsx', blocks, issues };
}

/**
 * A password-protected .xlsx is an OLE2 file holding an "EncryptedPackage" stream; any other
 * OLE2 file is Excel 97–2003 or another legacy format.
 */
function ole2Issue(bytes: Uint8Array): ParseIssue {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20));
  if (head.includes(Buffer.from('EncryptedPackage', 'utf16le'))) return readIssue('encrypted-file');
  return readIssue('unsupported-format', {
    en: 'a legacy (OLE2) file, not .xlsx',
    zh: '旧版（OLE2）文件，不是 .xlsx',
  });
}

const CELL_OPEN = Buffer.from('<c ');
const CELL_BARE = Buffer.from('<c>');

/** Cells written in the worksheets' XML: what ExcelJS would build an object for. */
function countCells(files: ReadonlyMap<string, Uint8Array>): number {
  let cells = 0;
  for (const [name, data] of files) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const xml = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    for (const tag of [CELL_OPEN, CELL_BARE]) {
      for (let at = xml.indexOf(tag); at !== -1; at = xml.indexOf(tag, at + tag.length)) cells++;
    }
  }
  return cells;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
