// The accessible alternative to the canvas: what is on screen, as a table a screen reader and
// a keyboard can walk. Loaded only when a planner opens it.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EdgeData, NodeData } from '../api/schema.ts';
import { nodeName, roleOf } from '../graph/to-elements.ts';
import { categoryName, kindName, msg, type Lang } from '../i18n/messages.ts';
import { CSV_TYPE, downloadText, JSON_TYPE } from '../export/download.ts';
import { exportFileName, toCsv, toJson, type TableData } from '../export/table-data.ts';
import { NodeSelectEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

const KIND_ORDER = ['unit', 'theme', 'indicator', 'task', 'project', 'requirement'];

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
  @property({ attribute: false }) edges: readonly EdgeData[] = [];
  @property() selected: string | null = null;
  @property() language: Lang = 'zh';
  @property() englishPrefix = '';
  /** What an exported file is named after (the plan), before the date. */
  @property() fileBase = 'table';

  #select(id: string): void {
    this.dispatchEvent(new NodeSelectEvent(id, false));
  }

  // Built on click only: the table's own rows, cell by cell as shown, in the planner's language.
  #export(format: 'csv' | 'json', table: () => TableData): void {
    const name = exportFileName(this.fileBase, format);
    if (format === 'csv') downloadText(toCsv(table()), name, CSV_TYPE);
    else downloadText(toJson(table()), name, JSON_TYPE);
  }

  override render() {
    const lang = this.language;
    const byId = new Map(this.nodes.map((node) => [node.id, node]));
    const leads = new Map<string, number>();
    const supports = new Map<string, number>();
    const unitsOf = new Map<string, string[]>();
    for (const edge of this.edges) {
      const role = roleOf(edge);
      if (role === null) continue;
      const counter = role === 'support' ? supports : leads;
      counter.set(edge.source, (counter.get(edge.source) ?? 0) + 1);
      counter.set(edge.target, (counter.get(edge.target) ?? 0) + 1);
      const unit = byId.get(edge.source);
      if (unit !== undefined) {
        const name = nodeName(unit, lang, this.englishPrefix);
        unitsOf.set(edge.target, [
          ...(unitsOf.get(edge.target) ?? []),
          role === 'support' ? name : `${name}*`,
        ]);
      }
    }
    const rank = (kind: string) => {
      const at = KIND_ORDER.indexOf(kind);
      return at === -1 ? KIND_ORDER.length : at;
    };
    const rows = this.nodes.toSorted(
      (a, b) =>
        rank(a.kind) - rank(b.kind) ||
        (a.kind === 'unit' ? (b.load ?? 0) - (a.load ?? 0) : (a.sortKey ?? 0) - (b.sortKey ?? 0)) ||
        a.id.localeCompare(b.id),
    );
    const table = (): TableData => {
      const columns = [
        'tableKind',
        'tableRef',
        'tableName',
        'tableLeads',
        'tableSupports',
        'tableUnits',
      ] as const;
      return {
        columns: [...columns.map((key) => msg(lang, key)), 'id'],
        rows: rows.map((node) => {
          const values = [
            kindName(lang, node.kind),
            node.ref ?? '',
            nodeName(node, lang, this.englishPrefix),
            leads.get(node.id) ?? 0,
            supports.get(node.id) ?? 0,
            unitsOf.get(node.id) ?? [],
          ];
          return {
            ...Object.fromEntries(columns.map((key, at) => [msg(lang, key), values[at]])),
            id: node.id,
          };
        }),
      };
    };
    return html`<table>
      <caption>
        ${msg(lang, 'tableCaption')} (${rows.length}) ·
        <span class="muted">* ${msg(lang, 'roleLead')}</span>
        <span class="export" role="group" aria-label=${msg(lang, 'tableExportLabel')}>
          <button class="button" data-export="csv" @click=${() => this.#export('csv', table)}>
            ${msg(lang, 'tableExportCsv')}
          </button>
          <button class="button" data-export="json" @click=${() => this.#export('json', table)}>
            ${msg(lang, 'tableExportJson')}
          </button>
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg(lang, 'tableKind')}</th>
          <th scope="col">${msg(lang, 'tableRef')}</th>
          <th scope="col">${msg(lang, 'tableName')}</th>
          <th scope="col">${msg(lang, 'tableLeads')}</th>
          <th scope="col">${msg(lang, 'tableSupports')}</th>
          <th scope="col">${msg(lang, 'tableUnits')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (node) =>
            html`<tr
              aria-selected=${node.id === this.selected ? 'true' : 'false'}
              data-id=${node.id}
            >
              <td>
                ${kindName(lang, node.kind)}
                ${
                  node.kind === 'unit'
                    ? html`<br /><span class="muted"
                          >${categoryName(lang, node.collective === true ? 'collective' : node.category)}</span
                        >`
                    : ''
                }
              </td>
              <td class="ref">${node.ref ?? ''}</td>
              <th scope="row">
                <button class="link" @click=${() => this.#select(node.id)}>
                  ${nodeName(node, lang, this.englishPrefix)}
                </button>
              </th>
              <td class="num">${leads.get(node.id) ?? 0}</td>
              <td class="num">${supports.get(node.id) ?? 0}</td>
              <td class="units">${(unitsOf.get(node.id) ?? []).join('、')}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-table-view': GtTableView;
  }
}
