// A progress report as a PDF, made in the browser: the same sections and tables as the server's
// Word file (contract/report-tables.ts, contract/report-words.ts) on A4 portrait, with the war
// map as a figure. jsPDF has no Chinese font of its own and embedding one costs megabytes, so
// each line of text and each table row is set by the browser's fonts on a canvas and placed as an
// image at print resolution, as the briefing's PDF does (web/src/briefing/export-pdf.ts); the
// cost is that the text is not selectable.
import type { jsPDF as Pdf } from 'jspdf';
import type { ProgressReport } from '../../../contract/api/reports.ts';
import { reportTables, type ReportTable, type TableKey } from '../../../contract/report-tables.ts';
import { REPORT_WORDS } from '../../../contract/report-words.ts';
import type { Lang } from '../i18n/messages.ts';

/** A4 portrait in millimetres; text is set at PX_PER_MM (about 200 dpi). */
const PAGE = { width: 210, height: 297, margin: 18 };
const PX_PER_MM = 8;
const PT = 0.3528;
const SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif';
const SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

interface TextStyle {
  /** Points. */
  size: number;
  font?: string;
  bold?: boolean;
  align?: 'left' | 'center';
  /** First-line indent in characters (a notice's two-character indent). */
  indent?: number;
}

const fontOf = (style: TextStyle, px: number) =>
  `${style.bold === true ? 'bold ' : ''}${px}px ${style.font ?? SERIF}`;

/** Lines of `text` no wider than `width` px: Chinese breaks between any two characters. */
function wrap(
  context: CanvasRenderingContext2D,
  text: string,
  width: number,
  indent = 0,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let room = width - indent;
    for (const char of paragraph) {
      if (line !== '' && context.measureText(line + char).width > room) {
        lines.push(line);
        line = '';
        room = width;
      }
      line += char;
    }
    lines.push(line);
  }
  return lines;
}

/** Lays the report out top to bottom, starting a page where the next block does not fit. */
class Flow {
  readonly pdf: Pdf;
  readonly inner = PAGE.width - PAGE.margin * 2;
  y = PAGE.margin;
  readonly #measure = document.createElement('canvas').getContext('2d');

  constructor(pdf: Pdf) {
    this.pdf = pdf;
  }

  #room(height: number): void {
    if (this.y + height > PAGE.height - PAGE.margin && this.y > PAGE.margin) {
      this.pdf.addPage();
      this.y = PAGE.margin;
    }
  }

  #place(canvas: HTMLCanvasElement, gap = 0): void {
    const height = canvas.height / PX_PER_MM;
    this.#room(height);
    this.pdf.addImage(canvas, 'PNG', PAGE.margin, this.y, this.inner, height, undefined, 'FAST');
    this.y += height + gap;
  }

  text(text: string, style: TextStyle, gap = 1.5): void {
    const context = this.#measure;
    if (context === null) return;
    const px = style.size * PT * PX_PER_MM;
    const width = this.inner * PX_PER_MM;
    context.font = fontOf(style, px);
    const indent = (style.indent ?? 0) * px;
    const lines = wrap(context, text, width, indent);
    const lineHeight = Math.ceil(px * 1.7);
    lines.forEach((line, index) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = lineHeight;
      const paint = canvas.getContext('2d');
      if (paint === null) return;
      paint.fillStyle = '#ffffff';
      paint.fillRect(0, 0, canvas.width, canvas.height);
      paint.fillStyle = '#111111';
      paint.font = fontOf(style, px);
      paint.textBaseline = 'middle';
      const x =
        style.align === 'center'
          ? (width - paint.measureText(line).width) / 2
          : index === 0
            ? indent
            : 0;
      paint.fillText(line, x, lineHeight / 2);
      this.#place(canvas, index === lines.length - 1 ? gap : 0);
    });
  }

  table(table: ReportTable): void {
    const context = this.#measure;
    if (context === null || table.headers.length === 0) return;
    const px = 9 * PT * PX_PER_MM;
    const width = this.inner * PX_PER_MM;
    // Columns of numbers narrow, columns of words wide, by what they hold.
    const numeric = table.headers.map((_, column) =>
      table.rows.every((row) => typeof row[column] === 'number' || row[column] === ''),
    );
    const weights = numeric.map((isNumber) => (isNumber ? 1 : 3.2));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const widths = weights.map((weight) => (width * weight) / total);
    const pad = px * 0.4;
    const lineHeight = Math.ceil(px * 1.45);
    const row = (cells: readonly (string | number)[], header: boolean) => {
      context.font = fontOf({ size: 9, font: header ? SANS : SERIF }, px);
      const wrapped = cells.map((cell, column) =>
        wrap(context, String(cell), (widths[column] ?? 0) - pad * 2),
      );
      const lines = Math.max(1, ...wrapped.map((cell) => cell.length));
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = lines * lineHeight + pad * 2;
      const paint = canvas.getContext('2d');
      if (paint === null) return;
      paint.fillStyle = header ? '#ededed' : '#ffffff';
      paint.fillRect(0, 0, canvas.width, canvas.height);
      paint.strokeStyle = '#000000';
      paint.lineWidth = 2;
      paint.strokeRect(1, 1, canvas.width - 2, canvas.height - 2);
      paint.fillStyle = '#111111';
      paint.font = fontOf({ size: 9, font: header ? SANS : SERIF }, px);
      paint.textBaseline = 'middle';
      let x = 0;
      wrapped.forEach((cell, column) => {
        const w = widths[column] ?? 0;
        if (column > 0) {
          paint.beginPath();
          paint.moveTo(x, 0);
          paint.lineTo(x, canvas.height);
          paint.stroke();
        }
        cell.forEach((line, index) => {
          const centred = header || numeric[column] === true;
          const lineX = centred ? x + (w - paint.measureText(line).width) / 2 : x + pad;
          paint.fillText(line, lineX, pad + lineHeight * (index + 0.5));
        });
        x += w;
      });
      // Rows share their borders: the next one starts on this one's bottom line.
      this.#place(canvas, -2 / PX_PER_MM);
    };
    row(table.headers, true);
    for (const cells of table.rows) row(cells, false);
    this.y += 3;
  }

  async figure(png: Blob, caption: string): Promise<void> {
    const bitmap = await createImageBitmap(png);
    const height = Math.min(
      (this.inner * bitmap.height) / bitmap.width,
      PAGE.height - PAGE.margin * 2 - 12,
    );
    const width = (height * bitmap.width) / bitmap.height;
    bitmap.close();
    this.#room(height + 8);
    this.pdf.addImage(
      new Uint8Array(await png.arrayBuffer()),
      'PNG',
      PAGE.margin + (this.inner - width) / 2,
      this.y,
      width,
      height,
      undefined,
      'FAST',
    );
    this.y += height + 1;
    this.text(caption, { size: 10, font: SANS, align: 'center' }, 4);
  }
}

export async function reportPdf(
  report: ProgressReport,
  lang: Lang,
  figure: Blob | null,
): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const words = REPORT_WORDS[lang];
  // Times as the report's readers read them: in the plan's time zone, like the server's files.
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone: report.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const stamp = (at: string) => format.format(new Date(at));
  const tables = new Map<TableKey, ReportTable>(
    reportTables(report, lang, stamp).map((table) => [table.key, table]),
  );
  const pdf = new jsPDF({ orientation: 'portrait', unit: 'mm', format: 'a4', compress: true });
  pdf.setProperties({ title: `${report.plan.title} ${words.title}`, creator: 'guatu' });
  const flow = new Flow(pdf);
  const body: TextStyle = { size: 12, indent: 2 };
  const heading = (text: string) => flow.text(text, { size: 13, font: SANS, bold: true }, 1);
  const table = (key: TableKey) => {
    const found = tables.get(key);
    if (found !== undefined) flow.table(found);
  };

  flow.text(words.title, { size: 20, bold: true, align: 'center' }, 1);
  flow.text(words.plan(report.plan.title), { size: 12, align: 'center' }, 0);
  flow.text(words.range(report.from, report.to), { size: 12, align: 'center' }, 4);
  heading(words.sections.overview);
  flow.text(words.overview(report), body);
  table('overview');
  heading(words.sections.groups);
  heading(words.byTheme);
  table('themes');
  heading(words.byUnit);
  table('units');
  heading(words.indicators);
  table('indicators');
  heading(words.changes);
  table('changes');
  if (figure !== null && figure.size > 0) await flow.figure(figure, words.figure);
  heading(words.sections.overdue);
  if (report.overdue.length === 0) flow.text(words.noOverdue, body);
  report.overdue.forEach((item, index) => flow.text(words.overdueLine(item, index), body));
  heading(words.sections.next);
  words.nextSteps(report).forEach((line, index) => flow.text(`${index + 1}. ${line}`, body));
  return pdf.output('blob');
}
