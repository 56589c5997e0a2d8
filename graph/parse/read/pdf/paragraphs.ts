// Where a paragraph starts, from the page's geometry as a reader sees it: a first-line indent
// (Chinese notices indent two characters), the line before stopping short of the right margin,
// more space between lines than the text's own spacing, a change of font size. A centred title
// that wraps stays one paragraph.
import type { Line } from './lines.ts';

export interface Body {
  /** Left edge of the text column: where most lines start. */
  left: number;
  /** Right edge of the text column: where most wrapped lines end. */
  right: number;
  /** Font size of most of the text. */
  size: number;
  /** Baseline to baseline of consecutive lines of one paragraph, by font size (rounded). */
  pitch: Map<number, number>;
}

function mostCommon(values: readonly number[], tolerance: number): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const v of values) {
    const count = values.filter((w) => Math.abs(w - v) <= tolerance).length;
    if (count > bestCount || (count === bestCount && best !== undefined && v < best)) {
      best = v;
      bestCount = count;
    }
  }
  return best;
}

const median = (values: readonly number[]): number | undefined => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** The text column of a document, from its body lines (page furniture and tables left out). */
export function measureBody(pages: readonly (readonly Line[])[]): Body {
  const lines = pages.flat();
  // Sampled: a long document has the same column on every page.
  const sample = lines.length > 2000 ? lines.filter((_, i) => i % 4 === 0) : lines;
  const left = mostCommon(
    sample.map((l) => l.x),
    1.5,
  );
  const rights = sample.map((l) => l.right);
  // The right edge is where lines end most often among the longer ones (wrapped lines fill it).
  const far = Math.max(...rights);
  const right = mostCommon(
    rights.filter((r) => r >= far - (sample[0]?.size ?? 12) * 8),
    1.5,
  );
  const gaps = new Map<number, number[]>();
  for (const page of pages) {
    for (let i = 1; i < page.length; i++) {
      const [a, b] = [page[i - 1], page[i]];
      if (!a || !b || Math.abs(a.size - b.size) > 0.5) continue;
      const key = Math.round(b.size);
      const gap = b.y - a.y;
      if (gap > 0 && gap < b.size * 3) gaps.set(key, [...(gaps.get(key) ?? []), gap]);
    }
  }
  const pitch = new Map<number, number>();
  for (const [size, values] of gaps) {
    // The smallest common gap is the spacing inside paragraphs; wider ones are between them.
    const sorted = [...values].sort((a, b) => a - b);
    const low = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 2)));
    pitch.set(size, median(low) ?? size * 1.5);
  }
  const size = mostCommon(
    sample.map((l) => l.size),
    0.5,
  );
  return { left: left ?? 0, right: right ?? far, size: size ?? 12, pitch };
}

const midway = (line: Line, body: Body) =>
  Math.abs((line.x + line.right) / 2 - (body.left + body.right) / 2) <= line.size;

/** The line fills the column: the typesetter wrapped it. */
export const fillsColumn = (line: Line, body: Body): boolean =>
  body.right - line.right <= 1.2 * line.size;

/**
 * Whether `line` continues the paragraph of `previous`. `samePage` is false across a page
 * break, where the vertical gap says nothing.
 */
export function continuesParagraph(
  previous: Line,
  line: Line,
  body: Body,
  samePage: boolean,
): boolean {
  if (Math.abs(previous.size - line.size) > 0.15 * Math.max(previous.size, line.size)) return false;
  if (samePage) {
    const pitch = body.pitch.get(Math.round(line.size)) ?? line.size * 1.5;
    if (line.y - previous.y > pitch * 1.35 + 1) return false;
  }
  if (!fillsColumn(previous, body)) return false;
  const atMargin = Math.abs(line.x - body.left) <= 0.5 * line.size;
  // A centred title too long for one line: its second line is centred under the first. Titles
  // are set larger than the text, which tells them from a full line before a centred heading.
  const wrappedTitle =
    previous.size > body.size * 1.1 && midway(previous, body) && midway(line, body);
  return atMargin || wrappedTitle;
}
