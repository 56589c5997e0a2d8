// Bytes → text, before any parsing: byte-order marks, UTF-16, GB18030 (the other encoding such
// notices are saved in), and telling a text file from binary data. Pure: the caller reads.
import type { ParseIssue } from '../model/plan.ts';
import { ISSUE_SEVERITY } from './issues.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type LineBreaks = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  lineBreaks: LineBreaks;
  issues: ParseIssue[];
}

/** Share of control characters (other than tab and line breaks) beyond which it is not text. */
const CONTROL_SHARE = 0.01;
const SAMPLE = 1 << 16;

function issue(code: keyof typeof ISSUE_SEVERITY, message: string): ParseIssue {
  return { code, severity: ISSUE_SEVERITY[code], message, line: null };
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Counts NULs and other control characters in a sample of the text. */
export function controlCharacters(text: string): { nul: number; control: number; sampled: number } {
  let nul = 0;
  let control = 0;
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++;
  }
  return { nul, control, sampled: n };
}

export function lineBreaksOf(text: string): LineBreaks {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
}

export function decode(bytes: Uint8Array): Decoded {
  const issues: ParseIssue[] = [];
  let encoding: Encoding = 'utf-8';
  let bom = false;
  let text: string | null;

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    text = tryDecode('utf-8', bytes.subarray(3), true);
    if (text === null) {
      text = tryDecode('utf-8', bytes.subarray(3), false) ?? '';
      issues.push(issue('invalid-utf8', 'marked UTF-8 but holds bytes that are not UTF-8'));
    }
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    bom = true;
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = tryDecode(encoding, bytes.subarray(2), false) ?? '';
    issues.push(issue('encoding', `decoded as ${encoding.toUpperCase()}`));
  } else {
    text = tryDecode('utf-8', bytes, true);
    if (text === null) {
      const gb = tryDecode('gb18030', bytes, true);
      if (gb !== null && /[\u4e00-\u9fff]/.test(gb) && controlCharacters(gb).nul === 0) {
        text = gb;
        encoding = 'gb18030';
        issues.push(issue('encoding', 'not UTF-8: decoded as GB18030'));
      } else {
        text = tryDecode('utf-8', bytes, false) ?? '';
        issues.push(
          issue('invalid-utf8', 'holds bytes that are neither UTF-8 nor GB18030 (shown as U+FFFD)'),
        );
      }
    }
  }

  const { nul, control, sampled } = controlCharacters(text);
  if (nul > 0 || (sampled > 0 && control / sampled > CONTROL_SHARE)) {
    issues.push(
      issue(
        'binary-data',
        nul > 0
          ? `holds NUL bytes: binary data, not a text document`
          : 'holds control characters: binary data, not a text document',
      ),
    );
  }
  return { text, encoding, bom, lineBreaks: lineBreaksOf(text), issues };
}
