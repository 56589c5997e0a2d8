// The notice's part of the page → blocks. Block elements (p, div, h1–h6, li …) begin and end
// paragraphs, inline ones (span, font, a, strong) join the paragraph they stand in — a unit list
// in its own <span> stays with its task —, <br> is a line break, a data table gives its rows.
// Walked with an explicit stack: saved pages nest thousands of elements deep.
import type { SourcePosition } from '../../../model/plan.ts';
import type { Block, RowCell } from '../blocks.ts';
import { isChromeLine, isSkipped } from './chrome.ts';
import {
  BLOCK_TAGS,
  childrenOf,
  type Element,
  isElement,
  isText,
  isUnread,
  lineOf,
  type Node,
  textLine,
} from './dom.ts';
import { gridOf, isLayoutTable } from './table.ts';
import { type Paragraph, ParagraphBuilder } from './text.ts';

export interface WalkOptions {
  /** The root is the CMS's body container: leave out only chrome no notice prints. */
  strict: boolean;
  /** Elements left out with all beneath them (chrome, the 信息公开 box). */
  dropped: ReadonlySet<Element>;
  maxBlocks: number;
}

export interface Walked {
  blocks: Block[];
  /** The walk stopped at maxBlocks with more of the page unread. */
  full: boolean;
  /** Table rows wider than a grid holds, cut at its edge: where they are. */
  wide: { table: number; row: number; line: number }[];
}

/** A paragraph this much link text is a list of links (related reading, a menu), not notice. */
const LINK_LIST_SHARE = 0.8;

interface Sink {
  paragraph(p: Paragraph): void;
  /** A data table; absent inside a cell, where tables are read as their text. */
  table?(el: Element): void;
  /** Stop walking (the block limit is reached). */
  readonly full: boolean;
}

type Frame = { node: Node } | { leave: Element; block: boolean; link: boolean; pre: boolean };

/** Walks `root` in reading order, giving finished paragraphs and data tables to `sink`. */
function walk(root: Element, sink: Sink, dropped: ReadonlySet<Element>): void {
  const text = new ParagraphBuilder();
  let links = 0;
  let pre = 0;
  const flush = () => {
    const p = text.take();
    if (p) sink.paragraph(p);
  };
  const stack: Frame[] = [{ node: root }];
  while (stack.length > 0 && !sink.full) {
    const frame = stack.pop() as Frame;
    if ('leave' in frame) {
      if (frame.block) flush();
      if (frame.link) links--;
      if (frame.pre) pre--;
      continue;
    }
    const { node } = frame;
    if (isText(node)) {
      text.add(node.value, textLine(node), { pre: pre > 0, link: links > 0 });
      continue;
    }
    if (!isElement(node)) continue;
    if (node !== root && (dropped.has(node) || isSkipped(node))) continue;
    const tag = node.tagName;
    if (tag === 'br') {
      text.lineBreak();
      continue;
    }
    if (tag === 'table' && sink.table && !isLayoutTable(node)) {
      flush();
      sink.table(node);
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    const link = tag === 'a';
    const isPre = tag === 'pre' || tag === 'listing' || tag === 'xmp';
    if (block) flush();
    if (block || link || isPre) stack.push({ leave: node, block, link, pre: isPre });
    if (link) links++;
    if (isPre) pre++;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as Node });
  }
  flush();
}

/** A cell's text: its paragraphs and <br> lines joined by "\n", whitespace normalised. */
function cellText(cell: Element): string {
  const lines: string[] = [];
  walk(cell, { paragraph: (p) => lines.push(...p.lines), full: false }, new Set());
  return lines.join('\n');
}

export function blocksOf(root: Element, options: WalkOptions): Walked {
  const blocks: Block[] = [];
  let tables = 0;
  const wide: Walked['wide'] = [];
  let full = false;
  const at = (line: number, more: Partial<SourcePosition> = {}): SourcePosition => ({
    format: 'html',
    line,
    ...more,
  });
  const push = (block: Block) => {
    if (blocks.length >= options.maxBlocks) full = true;
    else blocks.push(block);
  };

  const sink: Sink = {
    get full() {
      return full;
    },
    paragraph(p) {
      if (!options.strict && p.linkShare >= LINK_LIST_SHARE) return;
      const lines = p.lines.filter((line) => !isChromeLine(line, options.strict));
      if (lines.length > 0) push({ kind: 'paragraph', text: lines.join('\n'), source: at(p.line) });
    },
    table(el) {
      const caption = childrenOf(el).find(
        (c): c is Element => isElement(c) && c.tagName === 'caption' && !isUnread(c),
      );
      if (caption) {
        const text = cellText(caption);
        if (text !== '') push({ kind: 'paragraph', text, source: at(lineOf(caption)) });
      }
      const texts = new Map<Element, string>();
      const textOf = (cell: Element) => {
        let t = texts.get(cell);
        if (t === undefined) texts.set(cell, (t = cellText(cell)));
        return t;
      };
      const grid = gridOf(el);
      const rows = grid
        .map((row) => ({
          row,
          cells: row.cells.map((c): RowCell => ({
            text: c.el ? textOf(c.el) : '',
            span: c.span,
            merged: c.merged,
          })),
        }))
        .filter(({ cells }) => cells.some((c) => c.text !== ''));
      if (rows.length === 0) return;
      const table = ++tables;
      for (const row of grid) {
        if (row.cut) wide.push({ table, row: row.row, line: lineOf(row.tr) });
      }
      for (const { row, cells } of rows) {
        push({ kind: 'row', table, cells, source: at(lineOf(row.tr), { table, row: row.row }) });
      }
    },
  };
  walk(root, sink, options.dropped);
  return { blocks, full, wide };
}
