// The responsibility matrix (责任矩阵): the third view beside the graph and the table. Units are
// rows, themes (or items) columns, each cell what the unit leads and supports there; the view the
// planners read when the drawing is too dense, and the one that prints. Its figures come from the
// plan's elements the explorer holds, under the explorer's filters (matrix/matrix-data.ts). A row's
// name selects the unit as on the graph; a cell lists the items behind it; a heading sorts by its
// column. Loaded after the first screen (components/later.ts).
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PlanGraph } from '../api/schema.ts';
import type { PlanTitle } from '../../../contract/short-title.ts';
import { fileSubject, planFileName } from '../briefing/files.ts';
import { CSV_TYPE, downloadText } from '../export/download.ts';
import { toCsv } from '../export/table-data.ts';
import type { PlanIndex } from '../graph/plan-index.ts';
import type { ShownView } from '../graph/to-elements.ts';
import { matrixWord } from '../i18n/features/matrix.ts';
import { arrangeRows, drawMatrixTable, markSortedColumn, SHADES } from '../matrix/draw-table.ts';
import { columnLabel, roleWord } from '../matrix/labels.ts';
import { matrixInWords } from '../matrix/matrix-csv.ts';
import { buildMatrix, filterKey, matrixEdges, type Matrix } from '../matrix/matrix-data.ts';
import { orderMatrix, sortColumn, type OrderedMatrix } from '../matrix/order.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import type { MatrixSort } from '../state/matrix.ts';
import { NodeSelectEvent, ViewChangeEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

/** A cell the planner opened: its unit and column. */
interface OpenCell {
  unit: string;
  column: string;
}

const PLAIN_SORTS = ['load', 'name', 'cluster'] as const;

/** The last value of a pure function and what it was made from: redone only when those change. */
function remember<A extends readonly unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A) => {
    if (last === null || args.some((arg, at) => !Object.is(arg, last?.args[at]))) {
      last = { args, value: make(...args) };
    }
    return last.value;
  };
}

// Shades of the lead colour (named leads), the owner colour (leads by the rule only) and the
// support colour, light to dark; the figures stay readable on the darkest.
const shadeRules = (role: string, rgb: string) =>
  Array.from(
    { length: SHADES },
    (_, at) =>
      `td.${role}.s${at + 1} { background: rgba(${rgb}, ${(0.08 + (at / (SHADES - 1)) * 0.72).toFixed(2)}); }`,
  ).join('\n');

@customElement('gt-matrix-view')
export class GtMatrixView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
        background: var(--gt-surface);
        font-size: 0.8rem;
        min-height: 0;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 1rem;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--gt-line-soft);
      }
      .toolbar h2 {
        font-size: 0.95rem;
        margin: 0;
      }
      .legend {
        flex-basis: 100%;
        color: var(--gt-muted);
        font-size: 0.75rem;
      }
      .scroller {
        overflow: auto;
        min-height: 0;
      }
      table.matrix {
        border-collapse: separate;
        border-spacing: 0;
        font-variant-numeric: tabular-nums;
      }
      table.matrix th,
      table.matrix td {
        border-right: 1px solid var(--gt-line-soft);
        border-bottom: 1px solid var(--gt-line-soft);
        padding: 0.15rem 0.3rem;
        white-space: nowrap;
      }
      table.matrix thead th {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--gt-canvas);
        color: var(--gt-muted);
        font-weight: 600;
        vertical-align: bottom;
      }
      table.matrix th.unit {
        position: sticky;
        left: 0;
        z-index: 1;
        background: var(--gt-surface);
        text-align: left;
        max-width: 14rem;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      table.matrix thead th.corner {
        z-index: 3;
        background: var(--gt-canvas);
      }
      table.matrix.by-items thead th.col button {
        writing-mode: vertical-rl;
      }
      th.col button.heading {
        border: 0;
        background: none;
        font: inherit;
        color: inherit;
        padding: 0;
        cursor: pointer;
      }
      th.col[aria-sort] {
        color: var(--gt-ink);
        box-shadow: inset 0 -3px 0 var(--gt-accent);
      }
      td.total {
        text-align: right;
        color: var(--gt-muted);
      }
      td.cell {
        text-align: center;
        cursor: pointer;
        min-width: 2.2rem;
      }
      td.cell b {
        color: var(--gt-lead);
      }
      td.cell sup {
        color: var(--gt-owner);
        font-size: 0.65rem;
        margin-left: 1px;
      }
      td.cell i {
        font-style: normal;
        color: var(--gt-support);
        margin-left: 0.3rem;
      }
      td.cell b:only-child,
      td.cell i:only-child {
        margin-left: 0;
      }
      ${unsafeShades()}
      td.cell.s4,
      td.cell.s5,
      td.cell.s4 b,
      td.cell.s5 b,
      td.cell.s4 i,
      td.cell.s5 i,
      td.cell.s4 sup,
      td.cell.s5 sup {
        color: #fff;
      }
      td.cell[aria-current='true'] {
        outline: 2px solid var(--gt-accent);
        outline-offset: -2px;
      }
      tr[aria-selected='true'] th.unit,
      tr[aria-selected='true'] td.total {
        background: var(--gt-selected-bg);
      }
      tr[aria-selected='true'] th.unit {
        box-shadow: inset 3px 0 0 var(--gt-accent);
      }
      tbody tr:hover th.unit {
        background: var(--gt-hover);
      }
      .items {
        border-top: 1px solid var(--gt-line);
        padding: 0.5rem 1rem;
        max-height: 35vh;
        overflow: auto;
        background: var(--gt-surface);
      }
      .items h3 {
        font-size: 0.85rem;
        margin: 0 0 0.3rem;
        display: flex;
        justify-content: space-between;
        gap: 1rem;
      }
      .items ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .items li {
        padding: 0.15rem 0;
      }
      .empty {
        padding: 2rem;
        color: var(--gt-muted);
      }
      @media print {
        :host {
          display: block;
        }
        .toolbar button,
        .toolbar .seg,
        .items {
          display: none;
        }
        .scroller {
          overflow: visible;
        }
        table.matrix thead th,
        table.matrix th.unit {
          position: static;
        }
      }
    `,
  ];

  /** The plan as the explorer fetched it: which nodes are the plan's. */
  @property({ attribute: false }) graph: PlanGraph | null = null;
  /** The same plan indexed (the explorer's): where the rows and cells are counted from. */
  @property({ attribute: false }) index: PlanIndex | null = null;
  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property() englishPrefix = '';
  /** The plan's title, which the exported file is named after. */
  @property({ attribute: false }) plan: PlanTitle | null = null;

  @state() private openCell: OpenCell | null = null;

  readonly #planIds = remember((graph: PlanGraph | null) =>
    (graph?.elements.nodes ?? []).map((node) => node.data.id),
  );

  // The view as it was when its filters last changed: the same object while only the selection,
  // the order or the language change, so the matrix below is not counted again for those.
  readonly #filters = remember((_key: string): ShownView => this.view);

  readonly #matrix = remember(
    (
      index: PlanIndex | null,
      planIds: readonly string[],
      filters: ShownView,
      by: ViewState['matrixColumns'],
      lang: ViewState['lang'],
      englishPrefix: string,
    ): Matrix | null => {
      if (index === null) return null;
      return buildMatrix(index, matrixEdges(index, planIds, filters), { by, lang, englishPrefix });
    },
  );

  readonly #ordered = remember((matrix: Matrix, sort: MatrixSort, lang: ViewState['lang']) =>
    orderMatrix(matrix, sort, lang),
  );

  // Drawn again only when the cells change (filters, columns, language, a clustered column
  // order); a new row order moves the drawn rows (updated()).
  readonly #table = remember(
    (
      matrix: Matrix,
      columns: OrderedMatrix['columns'],
      by: ViewState['matrixColumns'],
      lang: ViewState['lang'],
    ) => {
      const started = performance.now();
      const table = drawMatrixTable(
        document,
        { rows: matrix.rows, columns },
        { by, lang, maxCellLoad: matrix.maxCellLoad },
      );
      table.addEventListener('click', this.#onTableClick);
      // For a look in the console: how long the cells took to build (bench/matrix.ts times more).
      this.dataset['drawMs'] = (performance.now() - started).toFixed(1);
      return table;
    },
  );

  /** The selection last brought into view. */
  #scrolledTo: string | null = null;

  /** What is on screen: the order the rows are moved to, the column sorted by. */
  #shown: { ordered: OrderedMatrix; sortedBy: string | null } | null = null;

  override updated(): void {
    const table = this.renderRoot.querySelector<HTMLTableElement>('table.matrix');
    if (table === null || this.#shown === null) return;
    arrangeRows(
      table,
      this.#shown.ordered.rows.map((row) => row.id),
    );
    markSortedColumn(table, this.#shown.sortedBy);
    // Marks, not a redraw: a selection or an opened cell changes two attributes, not 20,000 cells.
    for (const row of table.querySelectorAll('tr[aria-selected="true"]')) {
      row.setAttribute('aria-selected', 'false');
    }
    const selected = this.view.selected;
    const row =
      selected === null ? null : table.querySelector(`tr[data-id="${CSS.escape(selected)}"]`);
    row?.setAttribute('aria-selected', 'true');
    // A unit chosen elsewhere (the search, a ranking) is brought into view once.
    if (selected !== this.#scrolledTo) {
      this.#scrolledTo = selected;
      row?.scrollIntoView({ block: 'nearest' });
    }
    for (const cell of table.querySelectorAll('td[aria-current]'))
      cell.removeAttribute('aria-current');
    const open = this.openCell;
    if (open !== null) {
      table
        .querySelector(
          `tr[data-id="${CSS.escape(open.unit)}"] td[data-col="${CSS.escape(open.column)}"]`,
        )
        ?.setAttribute('aria-current', 'true');
    }
  }

  #onTableClick = (event: Event): void => {
    const target = event.target instanceof Element ? event.target : null;
    const unit = target?.closest<HTMLElement>('[data-unit]')?.dataset['unit'];
    if (unit !== undefined) {
      this.dispatchEvent(new NodeSelectEvent(unit, false));
      return;
    }
    const sortBy = target?.closest<HTMLElement>('[data-sort-col]')?.dataset['sortCol'];
    if (sortBy !== undefined) {
      this.#change({ matrixSort: `col:${sortBy}` });
      return;
    }
    const cell = target?.closest<HTMLElement>('td[data-col]');
    const row = cell?.closest<HTMLElement>('tr[data-id]')?.dataset['id'];
    const column = cell?.dataset['col'];
    if (row !== undefined && column !== undefined) this.openCell = { unit: row, column };
  };

  #change(patch: Partial<ViewState>): void {
    this.dispatchEvent(new ViewChangeEvent(patch));
  }

  // Built on click only: the matrix as filtered and ordered on screen.
  #export(ordered: OrderedMatrix): void {
    const { lang, theme } = this.view;
    const themeNode = theme === null ? undefined : this.index?.nodes.get(theme);
    const subject = fileSubject({ theme: themeNode }, lang, matrixWord(lang, 'matrixFile'));
    const table = matrixInWords(ordered, this.view.matrixColumns, lang);
    downloadText(toCsv(table), planFileName(this.plan, subject, 'csv'), CSV_TYPE);
  }

  #renderOpenCell(matrix: Matrix) {
    const open = this.openCell;
    if (open === null) return nothing;
    const lang = this.view.lang;
    const row = matrix.rows.find((each) => each.id === open.unit);
    const column = matrix.columns.find((each) => each.key === open.column);
    const cell = row?.cells.get(open.column);
    if (row === undefined || column === undefined || cell === undefined) return nothing;
    return html`<section class="items" data-cell-items aria-live="polite">
      <h3>
        <span
          >${matrixWord(lang, 'matrixCellItems', {
            unit: row.name,
            column: columnLabel(column, lang),
            n: cell.items.length,
          })}</span
        >
        <button
          class="link"
          data-action="close-cell"
          @click=${() => {
            this.openCell = null;
          }}
        >
          ${matrixWord(lang, 'matrixCellClose')}
        </button>
      </h3>
      <ul>
        ${cell.items.map(
          (item) =>
            html`<li data-item=${item.id} data-role=${item.role}>
              <span class="badge ${item.role}">${roleWord(lang, item.role)}</span>
              <button
                class="link"
                @click=${() => this.dispatchEvent(new NodeSelectEvent(item.id, false))}
              >
                <span class="ref">${item.ref}</span> ${item.title}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  override render() {
    const view = this.view;
    const lang = view.lang;
    const matrix = this.#matrix(
      this.index,
      this.#planIds(this.graph),
      this.#filters(filterKey(view)),
      view.matrixColumns,
      lang,
      this.englishPrefix,
    );
    if (matrix === null) return nothing;
    const ordered = this.#ordered(matrix, view.matrixSort, lang);
    const byColumn = sortColumn(matrix, view.matrixSort);
    this.#shown = { ordered, sortedBy: byColumn?.key ?? null };
    const pressed = (on: boolean) => (on ? 'true' : 'false');
    return html`
      <div class="toolbar">
        <h2>${matrixWord(lang, 'matrixTitle')}</h2>
        <span class="muted" data-matrix-size
          >${matrixWord(lang, 'matrixCaption', {
            units: matrix.rows.length,
            columns: matrix.columns.length,
          })}</span
        >
        <div class="seg" role="group" aria-label=${matrixWord(lang, 'matrixSortLabel')}>
          ${PLAIN_SORTS.map(
            (sort) =>
              html`<button
                class="button"
                data-sort=${sort}
                aria-pressed=${pressed(view.matrixSort === sort)}
                title=${sort === 'cluster' ? matrixWord(lang, 'matrixClusterHint') : ''}
                @click=${() => this.#change({ matrixSort: sort })}
              >
                ${matrixWord(lang, `matrixSort_${sort}`)}
              </button>`,
          )}
        </div>
        ${
          byColumn === null
            ? nothing
            : html`<span data-sorted-by=${byColumn.key}
                >${matrixWord(lang, 'matrixSort_column', {
                  column: columnLabel(byColumn, lang),
                })}</span
              >`
        }
        <div class="seg" role="group" aria-label=${matrixWord(lang, 'matrixColumnsLabel')}>
          ${(['themes', 'items'] as const).map(
            (by) =>
              html`<button
                class="button"
                data-columns=${by}
                aria-pressed=${pressed(view.matrixColumns === by)}
                @click=${() => {
                  this.openCell = null;
                  this.#change({
                    matrixColumns: by,
                    matrixSort: byColumn === null ? view.matrixSort : 'load',
                  });
                }}
              >
                ${matrixWord(lang, `matrixColumns_${by}`)}
              </button>`,
          )}
        </div>
        <button
          class="button"
          data-export="csv"
          title=${matrixWord(lang, 'matrixExportHint')}
          @click=${() => this.#export(ordered)}
        >
          ${matrixWord(lang, 'matrixExportCsv')}
        </button>
        <div class="legend">
          ${matrixWord(lang, view.matrixColumns === 'items' ? 'matrixLegendItems' : 'matrixLegend')}
        </div>
      </div>
      <div class="scroller">
        ${
          matrix.rows.length === 0
            ? html`<p class="empty" role="status">${matrixWord(lang, 'matrixEmpty')}</p>`
            : this.#table(matrix, ordered.columns, view.matrixColumns, lang)
        }
      </div>
      ${this.#renderOpenCell(matrix)}
    `;
  }
}

function unsafeShades() {
  return unsafeCSS(
    [
      shadeRules('lead', '44, 62, 80'),
      shadeRules('owner', '168, 93, 28'),
      shadeRules('support', '91, 104, 120'),
    ].join('\n'),
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-matrix-view': GtMatrixView;
  }
}
