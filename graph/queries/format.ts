// Rows written out for people and spreadsheets: an aligned text table (Chinese characters take two
// terminal columns), JSON, and CSV that Excel opens with the Chinese intact. Pure.
import type { JsonValue } from './to-json.ts';

type Row = Readonly<Record<string, JsonValue>>;

/** Inclusive code point ranges of East Asian Wide (W) and Fullwidth (F) characters (UAX #11). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // kana, bopomofo, Hangul compatibility, kanbun, CJK strokes, enclosed CJK
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff], // Tangut
  [0x1b000, 0x1b2ff], // kana supplement and extensions
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251], // enclosed ideographic supplement
  [0x1f300, 0x1f64f], // pictographs and emoticons (presentation-form subsets collapsed)
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], // CJK extensions B–F
  [0x30000, 0x3fffd], // CJK extension G and beyond
];

/** Combining marks and zero-width characters: drawn on top of their neighbour. */
const ZERO_WIDTH_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x200b, 0x200f], // zero-width space, joiners, direction marks
  [0x20d0, 0x20ff], // combining marks for symbols
  [0x2060, 0x2060], // word joiner
  [0xfe00, 0xfe0f], // variation selectors
];

const isZeroWidth = (codePoint: number): boolean =>
  ZERO_WIDTH_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end);

function isWide(codePoint: number): boolean {
  let low = 0;
  let high = WIDE_RANGES.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = WIDE_RANGES[middle] as readonly [number, number];
    if (codePoint < start) high = middle - 1;
    else if (codePoint > end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * Terminal columns `text` takes: 2 for each wide or fullwidth character, 0 for combining marks,
 * 1 otherwise (East Asian Ambiguous characters such as “ ” count 1, as most terminals draw them).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x20 || isZeroWidth(codePoint)) continue;
    width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** `text` cut to at most `width` columns, ending in … when anything was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const next = displayWidth(char);
    if (used + next > width - 1) break;
    out += char;
    used += next;
  }
  return `${out}…`;
}

/** Separator for list values in text cells: the enumeration comma the documents themselves use. */
export const LIST_SEPARATOR = '、';

/** A cell's text: lists joined, numbers as written, null as nothing. */
export function cellText(value: JsonValue, options: { decimals?: number } = {}): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (options.decimals === undefined || Number.isInteger(value)) return String(value);
    return String(Number(value.toFixed(options.decimals)));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value))
    return value.map((item) => cellText(item, options)).join(LIST_SEPARATOR);
  return JSON.stringify(value);
}

export interface TableOptions {
  /** Cells wider than this many columns are cut with …; undefined keeps them whole. */
  maxCellWidth?: number;
  /** Decimals kept for non-integer numbers. */
  decimals?: number;
}

/**
 * An aligned text table: a header, a rule, one line per row; numbers right-aligned. Widths are
 * measured in terminal columns, so Chinese text lines up.
 */
export function formatTable(
  columns: readonly string[],
  rows: readonly Row[],
  options: TableOptions = {},
): string {
  const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
  const cells = rows.map((row) =>
    columns.map((column) => {
      const text = oneLine(cellText(row[column] ?? null, { decimals: options.decimals ?? 4 }));
      return options.maxCellWidth === undefined
        ? text
        : truncateToWidth(text, options.maxCellWidth);
    }),
  );
  const numeric = columns.map(
    (column, index) =>
      rows.some((row) => typeof row[column] === 'number') &&
      rows.every(
        (row, rowIndex) => typeof row[column] === 'number' || cells[rowIndex]?.[index] === '',
      ),
  );
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column), ...cells.map((line) => displayWidth(line[index] ?? ''))),
  );
  const pad = (text: string, index: number) => {
    const space = ' '.repeat((widths[index] ?? 0) - displayWidth(text));
    return numeric[index] ? space + text : text + space;
  };
  const line = (texts: readonly string[]) =>
    texts
      .map((text, index) => pad(text, index))
      .join('  ')
      .trimEnd();
  return [
    line(columns),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...cells.map(line),
  ].join('\n');
}

/** The rows as a JSON array of objects, one key per column, in column order. */
export function formatJson(columns: readonly string[], rows: readonly Row[]): string {
  const ordered = rows.map((row) =>
    Object.fromEntries(columns.map((column) => [column, row[column] ?? null])),
  );
  return JSON.stringify(ordered, null, 2);
}

/** Byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: CRLF line ends, fields quoted when they hold a quote, comma or line break; BOM first. */
export function formatCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [
    columns.map(csvField).join(','),
    ...rows.map((row) =>
      columns.map((column) => csvField(cellText(row[column] ?? null))).join(','),
    ),
  ];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
