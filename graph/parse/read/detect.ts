// Which format a file is, from its bytes: magic numbers first (zip, OLE2, PDF), then the names
// inside a zip, then markup. A file name is only a hint for what the bytes cannot tell apart
// (a CSV is text with commas), never the deciding fact.
import { unzipSync } from 'fflate';
import type { Format } from './blocks.ts';

export type Detected =
  | { format: Format }
  /** A format guatu knows but does not read, with its name for the message. */
  | { format: 'unsupported'; kind: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Names of a zip's entries, read from its directory without inflating anything. */
function zipNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (names.length < 10_000) names.push(file.name);
        return false;
      },
    });
  } catch {
    return names.length > 0 ? names : localNames(bytes);
  }
  return names;
}

/**
 * Names from the local headers, for a zip whose directory at the end is cut off or broken: a
 * truncated .docx is still a .docx, and its reader can say it is corrupt.
 */
function localNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  // Searched for, not walked: an entry with a data descriptor does not say its size up front.
  for (let at = buffer.indexOf(signature); at >= 0 && at + 30 <= buffer.length;) {
    const nameLength = buffer.readUInt16LE(at + 26);
    names.push(buffer.toString('utf8', at + 30, Math.min(buffer.length, at + 30 + nameLength)));
    if (names.length >= 1000) break;
    at = buffer.indexOf(signature, at + 30);
  }
  return names.length > 0 ? names : null;
}

function zipKind(bytes: Uint8Array): Detected {
  const names = zipNames(bytes);
  if (names === null) return { format: 'unsupported', kind: 'zip (corrupt)' };
  const has = (name: string) => names.includes(name);
  const prefixed = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (has('word/document.xml') || prefixed('word/')) return { format: 'docx' };
  if (has('xl/workbook.xml') || prefixed('xl/')) return { format: 'xlsx' };
  if (prefixed('ppt/')) return { format: 'unsupported', kind: 'PowerPoint (.pptx)' };
  if (has('OFD.xml') || has('ofd.xml')) return { format: 'unsupported', kind: 'OFD' };
  if (has('mimetype') || has('content.xml')) return { format: 'unsupported', kind: 'OpenDocument' };
  return { format: 'unsupported', kind: 'zip archive' };
}

/** Word 97–2003 keeps a "WordDocument" stream; Excel 97–2003 "Workbook"; WPS Office its own. */
function ole2Kind(bytes: Uint8Array): Detected {
  const head = bytes.subarray(0, Math.min(bytes.length, 1 << 20));
  const utf16 = (name: string) => {
    const pattern = new Uint8Array(name.length * 2);
    for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
    return Buffer.from(head).includes(Buffer.from(pattern));
  };
  // A password-protected .docx/.xlsx is OLE2 around an encrypted package: the Word reader says
  // so (which of the two it is cannot be known without the password).
  if (utf16('EncryptedPackage')) return { format: 'docx' };
  if (utf16('WordDocument')) return { format: 'doc' };
  if (utf16('Workbook') || utf16('Book'))
    return { format: 'unsupported', kind: 'Excel 97–2003 (.xls)' };
  if (utf16('PowerPoint Document'))
    return { format: 'unsupported', kind: 'PowerPoint 97–2003 (.ppt)' };
  return { format: 'unsupported', kind: 'OLE2 (.wps/.et or another legacy Office file)' };
}

const MARKUP =
  /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table)[\s>]/i;

/** Looks like HTML: a document that opens with markup a browser would render. */
export function looksLikeHtml(text: string): boolean {
  return MARKUP.test(text.slice(0, 4096));
}

/**
 * Looks like CSV: most lines split into the same number (≥ 3) of comma-separated fields. A
 * notice written with half-width punctuation has commas too, but not in the same count on most
 * lines; the name's `.csv` only lowers the bar to half of the lines.
 */
export function looksLikeCsv(text: string, nameHint?: string): boolean {
  const lines = text
    .slice(0, 1 << 16)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim().length > 0)
    .slice(0, 200);
  if (lines.length < 2) return false;
  const counts = new Map<number, number>();
  for (const line of lines) {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) n++;
    }
    if (n >= 2) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  const share = most / lines.length;
  return /\.csv$/i.test(nameHint ?? '') ? share >= 0.5 : share >= 0.8;
}

/**
 * The format of `bytes`. `sample` is the start of the bytes decoded as text (by the text
 * decoder, which knows BOMs and GB18030), for the markup and delimiter checks.
 */
export function detectFormat(bytes: Uint8Array, sample: () => string, nameHint?: string): Detected {
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return zipKind(bytes);
  if (startsWith(bytes, OLE2)) return ole2Kind(bytes);
  // A PDF may carry junk before its header; readers accept it within the first KiB.
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (startsWith(bytes, PDF) || head.includes('%PDF-')) return { format: 'pdf' };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66]))
    return { format: 'unsupported', kind: 'RTF' };
  const text = sample();
  if (looksLikeHtml(text)) return { format: 'html' };
  if (looksLikeCsv(text, nameHint)) return { format: 'csv' };
  return { format: 'text' };
}
