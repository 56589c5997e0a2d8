// The body of a Word document (w:body) as blocks, in reading order: each paragraph with Word's
// automatic number rendered before its text, each table row with its cells — spans from
// w:gridSpan, cells merged down (w:vMerge) carrying the text of the cell they continue, several
// paragraphs of a cell joined by "\n". What the planner would not see on the page is left out:
// deleted revisions, hidden text, field instructions, comments (their anchored text stays).
import type { SourcePosition } from '../../../model/plan.ts';
import type { Block, RowCell } from '../blocks.ts';
import type { Numbering } from './numbering.ts';
import { child, intVal, isMc, isOn, isW, wAttr, type XmlElement } from './xml.ts';

/** Kinds of content the reading leaves out, for the one info issue that says so. */
export type LeftOut = 'deleted revisions' | 'comments' | 'hidden text' | 'footnotes';

export interface BodyReading {
  blocks: Block[];
  leftOut: Set<LeftOut>;
  /** The block cap was reached: the rest of the body was not read. */
  truncated: boolean;
}

type Where = 'body' | 'cell';

/** What the runs of one paragraph give: its text, and text boxes anchored in it. */
interface Inline {
  text: string;
  boxes: XmlElement[];
}

class StopReading extends Error {}

/** Unicode's private-use block where symbol fonts (Symbol, Wingdings) put their glyphs. */
const isSymbolFontGlyph = (code: number) => code >= 0xf000 && code <= 0xf0ff;

/**
 * The one branch of an mc:AlternateContent Word would show: both hold the same content (a
 * text box as DrawingML and again as VML), so reading both would print it twice.
 */
function alternative(el: XmlElement): XmlElement | null {
  const branches = el.children;
  return (
    branches.find((b) => isMc(b, 'Choice')) ?? branches.find((b) => isMc(b, 'Fallback')) ?? null
  );
}

/** Text boxes (w:txbxContent) inside a drawing or a VML shape, outermost first. */
function textBoxes(el: XmlElement, found: XmlElement[] = []): XmlElement[] {
  for (const node of el.children) {
    if (isW(node, 'txbxContent')) found.push(node);
    else if (isMc(node, 'AlternateContent')) {
      const branch = alternative(node);
      if (branch) textBoxes(branch, found);
    } else textBoxes(node, found);
  }
  return found;
}

export function readBody(body: XmlElement, numbering: Numbering, maxBlocks: number): BodyReading {
  const reader = new BodyReader(numbering, maxBlocks);
  try {
    reader.blockContent(body);
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  return { blocks: reader.blocks, leftOut: reader.leftOut, truncated: reader.truncated };
}

class BodyReader {
  readonly blocks: Block[] = [];
  readonly leftOut = new Set<LeftOut>();
  truncated = false;
  /** Body paragraphs so far, table paragraphs included: a paragraph's number in the file. */
  private paragraphs = 0;
  private tables = 0;

  constructor(
    private readonly numbering: Numbering,
    private readonly maxBlocks: number,
  ) {}

  private push(block: Block): void {
    if (this.blocks.length >= this.maxBlocks) {
      this.truncated = true;
      throw new StopReading();
    }
    this.blocks.push(block);
  }

  /** Paragraphs and tables of the body, a content control, a text box. */
  blockContent(parent: XmlElement): void {
    for (const el of parent.children) {
      if (isW(el, 'p')) this.paragraph(el);
      else if (isW(el, 'tbl')) this.table(el);
      else if (isW(el, 'sdt')) {
        const content = child(el, 'sdtContent');
        if (content) this.blockContent(content);
      } else if (isW(el, 'customXml') || isW(el, 'ins') || isW(el, 'moveTo')) {
        this.blockContent(el);
      } else if (isW(el, 'del') || isW(el, 'moveFrom')) this.leftOut.add('deleted revisions');
      else if (isMc(el, 'AlternateContent')) {
        const branch = alternative(el);
        if (branch) this.blockContent(branch);
      }
    }
  }

  private paragraph(p: XmlElement): void {
    const read = this.paragraphText(p, 'body');
    if (read === null) return;
    const n = this.paragraphs;
    if (read.text.trim() !== '') {
      this.push({ kind: 'paragraph', text: read.text, source: { format: 'docx', paragraph: n } });
    }
    // A text box reads as paragraphs of its own after the one it is anchored in.
    for (const box of read.boxes) this.blockContent(box);
  }

  /**
   * A paragraph's number and text; null for a paragraph deleted as a tracked revision (its
   * mark deleted and nothing left), which is neither counted nor numbered.
   */
  private paragraphText(p: XmlElement, where: Where): Inline | null {
    const pPr = child(p, 'pPr');
    const inline: Inline = { text: '', boxes: [] };
    this.inline(p, where, inline);
    const markDeleted = child(child(pPr, 'rPr'), 'del') !== null;
    if (markDeleted && inline.text.trim() === '') {
      this.leftOut.add('deleted revisions');
      return null;
    }
    this.paragraphs++;
    inline.text = this.numbering.label(pPr) + inline.text;
    return inline;
  }

  private inline(parent: XmlElement, where: Where, out: Inline): void {
    for (const el of parent.children) {
      if (isW(el, 'r')) this.run(el, where, out);
      else if (isW(el, 'del') || isW(el, 'moveFrom')) this.leftOut.add('deleted revisions');
      else if (isW(el, 'sdt')) {
        const content = child(el, 'sdtContent');
        if (content) this.inline(content, where, out);
      } else if (isMc(el, 'AlternateContent')) {
        const branch = alternative(el);
        if (branch) this.inline(branch, where, out);
      } else if (
        isW(el, 'hyperlink') ||
        isW(el, 'smartTag') ||
        isW(el, 'customXml') ||
        isW(el, 'ins') ||
        isW(el, 'moveTo') ||
        isW(el, 'fldSimple') ||
        isW(el, 'dir') ||
        isW(el, 'bdo')
      ) {
        this.inline(el, where, out);
      } else if (el.local === 'oMath' || el.local === 'oMathPara') {
        out.text += mathText(el);
      }
    }
  }

  private run(r: XmlElement, where: Where, out: Inline): void {
    if (isOn(child(child(r, 'rPr'), 'vanish'))) {
      this.leftOut.add('hidden text');
      return;
    }
    for (const el of r.children) {
      if (isW(el, 't')) out.text += el.text;
      else if (isW(el, 'tab') || isW(el, 'ptab')) {
        // to-lines reads a tab in a cell as a cell boundary; in a body paragraph it may be one
        // (a table typed with tabs), so it stays.
        out.text += where === 'cell' ? ' ' : '\t';
      } else if (isW(el, 'br') || isW(el, 'cr')) out.text += '\n';
      else if (isW(el, 'noBreakHyphen')) out.text += '-';
      else if (isW(el, 'sym')) {
        const code = Number.parseInt(wAttr(el, 'char') ?? '', 16);
        if (Number.isFinite(code) && code > 0 && code <= 0x10ffff && !isSymbolFontGlyph(code)) {
          out.text += String.fromCodePoint(code);
        }
      } else if (isW(el, 'ruby')) {
        const base = child(el, 'rubyBase');
        if (base) this.inline(base, where, out);
      } else if (isW(el, 'drawing') || isW(el, 'pict') || isW(el, 'object')) {
        out.boxes.push(...textBoxes(el));
      } else if (isMc(el, 'AlternateContent')) {
        const branch = alternative(el);
        if (branch) out.boxes.push(...textBoxes(branch));
      } else if (isW(el, 'commentReference')) this.leftOut.add('comments');
      else if (isW(el, 'footnoteReference') || isW(el, 'endnoteReference')) {
        this.leftOut.add('footnotes');
      }
      // w:instrText (a field's code, e.g. "PAGE \* MERGEFORMAT"), w:delText, w:softHyphen,
      // w:lastRenderedPageBreak and run properties print nothing.
    }
  }

  private table(tbl: XmlElement): void {
    this.tables++;
    const table = this.tables;
    let row = 0;
    /** For each grid column where a vertically merged cell starts: the merged text above. */
    let mergedAbove = new Map<number, string>();
    for (const tr of rowsOf(tbl)) {
      if (child(child(tr, 'trPr'), 'del')) {
        this.leftOut.add('deleted revisions');
        continue;
      }
      row++;
      const source: SourcePosition = {
        format: 'docx',
        paragraph: this.paragraphs + 1,
        table,
        row,
      };
      const cells: RowCell[] = [];
      const trPr = child(tr, 'trPr');
      let column = intVal(trPr, 'gridBefore') ?? 0;
      // Cells left out at the start of the row: one empty cell keeps the others in their columns.
      if (column > 0) cells.push({ text: '', span: column, merged: false });
      const merging = new Map<number, string>();
      for (const tc of cellsOf(tr)) {
        const tcPr = child(tc, 'tcPr');
        const text = this.cellText(tc);
        const hMerge = child(tcPr, 'hMerge');
        const previous = cells.at(-1);
        // The pre-2007 horizontal merge: a continuing cell widens the one before it.
        if (hMerge && wAttr(hMerge, 'val') !== 'restart' && previous) {
          previous.span += 1;
          column += 1;
          continue;
        }
        const span = Math.max(1, Math.min(intVal(tcPr, 'gridSpan') ?? 1, 64));
        const vMerge = child(tcPr, 'vMerge');
        const continues = vMerge !== null && (wAttr(vMerge, 'val') ?? 'continue') === 'continue';
        const above = mergedAbove.get(column);
        if (continues && above !== undefined) {
          cells.push({ text: above, span, merged: true });
          merging.set(column, above);
        } else {
          // A continuation with no merged cell above it (a section row between them, which
          // covers the column with a cell of its own) starts afresh, as Word draws it.
          cells.push({ text, span, merged: false });
          if (vMerge !== null) merging.set(column, text);
        }
        column += span;
      }
      mergedAbove = merging;
      if (cells.some((c) => c.text.trim() !== '')) this.push({ kind: 'row', table, cells, source });
    }
  }

  /**
   * A cell's paragraphs joined by "\n". A table nested in the cell is flattened into it — a
   * row per line, its cells separated by spaces — since a row block has no room for a table
   * and its text (often a list of units) belongs to the cell it sits in.
   */
  private cellText(tc: XmlElement): string {
    const parts: string[] = [];
    this.cellContent(tc, parts);
    return parts
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join('\n');
  }

  private cellContent(parent: XmlElement, parts: string[]): void {
    for (const el of parent.children) {
      if (isW(el, 'p')) {
        const read = this.paragraphText(el, 'cell');
        if (read === null) continue;
        parts.push(read.text);
        for (const box of read.boxes) this.cellContent(box, parts);
      } else if (isW(el, 'tbl')) {
        for (const tr of rowsOf(el)) {
          if (child(child(tr, 'trPr'), 'del')) continue;
          parts.push(
            cellsOf(tr)
              .map((tc) => this.cellText(tc).replace(/\n/g, ' '))
              .filter((text) => text !== '')
              .join(' '),
          );
        }
      } else if (isW(el, 'sdt')) {
        const content = child(el, 'sdtContent');
        if (content) this.cellContent(content, parts);
      } else if (isW(el, 'customXml') || isW(el, 'ins') || isW(el, 'moveTo')) {
        this.cellContent(el, parts);
      } else if (isW(el, 'del') || isW(el, 'moveFrom')) this.leftOut.add('deleted revisions');
    }
  }
}

/** Rows of a table, also those wrapped in a content control or custom XML. */
function rowsOf(tbl: XmlElement): XmlElement[] {
  return wrapped(tbl, 'tr');
}

function cellsOf(tr: XmlElement): XmlElement[] {
  return wrapped(tr, 'tc');
}

function wrapped(parent: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const el of parent.children) {
    if (isW(el, name)) out.push(el);
    else if (isW(el, 'sdt')) {
      const content = child(el, 'sdtContent');
      if (content) wrapped(content, name, out);
    } else if (isW(el, 'customXml')) wrapped(el, name, out);
  }
  return out;
}

/** An equation's text (m:t), which a notice may use for a target such as "≥ 95%". */
function mathText(el: XmlElement): string {
  let text = '';
  for (const node of el.children) {
    text += node.local === 't' ? node.text : mathText(node);
  }
  return text;
}
