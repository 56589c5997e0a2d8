// Mutations of a seed file, as fast-check arbitraries of plain data: a plan says which seed and
// which edits, so a failing input is reproduced from its plan (or its seed) alone, and shrinks.
// Sizes and positions are drawn as numbers; the bytes are built here, deterministically.
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import type { FuzzFormat, SeedFile } from './corpus.ts';
import { writeZip, type ZipEntry } from './zip-writer.ts';

/** A position in the file, in millionths of its length. */
const at = fc.integer({ min: 0, max: 999_999 });
/** Lengths of inserted text: mostly small, now and then huge (a cell or line of megabytes). */
const size = fc.oneof(
  { weight: 40, arbitrary: fc.integer({ min: 1, max: 256 }) },
  { weight: 9, arbitrary: fc.integer({ min: 257, max: 64 * 1024 }) },
  { weight: 1, arbitrary: fc.constantFrom(1 << 20, 4 << 20) },
);

const INSERTS = [
  'invalid-utf8',
  'gbk-half',
  'nul',
  'bom',
  'random',
  'long-line',
  'quotes',
  'markup',
] as const;

export type ByteOp =
  | { op: 'flip'; at: number; count: number; mask: number }
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'splice'; donor: number; from: number; length: number; at: number }
  | { op: 'insert'; kind: (typeof INSERTS)[number]; at: number; size: number }
  | { op: 'nest'; tag: number; at: number; depth: number; closed: boolean };

export type ZipOp =
  | { op: 'entry'; entry: number; edit: ByteOp }
  | { op: 'duplicate'; entry: number; edit: ByteOp | null }
  | { op: 'drop'; entry: number }
  | { op: 'rename'; entry: number; upper: boolean }
  | { op: 'shuffle'; by: number }
  | { op: 'stored' };

export interface FuzzPlan {
  format: FuzzFormat;
  seed: number;
  ops: Array<ByteOp | ZipOp>;
}

/** Markup nested without end: every reader's structure, and XML or HTML parsers' recursion. */
const NESTING = [
  ['<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>'],
  ['<w:p><w:r><w:t>', '</w:t></w:r></w:p>'],
  ['<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'],
  ['<mc:AlternateContent><mc:Choice>', '</mc:Choice></mc:AlternateContent>'],
  ['<row><c><v>', '</v></c></row>'],
  ['<div>', '</div>'],
  ['<table><tr><td>', '</td></tr></table>'],
  ['<ul><li>', '</li></ul>'],
  ['一、', '\n'],
  ['"', '"'],
  ['(', ')'],
] as const;

const byteOp = (donors: number): fc.Arbitrary<ByteOp> =>
  fc.oneof(
    fc.record({
      op: fc.constant('flip' as const),
      at,
      count: fc.integer({ min: 1, max: 16 }),
      mask: fc.integer({ min: 1, max: 255 }),
    }),
    fc.record({ op: fc.constant('truncate' as const), at }),
    fc.record({
      op: fc.constant('delete' as const),
      at,
      length: fc.integer({ min: 1, max: 4096 }),
    }),
    fc.record({
      op: fc.constant('repeat' as const),
      at,
      length: fc.integer({ min: 1, max: 512 }),
      // Mostly a few copies; now and then enough to make a large file of one pattern.
      times: fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 2, max: 20 }) },
        { weight: 1, arbitrary: fc.integer({ min: 21, max: 2000 }) },
      ),
    }),
    fc.record({
      op: fc.constant('splice' as const),
      donor: fc.integer({ min: 0, max: donors - 1 }),
      from: at,
      length: fc.integer({ min: 1, max: 8192 }),
      at,
    }),
    fc.record({ op: fc.constant('insert' as const), kind: fc.constantFrom(...INSERTS), at, size }),
    fc.record({
      op: fc.constant('nest' as const),
      tag: fc.integer({ min: 0, max: NESTING.length - 1 }),
      at,
      depth: fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 2, max: 200 }) },
        { weight: 1, arbitrary: fc.constantFrom(5_000, 50_000) },
      ),
      closed: fc.boolean(),
    }),
  );

const zipOp = (donors: number): fc.Arbitrary<ZipOp> => {
  const entry = fc.integer({ min: 0, max: 63 });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ op: fc.constant('entry' as const), entry, edit: byteOp(donors) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('duplicate' as const),
        entry,
        edit: fc.option(byteOp(donors), { nil: null }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('drop' as const), entry }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('rename' as const), entry, upper: fc.boolean() }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('shuffle' as const), by: fc.nat(1000) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('stored' as const) }) },
  );
};

/** Plans for one format: a seed of the corpus and one to four edits. */
export function fuzzPlan(format: FuzzFormat, seeds: number): fc.Arbitrary<FuzzPlan> {
  const op: fc.Arbitrary<ByteOp | ZipOp> = format === 'zip' ? zipOp(seeds) : byteOp(seeds);
  return fc.record({
    format: fc.constant(format),
    seed: fc.integer({ min: 0, max: seeds - 1 }),
    ops: fc.array(op, { minLength: 1, maxLength: 4 }),
  });
}

const place = (bytes: Uint8Array, millionths: number) =>
  Math.floor((bytes.length * millionths) / 1_000_000);

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** A cheap repeatable byte stream for "random" inserts. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** `length` bytes of `unit`, repeated (cut at the end). */
function fill(unit: string | Uint8Array, length: number): Uint8Array {
  const piece = typeof unit === 'string' ? Buffer.from(unit, 'utf8') : Buffer.from(unit);
  const out = Buffer.alloc(length);
  out.fill(piece);
  return new Uint8Array(out);
}

function inserted(kind: (typeof INSERTS)[number], length: number, seed: number): Uint8Array {
  switch (kind) {
    case 'invalid-utf8':
      // Overlong, lone continuation, surrogate half, bytes never valid in UTF-8.
      return fill(new Uint8Array([0xc0, 0x80, 0x80, 0xed, 0xa0, 0x80, 0xff, 0xfe, 0xf8]), length);
    case 'gbk-half':
      return fill(new Uint8Array([0xb9, 0xd2, 0xcd, 0x81]), length);
    case 'nul':
      return new Uint8Array(length);
    case 'bom':
      return fill(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe]), length);
    case 'random':
      return noise(length, seed);
    case 'long-line':
      return fill('市发改委、市财政局牵头负责落实', length);
    case 'quotes':
      return fill('"",""\t"\r', length);
    case 'markup':
      return fill('<td colspan="999999" rowspan="99999"><w:gridSpan w:val="99999"/>', length);
  }
}

/** One byte-level edit of `bytes`; `donors` are the other seeds, for splices. */
export function applyByteOp(
  bytes: Uint8Array,
  op: ByteOp,
  donors: readonly SeedFile[],
): Uint8Array {
  const p = 'at' in op ? place(bytes, op.at) : 0;
  switch (op.op) {
    case 'flip': {
      const out = bytes.slice();
      if (out.length === 0) return out;
      for (let i = 0; i < op.count; i++) {
        const j = (p + i * 7919 * op.mask) % out.length;
        out[j] = (out[j] as number) ^ op.mask;
      }
      return out;
    }
    case 'truncate':
      return bytes.slice(0, p);
    case 'delete':
      return concat(bytes.subarray(0, p), bytes.subarray(p + op.length));
    case 'repeat': {
      const chunk = bytes.subarray(p, p + op.length);
      const copies = Buffer.alloc(chunk.length * op.times);
      if (chunk.length > 0) copies.fill(chunk);
      return concat(bytes.subarray(0, p + chunk.length), copies, bytes.subarray(p + chunk.length));
    }
    case 'splice': {
      const donor = donors[op.donor % donors.length]?.bytes ?? bytes;
      const from = place(donor, op.from);
      return concat(
        bytes.subarray(0, p),
        donor.subarray(from, from + op.length),
        bytes.subarray(p),
      );
    }
    case 'insert':
      return concat(bytes.subarray(0, p), inserted(op.kind, op.size, op.at), bytes.subarray(p));
    case 'nest': {
      const [open, close] = NESTING[op.tag % NESTING.length] as readonly [string, string];
      const text = open.repeat(op.depth) + (op.closed ? close.repeat(op.depth) : '');
      return concat(bytes.subarray(0, p), Buffer.from(text, 'utf8'), bytes.subarray(p));
    }
  }
}

/** Edits inside a Word or Excel package: its entries, their XML, the container itself. */
function applyZipOps(
  seed: SeedFile,
  ops: readonly ZipOp[],
  donors: readonly SeedFile[],
): Uint8Array {
  const files = unzipSync(seed.bytes);
  let entries: ZipEntry[] = Object.entries(files).map(([name, data]) => ({
    name,
    data,
    method: 8,
  }));
  const pick = (n: number) => n % Math.max(1, entries.length);
  for (const op of ops) {
    if (entries.length === 0) break;
    switch (op.op) {
      case 'entry': {
        const entry = entries[pick(op.entry)] as ZipEntry;
        entry.data = applyByteOp(entry.data, op.edit, donors);
        break;
      }
      case 'duplicate': {
        const entry = entries[pick(op.entry)] as ZipEntry;
        const data = op.edit ? applyByteOp(entry.data, op.edit, donors) : entry.data;
        entries.push({ ...entry, data });
        break;
      }
      case 'drop':
        entries.splice(pick(op.entry), 1);
        break;
      case 'rename': {
        const entry = entries[pick(op.entry)] as ZipEntry;
        entry.name = op.upper ? entry.name.toUpperCase() : `${entry.name}/`;
        break;
      }
      case 'shuffle':
        entries = entries
          .map((e, i) => ({ e, k: (i * 7 + op.by) % 13 }))
          .sort((a, b) => a.k - b.k)
          .map(({ e }) => e);
        break;
      case 'stored':
        for (const entry of entries) entry.method = 0;
        break;
    }
  }
  return writeZip(entries);
}

/** The input a plan describes. */
export function buildInput(plan: FuzzPlan, seeds: readonly SeedFile[]): Uint8Array {
  const seed = seeds[plan.seed % seeds.length] as SeedFile;
  if (plan.format === 'zip') return applyZipOps(seed, plan.ops as ZipOp[], seeds);
  let bytes = seed.bytes;
  for (const op of plan.ops as ByteOp[]) bytes = applyByteOp(bytes, op, seeds);
  return bytes;
}

/** The file name the input is read under: the seed's, so format hints stay what they were. */
export function inputName(plan: FuzzPlan, seeds: readonly SeedFile[]): string {
  const seed = seeds[plan.seed % seeds.length] as SeedFile;
  return seed.name.split('/').pop() ?? 'input';
}
