// Hands a file to the browser as a download: a Blob behind an object URL, clicked through a
// detached <a download>. No server round trip, nothing the Content-Security-Policy forbids. Also
// the naming every download shares: `<what>-<YYYY-MM-DD>.<ext>`.

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const JSON_TYPE = 'application/json;charset=utf-8';

/** How long the object URL outlives the click: the browser reads it asynchronously. */
const REVOKE_AFTER_MS = 60_000;

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

export function downloadText(contents: string, fileName: string, type: string): void {
  downloadBlob(new Blob([contents], { type }), fileName);
}

/** A day as YYYY-MM-DD in the planner's own time zone (the day on the file). */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A file name's first part: characters no file system takes, and spaces, become a dash; Chinese stays. */
export function safeFileBase(base: string, fallback: string): string {
  const safe = base
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return safe === '' ? fallback : safe;
}
