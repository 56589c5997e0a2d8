// What stands behind a lit ranking row, listed under it: the items a coordination pair shares
// with each unit's role, a unit's items under their themes, the units on an item, a group's
// members. Sorts by any column, exports as CSV (the planner's words) and JSON (raw values).
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { planShortTitle } from '../../../contract/short-title.ts';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { NodeData, PlanSummary } from '../api/schema.ts';
import { CSV_TYPE, downloadText, JSON_TYPE } from '../export/download.ts';
import { exportFileName, toCsv, toJson } from '../export/table-data.ts';
import { commonEnglishPrefix, unitLabel, type ShownGraph } from '../graph/to-elements.ts';
import {
  compareDetail,
  documentOrder,
  groupsOf,
  itemDetails,
  memberDetails,
  pairDetails,
  unitDetails,
  type DetailColumn,
  type DetailRole,
  type DetailRow,
  type DetailTable,
} from '../hotspots/details.ts';
import { rowKey, rowSubject, type Row } from '../hotspots/row-key.ts';
import { kindName, msg, type Lang, type MessageKey } from '../i18n/messages.ts';
import { sharedStyles } from './shared-styles.ts';

const HEADER: Record<string, MessageKey> = {
  ref: 'detailRef',
  item: 'detailItem',
  kind: 'detailKind',
  theme: 'detailTheme',
  themeRef: 'detailThemeRef',
  role: 'detailRole',
  printedRole: 'detailPrintedRole',
  roleA: 'detailRoleOf',
  roleB: 'detailRoleOf',
  printedRoleA: 'detailPrintedRoleOf',
  printedRoleB: 'detailPrintedRoleOf',
  unit: 'detailUnit',
  collective: 'detailCollective',
  leads: 'leads',
  supports: 'supports',
  load: 'load',
  itemId: 'detailItemId',
  unitId: 'detailUnitId',
};

const ROLE_WORD: Record<DetailRole, MessageKey> = {
  lead: 'roleLead',
  owner: 'roleOwner',
  support: 'roleSupport',
};

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

@customElement('gt-hotspot-details')
export class GtHotspotDetails extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.8rem;
      }
      .bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin: 0.2rem 0 0.35rem;
      }
      .bar .button {
        font-size: 0.75rem;
        padding: 0.15rem 0.45rem;
      }
      .scroll {
        overflow-x: auto;
        max-height: 26rem;
        overflow-y: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th {
        text-align: left;
        font-weight: 600;
        color: var(--gt-muted);
        border-bottom: 1px solid var(--gt-line);
        padding: 0;
        white-space: nowrap;
        background: var(--gt-surface);
      }
      th button {
        border: 0;
        background: none;
        padding: 0.25rem 0.3rem;
        font: inherit;
        color: inherit;
        cursor: pointer;
      }
      th.group {
        padding: 0.45rem 0.3rem 0.2rem;
        color: var(--gt-ink);
        white-space: normal;
      }
      th.group .count {
        color: var(--gt-muted);
        font-weight: 400;
      }
      td {
        padding: 0.22rem 0.3rem;
        border-bottom: 1px solid var(--gt-line-soft);
        vertical-align: top;
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      td.nowrap {
        white-space: nowrap;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  @state() private sort: { column: string; descending: boolean } | null = null;

  /** The ranking row, as the API answered it. */
  @property({ attribute: false }) row: Row = {};
  /** The ranking's columns (the row's key is read from them) and its title in the planner's words. */
  @property({ attribute: false }) columns: readonly string[] = [];
  @property() rankingTitle = '';
  @property() plan: string | null = null;
  @property({ attribute: false }) planInfo: PlanSummary | null = null;
  @property() language: Lang = 'zh';
  @property({ attribute: false }) shown: ShownGraph | null = null;

  private details = new Task(this, {
    args: () => [this.row, this.plan] as const,
    task: async ([row, plan], { signal }): Promise<DetailTable | null> => {
      const order = documentOrder(this.shown?.nodes ?? []);
      const id = (column: string) => String(row[column] ?? '');
      switch (rowSubject(row)) {
        case 'pair': {
          const [a, b] = await Promise.all([
            this.api.unitProfile(id('unitAId'), plan, signal),
            this.api.unitProfile(id('unitBId'), plan, signal),
          ]);
          return pairDetails(a, b, order);
        }
        case 'unit':
          return unitDetails(await this.api.unitProfile(id('unitId'), plan, signal), order);
        case 'item': {
          // The plan as drawn holds every unit on an item, with the role as printed on each edge.
          const shown = this.shown ?? { nodes: [], edges: [] };
          return itemDetails(id('itemId'), {
            nodes: shown.nodes.map((data) => ({ data })),
            edges: shown.edges.map((data) => ({ data })),
          });
        }
        case 'members':
          return memberDetails((row['members'] as unknown[]).map(String), this.shown?.nodes ?? []);
        default:
          return null;
      }
    },
  });

  #units(): Map<string, NodeData> {
    const units = new Map<string, NodeData>();
    for (const node of this.shown?.nodes ?? []) {
      if (node.kind === 'unit') units.set(node.name ?? node.label, node);
    }
    return units;
  }

  /** A unit's name in the planner's language, as the canvas writes it. */
  #unitName(name: string, units: ReadonlyMap<string, NodeData>, prefix: string): string {
    const unit = this.language === 'en' ? units.get(name) : undefined;
    return unit === undefined ? name : unitLabel(unit, this.language, prefix);
  }

  #header(column: DetailColumn, names: { A: string; B: string }): string {
    const key = HEADER[column.name];
    if (key === undefined) return column.name;
    return msg(this.language, key, column.unit === undefined ? {} : { unit: names[column.unit] });
  }

  #words(column: DetailColumn, row: DetailRow): string {
    const lang = this.language;
    const value = row[column.name];
    if (value === null || value === undefined) return '';
    switch (column.type) {
      case 'role':
        return msg(lang, ROLE_WORD[value as DetailRole] ?? 'roleSupport');
      case 'kind':
        return kindName(lang, String(value));
      case 'flag':
        return msg(lang, value === true ? 'yes' : 'no');
      case 'number':
        return typeof value === 'number' ? formatNumber(value) : String(value);
      case 'theme': {
        const ref = row['themeRef'];
        return typeof ref === 'string' && ref !== '' ? `${ref} ${String(value)}` : String(value);
      }
      default:
        return String(value);
    }
  }

  #sortBy(column: string): void {
    const current = this.sort;
    this.sort =
      current?.column !== column
        ? { column, descending: false }
        : current.descending
          ? null
          : { column, descending: true };
  }

  /** The rows in the order asked for; blanks last either way, ties in document order. */
  #ordered(table: DetailTable, rows: readonly DetailRow[]): DetailRow[] {
    const sort = this.sort;
    const column = table.columns.find((candidate) => candidate.name === sort?.column);
    if (sort === null || column === undefined) return [...rows];
    const collator = new Intl.Collator(this.language === 'zh' ? 'zh-CN' : 'en');
    const words = (c: DetailColumn, r: DetailRow) => this.#words(c, r);
    const blank = (row: DetailRow) => row[column.name] === null || row[column.name] === undefined;
    return [...rows].sort((a, b) => {
      if (blank(a) !== blank(b)) return blank(a) ? 1 : -1;
      const by = compareDetail(column, a, b, words, collator);
      return (sort.descending ? -by : by) || Number(a['order']) - Number(b['order']);
    });
  }

  #names(): { A: string; B: string } {
    const units = this.#units();
    const prefix = this.#englishPrefix(units);
    return {
      A: this.#unitName(String(this.row['unitA'] ?? ''), units, prefix),
      B: this.#unitName(String(this.row['unitB'] ?? ''), units, prefix),
    };
  }

  #englishPrefix(units: ReadonlyMap<string, NodeData>): string {
    return commonEnglishPrefix(
      [...units.values()].map((unit) => unit.labelEn ?? unit.englishName ?? '').filter(Boolean),
    );
  }

  /** `武汉十四五分工-协同单位对-市发改委|市经信局-2026-12-07.csv`, made safe for file systems. */
  #fileName(format: 'csv' | 'json'): string {
    const plan = this.planInfo;
    const parts = [
      plan === null ? null : planShortTitle({ title: plan.title, jurisdiction: plan.jurisdiction }),
      this.rankingTitle,
      rowKey(this.row, this.columns),
    ].filter((part): part is string => part !== null && part !== '');
    return exportFileName(parts.join('-'), format);
  }

  // The spreadsheet gets every column in the planner's words; the JSON the raw values, for scripts.
  #export(table: DetailTable, format: 'csv' | 'json'): void {
    const rows = this.#ordered(table, table.rows);
    const names = table.columns.map((column) => column.name);
    if (format === 'json') {
      downloadText(toJson({ columns: names, rows }), this.#fileName('json'), JSON_TYPE);
      return;
    }
    const labels = this.#names();
    const headers = table.columns.map((column) => this.#header(column, labels));
    const worded = rows.map((row) =>
      Object.fromEntries(
        table.columns.map((column, at) => [headers[at], this.#words(column, row)]),
      ),
    );
    downloadText(toCsv({ columns: headers, rows: worded }), this.#fileName('csv'), CSV_TYPE);
  }

  #title(table: DetailTable): string {
    const lang = this.language;
    const n = table.rows.length;
    const row = this.row;
    switch (rowSubject(row)) {
      case 'pair': {
        const { A, B } = this.#names();
        return msg(lang, 'hotspotsDetailsPair', { a: A, b: B, n });
      }
      case 'unit': {
        const units = this.#units();
        const unit = this.#unitName(String(row['unit'] ?? ''), units, this.#englishPrefix(units));
        return msg(lang, 'hotspotsDetailsUnit', { unit, n });
      }
      case 'item':
        return msg(lang, 'hotspotsDetailsItem', { ref: String(row['ref'] ?? ''), n });
      default:
        return msg(lang, 'hotspotsDetailsMembers', {
          community: String(row['community'] ?? ''),
          n,
        });
    }
  }

  #renderRows(table: DetailTable, rows: readonly DetailRow[], shown: readonly DetailColumn[]) {
    const units = this.#units();
    const prefix = this.#englishPrefix(units);
    return this.#ordered(table, rows).map(
      (row) =>
        html`<tr data-item=${String(row['itemId'] ?? row['unitId'] ?? '')}>
          ${shown.map((column) => {
            const words = this.#words(column, row);
            const text = column.name === 'unit' ? this.#unitName(words, units, prefix) : words;
            const cls =
              column.type === 'number'
                ? 'number'
                : column.type === 'ref' || column.type === 'role'
                  ? 'nowrap'
                  : '';
            return html`<td class=${cls} data-column=${column.name}>
              ${text === '' ? '–' : text}
            </td>`;
          })}
        </tr>`,
    );
  }

  #renderTable(table: DetailTable | null) {
    const lang = this.language;
    if (table === null || table.rows.length === 0) {
      return html`<p class="muted" role="status">${msg(lang, 'hotspotsDetailsNone')}</p>`;
    }
    const shown = table.columns.filter((column) => column.shown);
    const names = this.#names();
    const sort = this.sort;
    return html`
      <div class="bar">
        <span role="status" data-details-count=${table.rows.length}>${this.#title(table)}</span>
        <span class="export" role="group" aria-label=${msg(lang, 'tableExportLabel')}>
          <button
            class="button"
            data-details-export="csv"
            @click=${() => this.#export(table, 'csv')}
          >
            ${msg(lang, 'tableExportCsv')}
          </button>
          <button
            class="button"
            data-details-export="json"
            @click=${() => this.#export(table, 'json')}
          >
            ${msg(lang, 'tableExportJson')}
          </button>
        </span>
      </div>
      <div class="scroll">
        <table data-details=${rowSubject(this.row) ?? ''} aria-label=${this.#title(table)}>
          <thead>
            <tr>
              ${shown.map((column) => {
                const sorted = sort?.column === column.name;
                const direction = sorted ? (sort.descending ? 'descending' : 'ascending') : 'none';
                const label = this.#header(column, names);
                return html`<th aria-sort=${direction}>
                  <button
                    data-sort=${column.name}
                    aria-label=${msg(lang, 'hotspotsDetailsSortBy', { column: label })}
                    @click=${() => this.#sortBy(column.name)}
                  >
                    ${label}${sorted ? (sort.descending ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>`;
              })}
            </tr>
          </thead>
          ${
            table.grouped
              ? groupsOf(table.rows).map(
                  (group) =>
                    html`<tbody data-group=${group.key}>
                      <tr>
                        <th
                          class="group"
                          scope="rowgroup"
                          colspan=${shown.length}
                          data-group-count=${group.rows.length}
                        >
                          ${
                            group.key === ''
                              ? msg(lang, 'hotspotsDetailsNoTheme')
                              : `${group.key} ${String(group.rows[0]?.['theme'] ?? '')}`
                          }
                          <span class="count">
                            · ${msg(lang, 'hotspotsDetailsGroupCount', { n: group.rows.length })}
                          </span>
                        </th>
                      </tr>
                      ${this.#renderRows(table, group.rows, shown)}
                    </tbody>`,
                )
              : html`<tbody>
                  ${this.#renderRows(table, table.rows, shown)}
                </tbody>`
          }
        </table>
      </div>
    `;
  }

  override render() {
    const lang = this.language;
    return html`<section aria-label=${msg(lang, 'hotspotsDetailsLabel')}>
      ${this.details.render({
        pending: () => html`<p class="muted" role="status">${msg(lang, 'loading')}</p>`,
        complete: (table) => this.#renderTable(table),
        error: (error) =>
          html`<p class="error" role="alert">${msg(lang, 'error')}: ${String(error)}</p>
            <button class="button" @click=${() => void this.details.run()}>
              ${msg(lang, 'retry')}
            </button>`,
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-hotspot-details': GtHotspotDetails;
  }
}
