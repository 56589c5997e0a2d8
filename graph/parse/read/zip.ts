// Zip containers (.docx, .xlsx) are untrusted input: a few kilobytes can claim, or really hold,
// gigabytes. Everything is inflated here, in memory — no name from inside an archive is ever a
// path on the disk — under two caps: the number of entries, and the bytes inflated, counted as
// they come out (a header may lie about its sizes). Compressed input is fed in small slices so
// that one slice can never inflate to more than a few megabytes before it is counted.
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';
import type { ParseIssue } from '../../model/plan.ts';
import type { ReadLimits } from './blocks.ts';
import { readIssue } from './issues.ts';

export type Unzipped =
  { ok: true; names: string[]; files: Map<string, Uint8Array> } | { ok: false; issue: ParseIssue };

/**
 * Deflate expands at most ~1032:1, so a 1 KiB slice yields at most ~1 MiB before a check; a bomb
 * is fed in slices that small (fflate's streaming inflater takes over a second to grow the
 * ~16 MiB one 16 KiB slice of a bomb gives). Honest XML inflates 5–30:1, so while the output
 * stays under SLOW_RATIO times the input the slices double, up to MAX_SLICE: a 1 KiB slice per
 * push would cost a large workbook seconds.
 */
const SLICE = 1024;
const MAX_SLICE = 256 * 1024;
const SLOW_RATIO = 64;
/**
 * Office XML compresses 5–30:1, rarely past 100:1; a bomb of repeated bytes nears 1000:1. Past
 * this ratio (once a MiB is out) the file is refused at once, instead of after inflating
 * up to the byte cap, which takes seconds.
 */
const BOMB_RATIO = 400;
const RATIO_AFTER = 1024 * 1024;

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

class TooLarge extends Error {}

/**
 * Inflates the entries `want` accepts. Entry count and declared sizes are checked from the
 * directory first (a bomb that admits its size is refused before any inflation), then the real
 * output is counted while inflating.
 */
export function unzip(
  bytes: Uint8Array,
  limits: ReadLimits,
  want: (name: string) => boolean,
): Unzipped {
  const names: string[] = [];
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        if (want(file.name)) declared += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    return { ok: false, issue: readIssue('corrupt-file', { en: `zip: ${message(error)}` }) };
  }
  if (names.length > limits.maxZipEntries) {
    return {
      ok: false,
      issue: readIssue('zip-too-many-entries', {
        en: `${names.length} entries, the limit is ${limits.maxZipEntries}`,
        zh: `共 ${names.length} 个条目，上限为 ${limits.maxZipEntries}`,
      }),
    };
  }
  const tooLarge = (size: number): Unzipped => ({
    ok: false,
    issue: readIssue('zip-too-large', {
      en: `more than ${mib(size)} once decompressed, the limit is ${mib(limits.maxUnzippedBytes)}`,
      zh: `解压后超过 ${mib(size)}，上限为 ${mib(limits.maxUnzippedBytes)}`,
    }),
  });
  if (declared > limits.maxUnzippedBytes) return tooLarge(declared);

  const chunks = new Map<string, Uint8Array[]>();
  let inflated = 0;
  let failure: unknown = null;
  const stream = new Unzip((file) => {
    if (!want(file.name) || chunks.has(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (error, chunk) => {
      if (error) {
        failure ??= error;
        return;
      }
      inflated += chunk.length;
      if (inflated > limits.maxUnzippedBytes) {
        failure = new TooLarge();
        file.terminate();
        return;
      }
      parts.push(chunk);
    };
    file.start();
  });
  stream.register(UnzipInflate);
  stream.register(UnzipPassThrough);
  try {
    let slice = SLICE;
    for (let at = 0; at < bytes.length && failure === null;) {
      const end = Math.min(bytes.length, at + slice);
      const before = inflated;
      stream.push(bytes.subarray(at, end), end === bytes.length);
      if (inflated > RATIO_AFTER && inflated > BOMB_RATIO * end) failure ??= new TooLarge();
      slice = inflated - before < SLOW_RATIO * (end - at) ? Math.min(MAX_SLICE, slice * 2) : SLICE;
      at = end;
    }
  } catch (error) {
    failure ??= error;
  }
  if (failure instanceof TooLarge) return tooLarge(inflated);
  if (failure !== null) {
    return { ok: false, issue: readIssue('corrupt-file', { en: `zip: ${message(failure)}` }) };
  }

  const files = new Map<string, Uint8Array>();
  for (const [name, parts] of chunks) files.set(name, concat(parts));
  return { ok: true, names, files };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
