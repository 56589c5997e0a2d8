// PDF → blocks. A PDF holds no paragraphs and no tables, only text placed on pages and lines
// drawn around it: both are rebuilt here from positions, as a reader's eye rebuilds them.
//
//   PDF.js on a worker thread (./pdf/extract.ts): text runs and drawing, page by page
//   → ruled tables from the drawn rules (./pdf/grid.ts), tables without rules from the columns
//     their text keeps (./pdf/columns.ts)
//   → the other text as lines (./pdf/lines.ts), page furniture dropped (./pdf/chrome.ts)
//   → paragraphs from indents, margins and spacing (./pdf/paragraphs.ts, ./pdf/wrap.ts)
//
// A table running onto the next page stays one table, its repeated header row dropped.
// Positions are {page, line}: the line counted from the top of the page as printed.
import type { ParseIssue, SourcePosition } from '../../model/plan.ts';
import type { Block, ReadLimits, ReadResult, Reader } from './blocks.ts';
import { readIssue } from './issues.ts';
import { findFurniture } from './pdf/chrome.ts';
import { looseTables } from './pdf/columns.ts';
import { extractPages, type Extraction, type RawPage } from './pdf/extract.ts';
import { pageRules, textRuns } from './pdf/geometry.ts';
import { ruledTables, type Grid } from './pdf/grid.ts';
import { toLineGroups, type Line } from './pdf/lines.ts';
import { continuesParagraph, fillsColumn, measureBody, type Body } from './pdf/paragraphs.ts';
import { joinWrapped } from './pdf/wrap.ts';

/**
 * Time for one file: 30 s to open it, then 30 s and half a second a page (a page takes about
 * 50 ms on a shared machine), at most 5 minutes. A file that keeps PDF.js busy past that is
 * refused, and the thread reading it stopped.
 */
const deadline = (pages: number | null) =>
  pages === null ? 30_000 : Math.min(300_000, 30_000 + pages * 500);
const HEAP_MB = 1_024;

export const readPdf: Reader = async (bytes, limits) => {
  const extraction = await extractPages(bytes, {
    maxPages: limits.maxPages,
    timeoutMs: deadline,
    heapMb: HEAP_MB,
  });
  if (extraction.kind !== 'pages') return unreadable(extraction, limits);
  if (extraction.pages.length === 0) {
    const why = extraction.failed[0]?.message ?? 'no page could be read';
    return unreadable({ kind: 'failed', name: 'Error', message: why }, limits);
  }
  const result = layOut(extraction.pages, limits);
  const damage = damaged(bytes, extraction);
  if (damage) result.issues.unshift(readIssue('file-damaged', damage));
  return result;
};

/** PDF.js's words for damage it read around: a broken cross-reference table, a bad stream. */
const STRUCTURAL =
  /indexing all pdf objects|xref|trailer|startxref|invalid stream|unterminated|end of file|formaterror|fcheck|bad encoding|unknown compression|missing endstream|unreadable position/i;

/**
 * PDF.js reads what it can of a damaged file without failing: a truncated file (no %%EOF at
 * its end), a page it could not read, or damage it reported. Said, so nothing is lost silently.
 */
function damaged(
  bytes: Uint8Array,
  extraction: Extract<Extraction, { kind: 'pages' }>,
): { en: string; zh: string } | null {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF'))
    return { en: 'the file ends early (truncated?)', zh: '文件不完整（可能被截断）' };
  if (extraction.failed.length > 0) {
    const pages = extraction.failed.map((f) => f.page);
    return {
      en: `page(s) ${pages.join(', ')} could not be read (${extraction.failed[0]?.message ?? ''})`,
      zh: `第 ${pages.join('、')} 页无法读取`,
    };
  }
  const warning = extraction.warnings.find((w) => STRUCTURAL.test(w));
  return warning ? { en: warning.replace(/^Warning:\s*/, ''), zh: '文件结构有误' } : null;
}

function unreadable(extraction: Exclude<Extraction, { kind: 'pages' }>, limits: ReadLimits) {
  const issue = (): ParseIssue => {
    switch (extraction.kind) {
      case 'too-many-pages':
        return readIssue('too-many-pages', {
          en: `${extraction.pages} pages, the limit is ${limits.maxPages}`,
          zh: `共 ${extraction.pages} 页，上限为 ${limits.maxPages} 页`,
        });
      case 'timeout':
        return readIssue('read-timeout');
      case 'failed':
        if (extraction.name === 'PasswordException') return readIssue('encrypted-file');
        return readIssue('corrupt-file', { en: extraction.message });
      case 'crashed':
        return readIssue('corrupt-file', { en: extraction.message });
    }
  };
  const result: ReadResult = { format: 'pdf', blocks: [], issues: [issue()] };
  return result;
}

/** What one page gives once tables are found: its body lines and its tables, top to bottom. */
interface Page {
  number: number;
  height: number;
  lines: Line[];
  grids: Grid[];
  /** Baselines of every printed line, furniture and table text included, for line numbers. */
  baselines: number[];
}

function layOut(raw: readonly RawPage[], limits: ReadLimits): ReadResult {
  const issues: ParseIssue[] = [];
  let turned = 0;
  const pages: Page[] = raw.map((page) => {
    const text = textRuns(page);
    turned += text.turned;
    const { grids, rest } = ruledTables(pageRules(page), text.runs);
    return {
      number: page.number,
      height: page.size[1],
      lines: toLineGroups(rest),
      grids,
      baselines: toLineGroups(text.runs).map((l) => l.y),
    };
  });

  const blank = raw.filter((p) => p.items.every((i) => i.str.trim() === ''));
  if (blank.length === raw.length) {
    const pictures = raw.filter((p) => p.images > 0).length;
    return {
      format: 'pdf',
      blocks: [],
      issues: [
        readIssue('no-text-layer', {
          en: `${raw.length} page(s), none with text${pictures > 0 ? '; the pages are images' : ''}`,
          zh: `共 ${raw.length} 页，均无文字${pictures > 0 ? '，页面为图片' : ''}`,
        }),
      ],
    };
  }
  const scanned = blank.filter((p) => p.images > 0).map((p) => p.number);
  if (scanned.length > 0) {
    issues.push(
      readIssue('pages-without-text', {
        en: `page(s) ${scanned.join(', ')}`,
        zh: `第 ${scanned.join('、')} 页`,
      }),
    );
  }

  const furniture = findFurniture(pages);
  let dropped = 0;
  pages.forEach((page, i) => {
    const marks = furniture[i];
    if (!marks || marks.size === 0) return;
    dropped += marks.size;
    page.lines = page.lines.filter((l) => !marks.has(l));
  });
  for (const page of pages) {
    const loose = looseTables(page.lines);
    page.lines = loose.rest;
    page.grids.push(...loose.grids);
  }
  const body = measureBody(pages.map((p) => p.lines));
  if (dropped > 0 || turned > 0) {
    const parts = [
      dropped > 0
        ? [
            `${dropped} line(s) of page headers, footers and numbers`,
            `页眉页脚及页码 ${dropped} 行`,
          ]
        : null,
      turned > 0
        ? [
            `${turned} piece(s) of turned text (watermarks, stamps)`,
            `倾斜文字（水印、印章）${turned} 处`,
          ]
        : null,
    ].filter((p) => p !== null);
    issues.push(
      readIssue('part-ignored', {
        en: parts.map((p) => p[0]).join('; '),
        zh: parts.map((p) => p[1]).join('；'),
      }),
    );
  }

  const blocks = assemble(pages, body);
  if (blocks.length > limits.maxBlocks) {
    issues.push(
      readIssue('too-many-blocks', {
        en: `${blocks.length}, the limit is ${limits.maxBlocks}`,
        zh: `${blocks.length}，上限为 ${limits.maxBlocks}`,
      }),
    );
    blocks.length = limits.maxBlocks;
  }
  return { format: 'pdf', blocks, issues };
}

/** The line of the page (1-based, from the top) that a baseline falls on. */
function lineOf(page: Page, y: number): number {
  let n = 0;
  for (const b of page.baselines) if (b < y - 1) n++;
  return n + 1;
}

const sameColumns = (a: Grid, b: Grid) =>
  a.columns.length === b.columns.length &&
  a.columns.every((x, i) => Math.abs(x - (b.columns[i] ?? Infinity)) <= 3);

const rowText = (cells: readonly { text: string }[]) => cells.map((c) => c.text).join('\t');

/** Paragraphs and table rows of every page, in reading order. */
function assemble(pages: readonly Page[], body: Body): Block[] {
  const blocks: Block[] = [];
  let paragraph: { lines: Line[]; source: SourcePosition } | null = null;
  let lastLine: { line: Line; page: number } | null = null;
  /** The table the previous page ended with, which this page may continue. */
  let open: { grid: Grid; index: number; header: string; rows: number } | null = null;
  let tables = 0;

  const flush = () => {
    if (!paragraph) return;
    const text = joinWrapped(paragraph.lines, { full: (line) => fillsColumn(line, body) });
    blocks.push({ kind: 'paragraph', text, source: paragraph.source });
    paragraph = null;
  };

  for (const page of pages) {
    type Piece = { y: number; line: Line } | { y: number; grid: Grid };
    const pieces: Piece[] = [
      ...page.lines.map((line) => ({ y: line.y, line })),
      ...page.grids.map((grid) => ({ y: grid.top, grid })),
    ].sort((a, b) => a.y - b.y);
    let first = true;
    for (const piece of pieces) {
      if ('line' in piece) {
        const { line } = piece;
        const continues =
          paragraph !== null &&
          lastLine !== null &&
          continuesParagraph(lastLine.line, line, body, lastLine.page === page.number);
        if (!continues) {
          flush();
          paragraph = {
            lines: [],
            source: { format: 'pdf', page: page.number, line: lineOf(page, line.y) },
          };
        }
        paragraph?.lines.push(line);
        lastLine = { line, page: page.number };
        open = null;
      } else {
        flush();
        lastLine = null;
        const { grid } = piece;
        let rows = grid.rows;
        if (first && open && sameColumns(open.grid, grid)) {
          // The table runs on from the page before; a header repeated on top is not a row.
          if (rows[0] && rowText(rows[0].cells) === open.header) rows = rows.slice(1);
        } else {
          tables++;
          open = { grid, index: tables, header: rowText(grid.rows[0]?.cells ?? []), rows: 0 };
        }
        const table = open ?? { index: tables, rows: 0 };
        for (const row of rows) {
          table.rows++;
          blocks.push({
            kind: 'row',
            table: table.index,
            cells: row.cells.map((c) => ({ text: c.text, span: c.span, merged: c.merged })),
            source: {
              format: 'pdf',
              page: page.number,
              line: lineOf(page, row.firstBaseline),
              table: table.index,
              row: table.rows,
            },
          });
        }
        if (open) open.grid = grid;
      }
      first = false;
    }
  }
  flush();
  return blocks;
}
