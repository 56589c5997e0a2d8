// A zip bomb dressed as a .docx, built in milliseconds: word/document.xml inflates to gigabytes
// of zeros. Compressing that much would take seconds, so the deflate stream is written by hand:
// one dynamic-Huffman block whose codes for "repeat the last byte 258 times" are one bit each,
// so every byte of the stream inflates to 1,032 bytes — deflate's limit.
import { strToU8 } from 'fflate';

export interface BombOptions {
  /** Bytes each bomb entry inflates to; 1 GiB by default. */
  inflated?: number;
  /** Entries holding the bomb stream (the entry-count cap is not what is tested here). */
  entries?: number;
  /**
   * Sizes the zip headers claim: the truth (a bomb that admits its size, refused from the
   * directory) or a lie (a few KiB, so only counting the output can refuse it).
   */
  sizes?: 'true' | 'lie';
}

/** LSB-first bit writer; Huffman codes are written most significant bit first, as deflate says. */
class Bits {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  write(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.bit((value >> i) & 1);
  }

  code(code: string): void {
    for (const ch of code) this.bit(ch === '1' ? 1 : 0);
  }

  private bit(b: number): void {
    this.current |= b << this.used;
    if (++this.used === 8) this.flush();
  }

  private flush(): void {
    this.bytes.push(this.current);
    this.current = 0;
    this.used = 0;
  }

  aligned(): boolean {
    return this.used === 0;
  }

  align(): void {
    if (this.used > 0) this.flush();
  }

  done(): Uint8Array {
    this.align();
    return Uint8Array.from(this.bytes);
  }
}

/**
 * A raw deflate stream of (about) `size` zeros. Literal/length codes: 285 (length 258) → "0",
 * literal 0 → "10", end of block → "11"; distance codes 0 and 1 → "0" and "1". After the header
 * and the first literal, each pair "00" copies 258 zeros, so the body is zero bytes.
 */
function deflatedZeros(size: number): Uint8Array {
  const header = new Bits();
  header.write(1, 1); // BFINAL
  header.write(2, 2); // BTYPE = dynamic Huffman
  header.write(286 - 257, 5); // HLIT: literal/length codes 0 … 285
  header.write(2 - 1, 5); // HDIST: distance codes 0 and 1
  // Code-length alphabet, lengths in the order deflate lists them; used symbols: 18 (1 bit),
  // 1 and 2 (2 bits) → canonical codes 18 "0", 1 "10", 2 "11".
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  const lengths: Record<number, number> = { 18: 1, 1: 2, 2: 2 };
  // All 19 code-length lengths (HCLEN 15), which also makes the header an even number of bits,
  // so that the two-bit copies below can reach a byte boundary.
  header.write(19 - 4, 4);
  for (const symbol of order) header.write(lengths[symbol] ?? 0, 3);
  const zeros = (n: number) => {
    header.code('0'); // symbol 18: n zero lengths, 11 … 138
    header.write(n - 11, 7);
  };
  // Literal/length lengths: 0 → 2, 1 … 255 → 0, 256 → 2, 257 … 284 → 0, 285 → 1.
  header.code('11');
  zeros(138);
  zeros(117);
  header.code('11');
  zeros(28);
  header.code('10');
  // Distance lengths: 0 → 1, 1 → 1.
  header.code('10');
  header.code('10');
  header.code('10'); // literal 0
  const copies = Math.max(1, Math.ceil((size - 1) / 258));
  // Copies up to the byte boundary are written bit by bit; the rest are whole zero bytes.
  let left = copies;
  while (left > 0 && !header.aligned()) {
    header.code('00');
    left--;
  }
  const head = header.done();
  const wholeBytes = Math.floor(left / 4);
  const tail = new Bits();
  for (let i = 0; i < left - wholeBytes * 4; i++) tail.code('00');
  tail.code('11'); // end of block
  const end = tail.done();
  const out = new Uint8Array(head.length + wholeBytes + end.length);
  out.set(head, 0);
  out.set(end, head.length + wholeBytes);
  return out;
}

/** CRC-32 as zip uses it, for the small honest entries. */
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** A zip container written field by field, so that its sizes can say whatever the test needs. */
function zipOf(entries: readonly Entry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, e.method, true);
    local.setUint32(14, e.crc, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, Math.min(e.size, 0xffffffff), true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, e.method, true);
    dir.setUint32(16, e.crc, true);
    dir.setUint32(20, e.data.length, true);
    dir.setUint32(24, Math.min(e.size, 0xffffffff), true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, e.data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const stored = (name: string, text: string): Entry => {
  const data = strToU8(text);
  return { name, data, method: 0, crc: crc32(data), size: data.length };
};

/** A .docx whose document (and `entries - 1` more parts) inflate to `inflated` zeros each. */
export function zipBombDocx(options: BombOptions = {}): Uint8Array {
  const inflated = options.inflated ?? 1024 * 1024 * 1024;
  const stream = deflatedZeros(inflated);
  const claimed = options.sizes === 'lie' ? 4096 : inflated;
  const bomb = (name: string): Entry => ({
    name,
    data: stream,
    method: 8,
    // The CRC of the zeros is never reached: the reader must refuse long before the end.
    crc: 0,
    size: claimed,
  });
  const entries: Entry[] = [
    stored(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    bomb('word/document.xml'),
  ];
  for (let i = 1; i < (options.entries ?? 1); i++) entries.push(bomb(`word/part${i}.xml`));
  return zipOf(entries);
}
