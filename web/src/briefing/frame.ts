// The briefing frame: the words around a view on a page or an image — the plan's title (and what
// the view shows) above, the legend and a line with the date and the source document below. One
// drawing for the PDF and the PNG, so a slide pasted from either reads the same.
//
// The words are set on canvases with the browser's own fonts, the faces the explorer shows:
// jsPDF's built-in fonts hold no Chinese, and embedding a CJK font would add megabytes to every
// file. Sizes are given in millimetres of an A4 page and drawn at `unit` pixels per millimetre,
// so the PDF sets them at print resolution and a PNG in proportion to its width.
import type { NodeData } from '../api/schema.ts';
import { formatHeatValue, heatColour, heatScale, isHeatMetric } from '../graph/heat.ts';
import { CATEGORY_COLOURS, EDGE_COLOURS, KIND_STYLES } from '../graph/stylesheet.ts';
import { categoryOf } from '../graph/to-elements.ts';
import { categoryName, kindName, msg, type Lang } from '../i18n/messages.ts';
import { SVG_FONTS } from './export-svg.ts';
import { today } from './files.ts';

/** The bands' sizes, in millimetres of the PDF's page (A4 landscape, 277 mm inside margins). */
export const FRAME = {
  /** The width the sizes are designed for: a PNG draws them in proportion to its own width. */
  designWidth: 277,
  titleBand: 16,
  legendRow: 4.6,
  footer: 12,
  gap: 2,
  /** Around a framed PNG: the page's white margin. */
  margin: 6,
  ink: '#1d2b3a',
  muted: '#5b6573',
  rule: '#d5dae0',
} as const;

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
  /** The line under the title: what the view shows (a saved view's name and caption, a selection). */
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

/** Draws bands `width` pixels wide at `unit` pixels per millimetre. */
export class FramePainter {
  constructor(
    readonly width: number,
    readonly unit: number,
  ) {}

  #band(heightMm: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(this.width));
    canvas.height = Math.max(1, Math.round(heightMm * this.unit));
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.textBaseline = 'middle';
    return [canvas, context];
  }

  #font(mm: number, weight = 400): string {
    return `${weight} ${Math.max(1, Math.round(mm * this.unit))}px ${SVG_FONTS}`;
  }

  /** The plan's title, and under it what the view shows. */
  title(title: string, caption = ''): HTMLCanvasElement {
    const [canvas, context] = this.#band(FRAME.titleBand);
    context.fillStyle = FRAME.ink;
    context.font = this.#font(5.2, 700);
    context.fillText(
      title,
      0,
      caption === '' ? canvas.height / 2 : canvas.height * 0.33,
      canvas.width,
    );
    if (caption !== '') {
      context.fillStyle = '#4a5563';
      context.font = this.#font(3.4);
      context.fillText(caption, 0, canvas.height * 0.78, canvas.width);
    }
    return canvas;
  }

  /** The legend, its groups wrapped onto as many rows as the width needs. */
  legend(sheet: BriefingSheet): HTMLCanvasElement {
    const u = this.unit;
    const row = FRAME.legendRow * u;
    const gap = 2.5 * u;
    // Laid out first on a scratch canvas (to measure), then drawn on one of the height it took.
    const [, measure] = this.#band(1);
    type Mark = { x: number; row: number; entry?: LegendEntry; heading?: string; width: number };
    const marks: Mark[] = [];
    let x = 0;
    let rows = 0;
    const advance = (needed: number) => {
      if (x + needed > this.width && x > 0) {
        x = 0;
        rows += 1;
      }
    };
    for (const group of legendGroups(sheet)) {
      measure.font = this.#font(2.9);
      const entries = group.entries.map((entry) => {
        const swatch = (entry.line === true ? 6 : 3) * u;
        return { entry, swatch, width: swatch + measure.measureText(entry.label).width + gap };
      });
      measure.font = this.#font(2.9, 700);
      const heading = measure.measureText(group.title).width;
      // A heading never ends a row: it goes down with its first entry.
      advance(heading + gap / 2 + (entries[0]?.width ?? 0));
      marks.push({ x, row: rows, heading: group.title, width: heading });
      x += heading + gap / 2;
      for (const { entry, swatch, width } of entries) {
        advance(width);
        marks.push({ x, row: rows, entry, width: swatch });
        x += width;
      }
      x += gap;
    }
    const [canvas, context] = this.#band((rows + 1) * FRAME.legendRow);
    for (const mark of marks) {
      const y = row / 2 + mark.row * row;
      if (mark.heading !== undefined) {
        context.font = this.#font(2.9, 700);
        context.fillStyle = FRAME.muted;
        context.fillText(mark.heading, mark.x, y);
        continue;
      }
      const entry = mark.entry;
      if (entry === undefined) continue;
      context.fillStyle = entry.colour;
      if (entry.line === true) context.fillRect(mark.x, y - u / 4, mark.width, u / 2);
      else context.fillRect(mark.x, y - mark.width / 2, mark.width, mark.width);
      context.font = this.#font(2.9);
      context.fillStyle = FRAME.ink;
      context.fillText(entry.label, mark.x + mark.width + 0.8 * u, y);
    }
    return canvas;
  }

  /** The date and the source document. */
  footer(text: string): HTMLCanvasElement {
    const [canvas, context] = this.#band(FRAME.footer);
    context.fillStyle = FRAME.muted;
    context.font = this.#font(2.7);
    context.fillText(text, 0, canvas.height / 2, canvas.width);
    return canvas;
  }
}

/**
 * The view's image inside the frame: title above, legend and source line below, a margin
 * around. The words are sized to the image as if it filled a page's width.
 */
export async function framedPng(
  view: Blob,
  sheet: BriefingSheet,
  background?: string,
): Promise<Blob> {
  const bitmap = await createImageBitmap(view);
  const { width, height } = bitmap;
  const unit = Math.min(24, Math.max(3, width / FRAME.designWidth));
  const paint = new FramePainter(width, unit);
  const title = paint.title(sheet.source.title, sheet.caption ?? '');
  const legend = paint.legend(sheet);
  const footer = paint.footer(sourceLine(sheet));
  const margin = Math.round(FRAME.margin * unit);
  const gap = Math.round(FRAME.gap * unit);
  const canvas = document.createElement('canvas');
  canvas.width = width + margin * 2;
  canvas.height = margin * 2 + title.height + gap + height + gap + legend.height + footer.height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D canvas');
  if (background !== undefined) {
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  let y = margin;
  context.drawImage(title, margin, y);
  y += title.height + gap;
  context.drawImage(bitmap, margin, y);
  bitmap.close();
  y += height + gap / 2;
  context.fillStyle = FRAME.rule;
  context.fillRect(margin, y, width, Math.max(1, Math.round(unit / 4)));
  y += gap / 2;
  context.drawImage(legend, margin, y);
  y += legend.height;
  context.drawImage(footer, margin, y);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error('no PNG')) : resolve(blob)),
      'image/png',
    ),
  );
}
