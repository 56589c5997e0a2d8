// A paragraph's text as a reader of the page sees it: the text of its inline elements joined, the
// markup's whitespace collapsed as a browser collapses it, <br> kept as a line break. Chinese
// typesetting has no spaces between words, so a line break in the HTML source between two Chinese
// characters disappears (as CSS Text 3 has it) instead of becoming a space inside a unit's name.

/** Spaces a page uses for indentation and padding (&nbsp;, full-width, typographic): one space. */
const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v\r]/g;
/** Characters with no width: dropped (they split unit names a planner would search for). */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad\0]/g;
/** A line break in the markup, with the whitespace around it: a "segment break". */
const SEGMENT_BREAK = /[ \t\f\r]*\n[ \t\n\f\r]*/g;
/** Marks a segment break until the paragraph is done; parse5 never leaves a NUL in body text. */
const BREAK_MARK = '\0';

/** Wide characters: CJK ideographs and punctuation, full-width forms, Chinese quotation marks. */
const WIDE =
  /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026]/;

/** Chinese characters, the measure of "how much of the notice" a part of the page holds. */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xf900 && c <= 0xfaff)
    )
      n++;
  }
  return n;
}

/** The characters of a text that a reader sees: everything but whitespace (the marks included). */
function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0x3000) n++;
  }
  return n;
}

export interface Paragraph {
  /** Lines of the paragraph (split at <br>), each trimmed; none empty. */
  lines: string[];
  /** Line of the file where the paragraph's text begins. */
  line: number;
  /** Share of the visible characters that are link text (0 … 1). */
  linkShare: number;
}

/** Collects the text of one paragraph at a time. */
export class ParagraphBuilder {
  private parts: string[] = [];
  private line: number | undefined;
  private seen = 0;
  private linked = 0;

  /** Text of a text node: `pre` keeps its line breaks and tabs, `link` counts it as link text. */
  add(value: string, line: number, options: { pre: boolean; link: boolean }): void {
    let text = value.replace(ZERO_WIDTH, '');
    if (options.pre) {
      text = text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u3000]/g, ' ');
    } else {
      text = text.replace(SEGMENT_BREAK, BREAK_MARK).replace(SPACE_LIKE, ' ');
      text = text.replace(/ {2,}/g, ' ');
    }
    if (text === '') return;
    const visible = visibleLength(text);
    if (visible > 0) {
      this.line ??= line;
      this.seen += visible;
      if (options.link) this.linked += visible;
    }
    this.parts.push(text);
  }

  /** A <br>: a line break within the paragraph. */
  lineBreak(): void {
    if (this.parts.length > 0) this.parts.push('\n');
  }

  get empty(): boolean {
    return this.seen === 0;
  }

  /** The paragraph so far, and a fresh start; null when it holds nothing visible. */
  take(): Paragraph | null {
    const parts = this.parts;
    const line = this.line;
    const share = this.seen === 0 ? 0 : this.linked / this.seen;
    const seen = this.seen;
    this.parts = [];
    this.line = undefined;
    this.seen = 0;
    this.linked = 0;
    if (seen === 0 || line === undefined) return null;
    const lines = collapse(parts.join(''))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    return lines.length === 0 ? null : { lines, line, linkShare: share };
  }
}

/** Runs of spaces and segment breaks → one space, or nothing between two wide characters. */
function collapse(text: string): string {
  return text.replace(/[ \0]+/g, (run, at: number, whole: string) => {
    if (run.includes(' ')) return ' ';
    const before = whole[at - 1] ?? '';
    const after = whole[at + run.length] ?? '';
    return WIDE.test(before) && WIDE.test(after) ? '' : ' ';
  });
}

/** Normalised text of a title or label: whitespace, zero-width characters and NULs removed. */
export function compact(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(/[\s\u00a0\u3000]+/g, '');
}
