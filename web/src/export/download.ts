// Hands a file to the browser as a download: a Blob behind an object URL, clicked through a
// detached <a download>. No server round trip, nothing the Content-Security-Policy forbids. Also
// the naming every download shares: `<plan>-<what>-<YYYY-MM-DD>.<ext>`, the plan by the short
// title planners give it (武汉十四五分工), never by its id.
import { planShortTitle, type PlanTitle } from '../../../contract/short-title.ts';

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const JSON_TYPE = 'application/json;charset=utf-8';

/** How long the object URL outlives the click: the browser reads it asynchronously. */
const REVOKE_AFTER_MS = 60_000;

/** The short title of the plan on screen, which every file handed out begins with. */
let planPrefix = '';

/** Tells the downloads which plan is on screen (the explorer does, whenever it draws one). */
export function namePlanFiles(plan: PlanTitle | null): void {
  planPrefix = plan === null ? '' : safeFileBase(planShortTitle(plan), '');
}

/**
 * A name that does not begin with the plan's short title gets it in front: the rankings' and the
 * console's tables name only what they hold (`unit-load-2026-12-06.csv`), and a file on the
 * planner's desk must say which plan it came from.
 */
export function withPlanPrefix(fileName: string, prefix = planPrefix): string {
  return prefix === '' || fileName.startsWith(`${prefix}-`) ? fileName : `${prefix}-${fileName}`;
}

/** `ofPlan: false` for a file that is no plan's (the audit log): its name stays as given. */
export function downloadBlob(blob: Blob, fileName: string, { ofPlan = true } = {}): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = ofPlan ? withPlanPrefix(fileName) : fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

export function downloadText(contents: string, fileName: string, type: string): void {
  downloadBlob(new Blob([contents], { type }), fileName);
}

/** A day as YYYY-MM-DD in the planner's own time zone (the day on the file). */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A file name's part: characters no file system takes, and spaces, become a dash; Chinese stays. */
export function safeFileBase(base: string, fallback: string): string {
  const safe = base
    // eslint-disable-next-line no-control-regex -- control characters are what must go
    .replace(/[\\/:*?"<>|\s\u0000-\u001f\u007f]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return safe === '' ? fallback : safe;
}

/** `<plan>-<what it shows>`: 武汉十四五分工-市发改委, the plan named `guatu` when none is known. */
export function planFileBase(plan: PlanTitle | null, subject: string): string {
  const prefix = plan === null ? 'guatu' : safeFileBase(planShortTitle(plan), 'guatu');
  const what = safeFileBase(subject.slice(0, 40), '');
  return what === '' ? prefix : `${prefix}-${what}`;
}

/** `<plan>-<what it shows>-<YYYY-MM-DD>.<ext>`: 武汉十四五分工-市发改委-2026-12-06.pdf. */
export function planFileName(
  plan: PlanTitle | null,
  subject: string,
  ext: string,
  date = new Date(),
): string {
  return `${planFileBase(plan, subject)}-${localDay(date)}.${ext}`;
}

/** The name in `Content-Disposition`: `filename*=UTF-8''…` (RFC 5987) first, else `filename`. */
export function attachmentName(disposition: string | null): string | null {
  if (disposition === null) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (encoded !== undefined) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? null;
}
