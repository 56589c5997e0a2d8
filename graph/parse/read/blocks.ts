// What every reader gives the layouts: the document as blocks — paragraphs and table rows — in
// reading order, each with its position in the file as the planner has it. Readers know formats
// (bytes, zip, XML, HTML, PDF); they know nothing of items, units or roles. Layouts know those,
// and nothing of formats.
import type { ParseIssue, SourcePosition } from '../../model/plan.ts';

export type Format = SourcePosition['format'];

/** A paragraph (or a line, for formats that have no paragraphs) as printed. */
export interface ParagraphBlock {
  kind: 'paragraph';
  /**
   * The text as the reader of the document sees it, automatic numbering rendered ("一、总体要求"
   * even when Word holds only "总体要求" and a numbering reference), no markup. A soft line break
   * inside a paragraph (<br>, Word's w:br) is "\n".
   */
  text: string;
  source: SourcePosition;
}

/** One cell of a table row, merges already resolved by the reader. */
export interface RowCell {
  /** Text of the cell; several paragraphs or lines in one cell are joined by "\n". */
  text: string;
  /** Grid columns the cell covers (w:gridSpan, colspan, a merged range's width); 1 mostly. */
  span: number;
  /**
   * The text comes from a cell merged down from a row above (w:vMerge, rowspan, an Excel merged
   * range): the merged cell applies to every row it spans, so each of them carries its text.
   */
  merged: boolean;
}

/** One row of a real table (Word, Excel, CSV, HTML, a PDF table rebuilt from x-ranges). */
export interface RowBlock {
  kind: 'row';
  /** 1-based table of the document (for Excel: of the workbook, sheets in order). */
  table: number;
  /** Cells in column order; a row of one cell spanning the table is a section or title row. */
  cells: RowCell[];
  source: SourcePosition;
}

export type Block = ParagraphBlock | RowBlock;

export interface ReadResult {
  format: Format;
  blocks: Block[];
  /** Problems of the file itself (corrupt, too large, a scan, a skipped sheet): data, never thrown. */
  issues: ParseIssue[];
  /** Text encoding, where the format has one. */
  encoding?: string;
}

/** Caps that hold for every untrusted file, whatever its format. */
export interface ReadLimits {
  /** Bytes of the file itself. */
  maxBytes: number;
  /** Entries in a zip container (.docx, .xlsx). */
  maxZipEntries: number;
  /** Bytes inflated from a zip container, all entries together. */
  maxUnzippedBytes: number;
  /** Blocks a document may produce: paragraphs and table rows, or a text file's lines. */
  maxBlocks: number;
  /** Pages of a PDF. */
  maxPages: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxUnzippedBytes: 200 * 1024 * 1024,
  // Sized from the genre. The largest real notices have a few thousand items, about two lines
  // each (the seed: 185 items in 427 lines); the largest plan known to load here, 20,858 items,
  // is 43,875 lines. A file of many more is not a notice, and reading it to the end only makes
  // items of junk (a damaged export of 524,120 lines took 34 s), so reading stops here.
  maxBlocks: 60_000,
  maxPages: 2_000,
};

/**
 * A reader: bytes of one format in, blocks out. Pure apart from the CPU: no disk, no network.
 * It never throws for bad input: a file it cannot read gives an issue and no blocks.
 */
export type Reader = (bytes: Uint8Array, limits: ReadLimits) => Promise<ReadResult>;
