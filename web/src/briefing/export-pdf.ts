// The current view as a one-page PDF for a briefing, inside the briefing frame (frame.ts): the
// plan's title, the view, its legend, the date and the source document. jsPDF is loaded only
// when the first PDF is asked for.
//
// The frame's words are canvases placed as images at print resolution, beside the view's own
// PNG: the page reads the same on any viewer; the cost is that its words are not selectable
// (the SVG export keeps them as text).
import { FRAME, FramePainter, sourceLine, type BriefingSheet } from './frame.ts';
import { downloadBlob, type CanvasImages } from './files.ts';

export type { BriefingSheet, BriefingSource } from './frame.ts';

/** The page: A4 landscape, in millimetres; words are drawn at PX_PER_MM (about 200 dpi). */
const PAGE = { width: 297, height: 210, margin: 10 };
const PX_PER_MM = 8;
/** The view's image at most 300 dpi across the page: sharp in print, without megabytes more. */
const PRINT_WIDTH = Math.round(((PAGE.width - PAGE.margin * 2) / 25.4) * 300);

export async function exportPdf(
  canvas: CanvasImages,
  sheet: BriefingSheet,
  fileName: string,
): Promise<string> {
  const [{ jsPDF }, png] = await Promise.all([
    import('jspdf'),
    canvas.png({ full: true, scale: 2, maxWidth: PRINT_WIDTH, background: '#ffffff' }),
  ]);
  if (png === null || png.size === 0) throw new Error('the canvas is not drawn');
  const bitmap = await createImageBitmap(png);
  const { width: pw, height: ph, margin } = PAGE;
  const inner = pw - margin * 2;
  const paint = new FramePainter(inner * PX_PER_MM, PX_PER_MM);
  // Compressed: jsPDF stores an image's pixels decoded, which uncompressed runs to 90 MB.
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  pdf.setProperties({ title: sheet.source.title, creator: 'guatu' });
  const place = (image: HTMLCanvasElement, y: number) =>
    pdf.addImage(image, 'PNG', margin, y, inner, image.height / PX_PER_MM, undefined, 'FAST');
  const legend = paint.legend(sheet);
  const legendHeight = legend.height / PX_PER_MM;
  place(paint.title(sheet.source.title, sheet.caption ?? ''), margin);
  // The view fills what the words leave, keeping its aspect ratio, centred.
  const top = margin + FRAME.titleBand + FRAME.gap;
  const bottom = ph - margin - FRAME.footer - legendHeight - FRAME.gap;
  const scale = Math.min(inner / bitmap.width, (bottom - top) / bitmap.height);
  const w = bitmap.width * scale;
  const h = bitmap.height * scale;
  bitmap.close();
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
  pdf.setDrawColor(FRAME.rule);
  pdf.line(margin, bottom + 1, pw - margin, bottom + 1);
  place(legend, bottom + FRAME.gap);
  place(paint.footer(sourceLine(sheet)), ph - margin - FRAME.footer);
  downloadBlob(pdf.output('blob'), fileName);
  return fileName;
}
