// Text hygiene. Structure is recognised on a folded copy of each line (full-width → half-width,
// Traditional → Simplified, one UTF-16 unit for one), so an index found in the folded copy is
// the same index in the printed line: titles, names and text are always sliced from the print.
import { Converter } from 'opencc-js/t2cn';
import { generalUnitNames } from '../dictionary/general.ts';
import { simplifiedName } from '../dictionary/schema.ts';

const toSimplified = Converter({ from: 't', to: 'cn' });

interface FoldTable {
  map: Uint16Array;
}

let foldTable: FoldTable | undefined;

function buildFoldTable(): FoldTable {
  const map = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) map[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) map[c] = c - 0xfee0;
  map[0x3000] = 0x20; // ideographic space
  map[0x00a0] = 0x20;
  map[0x200b] = 0x20;
  map[0xfeff] = 0x20;
  map[0xff61] = 0x3002; // halfwidth 。
  map[0xff64] = 0x3001; // halfwidth 、
  map[0xfe50] = 0x2c; // small comma
  map[0xfe54] = 0x3b; // small semicolon
  map[0xfe55] = 0x3a; // small colon
  map[0x2329] = 0x3008; // 〈 (deprecated angle brackets)
  map[0x232a] = 0x3009;
  // OpenCC converts phrases; for structure a character-level table is enough, and it keeps the
  // fold one-for-one. Characters with no single-character Simplified form are left alone.
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const converted = toSimplified(chars.join('\n')).split('\n');
  if (converted.length === chars.length) {
    for (let i = 0; i < chars.length; i++) {
      const to = converted[i];
      if (to !== undefined && to.length === 1 && to !== chars[i]) {
        map[0x3400 + i] = to.charCodeAt(0);
      }
    }
  }
  return { map };
}

function table(): FoldTable {
  foldTable ??= buildFoldTable();
  return foldTable;
}

/**
 * Full-width → half-width and Traditional → Simplified, one code unit for one. For recognising
 * structure only; never shown.
 */
export function fold(text: string): string {
  const { map } = table();
  let i = 0;
  while (i < text.length && map[text.charCodeAt(i)] === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const to = map[c] ?? c;
    if (to !== c) {
      out += text.slice(start, i) + String.fromCharCode(to);
      start = i + 1;
    }
  }
  return out + text.slice(start);
}

/** Does any character of the text change under `fold`? One scan spares folding line by line. */
export function needsFold(text: string): boolean {
  const { map } = table();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (map[c] !== c) return true;
  }
  return false;
}

/** Full-width → half-width only (names keep their script here; keys convert it). */
export function foldWidth(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let to = c;
    if (c >= 0xff01 && c <= 0xff5e) to = c - 0xfee0;
    else if (c === 0x3000 || c === 0x00a0) to = 0x20;
    if (to !== c) {
      out += text.slice(start, i) + String.fromCharCode(to);
      start = i + 1;
    }
  }
  return out + text.slice(start);
}

const SPACE = /[\s\u200b\ufeff]+/g;
const HAS_HAN = /[\u3400-\u9fff]/;
const KEY_CACHE_LIMIT = 100_000;
/** Keys by printed name, one cache per jurisdiction ('' when the plan's is not known). */
const keyCaches = new Map<string, Map<string, string>>();
let lastJurisdiction = '';
let lastCache = new Map<string, string>();
keyCaches.set('', lastCache);

/**
 * A unit's key: the printed name in Simplified (OpenCC, Traditional → mainland Simplified, by
 * the same table as the dictionaries' keys),
 * widths folded, whitespace removed, then its canonical form from the general name table
 * (seeds/unit-names-cn.json), so that 市发展和改革委员会, 市发展改革委 and 市發改委 are all 市发改委.
 * Given the plan's jurisdiction, a name that starts with it is the same unit as one that starts
 * with its level (武汉市发改委 = 市发改委 in a Wuhan plan); without it, place names stay in the key,
 * because 北京市发改委 and 上海市发改委 in one national plan are two units.
 * Cached: a document names the same few dozen units hundreds of times, and OpenCC is the slow step.
 */
export function unitKey(name: string, jurisdiction = ''): string {
  const cache = jurisdiction === lastJurisdiction ? lastCache : keyCacheFor(jurisdiction);
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const key = canonicalKey(name, jurisdiction);
  if (cache.size > KEY_CACHE_LIMIT) cache.clear();
  cache.set(name, key);
  return key;
}

function keyCacheFor(jurisdiction: string): Map<string, string> {
  let cache = keyCaches.get(jurisdiction);
  if (cache === undefined) {
    // Plans are few; a process that meets thousands of jurisdictions starts the caches over.
    if (keyCaches.size > 1_000) keyCaches.clear();
    cache = new Map<string, string>();
    keyCaches.set(jurisdiction, cache);
  }
  lastJurisdiction = jurisdiction;
  lastCache = cache;
  return cache;
}

function canonicalKey(name: string, jurisdiction: string): string {
  const narrow = foldWidth(name).replace(SPACE, '');
  const script = HAS_HAN.test(narrow) ? simplifiedName(narrow) : narrow;
  // An empty or one-character name is no body of government; there is nothing to canonicalise.
  if (script.length < 2) return script;
  const place = jurisdiction === '' ? undefined : simplified(jurisdiction);
  return generalUnitNames().canonical(script, place);
}

const INTERN_BUCKETS = 1 << 14;
let internTable: Array<string[] | undefined> = new Array<string[] | undefined>(INTERN_BUCKETS);
let internCount = 0;

/**
 * One string object for every equal name or role printed at [start, end) of a line. A large plan
 * names the same few hundred units a million times: looking them up by their characters, before
 * any slice is made, spares a million short-lived copies, and each edge shares one string.
 */
export function internSlice(text: string, start: number, end: number): string {
  let hash = end - start;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const index = hash & (INTERN_BUCKETS - 1);
  let bucket = internTable[index];
  if (bucket) {
    for (const known of bucket) {
      if (known.length === end - start && text.startsWith(known, start)) return known;
    }
  } else {
    bucket = internTable[index] = [];
  }
  if (internCount > 100_000) {
    internTable = new Array<string[] | undefined>(INTERN_BUCKETS);
    internCount = 0;
    bucket = internTable[index] = [];
  }
  const fresh = text.slice(start, end);
  bucket.push(fresh);
  internCount++;
  return fresh;
}

/** Traditional → Simplified for short strings (jurisdiction names, role words). */
export function simplified(text: string): string {
  return HAS_HAN.test(text) ? toSimplified(text) : text;
}

export function trimAll(text: string): string {
  const s = skipSpace(text, 0, text.length);
  const e = trimEnd(text, s, text.length);
  return s === 0 && e === text.length ? text : text.slice(s, e);
}

function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x3000 ||
    c === 0xa0 ||
    c === 0x200b ||
    c === 0xfeff ||
    c === 0x0d ||
    c === 0x0a
  );
}

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isSpaceCode(ch.charCodeAt(0));
}

/** First index ≥ start that is not white space (or end). */
export function skipSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** One past the last index < end that is not white space (or start). */
export function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpaceCode(text.charCodeAt(i - 1))) i--;
  return i;
}
