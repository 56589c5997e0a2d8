// Names a briefing's files `<plan>-<date>.<ext>` and hands them over as downloads (the same way
// as every export: web/src/export/download.ts).
import { localDay, safeFileBase } from '../export/download.ts';

export { downloadBlob } from '../export/download.ts';

/** Today as YYYY-MM-DD in the planner's own time zone (the day on the briefing). */
export const today = (now = new Date()): string => localDay(now);

/** `<plan>-<date>.<ext>`, with characters file systems refuse replaced. */
export function briefingFileName(plan: string | null, ext: string, date = today()): string {
  return `${safeFileBase(plan ?? '', 'guatu')}-${date}.${ext}`;
}

/** What the exports draw from: the canvas (gt-graph). */
export interface CanvasImages {
  png(options: ImageChoice): Promise<Blob | null>;
  svg(options: ImageChoice): Promise<string | null>;
}

/** The planner's choices for an image of the view. */
export interface ImageChoice {
  /** The whole graph (true) or the current viewport. */
  full: boolean;
  scale: number;
  /** Instead of the scale: the widest the image may be, in pixels. */
  maxWidth?: number;
  /** A CSS colour, or left out for a transparent background. */
  background?: string;
}
