// Web pages, as a planner saves them from a government portal: bytes → the notice's blocks.
//
//   charset (BOM, <meta>, the bytes) → parse5's tree → a survey of the page (text, links, chrome)
//   → the notice's body (a CMS container, or found from the text) → paragraphs and table rows
//   → the title in front when the body does not print it
//
// parse5 parses as browsers do (the WHATWG algorithm: unclosed tags, stray </td>, tables inside
// <p> all come out as a browser shows them) and gives every element its line in the file.
import { parse } from 'parse5';
import type { Block, ReadLimits, ReadResult, Reader } from './blocks.ts';
import { findBody } from './html/body.ts';
import { describeCharset, sniffCharset } from './html/charset.ts';
import { bodyOf } from './html/dom.ts';
import { survey } from './html/survey.ts';
import { pageTitle, printsTitle } from './html/title.ts';
import { blocksOf } from './html/walk.ts';
import { MAX_GRID_COLUMNS } from './html/table.ts';
import { readIssue } from './issues.ts';

/** How far into the body the title is looked for before it is put in front. */
const TITLE_REACH = 8;

/**
 * Tables open inside one another at most this deep. The HTML tree builder searches the stack of
 * open elements at every table tag, so a page of tens of thousands of unclosed nested tables
 * (found by fuzzing: 50,000 took minutes) costs time quadratic in its depth; government pages
 * nest layout tables a few levels deep (and the reader's tests read 2,000).
 */
export const MAX_TABLE_DEPTH = 3_000;

/** The deepest run of `<table` starts not yet ended by `</table`: at least the real nesting. */
function tableDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of text.matchAll(/<(\/?)table\b/gi)) {
    depth = match[1] === '/' ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/**
 * Elements of any kind open inside one another at most this deep, for the same reason: parse5
 * searches the stack of open elements for scope at many start tags, so 50,000 unclosed <div>s or
 * <span>s (found by fuzzing) cost seconds of CPU. Real pages nest a few dozen deep; the reader's
 * tests read 10,000.
 */
export const MAX_ELEMENT_DEPTH = 20_000;

// Elements that never hold others, or that the next sibling closes without an end tag: they say
// nothing about nesting, and counting a page's thousands of unclosed <p>s or <li>s would refuse it.
const NOT_NESTING = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr keygen ' +
    'p li dd dt option optgroup rb rp rt rtc tr td th tbody thead tfoot colgroup caption ' +
    'html head body'
  ).split(' '),
);
// Their text is not markup: a template string in a <script> holds tags that never open.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

/** The deepest run of start tags not yet ended (voids, implied ends and raw text left out). */
function elementDepth(text: string): number {
  // Lower-cased once: tag names and the raw-text ends are then found in the same string.
  const lower = text.toLowerCase();
  // `[^<>]` and not `[^>]`: a tag never spans another '<', so each scan stops at the next one
  // (linear on a page of '<a<a<a…' with no '>', which `[^>]*` would scan to its end each time).
  const tags = /<(\/?)([a-z][a-z0-9-]*)\b[^<>]*?(\/?)>/g;
  let depth = 0;
  let deepest = 0;
  for (let match = tags.exec(lower); match !== null; match = tags.exec(lower)) {
    const [, end, name = '', selfClosing] = match;
    if (end === '' && RAW_TEXT.has(name)) {
      const close = lower.indexOf(`</${name}`, tags.lastIndex);
      if (close < 0) break;
      tags.lastIndex = close;
      continue;
    }
    if (NOT_NESTING.has(name) || selfClosing === '/') continue;
    depth = end === '/' ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

export const readHtml: Reader = (bytes, limits) => {
  try {
    return Promise.resolve(read(bytes, limits));
  } catch (error) {
    // parse5 recovers from any markup; this is a last guard so that a page never crashes a parse.
    const why = error instanceof Error ? error.message : String(error);
    return Promise.resolve({
      format: 'html',
      blocks: [],
      issues: [readIssue('corrupt-file', { en: `web page: ${why}`, zh: `网页：${why}` })],
    });
  }
};

function read(bytes: Uint8Array, limits: ReadLimits): ReadResult {
  if (bytes.byteLength > limits.maxBytes) {
    return {
      format: 'html',
      blocks: [],
      issues: [
        readIssue('file-too-large', {
          en: `${bytes.byteLength} bytes, the limit is ${limits.maxBytes}`,
          zh: `${bytes.byteLength} 字节，上限为 ${limits.maxBytes}`,
        }),
      ],
    };
  }
  const charset = sniffCharset(bytes);
  const issues: ReadResult['issues'] = [readIssue('charset', describeCharset(charset))];
  const depth = tableDepth(charset.text);
  if (depth > MAX_TABLE_DEPTH) {
    issues.push(
      readIssue('corrupt-file', {
        en: `tables nested ${depth} deep, the limit is ${MAX_TABLE_DEPTH}`,
        zh: `表格嵌套 ${depth} 层，上限为 ${MAX_TABLE_DEPTH} 层`,
      }),
    );
    return { format: 'html', blocks: [], issues, encoding: charset.encoding };
  }
  const elements = elementDepth(charset.text);
  if (elements > MAX_ELEMENT_DEPTH) {
    issues.push(
      readIssue('corrupt-file', {
        en: `elements nested ${elements} deep, the limit is ${MAX_ELEMENT_DEPTH}`,
        zh: `网页元素嵌套 ${elements} 层，上限为 ${MAX_ELEMENT_DEPTH} 层`,
      }),
    );
    return { format: 'html', blocks: [], issues, encoding: charset.encoding };
  }
  const document = parse(charset.text, { sourceCodeLocationInfo: true });
  const page = bodyOf(document);
  if (!page) return { format: 'html', blocks: [], issues, encoding: charset.encoding };

  const measured = survey(page);
  const body = findBody(page, measured);
  if (body.how === 'page' && measured.site) issues.push(readIssue('no-body-found'));

  const { blocks, full, wide } = blocksOf(body.root, {
    strict: body.how === 'container',
    dropped: measured.dropped,
    maxBlocks: limits.maxBlocks,
  });
  for (const { table, row, line } of wide) {
    issues.push(
      readIssue(
        'row-too-wide',
        {
          en: `columns past the first ${MAX_GRID_COLUMNS} were not read`,
          zh: `只读取前 ${MAX_GRID_COLUMNS} 列`,
        },
        { format: 'html', line, table, row },
      ),
    );
  }

  const title = pageTitle(document, measured.headings);
  const top = blocks.slice(0, TITLE_REACH).map(blockText);
  if (title && !printsTitle(top, title.text)) {
    blocks.unshift({
      kind: 'paragraph',
      text: title.text,
      source: { format: 'html', line: title.line },
    });
    if (blocks.length > limits.maxBlocks) blocks.pop();
  }
  if (full) {
    issues.push(
      readIssue('too-many-blocks', {
        en: `the page was read up to ${limits.maxBlocks} paragraphs and table rows`,
        zh: `只读取了前 ${limits.maxBlocks} 个段落和表格行`,
      }),
    );
  }
  return { format: 'html', blocks, issues, encoding: charset.encoding };
}

const blockText = (block: Block) =>
  block.kind === 'paragraph' ? block.text : block.cells.map((c) => c.text).join('');
