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

const OPEN = /[(（〈《[【]/gu;
const CLOSE = /[)）〉》\]】]/gu;
/** A line that ends inside a list: a separator or a label's colon still waiting for its unit. */
const DANGLING = /[、，,：:;；]\s*$/u;
/** Longer than this, a part after a break inside a bracket is wrapped prose, not a unit. */
const UNIT_LINE = 20;

/**
 * A paragraph's soft breaks as lines. A break inside an open bracket or right after a list's
 * separator is where a page or a Word cell wrapped a unit list ("市财政局、<br>市商务局"), not
 * where the planner's lines end: those parts stay one line, joined without a space.
 */
export function softLines(text: string): string[] {
  const parts = text.split('\n');
  const lines: string[] = [];
  let pending: string | null = null;
  let depth = 0;
  for (const part of parts) {
    if (pending === null) pending = part;
    // Inside a bracket, a break with no separator before it stands between two units printed
    // one per line ("市财政局<br>市委网信办)"): it separates them, as 、 would.
    else if (!DANGLING.test(pending) && part.trim().length <= UNIT_LINE) pending += `、${part}`;
    else pending += part;
    depth += (part.match(OPEN)?.length ?? 0) - (part.match(CLOSE)?.length ?? 0);
    if (depth <= 0 && !DANGLING.test(part)) {
      lines.push(pending);
      pending = null;
      depth = 0;
    }
  }
  if (pending !== null) lines.push(pending);
  return lines;
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
      for (const part of softLines(block.text)) add(part, block.source);
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
