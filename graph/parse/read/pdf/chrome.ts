// Page furniture: running heads and footers, page numbers. They are printed on the page but are
// not the notice, and left in they would split a paragraph or a table that runs across pages.
import type { Line } from './lines.ts';

/** "— 3 —", "- 3 -", "3", "第 3 页", "第3页 共10页", "3/10", "Page 3 of 10". */
const PAGE_NUMBER =
  /^(?:[-—–－~·\s]*\d{1,4}[-—–－~·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页)$/iu;

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.test(text.trim());

/** Share of the page height, at the top and at the bottom, where furniture is looked for. */
const BAND = 0.15;

export interface PageLines {
  height: number;
  lines: Line[];
}

/** The furniture's shape: digits stand for any number, so "— 3 —" and "— 4 —" are one. */
const shape = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/**
 * Marks furniture on every page: page numbers in the top or bottom band, and text repeated in
 * the same band on most pages (at least two). Returns, per page, the lines that are furniture.
 */
export function findFurniture(pages: readonly PageLines[]): Set<Line>[] {
  const inBand = (page: PageLines, line: Line) =>
    line.y < page.height * BAND || line.y > page.height * (1 - BAND);
  const seen = new Map<string, number>();
  for (const page of pages) {
    const shapes = new Set(page.lines.filter((l) => inBand(page, l)).map((l) => shape(l.text)));
    for (const s of shapes) seen.set(s, (seen.get(s) ?? 0) + 1);
  }
  const repeated = (s: string) =>
    pages.length >= 2 && (seen.get(s) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map(
    (page) =>
      new Set(
        page.lines.filter(
          (l) => inBand(page, l) && (isPageNumber(l.text) || repeated(shape(l.text))),
        ),
      ),
  );
}
