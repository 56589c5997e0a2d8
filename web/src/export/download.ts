// Hands a text to the browser as a file download: a Blob behind an object URL, clicked through a
// detached <a download>. No server round trip, nothing the Content-Security-Policy forbids.

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const JSON_TYPE = 'application/json;charset=utf-8';

/** How long the object URL outlives the click: the browser reads it asynchronously. */
const REVOKE_AFTER_MS = 60_000;

export function downloadText(contents: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
