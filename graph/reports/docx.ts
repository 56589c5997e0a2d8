// A progress report as a Word document shaped like a 督办通报: the title centred in 宋体, the range
// and plan under it, then 一、总体情况 (a paragraph and the counts), 二、分主题/分单位 (tables, the
// indicators and the period's updates), the war map as a figure, 三、逾期事项 (each item with its
// units and latest note), 四、下一步. Headings in 黑体, body in 仿宋, as notices are set; Chinese text
// goes through the East Asian font slot, the one Word uses for CJK characters.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
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
import type { ProgressReport } from '../../contract/api/reports.ts';
import {
  reportTables,
  type ReportTable,
  type Stamp,
  type TableKey,
} from '../../contract/report-tables.ts';
import { REPORT_WORDS, type ReportLang } from '../../contract/report-words.ts';

/** A4 portrait in twips, 2.5 cm margins. */
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 1_418;
const TEXT_WIDTH = A4.width - 2 * MARGIN;
/** The text width in pixels at 96 dpi, for the figure. */
const TEXT_WIDTH_PX = Math.round((TEXT_WIDTH / 1440) * 96);

/** Half-points: 二号 22 pt title, 三号 16 pt body, 五号 10.5 pt tables. */
const SIZE = { title: 44, body: 32, table: 21 };
const LATIN = 'Times New Roman';
const font = (eastAsia: string): IRunOptions['font'] => ({
  ascii: LATIN,
  hAnsi: LATIN,
  cs: LATIN,
  eastAsia,
});
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const paragraph = (text: string, options: Omit<IRunOptions, 'text'> = {}, indent = true) =>
  new Paragraph({
    spacing: { line: 480 },
    indent: indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, ...options })],
  });

const heading = (text: string, level: 1 | 2) =>
  new Paragraph({
    spacing: { before: 120, after: 60 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: font(level === 1 ? '黑体' : '楷体'), size: SIZE.body })],
  });

function table(data: ReportTable): Table {
  const columns = data.headers.length;
  const width = Math.floor(TEXT_WIDTH / columns);
  const cell = (text: string | number, bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: typeof text === 'number' || bold ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [
            new TextRun({
              text: String(text),
              size: SIZE.table,
              ...(bold ? { font: font('黑体') } : {}),
            }),
          ],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    borders: {
      top: LINE,
      bottom: LINE,
      left: LINE,
      right: LINE,
      insideHorizontal: LINE,
      insideVertical: LINE,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: data.headers.map((header) => cell(header, true)),
      }),
      ...data.rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text)) }),
      ),
    ],
  });
}

/** A PNG's size from its header (IHDR), to scale it to the text width. */
function pngSize(png: Uint8Array): { width: number; height: number } | null {
  if (png.byteLength < 24) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export interface ReportFile {
  report: ProgressReport;
  lang: ReportLang;
  stamp: Stamp;
  /** The war map as the browser drew it (PNG), or null. */
  figure: Uint8Array | null;
}

export async function reportDocx(file: ReportFile): Promise<Uint8Array<ArrayBuffer>> {
  const { report, lang, stamp, figure } = file;
  const words = REPORT_WORDS[lang];
  const tables = new Map<TableKey, ReportTable>(
    reportTables(report, lang, stamp).map((one) => [one.key, one]),
  );
  const tableOf = (key: TableKey) => {
    const found = tables.get(key);
    return found === undefined ? [] : [table(found)];
  };
  const size = figure === null ? null : pngSize(figure);
  const picture =
    figure === null || size === null || size.width === 0
      ? []
      : [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: 'png',
                data: figure,
                transformation: {
                  width: TEXT_WIDTH_PX,
                  height: Math.round((TEXT_WIDTH_PX * size.height) / size.width),
                },
              }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: words.figure, size: SIZE.table, font: font('黑体') })],
          }),
        ];
  const overdue =
    report.overdue.length === 0
      ? [paragraph(words.noOverdue)]
      : report.overdue.map((item, index) => paragraph(words.overdueLine(item, index)));

  const document = new Document({
    creator: 'guatu',
    title: `${report.plan.title} ${words.title}`,
    styles: {
      default: {
        document: {
          run: {
            font: font('仿宋'),
            size: SIZE.body,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体') }),
                ],
              }),
            ],
          }),
        },
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [
              new TextRun({ text: words.title, font: font('宋体'), size: SIZE.title, bold: true }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: words.plan(report.plan.title) })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: words.range(report.from, report.to) })],
          }),
          heading(words.sections.overview, 1),
          paragraph(words.overview(report)),
          ...tableOf('overview'),
          heading(words.sections.groups, 1),
          heading(words.byTheme, 2),
          ...tableOf('themes'),
          heading(words.byUnit, 2),
          ...tableOf('units'),
          heading(words.indicators, 2),
          ...tableOf('indicators'),
          heading(words.changes, 2),
          ...tableOf('changes'),
          ...picture,
          heading(words.sections.overdue, 1),
          ...overdue,
          heading(words.sections.next, 1),
          ...words.nextSteps(report).map((line, index) => paragraph(`${index + 1}. ${line}`)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
