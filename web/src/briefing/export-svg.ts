// The current view as SVG: vector shapes, labels kept as <text> (so Chinese stays searchable and
// sharp). cytoscape-svg is loaded only when the first SVG is asked for.
import { downloadBlob, type CanvasImages, type ImageChoice } from './files.ts';

/**
 * Fonts for the labels in the file: whoever opens it may lack the fonts of the machine that made
 * it, so CJK faces of every platform come first and a generic family last.
 */
export const SVG_FONTS =
  '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** Cytoscape with the SVG extension registered. */
export interface SvgCore {
  svg(options: { full?: boolean; scale?: number; bg?: string }): string;
}

let registered: Promise<void> | null = null;

/** Registers cytoscape-svg once (through `use`, i.e. cytoscape.use). */
export function loadSvgExtension(use: (extension: unknown) => void): Promise<void> {
  registered ??= import('cytoscape-svg').then((module) => use(module.default));
  registered.catch(() => {
    registered = null;
  });
  return registered;
}

/** Gives every label the portable font stack and the file a title. */
export function briefingSvg(raw: string, title: string): string {
  const doc = new DOMParser().parseFromString(raw, 'image/svg+xml');
  const root = doc.documentElement;
  for (const text of root.querySelectorAll('text')) {
    text.setAttribute('font-family', SVG_FONTS);
    // The canvas labels carry zero-width spaces as wrapping points; in the file each wrapped line
    // is its own <text> already, and the words must read (and search) as printed.
    text.textContent = (text.textContent ?? '').replace(/\u200b/g, '');
  }
  const heading = doc.createElementNS('http://www.w3.org/2000/svg', 'title');
  heading.textContent = title;
  root.insertBefore(heading, root.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

export async function exportSvg(
  canvas: CanvasImages,
  title: string,
  choice: ImageChoice,
  fileName: string,
): Promise<string> {
  const raw = await canvas.svg({ ...choice, scale: 1 });
  if (raw === null || raw === '') throw new Error('the canvas is not drawn');
  const svg = new Blob([briefingSvg(raw, title)], { type: 'image/svg+xml;charset=utf-8' });
  downloadBlob(svg, fileName);
  return fileName;
}
