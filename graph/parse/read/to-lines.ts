// Blocks → the lines the layouts read. A paragraph becomes its lines (a soft break is a line
// break, as it is on the page); a table row becomes one line that carries its cells. Every line
// keeps the source position of its block, so an item read from line n is found in the file.
import type { SourcePosition } from '../../model/plan.ts';
import { fold, needsFold } from '../normalise.ts';
import type { LineText } from '../unit-list.ts';
import type { Block } from './blocks.ts';

export interface Lines {
  /** The lines joined by "\n": what the whole-document checks (control characters …) read. */
  text: string;
  lines: LineText[];
  /** sources[n - 1] is where line n came from. */
  sources: SourcePosition[];
}

export function toLines(blocks: readonly Block[]): Lines {
  const printed: string[] = [];
  const lines: LineText[] = [];
  const sources: SourcePosition[] = [];
  const add = (original: string, source: SourcePosition, cells?: LineText['cells']) => {
    const line: LineText = { original, folded: original, line: lines.length + 1 };
    if (cells) line.cells = cells;
    lines.push(line);
    sources.push(source);
    printed.push(original);
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      for (const part of block.text.split('\n')) add(part, block.source);
    } else {
      // Tabs inside a cell would read as cell boundaries to a layout that splits on them.
      const joined = block.cells.map((c) => c.text.replace(/[\t\n]+/g, ' ')).join('\t');
      add(joined, block.source, block.cells);
    }
  }
  const text = printed.join('\n');
  if (needsFold(text)) for (const line of lines) line.folded = fold(line.original);
  return { text, lines, sources };
}
