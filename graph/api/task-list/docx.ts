// A task list as a Word document shaped like a notice's annex (GB/T 9704 habits): "附件" in 黑体 at
// the top left, the title line centred in 宋体, the plan it comes from under it, then a bordered
// table in 仿宋 whose header row repeats on every page, on A4 landscape. Chinese text is set
// through the East Asian font slot, which is the one Word uses for CJK characters.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { TaskListTable } from './table.ts';

/** A4 in twips (portrait sizes; docx swaps them for landscape). */
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 1_418; // 2.5 cm
const TEXT_WIDTH = A4.height - 2 * MARGIN;

/** Sizes in half-points: 三号 16 pt, 二号 22 pt, 小四 12 pt. */
const SIZE = { annex: 32, title: 44, from: 28, table: 24 };

const LATIN = 'Times New Roman';

function font(eastAsia: string): IRunOptions['font'] {
  return { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia };
}

const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' };

/** A run in the document's defaults (仿宋 小四, Chinese) unless told otherwise. */
const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) =>
  new TextRun({ text, ...options });

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(
  text: string,
  width: number,
  centred: boolean,
  options: Omit<IRunOptions, 'text'> = {},
): TableCell {
  // A soft line break per line of the cell's text, so a cell never loses a line Word can show.
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: lines.map((line, index) =>
          run(line, index > 0 ? { ...options, break: 1 } : options),
        ),
      }),
    ],
  });
}

/** Page numbers as notices print them: "— 1 —", centred. */
function pageNumbers(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 }),
        ],
      }),
    ],
  });
}

export async function taskListDocx(table: TaskListTable): Promise<Uint8Array<ArrayBuffer>> {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => Math.floor((TEXT_WIDTH * column.width) / total));

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column, index) =>
      cell(column.header, widths[index] ?? 0, true, { font: font('黑体') }),
    ),
  });
  const rows = table.rows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: cells.map((text, index) =>
          cell(text, widths[index] ?? 0, table.columns[index]?.centred ?? false),
        ),
      }),
  );

  const document = new Document({
    creator: 'guatu',
    title: table.title,
    styles: {
      default: {
        document: { run: { font: font('仿宋'), size: SIZE.table, language: LANGUAGE } },
      },
    },
    sections: [
      {
        footers: { default: pageNumbers() },
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          new Paragraph({
            children: [run(table.annex, { font: font('黑体'), size: SIZE.annex })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 120 },
            children: [run(table.title, { font: font('宋体'), size: SIZE.title, bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(table.from, { size: SIZE.from })],
          }),
          new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            // Once for the table rather than on each cell: a long list is thousands of cells.
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            borders: {
              top: LINE,
              bottom: LINE,
              left: LINE,
              right: LINE,
              insideHorizontal: LINE,
              insideVertical: LINE,
            },
            rows: [header, ...rows],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
