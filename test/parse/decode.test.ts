// Bytes → text: BOMs, UTF-16, GB18030, line breaks, and telling binary data from a document.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode } from '../../graph/parse/decode.ts';
import { parsePlan, parsePlanBytes } from '../../graph/parse/parse-plan.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedText = readFileSync(
  path.join(repoRoot, 'seeds', 'wuhan-14th-fyp-task-division.txt'),
  'utf8',
);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** GB18030 bytes of a text, built from the platform's decoder (there is no encoder). */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GB18030 two-byte form for ${ch}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

describe('decode', () => {
  it('reads UTF-8 with and without a BOM, and names the line breaks', () => {
    expect(decode(utf8('一、任务\n1.工作'))).toMatchObject({
      text: '一、任务\n1.工作',
      encoding: 'utf-8',
      bom: false,
      lineBreaks: 'lf',
      issues: [],
    });
    expect(decode(utf8('\ufeff一\r\n二\r\n'))).toMatchObject({
      text: '一\r\n二\r\n',
      bom: true,
      lineBreaks: 'crlf',
    });
    expect(decode(utf8('a\rb\nc')).lineBreaks).toBe('mixed');
    expect(decode(utf8('abc')).lineBreaks).toBe('none');
  });

  it('reads UTF-16 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('牵头单位:市发改委', 'utf16le')]);
    expect(decode(le)).toMatchObject({ text: '牵头单位:市发改委', encoding: 'utf-16le' });
    const be = Buffer.from('牵头单位', 'utf16le').swap16();
    expect(decode(new Uint8Array([0xfe, 0xff, ...be])).text).toBe('牵头单位');
  });

  it('falls back to GB18030 and parses the seed saved that way exactly as in UTF-8', () => {
    const bytes = gb18030(seedText);
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(seedText);
    const model = parsePlanBytes(bytes);
    expect(model.issues[0]).toMatchObject({ code: 'encoding', severity: 'info' });
    expect(model.items).toEqual(parsePlan(seedText).items);
  });

  it('reports NUL bytes as binary data', () => {
    const result = decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]));
    expect(result.issues.map((i) => [i.code, i.severity])).toContainEqual(['binary-data', 'error']);
  });

  it('reports bytes that are neither UTF-8 nor GB18030', () => {
    const result = decode(new Uint8Array([0xe4, 0xb8, 0x80, 0xff, 0xff, 0x0a]));
    expect(result.issues.map((i) => i.code)).toContain('invalid-utf8');
    expect(result.text).toContain('\ufffd');
  });
});
