// The current view as a high-resolution PNG, Cytoscape's own rendering at 2–4× scale.
import { briefingFileName, downloadBlob, type CanvasImages, type ImageChoice } from './files.ts';

export async function exportPng(
  canvas: CanvasImages,
  plan: string | null,
  choice: ImageChoice,
): Promise<string> {
  const blob = await canvas.png(choice);
  if (blob === null || blob.size === 0) throw new Error('the canvas is not drawn');
  const name = briefingFileName(plan, 'png');
  downloadBlob(blob, name);
  return name;
}
