// Names and hands over a briefing's files: `<plan>-<date>.<ext>`, a Blob behind an object URL
// clicked through a detached <a download> (no server round trip, nothing the CSP forbids).

/** How long the object URL outlives the click: the browser reads it asynchronously. */
const REVOKE_AFTER_MS = 60_000;

/** Today as YYYY-MM-DD in the planner's own time zone (the day on the briefing). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `<plan>-<date>.<ext>`, with characters file systems refuse replaced. */
export function briefingFileName(plan: string | null, ext: string, date = today()): string {
  const base = (plan ?? 'guatu').replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base === '' ? 'guatu' : base}-${date}.${ext}`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
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
