// A progress report as an Excel workbook: one sheet per section (总体情况, 分主题, 分单位, 逾期事项,
// 主要指标, 本期进展), each with a title row naming the plan and the range, a frozen header, wrapped
// text and numbers as numbers, so a planner can sort and sum them; the war map on a sheet of its own.
import ExcelJS from 'exceljs';
import type { ReportFile } from './docx.ts';
import { reportTables } from '../../contract/report-tables.ts';
import { REPORT_WORDS } from '../../contract/report-words.ts';

const FONT = '宋体';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Widths in characters for what a column holds: titles and notes wide, counts narrow. */
function widthOf(values: readonly (string | number)[]): number {
  const longest = Math.max(...values.map((value) => [...String(value)].length));
  return Math.min(60, Math.max(8, longest * 1.6));
}

export async function reportXlsx(file: ReportFile): Promise<Uint8Array<ArrayBuffer>> {
  const { report, lang, stamp, figure } = file;
  const words = REPORT_WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'guatu';
  const title = `${words.plan(report.plan.title)}${words.title}${words.range(report.from, report.to)}`;
  for (const table of reportTables(report, lang, stamp)) {
    const sheet = workbook.addWorksheet(table.sheet, {
      views: [{ state: 'frozen', ySplit: 2 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
    });
    sheet.columns = table.headers.map((header, index) => ({
      width: widthOf([header, ...table.rows.map((row) => row[index] ?? '')]),
    }));
    const head = sheet.addRow([title]);
    sheet.mergeCells(1, 1, 1, Math.max(1, table.headers.length));
    head.height = 30;
    head.getCell(1).font = { name: FONT, size: 14, bold: true };
    head.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const header = sheet.addRow(table.headers);
    header.eachCell((cell) => {
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
    });
    for (const cells of table.rows) {
      const row = sheet.addRow(cells);
      row.eachCell((cell) => {
        cell.font = { name: FONT, size: 11 };
        cell.alignment = { vertical: 'middle', wrapText: true };
        cell.border = BORDER;
      });
    }
  }
  if (figure !== null && figure.byteLength > 0) {
    const sheet = workbook.addWorksheet(words.figure);
    // ExcelJS types its Buffer before Node's became generic.
    const buffer = Buffer.from(figure) as unknown as ExcelJS.Buffer;
    const image = workbook.addImage({ buffer, extension: 'png' });
    const view = new DataView(figure.buffer, figure.byteOffset, figure.byteLength);
    const width = figure.byteLength >= 24 ? view.getUint32(16) : 1600;
    const height = figure.byteLength >= 24 ? view.getUint32(20) : 900;
    const scale = Math.min(1, 1200 / width);
    sheet.addImage(image, {
      tl: { col: 0, row: 0 },
      ext: { width: width * scale, height: height * scale },
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
