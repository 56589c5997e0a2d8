// Lines of one paragraph or one table cell → its text. A line that runs to the right edge was
// wrapped by the typesetter: the next line continues it (no space in Chinese). A line that
// stops short ended a paragraph: the next line starts a new one ("\n").
import type { Line } from './lines.ts';

const LATIN_END = /[\p{Script=Latin}\d]$/u;
const LATIN_START = /^[\p{Script=Latin}\d]/u;
/** Punctuation no line may start with, and brackets that open a qualifier of what precedes. */
const CONTINUES = /^[，、。；：,;:.)）〉》」』\]】”’%％(（〈《]/u;

/**
 * The end of a government body's name. In a narrow cell a unit's name can fill the line exactly
 * ("市直各有关部门" in a column seven characters wide); the next line then starts the next unit
 * rather than continuing this one.
 */
const ENDS_LIKE_A_UNIT =
  /(?:部门|政府|委员会|管委会|办公室|中心|公司|集团|分行|支行|海关|总队|支队|大队|[局委办厅署院室处会社馆站所])$/u;

export interface WrapOptions {
  /** The line reaches the right edge of its column or cell. */
  full: (line: Line) => boolean;
  /** Lines are cells' lines, where a filled line ending like a unit's name ends the unit. */
  cell?: boolean;
}

export function joinWrapped(lines: readonly Line[], options: WrapOptions): string {
  let text = '';
  let previous: Line | undefined;
  for (const line of lines) {
    if (!previous) text = line.text;
    else if (continues(previous, line, options)) {
      const space = LATIN_END.test(previous.text) && LATIN_START.test(line.text);
      text += (space ? ' ' : '') + line.text;
    } else text += `\n${line.text}`;
    previous = line;
  }
  return text;
}

function continues(previous: Line, line: Line, options: WrapOptions): boolean {
  if (!options.full(previous)) return false;
  if (CONTINUES.test(line.text)) return true;
  return !(options.cell && ENDS_LIKE_A_UNIT.test(previous.text));
}
