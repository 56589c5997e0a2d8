// The responsibility matrix (责任矩阵): the third view beside the graph and the table. Units are
// rows, themes (or items, or the plans loaded) columns, each cell what the unit leads and supports
// there; the view the planners read when the drawing is too dense, and the one that prints (打印:
// matrix/print-matrix.ts). Over themes and items its figures come from the plan's elements the
// explorer holds, under the explorer's filters (matrix/matrix-data.ts); over plans from the
// server, which holds every plan (matrix/plans-matrix.ts). A row's name selects the unit as on the
// graph; a cell lists the items behind it, or over plans switches to that plan with the unit
// chosen; a heading sorts by its column. Loaded after the first screen (components/later.ts).
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PlansMatrixAnswer } from '../../../contract/api/plans-matrix.ts';
import { planShortTitle, type PlanTitle } from '../../../contract/short-title.ts';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { PlanGraph, PlanSummary } from '../api/schema.ts';
import { messageIn } from '../api/server-message.ts';
import { fileSubject, planFileName, today } from '../briefing/files.ts';
import { sourceLine } from '../briefing/frame.ts';
import {
  CSV_TYPE,
  downloadBlob,
  downloadText,
  localDay,
  safeFileBase,
} from '../export/download.ts';
import { toCsv } from '../export/table-data.ts';
import type { PlanIndex } from '../graph/plan-index.ts';
import type { ShownView } from '../graph/to-elements.ts';
import { matrixWord } from '../i18n/features/matrix.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import { arrangeRows, drawMatrixTable, markSortedColumn, shadeCss } from '../matrix/draw-table.ts';
import { columnLabel, roleWord } from '../matrix/labels.ts';
import { matrixInWords } from '../matrix/matrix-csv.ts';
import { buildMatrix, filterKey, matrixEdges, type Matrix } from '../matrix/matrix-data.ts';
import { orderMatrix, sortColumn, type OrderedMatrix } from '../matrix/order.ts';
import { buildPlansMatrix } from '../matrix/plans-matrix.ts';
import { fetchPlansMatrix } from '../matrix/plans-matrix-api.ts';
import { printMatrix, type PrintSheet } from '../matrix/print-matrix.ts';
import { chosenPlanIds } from '../state/plans-scope.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import { MATRIX_COLUMNS, type MatrixColumns, type MatrixSort } from '../state/matrix.ts';
import { NodeSelectEvent, PlanChooseEvent, ViewChangeEvent } from './events.ts';
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
      th.col .date {
        display: block;
        font-weight: 400;
        font-size: 0.7rem;
      }
      th.col[data-shown] {
        color: var(--gt-ink);
        background: var(--gt-selected-bg);
      }
      td.cell small.load {
        color: var(--gt-muted);
        font-size: 0.68rem;
        margin-left: 0.3rem;
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
      ${unsafeCSS(shadeCss())}
      td.cell.s4,
      td.cell.s5,
      td.cell.s4 b,
      td.cell.s5 b,
      td.cell.s4 i,
      td.cell.s5 i,
      td.cell.s4 sup,
      td.cell.s5 sup,
      td.cell.s4 small,
      td.cell.s5 small {
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

  @consume({ context: apiContext })
  private api!: ApiClient;

  @state() private openCell: OpenCell | null = null;

  // The plans loaded: units × plans is offered with two or more. Read again when the plan shown
  // changes (a plan chosen, an import's arrival), which is when the list may have changed.
  private plansList = new Task(this, {
    args: () => [this.graph?.plan ?? null] as const,
    task: (_args, { signal }) => this.api.plans(signal),
  });

  // Every unit's figures in every plan, asked for only when units × plans is shown; again when
  // the plans loaded change, the collectives switch is turned or a set of plans is chosen (选定规划:
  // only its columns).
  private plansMatrix = new Task(this, {
    args: () =>
      [
        this.#columnsShown() === 'plans',
        this.view.collectives,
        (this.plansList.value ?? []).map((plan) => `${plan.id}:${plan.sourceSha256}`).join(),
        chosenPlanIds(this.view, this.plansList.value ?? [])?.join(',') ?? '',
      ] as const,
    task: ([shown, collectives, , chosen], { signal }): Promise<PlansMatrixAnswer | null> =>
      shown
        ? fetchPlansMatrix(this.api, collectives, signal, chosen === '' ? null : chosen.split(','))
        : Promise.resolve(null),
  });

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

  readonly #plansMatrixOf = remember(
    (answer: PlansMatrixAnswer, lang: ViewState['lang'], englishPrefix: string): Matrix =>
      buildPlansMatrix(answer, { lang, englishPrefix }),
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

  /** What is on screen: the order the rows are moved to, the column sorted by, the columns. */
  #shown: { ordered: OrderedMatrix; sortedBy: string | null; by: MatrixColumns } | null = null;

  /** Units × plans needs two plans: asked for with fewer (an old address), themes are shown. */
  #offersPlans(): boolean {
    return (this.plansList.value?.length ?? 0) >= 2;
  }

  /** The columns on screen: the address's, unless units × plans is asked for and not offered. */
  #columnsShown(): MatrixColumns {
    const asked = this.view.matrixColumns;
    if (asked !== 'plans') return asked;
    // Until the plans list has come, the address is taken at its word.
    return this.plansList.value === undefined || this.#offersPlans() ? 'plans' : 'themes';
  }

  /** The plan on screen, as the plans list describes it (its issuer, date and fingerprint). */
  #planShown(): PlanSummary | undefined {
    const id = this.graph?.plan;
    return this.plansList.value?.find((plan) => plan.id === id);
  }

  override updated(): void {
    const table = this.renderRoot.querySelector<HTMLTableElement>('table.matrix');
    if (table === null || this.#shown === null) return;
    arrangeRows(
      table,
      this.#shown.ordered.rows.map((row) => row.id),
    );
    markSortedColumn(table, this.#shown.sortedBy);
    // Over plans, the plan the explorer shows is marked: a cell's click switches to its column.
    for (const th of table.querySelectorAll<HTMLElement>('th.col')) {
      th.toggleAttribute(
        'data-shown',
        this.#shown.by === 'plans' && th.dataset['col'] === this.graph?.plan,
      );
    }
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
    if (row === undefined || column === undefined) return;
    // A plan's cell: that plan, the unit chosen there (a unit is one node across plans).
    if (this.#shown?.by === 'plans') this.dispatchEvent(new PlanChooseEvent(column, row));
    else this.openCell = { unit: row, column };
  };

  #change(patch: Partial<ViewState>): void {
    this.dispatchEvent(new ViewChangeEvent(patch));
  }

  // Built on click only: the matrix as filtered and ordered on screen.
  #export(ordered: OrderedMatrix, by: MatrixColumns): void {
    const { lang, theme } = this.view;
    const table = matrixInWords(ordered, by, lang);
    // Over plans the file is no one plan's: 全部规划-责任矩阵-单位×规划-2026-12-07.csv.
    if (by === 'plans') {
      const name = [
        safeFileBase(matrixWord(lang, 'matrixAllPlans'), 'guatu'),
        safeFileBase(matrixWord(lang, 'matrixFilePlans'), 'matrix'),
        localDay(),
      ].join('-');
      // No one plan's file: not named after the plan on screen.
      downloadBlob(new Blob([toCsv(table)], { type: CSV_TYPE }), `${name}.csv`, { ofPlan: false });
      return;
    }
    const themeNode = theme === null ? undefined : this.index?.nodes.get(theme);
    const subject = fileSubject({ theme: themeNode }, lang, matrixWord(lang, 'matrixFile'));
    downloadText(toCsv(table), planFileName(this.plan, subject, 'csv'), CSV_TYPE);
  }

  /** The words above the printed matrix: what it is, of which plans, on which day, from where. */
  #printSheet(ordered: OrderedMatrix, by: MatrixColumns, lang: Lang): PrintSheet {
    const date = today();
    const view = matrixWord(lang, `matrixView_${by}`);
    if (by === 'plans') {
      const plans = ordered.columns.map((column) => columnLabel(column, lang));
      return {
        lang,
        title: matrixWord(lang, 'matrixPrintTitle', {
          plan: matrixWord(lang, 'matrixAllPlans'),
          view,
          date,
        }),
        source: `${msg(lang, 'briefingDate', { date })} · ${msg(lang, 'briefingSource')}: ${matrixWord(
          lang,
          'matrixPrintPlans',
          { count: plans.length, plans: plans.join('; ') },
        )}`,
      };
    }
    const shown = this.#planShown();
    const title: PlanTitle = shown ?? this.plan ?? { title: '' };
    return {
      lang,
      title: matrixWord(lang, 'matrixPrintTitle', { plan: planShortTitle(title), view, date }),
      source: sourceLine(
        {
          lang,
          nodes: [],
          metric: null,
          source: {
            id: shown?.id ?? null,
            title: title.title,
            issuer: shown?.issuer,
            date: shown?.date,
            sha256: shown?.sourceSha256,
          },
        },
        date,
      ),
    };
  }

  #print(ordered: OrderedMatrix, by: MatrixColumns, lang: Lang): void {
    const table = this.renderRoot.querySelector<HTMLTableElement>('table.matrix');
    if (table === null) return;
    printMatrix(window, table, this.#printSheet(ordered, by, lang));
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

  /** The matrix of the columns shown; over plans null until the server has answered. */
  #matrixOf(view: ViewState, by: MatrixColumns): Matrix | null {
    if (by === 'plans') {
      const answer = this.plansMatrix.value;
      return answer === null || answer === undefined
        ? null
        : this.#plansMatrixOf(answer, view.lang, this.englishPrefix);
    }
    return this.#matrix(
      this.index,
      this.#planIds(this.graph),
      this.#filters(filterKey(view)),
      by,
      view.lang,
      this.englishPrefix,
    );
  }

  /** Over plans, what stands in for the matrix while it is read, or why it is not there. */
  #renderPlansStatus(lang: Lang) {
    return this.plansMatrix.render({
      pending: () =>
        html`<p class="empty" role="status" data-matrix-status="pending">
          ${matrixWord(lang, 'matrixPlansLoading')}
        </p>`,
      error: (error) =>
        html`<p class="empty" role="alert" data-matrix-status="error">
          ${matrixWord(lang, 'matrixPlansFailed', {
            message: messageIn(error instanceof Error ? error.message : String(error), lang),
          })}
        </p>`,
    });
  }

  override render() {
    const view = this.view;
    const lang = view.lang;
    const by = this.#columnsShown();
    const matrix = this.#matrixOf(view, by);
    if (matrix === null && by !== 'plans') return nothing;
    const ordered = matrix === null ? null : this.#ordered(matrix, view.matrixSort, lang);
    const byColumn = matrix === null ? null : sortColumn(matrix, view.matrixSort);
    this.#shown = ordered === null ? null : { ordered, sortedBy: byColumn?.key ?? null, by };
    const pressed = (on: boolean) => (on ? 'true' : 'false');
    const offered = MATRIX_COLUMNS.filter((each) => each !== 'plans' || this.#offersPlans());
    const legend =
      by === 'items' ? 'matrixLegendItems' : by === 'plans' ? 'matrixLegendPlans' : 'matrixLegend';
    return html`
      <div class="toolbar">
        <h2>${matrixWord(lang, 'matrixTitle')}</h2>
        ${
          matrix === null
            ? nothing
            : html`<span class="muted" data-matrix-size
                >${matrixWord(lang, 'matrixCaption', {
                  units: matrix.rows.length,
                  columns: matrix.columns.length,
                })}</span
              >`
        }
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
        <div
          class="seg"
          role="group"
          aria-label=${matrixWord(lang, 'matrixColumnsLabel')}
          data-plan-count=${this.plansList.value?.length ?? nothing}
        >
          ${offered.map(
            (each) =>
              html`<button
                class="button"
                data-columns=${each}
                aria-pressed=${pressed(by === each)}
                title=${each === 'plans' ? matrixWord(lang, 'matrixColumnsPlansHint') : ''}
                @click=${() => {
                  this.openCell = null;
                  this.#change({
                    matrixColumns: each,
                    matrixSort: byColumn === null ? view.matrixSort : 'load',
                  });
                }}
              >
                ${matrixWord(lang, `matrixColumns_${each}`)}
              </button>`,
          )}
        </div>
        <button
          class="button"
          data-export="csv"
          title=${matrixWord(lang, 'matrixExportHint')}
          ?disabled=${ordered === null}
          @click=${() => {
            if (ordered !== null) this.#export(ordered, by);
          }}
        >
          ${matrixWord(lang, 'matrixExportCsv')}
        </button>
        <button
          class="button"
          data-action="print"
          title=${matrixWord(lang, 'matrixPrintHint')}
          ?disabled=${ordered === null || ordered.rows.length === 0}
          @click=${() => {
            if (ordered !== null) this.#print(ordered, by, lang);
          }}
        >
          ${matrixWord(lang, 'matrixPrint')}
        </button>
        <div class="legend">${matrixWord(lang, legend)}</div>
      </div>
      <div class="scroller">
        ${
          matrix === null || ordered === null
            ? this.#renderPlansStatus(lang)
            : matrix.rows.length === 0
              ? html`<p class="empty" role="status">${matrixWord(lang, 'matrixEmpty')}</p>`
              : this.#table(matrix, ordered.columns, by, lang)
        }
      </div>
      ${by === 'plans' || matrix === null ? nothing : this.#renderOpenCell(matrix)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-matrix-view': GtMatrixView;
  }
}
