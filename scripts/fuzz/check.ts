// What one fuzzed input must do: its reader resolves with blocks and well-formed issues, and
// parseDocument resolves with a valid model that either holds items or says, with an error
// issue, why it holds none. Anything else — an exception, a model the schema refuses, an
// empty model without a word — is a finding.
import { PlanModel, ParseIssue } from '../../graph/model/plan.ts';
import { decode } from '../../graph/parse/decode.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { DEFAULT_LIMITS, type Reader } from '../../graph/parse/read/blocks.ts';
import type { FuzzFormat } from './corpus.ts';

export type Verdict =
  | { ok: true; items: number; codes: string[] }
  | { ok: false; stage: 'reader' | 'parse'; message: string };

const READERS: Record<Exclude<FuzzFormat, 'text' | 'zip'>, () => Promise<Reader>> = {
  docx: async () => (await import('../../graph/parse/read/docx.ts')).readDocx,
  xlsx: async () => (await import('../../graph/parse/read/xlsx.ts')).readXlsx,
  csv: async () => (await import('../../graph/parse/read/csv.ts')).readCsv,
  html: async () => (await import('../../graph/parse/read/html.ts')).readHtml,
  pdf: async () => (await import('../../graph/parse/read/pdf.ts')).readPdf,
};

/** The reader a format's inputs go to directly (a mutated package by its seed's extension). */
function readerFor(format: FuzzFormat, name: string): (() => Promise<Reader>) | null {
  if (format === 'text') return null;
  if (format === 'zip') return /\.xlsx$/i.test(name) ? READERS.xlsx : READERS.docx;
  return READERS[format];
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);

export interface CheckOptions {
  /** Also run parseDocument (default true); off, only the reader's promise is checked. */
  parse?: boolean;
}

export async function checkInput(
  bytes: Uint8Array,
  format: FuzzFormat,
  name: string,
  options: CheckOptions = {},
): Promise<Verdict> {
  const reader = readerFor(format, name);
  if (reader) {
    try {
      const read = await (await reader())(bytes, DEFAULT_LIMITS);
      if (!Array.isArray(read.blocks)) return { ok: false, stage: 'reader', message: 'no blocks' };
      for (const issue of read.issues) {
        const checked = ParseIssue.safeParse(issue);
        if (!checked.success) {
          return { ok: false, stage: 'reader', message: `bad issue: ${checked.error.message}` };
        }
      }
    } catch (error) {
      return { ok: false, stage: 'reader', message: describe(error) };
    }
  }
  if (options.parse === false) {
    if (reader) return { ok: true, items: 0, codes: [] };
    // Plain text has no reader but the decoder, which must hold the same promise.
    try {
      const decoded = decode(bytes);
      if (typeof decoded.text !== 'string')
        return { ok: false, stage: 'reader', message: 'no text' };
      return { ok: true, items: 0, codes: [] };
    } catch (error) {
      return { ok: false, stage: 'reader', message: describe(error) };
    }
  }
  try {
    const model = await parseDocument(bytes, { name });
    const checked = PlanModel.safeParse(model);
    if (!checked.success) {
      return { ok: false, stage: 'parse', message: `invalid model: ${checked.error.message}` };
    }
    const errors = model.issues.filter((issue) => issue.severity === 'error');
    if (model.items.length === 0 && errors.length === 0) {
      return { ok: false, stage: 'parse', message: 'no items and no error issue saying why' };
    }
    return { ok: true, items: model.items.length, codes: errors.map((issue) => issue.code) };
  } catch (error) {
    return { ok: false, stage: 'parse', message: describe(error) };
  }
}
