// Prints the matrix alone (打印): the browser's own print of a sheet made for paper — a title line
// and a source line as on the graph's PDF (briefing/), then the table as drawn on screen — with
// everything else of the page hidden from print. The table's head repeats on every page, a row
// is never cut across two, and a matrix wider than an A4 landscape page is scaled to its width,
// so a planner can hand the supervision office the whole matrix on paper. The sheet lives in the
// page's own document (the app's components are in shadow roots, out of reach of a print sheet)
// only while printing: `afterprint` removes it.
import { shadeCss } from './draw-table.ts';

export const PRINT_SHEET_ID = 'gt-matrix-print';

/** A4 landscape less 10 mm margins: 277 mm, in CSS pixels (96 per inch). */
export const PRINTABLE_WIDTH_PX = (277 / 25.4) * 96;

export interface PrintSheet {
  lang: string;
  /** 武汉十四五分工 · 责任矩阵(单位 × 主题)· 2026-12-07. */
  title: string;
  /** 日期 … · 来源文件:the document(s) the figures come from. */
  source: string;
}

const SCOPE = `#${PRINT_SHEET_ID} `;

// Sizes in points and millimetres, the same on screen (where the sheet is measured, off to the
// side) and on paper. A row is one line, names never wrap: its height is the same everywhere.
const SHEET_CSS = `
@media screen {
  #${PRINT_SHEET_ID} { position: fixed; left: -100000px; top: 0; visibility: hidden; }
}
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  html, body { background: #fff !important; height: auto !important; overflow: visible !important; }
  body > :not(#${PRINT_SHEET_ID}) { display: none !important; }
}
#${PRINT_SHEET_ID} {
  width: max-content;
  color: #1d2b3a;
  font: 8pt/1.3 system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
${SCOPE}h1 { font-size: 11pt; margin: 0 0 1mm; font-weight: 600; max-width: 277mm; }
${SCOPE}p.source { font-size: 7pt; color: #5b6573; margin: 0 0 2mm; max-width: 277mm; }
${SCOPE}table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
${SCOPE}thead { display: table-header-group; }
${SCOPE}tr { break-inside: avoid; page-break-inside: avoid; }
${SCOPE}th, ${SCOPE}td {
  border: 0.2mm solid #d5dae0; padding: 0.4mm 1mm; white-space: nowrap; text-align: center;
}
${SCOPE}thead th { color: #5b6573; font-weight: 600; vertical-align: bottom; background: #f4f6f8; }
${SCOPE}th.unit { text-align: left; font-weight: 500; }
${SCOPE}td.total { text-align: right; color: #5b6573; }
${SCOPE}table.by-items thead th.col span.heading { writing-mode: vertical-rl; }
${SCOPE}th.col .date { display: block; font-weight: 400; font-size: 7pt; }
${SCOPE}td.cell b { color: #2c3e50; }
${SCOPE}td.cell sup { color: #a85d1c; font-size: 6pt; margin-left: 1px; }
${SCOPE}td.cell i { font-style: normal; color: #5b6878; margin-left: 0.8mm; }
${SCOPE}td.cell small.load { color: #5b6573; font-size: 6.5pt; margin-left: 0.8mm; }
${SCOPE}td.cell b:only-child, ${SCOPE}td.cell i:only-child { margin-left: 0; }
${shadeCss(SCOPE)}
${SCOPE}td.cell.s4, ${SCOPE}td.cell.s5, ${SCOPE}td.cell.s4 *, ${SCOPE}td.cell.s5 * { color: #fff; }
`;

/**
 * The sheet for `table` (copied; the screen's stays as it is), put into `doc` and scaled to the
 * page's width when wider. Returns the sheet; `removePrintSheet` takes it away.
 */
export function makePrintSheet(
  doc: Document,
  table: HTMLTableElement,
  sheet: PrintSheet,
): HTMLElement {
  removePrintSheet(doc);
  const root = doc.createElement('div');
  root.id = PRINT_SHEET_ID;
  root.lang = sheet.lang;
  const style = doc.createElement('style');
  style.textContent = SHEET_CSS;
  const title = doc.createElement('h1');
  title.textContent = sheet.title;
  const source = doc.createElement('p');
  source.className = 'source';
  source.textContent = sheet.source;
  const copy = table.cloneNode(true) as HTMLTableElement;
  // The screen's marks (the chosen row, the opened cell, the sorted column) are not the matrix's.
  for (const marked of copy.querySelectorAll(
    '[aria-selected="true"], [aria-current], [data-shown]',
  )) {
    marked.removeAttribute('aria-selected');
    marked.removeAttribute('aria-current');
    marked.removeAttribute('data-shown');
  }
  // Paper has nothing to click, and Chromium paints no button in a head it repeats on a page.
  for (const button of copy.querySelectorAll('button')) {
    const words = doc.createElement('span');
    words.className = button.className;
    words.append(...button.childNodes);
    button.replaceWith(words);
  }
  root.append(style, title, source, copy);
  doc.body.append(root);
  // Measured as laid out here, in the same sizes as on paper.
  const width = copy.getBoundingClientRect().width;
  if (width > PRINTABLE_WIDTH_PX) root.style.zoom = String(PRINTABLE_WIDTH_PX / width);
  return root;
}

export function removePrintSheet(doc: Document): void {
  doc.getElementById(PRINT_SHEET_ID)?.remove();
}

/** Prints the sheet with the browser's print, and takes the sheet away when printing is done. */
export function printMatrix(win: Window, table: HTMLTableElement, sheet: PrintSheet): void {
  const doc = win.document;
  makePrintSheet(doc, table, sheet);
  win.addEventListener('afterprint', () => removePrintSheet(doc), { once: true });
  win.print();
}
