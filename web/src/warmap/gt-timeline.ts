// <gt-timeline>: the plan's items by deadline month, in rows by theme or by lead unit, coloured
// as on the war map and late ones marked — the view a planner puts on the screen at the monthly
// 调度会. It takes the war map's filters; clicking an item selects it as on the graph.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProgressMap } from '../../../contract/api/progress-map.ts';
import type { PlanIndex } from '../graph/plan-index.ts';
import { nodeName } from '../graph/to-elements.ts';
import { NodeSelectEvent, ViewChangeEvent } from '../components/events.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import type { Lang } from '../i18n/messages.ts';
import { mapStateWord, warmapWord } from '../i18n/features/warmap.ts';
import { TIMELINE_GROUPS, type TimelineGroup, type WarFilter } from '../state/warmap.ts';
import { WAR_COLOURS } from './stylesheet.ts';
import {
  timelineGrid,
  type TimelineCard,
  type TimelineColumn,
  type TimelineRow,
} from './timeline.ts';

const GROUP_WORDS = { theme: 'timelineByTheme', unit: 'timelineByUnit' } as const;

@customElement('gt-timeline')
export class GtTimeline extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        background: var(--gt-surface);
        font-size: 0.9rem;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.6rem 1.2rem;
        flex-wrap: wrap;
        padding: 0.6rem 1rem;
        border-bottom: 1px solid var(--gt-line);
      }
      h2 {
        margin: 0;
        font-size: 1rem;
      }
      .muted {
        color: var(--gt-muted);
      }
      .scroll {
        overflow: auto;
        flex: 1;
        min-height: 0;
      }
      table {
        border-collapse: separate;
        border-spacing: 0;
      }
      th,
      td {
        border-right: 1px solid var(--gt-line);
        border-bottom: 1px solid var(--gt-line);
        vertical-align: top;
        padding: 0.35rem;
      }
      thead th {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--gt-surface);
        font-weight: 600;
        white-space: nowrap;
        min-width: 9.5rem;
      }
      thead th.past {
        color: var(--gt-muted);
      }
      thead th.now {
        box-shadow: inset 0 -3px 0 var(--gt-accent);
      }
      tbody th {
        position: sticky;
        left: 0;
        z-index: 1;
        background: var(--gt-surface);
        text-align: left;
        font-weight: 600;
        min-width: 11rem;
        max-width: 16rem;
      }
      .count {
        display: block;
        font-weight: 400;
        font-size: 0.78rem;
        color: var(--gt-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.3rem;
      }
      .card {
        display: block;
        width: 100%;
        text-align: left;
        font: inherit;
        font-size: 0.85rem;
        line-height: 1.3;
        padding: 0.3rem 0.45rem 0.3rem 0.6rem;
        border-radius: 5px;
        border: 1px solid var(--gt-line);
        border-left-width: 6px;
        background: #fff;
        cursor: pointer;
      }
      .card:hover {
        background: var(--gt-hover);
      }
      .card[aria-pressed='true'] {
        outline: 3px solid var(--gt-accent);
      }
      .card.late {
        border-width: 2px 2px 2px 8px;
        border-color: #1d2733;
        font-weight: 600;
      }
      .ref {
        color: var(--gt-muted);
        margin-right: 0.3rem;
      }
      .badge {
        display: inline-block;
        margin-left: 0.3rem;
        padding: 0 0.3rem;
        border-radius: 3px;
        background: #1d2733;
        color: #fff;
        font-size: 0.72rem;
        font-weight: 700;
      }
      .empty {
        padding: 2rem;
        color: var(--gt-muted);
      }
    `,
  ];

  @property() language: Lang = 'zh';
  @property({ attribute: false }) map: ProgressMap | null = null;
  @property({ attribute: false }) index: PlanIndex | null = null;
  /** Ids of the nodes the view shows: the timeline lists those items. */
  @property({ attribute: false }) shown: ReadonlySet<string> | undefined = undefined;
  @property() group: TimelineGroup = 'theme';
  @property({ attribute: false }) filters: readonly WarFilter[] = [];
  @property() selected: string | null = null;
  @property() englishPrefix = '';

  #columnTitle(column: TimelineColumn): string {
    const lang = this.language;
    switch (column.kind) {
      case 'month':
        return warmapWord(lang, 'timelineMonth', { year: column.year, month: column.month });
      case 'recurring':
        return warmapWord(lang, 'timelineRecurring');
      case 'ongoing':
        return warmapWord(lang, 'timelineOngoing');
      case 'undated':
        return warmapWord(lang, 'timelineUndated');
    }
  }

  #rowTitle(row: TimelineRow): string {
    const lang = this.language;
    if (row.node === null) {
      return warmapWord(lang, this.group === 'theme' ? 'timelineNoTheme' : 'timelineNoLead');
    }
    if (row.node.kind === 'theme') return `${row.node.ref ?? ''} ${row.node.title ?? ''}`.trim();
    return nodeName(row.node, lang, this.englishPrefix);
  }

  #renderCard(card: TimelineCard) {
    const lang = this.language;
    const state = mapStateWord(lang, card.state);
    const late = card.state === 'late';
    return html`<li>
      <button
        class=${late ? 'card late' : 'card'}
        data-item=${card.id}
        data-state=${card.state}
        aria-pressed=${this.selected === card.id ? 'true' : 'false'}
        aria-label=${warmapWord(lang, 'timelineItemLabel', {
          ref: card.ref,
          title: card.title,
          state,
          deadline: card.deadline,
        })}
        title=${`${card.deadline} · ${state}`}
        style="border-left-color:${WAR_COLOURS[card.state]}"
        @click=${() => this.dispatchEvent(new NodeSelectEvent(card.id, true))}
      >
        <span class="ref">${card.ref}</span>${card.title}${
          late ? html`<span class="badge">${warmapWord(lang, 'timelineLate')}</span>` : nothing
        }
      </button>
    </li>`;
  }

  override render() {
    const lang = this.language;
    const { map, index } = this;
    const header = html`<header>
      <h2>${warmapWord(lang, 'timelineTitle')}</h2>
      <div role="group" class="seg" aria-label=${warmapWord(lang, 'timelineGroupLabel')}>
        ${TIMELINE_GROUPS.map(
          (group) =>
            html`<button
              class="button"
              data-group=${group}
              aria-pressed=${this.group === group ? 'true' : 'false'}
              @click=${() => this.dispatchEvent(new ViewChangeEvent({ timelineBy: group }))}
            >
              ${warmapWord(lang, GROUP_WORDS[group])}
            </button>`,
        )}
      </div>
      ${
        map === null
          ? html`<span class="muted" role="status">${warmapWord(lang, 'warmapLoading')}</span>`
          : html`<span class="muted" data-today=${map.today}>
              ${warmapWord(lang, 'warmapToday', { today: map.today })}
            </span>`
      }
    </header>`;
    if (map === null || index === null) return header;
    const grid = timelineGrid(map.items, index, this.group, this.filters, this.shown);
    const thisMonth = map.today.slice(0, 7);
    if (grid.rows.length === 0) {
      return html`${header}
        <p class="empty">${warmapWord(lang, 'timelineEmpty')}</p>`;
    }
    return html`${header}
      <div class="scroll">
        <table data-items=${grid.items}>
          <thead>
            <tr>
              <th></th>
              ${grid.columns.map(
                (column) =>
                  html`<th
                    scope="col"
                    data-column=${column.key}
                    class=${
                      column.kind !== 'month'
                        ? ''
                        : column.key < thisMonth
                          ? 'past'
                          : column.key === thisMonth
                            ? 'now'
                            : ''
                    }
                  >
                    ${this.#columnTitle(column)}
                  </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${grid.rows.map(
              (row) =>
                html`<tr data-row=${row.key}>
                  <th scope="row">
                    ${this.#rowTitle(row)}
                    <span class="count"
                      >${warmapWord(lang, 'timelineCount', { n: row.count })}</span
                    >
                  </th>
                  ${grid.columns.map((column) => {
                    const cards = row.cells.get(column.key) ?? [];
                    return html`<td data-column=${column.key}>
                      ${
                        cards.length === 0
                          ? nothing
                          : html`<ul>
                              ${cards.map((card) => this.#renderCard(card))}
                            </ul>`
                      }
                    </td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-timeline': GtTimeline;
  }
}
