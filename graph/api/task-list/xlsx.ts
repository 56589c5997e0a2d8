// A task list as an Excel workbook, the way a bureau's liaison keeps one: a title row naming the
// plan and the unit, the header row frozen below it and repeated on every printed page, text
// wrapped in columns of readable widths, A4 landscape, one sheet named after the unit.
import ExcelJS from 'exceljs';
import type { TaskListTable } from './table.ts';

const FONT = '宋体';

/** Excel refuses these in a sheet's name, and names longer than 31 characters. */
function sheetName(name: string): string {
  const safe = name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
  return safe === '' ? 'Sheet1' : safe;
}

export async function taskListXlsx(table: TaskListTable): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'guatu';
  const sheet = workbook.addWorksheet(sheetName(table.unitName), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    },
  });
  sheet.columns = table.columns.map((column) => ({ key: column.key, width: column.width }));

  const title = sheet.addRow([`${table.from}${table.title}`]);
  sheet.mergeCells(1, 1, 1, table.columns.length);
  title.height = 36;
  title.getCell(1).font = { name: FONT, size: 14, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  });

  for (const cells of table.rows) {
    // 序号 as a number: Excel flags digits stored as text.
    const row = sheet.addRow(
      cells.map((text, index) => (table.columns[index]?.key === 'number' ? Number(text) : text)),
    );
    table.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.font = { name: FONT, size: 11 };
      cell.alignment = {
        horizontal: column.centred ? 'center' : 'left',
        vertical: 'middle',
        wrapText: true,
      };
      cell.border = border;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
