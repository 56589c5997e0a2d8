// Draws the matrix as one plain <table>, built with the DOM's own calls: 100 units × 200 themes
// is 20,000 cells, and a template instance per cell would cost several times more to create and
// update than the cells themselves. No listeners here: the view listens once on the table and
// reads what was clicked from `data-` attributes (data-unit on a row's name, data-sort-col on a
// heading, data-col on a cell). Shading is a class per fifth of the largest cell's load, so the
// stylesheet, not 20,000 inline styles, decides the colours.
import type { Lang } from '../i18n/messages.ts';
import { msg } from '../i18n/messages.ts';
import { matrixWord } from '../i18n/features/matrix.ts';
import { leadCountText } from '../i18n/words.ts';
import type { MatrixColumns } from '../state/matrix.ts';
import { cellLoad, type MatrixCell } from './matrix-data.ts';
import { columnHeading, columnLabel, roleShort } from './labels.ts';
import type { OrderedMatrix } from './order.ts';

/** Shades of a cell: 1 (light) … 5 (darkest), relative to the largest cell. */
export const SHADES = 5;

/**
 * A cell's shade, by the square root of its share of the largest cell: loads run from 0.5 to
 * dozens (各区人民政府), and a linear scale left nearly every cell in the lightest shade.
 */
export function shadeOf(cell: Pick<MatrixCell, 'leads' | 'supports'>, maxCellLoad: number): number {
  if (maxCellLoad <= 0) return 1;
  const share = Math.sqrt(cellLoad(cell) / maxCellLoad);
  return Math.max(1, Math.min(SHADES, Math.ceil(share * SHADES)));
}

// Shades of the lead colour (named leads), the owner colour (leads by the rule only) and the
// support colour, light to dark; the figures stay readable on the darkest. One set of rules for
// the screen and the printed page.
const ROLE_RGB = { lead: '44, 62, 80', owner: '168, 93, 28', support: '91, 104, 120' } as const;

/** The cells' shading rules, each selector after `scope` (the print sheet's container). */
export function shadeCss(scope = ''): string {
  return Object.entries(ROLE_RGB)
    .flatMap(([role, rgb]) =>
      Array.from(
        { length: SHADES },
        (_, at) =>
          `${scope}td.${role}.s${at + 1} { background: rgba(${rgb}, ${(0.08 + (at / (SHADES - 1)) * 0.72).toFixed(2)}); }`,
      ),
    )
    .join('\n');
}

export interface DrawOptions {
  by: MatrixColumns;
  lang: Lang;
  maxCellLoad: number;
}

export function drawMatrixTable(
  doc: Document,
  { rows, columns }: OrderedMatrix,
  { by, lang, maxCellLoad }: DrawOptions,
): HTMLTableElement {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = '') => {
    const made = doc.createElement(tag);
    if (className !== '') made.className = className;
    if (text !== '') made.textContent = text;
    return made;
  };
  const table = element('table', `matrix by-${by}`);
  const head = element('thead');
  const headRow = element('tr');
  const corner = element('th', 'unit corner', matrixWord(lang, 'matrixUnit'));
  corner.scope = 'col';
  headRow.append(corner);
  for (const label of [msg(lang, 'leads'), msg(lang, 'supports'), matrixWord(lang, 'matrixLoad')]) {
    const th = element('th', 'total', label);
    th.scope = 'col';
    headRow.append(th);
  }
  const labels = columns.map((column) => columnLabel(column, lang));
  columns.forEach((column, at) => {
    const th = element('th', 'col');
    th.scope = 'col';
    th.title = `${labels[at] ?? ''}\n${matrixWord(lang, 'matrixSortColumnHint')}`;
    th.dataset['col'] = column.key;
    const button = element('button', 'heading', columnHeading(column, lang));
    button.dataset['sortCol'] = column.key;
    // A plan's date under its short title: two editions of one notice share the title.
    if (column.plan !== null && column.ref !== '')
      button.append(element('span', 'date', column.ref));
    th.append(button);
    headRow.append(th);
  });
  head.append(headRow);

  const body = element('tbody');
  const fragment = doc.createDocumentFragment();
  for (const row of rows) {
    const tr = element('tr');
    tr.dataset['id'] = row.id;
    tr.setAttribute('aria-selected', 'false');
    const name = element('th', 'unit');
    name.scope = 'row';
    name.dataset['unit'] = row.id;
    name.append(element('button', 'link', row.name));
    const leads = element('td', 'total num', leadCountText(lang, row.leads, row.inferredLeads));
    leads.dataset['leads'] = String(row.leads);
    leads.dataset['inferred'] = String(row.inferredLeads);
    const supports = element('td', 'total num', String(row.supports));
    supports.dataset['supports'] = String(row.supports);
    const load = element('td', 'total num', String(row.load));
    load.dataset['load'] = String(row.load);
    tr.append(name, leads, supports, load);
    columns.forEach((column, at) => {
      const cell = row.cells.get(column.key);
      if (cell === undefined) {
        tr.append(element('td'));
        return;
      }
      const role =
        cell.leads === 0 ? 'support' : cell.inferredLeads === cell.leads ? 'owner' : 'lead';
      const td = element('td', `cell ${role} s${shadeOf(cell, maxCellLoad)}`);
      td.dataset['col'] = column.key;
      td.dataset['leads'] = String(cell.leads);
      td.dataset['inferred'] = String(cell.inferredLeads);
      td.dataset['supports'] = String(cell.supports);
      td.title = matrixWord(lang, 'matrixCellTitle', {
        unit: row.name,
        column: labels[at] ?? '',
        leads: leadCountText(lang, cell.leads, cell.inferredLeads),
        supports: cell.supports,
      });
      if (by === 'items') {
        td.textContent = cell.items.map((item) => roleShort(lang, item.role)).join('');
      } else {
        if (cell.leads > 0) td.append(element('b', '', String(cell.leads)));
        if (cell.inferredLeads > 0) td.append(element('sup', '', String(cell.inferredLeads)));
        if (cell.supports > 0) td.append(element('i', '', String(cell.supports)));
      }
      // A plan's cell is the unit's whole share of the plan: its load is printed beside it.
      if (by === 'plans') {
        td.dataset['load'] = String(cellLoad(cell));
        td.append(element('small', 'load', String(cellLoad(cell))));
        td.title = matrixWord(lang, 'matrixPlanCellTitle', {
          unit: row.name,
          column: labels[at] ?? '',
          leads: leadCountText(lang, cell.leads, cell.inferredLeads),
          supports: cell.supports,
          load: cellLoad(cell),
        });
      }
      tr.append(td);
    });
    fragment.append(tr);
  }
  body.append(fragment);
  table.append(head, body);
  return table;
}

/**
 * Puts the drawn rows in a new order by moving them, not drawing them again: a new sort of the
 * same matrix moves 100 rows instead of building 20,000 cells.
 */
export function arrangeRows(table: HTMLTableElement, ids: readonly string[]): void {
  const body = table.tBodies[0];
  if (body === undefined) return;
  const drawn = [...body.rows];
  if (drawn.length === ids.length && drawn.every((row, at) => row.dataset['id'] === ids[at]))
    return;
  const byId = new Map(drawn.map((row) => [row.dataset['id'] ?? '', row]));
  body.append(...ids.map((id) => byId.get(id)).filter((row) => row !== undefined));
}

/** Marks the heading of the column the rows are sorted by (none: null). */
export function markSortedColumn(table: HTMLTableElement, key: string | null): void {
  for (const th of table.tHead?.querySelectorAll<HTMLElement>('th.col') ?? []) {
    if (th.dataset['col'] === key) th.setAttribute('aria-sort', 'descending');
    else th.removeAttribute('aria-sort');
  }
}
