// The current view as a one-page PDF for a briefing: the plan's title, the view, its legend, the
// date and the source document. jsPDF is loaded only when the first PDF is asked for.
//
// jsPDF's built-in fonts hold no Chinese, and embedding a CJK font would add megabytes to every
// PDF and to the app. So the words (title, legend, footer) are set on a canvas with the
// browser's own fonts — the same faces the explorer shows — and placed as images at print
// resolution, beside the view's own PNG. The page reads the same on any viewer; the cost is that
// its words are not selectable (the SVG export keeps them as text).
import type { NodeData } from '../api/schema.ts';
import { formatHeatValue, heatColour, heatScale, isHeatMetric } from '../graph/heat.ts';
import { CATEGORY_COLOURS, EDGE_COLOURS, KIND_STYLES } from '../graph/stylesheet.ts';
import { categoryOf } from '../graph/to-elements.ts';
import { categoryName, kindName, msg, type Lang } from '../i18n/messages.ts';
import { briefingFileName, downloadBlob, today, type CanvasImages } from './files.ts';
import { SVG_FONTS } from './export-svg.ts';

/** The page: A4 landscape, in millimetres; words are drawn at PX_PER_MM (about 200 dpi). */
const PAGE = { width: 297, height: 210, margin: 10, titleBand: 16, legendBand: 20, footer: 12 };
const PX_PER_MM = 8;
/** The view's image at most 300 dpi across the page: sharp in print, without megabytes more. */
const PRINT_WIDTH = Math.round(((PAGE.width - PAGE.margin * 2) / 25.4) * 300);

/** The source document, as /api/plans describes it. */
export interface BriefingSource {
  id: string | null;
  title: string;
  issuer?: string | null | undefined;
  date?: string | null | undefined;
  sha256?: string | null | undefined;
}

export interface BriefingSheet {
  lang: Lang;
  source: BriefingSource;
  /** The nodes on the canvas: the categories and the heat scale of the legend are read from them. */
  nodes: readonly NodeData[];
  metric: string | null;
  /** The caption under the title (a saved view's), if any. */
  caption?: string;
}

interface LegendEntry {
  colour: string;
  label: string;
  line?: boolean;
}

/** The legend's groups, read from the same tables as the stylesheet and gt-legend. */
export function legendGroups(sheet: BriefingSheet): { title: string; entries: LegendEntry[] }[] {
  const { lang, nodes, metric } = sheet;
  const groups: { title: string; entries: LegendEntry[] }[] = [];
  if (isHeatMetric(metric)) {
    const scale = heatScale(nodes, metric);
    if (scale !== null) {
      groups.push({
        title: `${msg(lang, 'heatLegend')} · ${msg(lang, `heat_${metric}`)}`,
        entries: [
          {
            colour: heatColour(0),
            label: msg(lang, 'heatMin', { value: formatHeatValue(scale.min) }),
          },
          {
            colour: heatColour(1),
            label: msg(lang, 'heatMax', { value: formatHeatValue(scale.max) }),
          },
        ],
      });
    }
  }
  groups.push({
    title: msg(lang, 'kinds'),
    entries: ['theme', 'task', 'indicator', 'project', 'requirement'].map((kind) => ({
      colour: KIND_STYLES[kind]?.colour ?? '#ccc',
      label: kindName(lang, kind),
    })),
  });
  const categories = [...new Set(nodes.filter((n) => n.kind === 'unit').map(categoryOf))].sort();
  groups.push({
    title: msg(lang, 'categories'),
    entries: categories.map((category) => ({
      colour: CATEGORY_COLOURS[category] ?? CATEGORY_COLOURS['unknown'] ?? '#ccc',
      label: categoryName(lang, category),
    })),
  });
  groups.push({
    title: msg(lang, 'roles'),
    entries: [
      { colour: EDGE_COLOURS.lead, label: msg(lang, 'edgeLead'), line: true },
      { colour: EDGE_COLOURS.owner, label: msg(lang, 'edgeOwner'), line: true },
      { colour: EDGE_COLOURS.support, label: msg(lang, 'edgeSupport'), line: true },
    ],
  });
  return groups;
}

/** The footer's line: date, then the source document and its fingerprint. */
export function sourceLine(sheet: BriefingSheet, date = today()): string {
  const { lang, source } = sheet;
  const parts = [source.title, source.issuer, source.date].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  const fingerprint =
    source.sha256 !== null && source.sha256 !== undefined && source.sha256 !== ''
      ? ` · SHA-256 ${source.sha256}`
      : '';
  return `${msg(lang, 'briefingDate', { date })} · ${msg(lang, 'briefingSource')}: ${parts.join(' · ')}${fingerprint}`;
}

function band(widthMm: number, heightMm: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(widthMm * PX_PER_MM);
  canvas.height = Math.round(heightMm * PX_PER_MM);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D canvas');
  context.textBaseline = 'middle';
  return [canvas, context];
}

const font = (mm: number, weight = 400) => `${weight} ${Math.round(mm * PX_PER_MM)}px ${SVG_FONTS}`;

function titleImage(title: string, caption: string, width: number): HTMLCanvasElement {
  const [canvas, context] = band(width, PAGE.titleBand);
  context.fillStyle = '#1d2b3a';
  context.font = font(5.2, 700);
  context.fillText(
    title,
    0,
    caption === '' ? canvas.height / 2 : canvas.height * 0.33,
    canvas.width,
  );
  if (caption !== '') {
    context.fillStyle = '#4a5563';
    context.font = font(3.4);
    context.fillText(caption, 0, canvas.height * 0.78, canvas.width);
  }
  return canvas;
}

function legendImage(sheet: BriefingSheet, width: number): HTMLCanvasElement {
  const [canvas, context] = band(width, PAGE.legendBand);
  const row = 4.6 * PX_PER_MM;
  const gap = 2.5 * PX_PER_MM;
  let x = 0;
  let y = row / 2;
  const advance = (needed: number) => {
    if (x + needed > canvas.width && x > 0) {
      x = 0;
      y += row;
    }
  };
  for (const group of legendGroups(sheet)) {
    context.font = font(2.9, 700);
    const heading = context.measureText(group.title).width;
    advance(heading + gap);
    context.fillStyle = '#5b6573';
    context.fillText(group.title, x, y);
    x += heading + gap / 2;
    context.font = font(2.9);
    for (const entry of group.entries) {
      const swatch = (entry.line === true ? 6 : 3) * PX_PER_MM;
      const label = context.measureText(entry.label).width;
      advance(swatch + label + gap);
      context.fillStyle = entry.colour;
      if (entry.line === true) context.fillRect(x, y - 2, swatch, 4);
      else context.fillRect(x, y - swatch / 2, swatch, swatch);
      context.fillStyle = '#1d2b3a';
      context.fillText(entry.label, x + swatch + 0.8 * PX_PER_MM, y);
      x += swatch + label + gap;
    }
    x += gap;
  }
  return canvas;
}

function footerImage(text: string, width: number): HTMLCanvasElement {
  const [canvas, context] = band(width, PAGE.footer);
  context.fillStyle = '#5b6573';
  context.font = font(2.7);
  context.fillText(text, 0, canvas.height / 2, canvas.width);
  return canvas;
}

export async function exportPdf(canvas: CanvasImages, sheet: BriefingSheet): Promise<string> {
  const [{ jsPDF }, png] = await Promise.all([
    import('jspdf'),
    canvas.png({ full: true, scale: 2, maxWidth: PRINT_WIDTH, background: '#ffffff' }),
  ]);
  if (png === null || png.size === 0) throw new Error('the canvas is not drawn');
  const bitmap = await createImageBitmap(png);
  const { width: pw, height: ph, margin } = PAGE;
  const inner = pw - margin * 2;
  // Compressed: jsPDF stores an image's pixels decoded, which uncompressed runs to 90 MB.
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  pdf.setProperties({ title: sheet.source.title, creator: 'guatu' });
  const place = (image: HTMLCanvasElement, y: number) =>
    pdf.addImage(image, 'PNG', margin, y, inner, image.height / PX_PER_MM, undefined, 'FAST');
  place(titleImage(sheet.source.title, sheet.caption ?? '', inner), margin);
  // The view fills what the words leave, keeping its aspect ratio, centred.
  const top = margin + PAGE.titleBand + 2;
  const bottom = ph - margin - PAGE.footer - PAGE.legendBand - 2;
  const scale = Math.min(inner / bitmap.width, (bottom - top) / bitmap.height);
  const w = bitmap.width * scale;
  const h = bitmap.height * scale;
  pdf.addImage(
    new Uint8Array(await png.arrayBuffer()),
    'PNG',
    margin + (inner - w) / 2,
    top + (bottom - top - h) / 2,
    w,
    h,
    undefined,
    'FAST',
  );
  bitmap.close();
  pdf.setDrawColor('#d5dae0');
  pdf.line(margin, bottom + 1, pw - margin, bottom + 1);
  place(legendImage(sheet, inner), bottom + 2);
  place(footerImage(sourceLine(sheet), inner), ph - margin - PAGE.footer);
  const name = briefingFileName(sheet.source.id, 'pdf');
  downloadBlob(pdf.output('blob'), name);
  return name;
}
