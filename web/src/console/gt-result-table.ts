// A query's rows as a table: one column per returned column, nodes by their names (a unit's
// name, an item's reference and title) and a link that selects one on the main graph.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { NodeSelectEvent } from '../components/events.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import type { QueryColumnInfo } from '../api/schema.ts';
import { cellText, worded } from '../export/table-data.ts';
import type { Lang } from '../i18n/messages.ts';
import { columnWords } from './words.ts';

/** The stable id of a node value ({elementId, labels, properties.id}), or null for anything else. */
function nodeIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const node = value as Record<string, unknown>;
  if (typeof node['elementId'] !== 'string' || !Array.isArray(node['labels'])) return null;
  const properties = node['properties'];
  if (typeof properties !== 'object' || properties === null) return null;
  const id = (properties as Record<string, unknown>)['id'];
  return typeof id === 'string' && id !== '' ? id : null;
}

@customElement('gt-result-table')
export class GtResultTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        overflow: auto;
        font-size: 0.8rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        background: var(--gt-surface);
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.25rem 0.5rem;
        border-bottom: 1px solid var(--gt-line-soft);
        vertical-align: top;
      }
      thead th {
        position: sticky;
        top: 0;
        background: var(--gt-canvas);
        color: var(--gt-muted);
        font-weight: 600;
        white-space: nowrap;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      td.index {
        color: var(--gt-muted);
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) columns: readonly string[] = [];
  @property({ attribute: false }) rows: readonly Readonly<Record<string, unknown>>[] = [];
  /** A named query's columns: the header shows each one's label, its meaning as the tooltip. */
  @property({ attribute: false }) columnInfo: readonly QueryColumnInfo[] = [];
  @property() language: Lang = 'zh';
  @property() label = '';

  #cell(column: string, value: unknown) {
    const id = nodeIdOf(value);
    // Enum values (牵头/配合, 任务, 是/否) in words; names and titles as they are.
    const text = cellText(worded(this.language, column, value));
    if (id === null) return text;
    return html`<button
      class="link"
      data-node=${id}
      @click=${() => this.dispatchEvent(new NodeSelectEvent(id, true))}
    >
      ${text}
    </button>`;
  }

  override render() {
    return html`<table aria-label=${this.label}>
      <thead>
        <tr>
          <th scope="col">#</th>
          ${this.columns.map((column) => {
            const words = columnWords(this.language, this.columnInfo, column);
            return html`<th scope="col" title=${words.meaning} data-column=${column}>
              ${words.label}
            </th>`;
          })}
        </tr>
      </thead>
      <tbody>
        ${this.rows.map(
          (row, index) =>
            html`<tr data-row=${index}>
              <td class="index">${index + 1}</td>
              ${this.columns.map(
                (column) =>
                  html`<td
                    data-column=${column}
                    class=${typeof row[column] === 'number' ? 'num' : ''}
                  >
                    ${this.#cell(column, row[column])}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-result-table': GtResultTable;
  }
}
