// The current view as a high-resolution PNG, Cytoscape's own rendering at 2–4× scale: inside the
// briefing frame (title, legend, date and source, as on the PDF), or plain for pasting into a
// slide that has its own.
import { framedPng, type BriefingSheet } from './frame.ts';
import { downloadBlob, type CanvasImages, type ImageChoice } from './files.ts';

export async function exportPng(
  canvas: CanvasImages,
  choice: ImageChoice,
  /** The frame's words, or null for the plain image. */
  sheet: BriefingSheet | null,
  fileName: string,
): Promise<string> {
  const view = await canvas.png(choice);
  if (view === null || view.size === 0) throw new Error('the canvas is not drawn');
  downloadBlob(sheet === null ? view : await framedPng(view, sheet, choice.background), fileName);
  return fileName;
}
