// The comparison of two editions as a table a planner reads: one row per changed item (what
// changed in words, the old and new number, title with the changed characters marked, and theme,
// the units that gained or lost a lead or a support, how sure the pairing is), filtered by kind of
// change and sorted; or the units' totals. The CSV is the server's (editions-api.ts), so file and
// screen say the same. Used by the explorer's comparison (gt-editions-view) and the import review.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  ITEM_CHANGES,
  type EditionComparison,
  type EditionItem,
  type ItemChange,
  type ItemChangeKind,
} from '../../../contract/api/editions.ts';
import { percent } from '../../../contract/edition-words.ts';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import {
  certaintyRule,
  certaintyWord,
  changeWord,
  editionKindWord,
  editionsWord,
  itemColumnWord,
  unitChangeWord,
  unitColumnWord,
  type EditionsWord,
} from '../i18n/features/editions.ts';
import type { Lang } from '../i18n/messages.ts';
import { downloadComparisonCsv, type ComparisonSource } from './editions-api.ts';
import { sortedRows, type RowOrder } from './rows.ts';
import { titleMarks, type TitleSegment } from './title-marks.ts';

type Tab = 'items' | 'units';

const ORDERS: Record<RowOrder, EditionsWord> = {
  document: 'editionsSortDocument',
  change: 'editionsSortChange',
  certainty: 'editionsSortCertainty',
  number: 'editionsSortNumber',
};

@customElement('gt-editions-table')
export class GtEditionsTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto minmax(0, 1fr);
        gap: 0.5rem;
        min-height: 0;
        font-size: 0.85rem;
      }
      .summary p {
        margin: 0.1rem 0;
      }
      .summary .check {
        color: var(--gt-owner);
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.8rem;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
      }
      .controls label {
        display: flex;
        align-items: center;
        gap: 0.3rem;
        color: var(--gt-muted);
      }
      select {
        font: inherit;
      }
      .grow {
        flex: 1;
      }
      .scroll {
        min-height: 0;
        overflow: auto;
        border: 1px solid var(--gt-line);
        border-radius: 8px;
        background: var(--gt-surface);
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th {
        position: sticky;
        top: 0;
        z-index: 1;
        background: var(--gt-surface);
        text-align: left;
        font-weight: 600;
        font-size: 0.75rem;
        color: var(--gt-muted);
        padding: 0.35rem 0.45rem;
        border-bottom: 1px solid var(--gt-line);
        white-space: nowrap;
      }
      td {
        vertical-align: top;
        padding: 0.3rem 0.45rem;
        border-bottom: 1px solid var(--gt-line-soft);
        overflow-wrap: anywhere;
      }
      td.num {
        font-variant-numeric: tabular-nums;
        text-align: right;
      }
      td.ref,
      td[data-column='kind'],
      td[data-column='match'] {
        white-space: nowrap;
      }
      /* Each change a word with a sign, so it reads without its colour too. */
      .change {
        display: inline-block;
        margin: 0 0.2rem 0.15rem 0;
        padding: 0 0.35em;
        border-radius: 4px;
        border: 1px solid currentColor;
        white-space: nowrap;
        font-size: 0.75rem;
      }
      .change.added {
        color: #00573f;
        background: #e0f3ec;
      }
      .change.removed {
        color: #8f3e00;
        background: #fbe7dc;
        border-style: dashed;
      }
      .change.reworded,
      .change.renumbered,
      .change.moved,
      .change.units {
        color: #6b4a00;
        background: #fbefd6;
      }
      del {
        background: #fbe7dc;
        color: #8f3e00;
        text-decoration: line-through;
      }
      ins {
        background: #e0f3ec;
        color: #00573f;
        text-decoration: underline;
      }
      .units-list {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .units-list .lost {
        color: #8f3e00;
      }
      .units-list .gained {
        color: #00573f;
      }
      .candidates {
        color: var(--gt-muted);
        font-size: 0.78rem;
      }
      .empty {
        padding: 1rem;
        color: var(--gt-muted);
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  @state() private tab: Tab = 'items';
  /** Kinds of change shown; empty shows every row. */
  @state() private kinds: readonly ItemChangeKind[] = [];
  @state() private order: RowOrder = 'document';
  @state() private exporting = false;
  @state() private exportStatus = '';
  @state() private exportProblem = '';

  @property({ attribute: false }) comparison: EditionComparison | null = null;
  /** What the comparison is of, for its CSV. */
  @property({ attribute: false }) source: ComparisonSource | null = null;
  @property() language: Lang = 'zh';

  #toggle(kind: ItemChangeKind): void {
    this.kinds = this.kinds.includes(kind)
      ? this.kinds.filter((k) => k !== kind)
      : ITEM_CHANGES.filter((k) => k === kind || this.kinds.includes(k));
  }

  async #download(): Promise<void> {
    const source = this.source;
    if (source === null || this.exporting) return;
    this.exporting = true;
    this.exportProblem = '';
    this.exportStatus = '';
    try {
      const file = await downloadComparisonCsv(this.api, source, {
        lang: this.language,
        table: this.tab,
      });
      this.exportStatus = editionsWord(this.language, 'editionsDownloaded', { file });
    } catch (error) {
      this.exportProblem = editionsWord(this.language, 'editionsFailed', {
        problem: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.exporting = false;
    }
  }

  #marked(segments: readonly TitleSegment[], tag: 'del' | 'ins') {
    return segments.map((segment) =>
      !segment.changed
        ? segment.text
        : tag === 'del'
          ? html`<del>${segment.text}</del>`
          : html`<ins>${segment.text}</ins>`,
    );
  }

  #parent(item: EditionItem | null) {
    return item?.parent == null ? '' : `${item.parent.ref} ${item.parent.title}`;
  }

  #row(row: ItemChange) {
    const lang = this.language;
    const reworded = row.from !== null && row.to !== null && row.from.title !== row.to.title;
    const marks =
      reworded && row.from !== null && row.to !== null
        ? titleMarks(row.from.title, row.to.title)
        : null;
    const kind = (row.to ?? row.from)?.kind;
    const moved = row.changes.includes('moved');
    return html`<tr
      data-changes=${row.changes.join(' ')}
      data-from=${row.from?.ref ?? ''}
      data-to=${row.to?.ref ?? ''}
    >
      <td data-column="changes">
        ${row.changes.map(
          (change) =>
            html`<span class="change ${change}" data-change=${change}
              >${changeWord(lang, change)}</span
            >`,
        )}
      </td>
      <td data-column="kind">${kind === undefined ? '' : editionKindWord(lang, kind)}</td>
      <td class="ref" data-column="fromRef">${row.from?.ref ?? ''}</td>
      <td data-column="fromTitle">
        ${marks === null ? (row.from?.title ?? '') : this.#marked(marks.from, 'del')}
      </td>
      <td data-column="fromParent">
        ${moved ? html`<del>${this.#parent(row.from)}</del>` : this.#parent(row.from)}
      </td>
      <td class="ref" data-column="toRef">${row.to?.ref ?? ''}</td>
      <td data-column="toTitle">
        ${marks === null ? (row.to?.title ?? '') : this.#marked(marks.to, 'ins')}
      </td>
      <td data-column="toParent">
        ${moved ? html`<ins>${this.#parent(row.to)}</ins>` : this.#parent(row.to)}
      </td>
      <td data-column="units">
        <ul class="units-list">
          ${row.units.map(
            (unit) =>
              html`<li
                class=${unit.change.endsWith('-lost') ? 'lost' : 'gained'}
                data-unit=${unit.unitId}
              >
                ${unit.change.endsWith('-lost') ? '−' : '+'} ${unit.name}
                ${unitChangeWord(lang, unit.change)}
              </li>`,
          )}
        </ul>
      </td>
      <td data-column="match">
        ${
          row.match === null
            ? ''
            : html`<span
                title=${`${certaintyRule(lang, row.match)} · ${editionsWord(
                  lang,
                  'editionsLikeness',
                  {
                    percent: percent(row.likeness ?? 0),
                  },
                )}`}
                data-match=${row.match}
                >${certaintyWord(lang, row.match)}</span
              >`
        }
      </td>
      <td class="candidates" data-column="candidates">
        ${row.candidates.map(
          (candidate) =>
            html`<div>${candidate.ref} ${candidate.title} (${percent(candidate.likeness)})</div>`,
        )}
      </td>
    </tr>`;
  }

  #items(comparison: EditionComparison) {
    const lang = this.language;
    const shown = new Set(this.kinds);
    const rows = sortedRows(
      comparison.items.filter((row) => shown.size === 0 || row.changes.some((c) => shown.has(c))),
      this.order,
    );
    const columns = [
      'changes',
      'kind',
      'fromRef',
      'fromTitle',
      'fromParent',
      'toRef',
      'toTitle',
      'toParent',
      'units',
      'match',
      'candidates',
    ] as const;
    return html`<div class="scroll">
      <table data-table="items">
        <thead>
          <tr>
            ${columns.map((column) => html`<th data-column=${column}>${itemColumnWord(lang, column)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) => this.#row(row))}
        </tbody>
      </table>
      ${rows.length === 0 ? html`<p class="empty">${editionsWord(lang, 'editionsNoRows')}</p>` : nothing}
    </div>`;
  }

  #units(comparison: EditionComparison) {
    const lang = this.language;
    const columns = ['unit', 'leadsGained', 'leadsLost', 'supportsGained', 'supportsLost'] as const;
    return html`<div class="scroll">
      <table data-table="units">
        <thead>
          <tr>
            ${columns.map((column) => html`<th data-column=${column}>${unitColumnWord(lang, column)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${comparison.units.map(
            (unit) =>
              html`<tr data-unit=${unit.unitId}>
                <td>${unit.names.join(' / ')}</td>
                <td class="num">${unit.leadsGained}</td>
                <td class="num">${unit.leadsLost}</td>
                <td class="num">${unit.supportsGained}</td>
                <td class="num">${unit.supportsLost}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #summary(comparison: EditionComparison) {
    const lang = this.language;
    const { counts } = comparison;
    if (comparison.items.length === 0) {
      return html`<div class="summary"><p>${editionsWord(lang, 'editionsNothing')}</p></div>`;
    }
    return html`<div class="summary" role="status">
      <p data-summary>${editionsWord(lang, 'editionsSummary', { ...counts })}</p>
      ${counts.likely > 0 ? html`<p class="check">${editionsWord(lang, 'editionsLikely', { likely: counts.likely })}</p>` : nothing}
      ${
        counts.ambiguous > 0
          ? html`<p class="check">
              ${editionsWord(lang, 'editionsAmbiguous', { ambiguous: counts.ambiguous })}
            </p>`
          : nothing
      }
    </div>`;
  }

  #controls(comparison: EditionComparison) {
    const lang = this.language;
    const present = ITEM_CHANGES.filter((kind) =>
      comparison.items.some((row) => row.changes.includes(kind)),
    );
    const count = (kind: ItemChangeKind) =>
      comparison.items.filter((row) => row.changes.includes(kind)).length;
    return html`<div class="controls">
      <span class="seg" role="tablist">
        ${(['items', 'units'] as const).map(
          (tab) =>
            html`<button
              class="button"
              role="tab"
              data-tab=${tab}
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              aria-pressed=${this.tab === tab ? 'true' : 'false'}
              @click=${() => (this.tab = tab)}
            >
              ${editionsWord(lang, tab === 'items' ? 'editionsItems' : 'editionsUnits')}
            </button>`,
        )}
      </span>
      ${
        this.tab === 'items'
          ? html`<span
                class="chips"
                role="group"
                aria-label=${editionsWord(lang, 'editionsFilterLabel')}
              >
                <button
                  class="button"
                  data-filter="all"
                  aria-pressed=${this.kinds.length === 0 ? 'true' : 'false'}
                  @click=${() => (this.kinds = [])}
                >
                  ${editionsWord(lang, 'editionsAll')} ${comparison.items.length}
                </button>
                ${present.map(
                  (kind) =>
                    html`<button
                      class="button"
                      data-filter=${kind}
                      aria-pressed=${this.kinds.includes(kind) ? 'true' : 'false'}
                      @click=${() => this.#toggle(kind)}
                    >
                      ${changeWord(lang, kind)} ${count(kind)}
                    </button>`,
                )}
              </span>
              <label
                >${editionsWord(lang, 'editionsSortLabel')}
                <select
                  name="order"
                  @change=${(event: Event) => (this.order = (event.target as HTMLSelectElement).value as RowOrder)}
                >
                  ${(Object.keys(ORDERS) as RowOrder[]).map(
                    (order) =>
                      html`<option value=${order} ?selected=${this.order === order}>
                        ${editionsWord(lang, ORDERS[order])}
                      </option>`,
                  )}
                </select>
              </label>`
          : nothing
      }
      <span class="grow"></span>
      <span class="status" role="status">${this.exportStatus}</span>
      ${this.exportProblem === '' ? nothing : html`<span class="error" role="alert">${this.exportProblem}</span>`}
      <button
        class="button"
        data-action="editions-csv"
        ?disabled=${this.exporting || this.source === null}
        @click=${() => void this.#download()}
      >
        ${editionsWord(lang, 'editionsCsv')}
      </button>
    </div>`;
  }

  override render() {
    const comparison = this.comparison;
    if (comparison === null) return nothing;
    return html`${this.#summary(comparison)} ${this.#controls(comparison)}
    ${this.tab === 'items' ? this.#items(comparison) : this.#units(comparison)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-editions-table': GtEditionsTable;
  }
}
