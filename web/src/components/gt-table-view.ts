// The accessible alternative to the canvas: what is on screen, as a table a screen reader and
// a keyboard can walk. Loaded only when a planner opens it. The rows are the nodes on screen; their
// counts are the plan's, whatever is drawn (a focused view draws a few units of an item, and its
// row must not say it has no others).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { NodeData } from '../api/schema.ts';
import type { PlanIndex } from '../graph/plan-index.ts';
import { categoryName, kindName, msg, type Lang } from '../i18n/messages.ts';
import { leadCountText } from '../i18n/words.ts';
import { CSV_TYPE, downloadText, JSON_TYPE } from '../export/download.ts';
import { exportFileName, toCsv, toJson, type TableData } from '../export/table-data.ts';
import {
  tableViewInWords,
  tableViewRaw,
  tableViewRows,
  type TableViewRow,
} from '../export/table-view-data.ts';
import { NodeSelectEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-table-view')
export class GtTableView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        overflow: auto;
        background: var(--gt-surface);
        font-size: 0.85rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      caption {
        text-align: left;
        padding: 0.7rem 1rem;
        font-weight: 600;
      }
      th,
      td {
        text-align: left;
        padding: 0.3rem 0.6rem;
        border-bottom: 1px solid var(--gt-line-soft);
        vertical-align: top;
      }
      thead th {
        position: sticky;
        top: 0;
        background: var(--gt-canvas);
        font-size: 0.78rem;
        color: var(--gt-muted);
        font-weight: 600;
      }
      td.num {
        font-variant-numeric: tabular-nums;
        text-align: right;
      }
      tr[aria-selected='true'] {
        background: var(--gt-selected-bg);
      }
      .units {
        color: var(--gt-muted);
        max-width: 30rem;
      }
      .export {
        float: right;
        display: inline-flex;
        gap: 0.3rem;
      }
    `,
  ];

  @property({ attribute: false }) nodes: readonly NodeData[] = [];
  /** The whole plan the app holds: where the counts come from. */
  @property({ attribute: false }) index: PlanIndex | null = null;
  @property() selected: string | null = null;
  @property() language: Lang = 'zh';
  @property() englishPrefix = '';
  /** What an exported file is named after (the plan), before the date. */
  @property() fileBase = 'table';

  #select(id: string): void {
    this.dispatchEvent(new NodeSelectEvent(id, false));
  }

  // Built on click only. The spreadsheet in the planner's words; the JSON with raw names and
  // values (kind `task`, counts as numbers), for scripts.
  #export(format: 'csv' | 'json', rows: readonly TableViewRow[]): void {
    const name = exportFileName(this.fileBase, format);
    const table: TableData =
      format === 'csv' ? tableViewInWords(rows, this.language) : tableViewRaw(rows);
    if (format === 'csv') downloadText(toCsv(table), name, CSV_TYPE);
    else downloadText(toJson(table), name, JSON_TYPE);
  }

  override render() {
    const lang = this.language;
    const rows = tableViewRows(this.nodes, this.index, lang, this.englishPrefix);
    const byId = new Map(this.nodes.map((node) => [node.id, node]));
    return html`<table>
      <caption>
        ${msg(lang, 'tableCaption')} (${rows.length}) ·
        <span class="muted" data-counts-hint>${msg(lang, 'tableCountsHint')}</span>
        <span class="export" role="group" aria-label=${msg(lang, 'tableExportLabel')}>
          <button class="button" data-export="csv" @click=${() => this.#export('csv', rows)}>
            ${msg(lang, 'tableExportCsv')}
          </button>
          <button class="button" data-export="json" @click=${() => this.#export('json', rows)}>
            ${msg(lang, 'tableExportJson')}
          </button>
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg(lang, 'tableKind')}</th>
          <th scope="col">${msg(lang, 'tableRef')}</th>
          <th scope="col">${msg(lang, 'tableName')}</th>
          <th scope="col" title=${msg(lang, 'tableCountsHint')}>${msg(lang, 'tableLeads')}</th>
          <th scope="col" title=${msg(lang, 'tableCountsHint')}>${msg(lang, 'tableSupports')}</th>
          <th scope="col">${msg(lang, 'tableUnits')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => {
          const node = byId.get(row.id);
          return html`<tr
            aria-selected=${row.id === this.selected ? 'true' : 'false'}
            data-id=${row.id}
          >
            <td>
              ${kindName(lang, row.kind)}
              ${
                node?.kind === 'unit'
                  ? html`<br /><span class="muted"
                        >${categoryName(lang, node.collective === true ? 'collective' : node.category)}</span
                      >`
                  : ''
              }
            </td>
            <td class="ref">${row.ref}</td>
            <th scope="row">
              <button class="link" @click=${() => this.#select(row.id)}>${row.name}</button>
            </th>
            <td class="num" data-leads=${row.leads} data-inferred=${row.inferredLeads}>
              ${leadCountText(lang, row.leads, row.inferredLeads)}
            </td>
            <td class="num" data-supports=${row.supports}>${row.supports}</td>
            <td class="units">${row.units.join('、')}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-table-view': GtTableView;
  }
}
