// The parser's entry for a file as the planner has it: bytes in (text, Word, Excel, CSV, a web
// page, PDF), a validated PlanModel out, every item with its position in that file. Pure apart
// from the CPU — no disk, no network, no clock: the caller reads the file.
//
//   bytes → detect (./read/detect.ts) → a reader (./read/<format>.ts: blocks with positions)
//         → lines (./read/to-lines.ts) → layouts and the one assembler (./parse-plan.ts)
//
// A new format is a new reader registered in READERS; nothing else changes.
import { createHash } from 'node:crypto';
import type { PlanModel, SourceDocument, SourcePosition } from '../model/plan.ts';
import { decode } from './decode.ts';
import { parsePlan, parsePlanLines } from './parse-plan.ts';
import { DEFAULT_LIMITS, type Format, type ReadLimits, type Reader } from './read/blocks.ts';
import { detectFormat } from './read/detect.ts';
import { readIssue } from './read/issues.ts';
import { toLines } from './read/to-lines.ts';

export interface ParseOptions {
  /** The file's name, shown in the review and used only as a hint where bytes are ambiguous. */
  name?: string;
  limits?: Partial<ReadLimits>;
}

type StructuredFormat = Exclude<Format, 'text'>;

/** Readers are loaded on first use: PDF.js and the spreadsheet reader are large. */
const READERS: Record<StructuredFormat, () => Promise<Reader>> = {
  docx: async () => (await import('./read/docx.ts')).readDocx,
  doc: async () => (await import('./read/doc.ts')).readDoc,
  xlsx: async () => (await import('./read/xlsx.ts')).readXlsx,
  csv: async () => (await import('./read/csv.ts')).readCsv,
  html: async () => (await import('./read/html.ts')).readHtml,
  pdf: async () => (await import('./read/pdf.ts')).readPdf,
};

function describe(
  bytes: Uint8Array,
  format: Format,
  name?: string,
  encoding?: string,
): SourceDocument {
  const source: SourceDocument = {
    format,
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  if (name !== undefined) source.name = name;
  if (encoding !== undefined) source.encoding = encoding;
  return source;
}

/** Items and issues point at where they are in the file, not only at a line of the reading. */
function placed(model: PlanModel, sources: readonly SourcePosition[]): PlanModel {
  const at = (line: number | null) => (line === null ? undefined : sources[line - 1]);
  for (const item of model.items) {
    const source = at(item.line);
    if (source) item.source = { ...source, block: source.block ?? item.line };
  }
  for (const issue of model.issues) {
    const source = issue.source ?? at(issue.line);
    if (source) issue.source = source;
  }
  return model;
}

/**
 * Lines of a text as the parser splits them (\r\n, \r or \n), counted without splitting: once
 * past `stop` the count is not needed, and a file of millions of lines is refused in moments.
 */
function countLines(text: string, stop: number): number {
  let lines = 1;
  for (let i = 0; i < text.length && lines <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) lines++;
  }
  return lines;
}

/** A model that holds nothing but why the file could not be read. */
function unreadable(source: SourceDocument, issues: PlanModel['issues']): PlanModel {
  const model = parsePlan('');
  return withSource(
    {
      ...model,
      plan: { ...model.plan, id: `unreadable-${source.sha256.slice(0, 8)}` },
      issues: [...issues, ...model.issues.filter((i) => i.code !== 'empty-document')],
    },
    source,
  );
}

/** The model with the file it was read from, keys in the schema's order (the JSON reads alike). */
function withSource(model: PlanModel, source: SourceDocument): PlanModel {
  const { plan, items, units, documents, issues } = model;
  return { plan, source, items, units, documents, issues };
}

/** One line of the document as read, for a review screen: what the layouts saw, and where. */
export interface ReadLine {
  text: string;
  /** The row's cells when the line is a table row. */
  cells?: string[];
  source: SourcePosition;
}

export interface Reading {
  model: PlanModel;
  /** lines[n - 1] is line n, the number `Item.line` and `ParseIssue.line` refer to. */
  lines: ReadLine[];
}

/** Parses a file of any supported format. Never throws for bad input: see `issues`. */
export async function parseDocument(
  bytes: Uint8Array,
  options: ParseOptions = {},
): Promise<PlanModel> {
  return (await readDocument(bytes, options)).model;
}

/** parseDocument, keeping the lines as read: what the import review shows beside the model. */
export async function readDocument(
  bytes: Uint8Array,
  options: ParseOptions = {},
): Promise<Reading> {
  let lines: ReadLine[] = [];
  const model = await parse(bytes, options, (read) => {
    lines = read;
  });
  return { model, lines };
}

async function parse(
  bytes: Uint8Array,
  options: ParseOptions,
  keep: (lines: ReadLine[]) => void,
): Promise<PlanModel> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return unreadable(describe(bytes, 'text', options.name), [
      readIssue('file-too-large', {
        en: `${mb(bytes.byteLength)}, the limit is ${mb(limits.maxBytes)}`,
        zh: `${mb(bytes.byteLength)}，上限为 ${mb(limits.maxBytes)}`,
      }),
    ]);
  }
  if (bytes.byteLength === 0) {
    return unreadable(describe(bytes, 'text', options.name), [readIssue('empty-file')]);
  }

  const sample = () => decode(bytes.subarray(0, 1 << 16)).text;
  const detected = detectFormat(bytes, sample, options.name);

  if (detected.format === 'unsupported') {
    return unreadable(describe(bytes, 'text', options.name), [
      readIssue('unsupported-format', { en: detected.kind, zh: detected.kind }),
    ]);
  }
  if (detected.format === 'text') {
    const read = decode(bytes);
    // The parser reads past a byte-order mark; the lines as read must match its numbering.
    read.text = read.text.replace(/^\uFEFF/u, '');
    const lineCount = countLines(read.text, limits.maxBlocks);
    if (lineCount > limits.maxBlocks) {
      const file = options.name ?? 'the file';
      const max = limits.maxBlocks.toLocaleString('en');
      return unreadable(describe(bytes, 'text', options.name, read.encoding), [
        readIssue('too-many-blocks', {
          en: `${file} has more than ${max} lines; a task-division notice, even one of thousands of items, has far fewer`,
          zh: `${options.name ?? '该文件'} 超过 ${max} 行；任务分工方案即使有数千项任务，行数也远少于此`,
        }),
      ]);
    }
    const model = parsePlan(read.text);
    const seen = new Set(read.issues.map((i) => i.code));
    model.issues = [
      ...read.issues,
      ...model.issues.filter((i) => !(i.line === null && seen.has(i.code))),
    ];
    const printed = read.text.split(/\r\n|\r|\n/);
    const sources = printed.map((_, i): SourcePosition => ({ format: 'text', line: i + 1 }));
    keep(printed.map((text, i) => ({ text, source: sources[i] as SourcePosition })));
    return withSource(placed(model, sources), describe(bytes, 'text', options.name, read.encoding));
  }

  const reader = await READERS[detected.format]();
  const read = await reader(bytes, limits);
  const source = describe(bytes, read.format, options.name, read.encoding);
  if (read.blocks.length === 0 && read.issues.some((i) => i.severity === 'error')) {
    return unreadable(source, read.issues);
  }
  const { text: joined, lines, sources } = toLines(read.blocks);
  keep(
    lines.map((line, i) => {
      const kept: ReadLine = { text: line.original, source: sources[i] as SourcePosition };
      if (line.cells) kept.cells = line.cells.map((c) => c.text);
      return kept;
    }),
  );
  const model = parsePlanLines(joined, lines);
  model.issues = [...read.issues, ...model.issues];
  return withSource(placed(model, sources), source);
}
