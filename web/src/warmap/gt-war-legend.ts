// The war map's key, in the canvas's legend: each state's colour and border with how many of the
// items on the canvas are in it, the units' wedge, and the day the map is for (the server's).
import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MAP_STATES, type ProgressMap } from '../../../contract/api/progress-map.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import type { Lang } from '../i18n/messages.ts';
import { mapStateWord, warmapWord } from '../i18n/features/warmap.ts';
import type { WarFilter } from '../state/warmap.ts';
import { WAR_BORDERS, WAR_COLOURS, WAR_UNIT_FILL } from './stylesheet.ts';
import { warCounts } from './war-map.ts';

@customElement('gt-war-legend')
export class GtWarLegend extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.2rem 0.8rem;
        flex-wrap: wrap;
      }
      h3 {
        margin: 0;
        font-size: 0.72rem;
        color: var(--gt-muted);
        font-weight: 600;
      }
      ul {
        display: contents;
      }
      li {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        white-space: nowrap;
      }
      svg {
        width: 16px;
        height: 16px;
        flex: none;
      }
      .count {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .today {
        color: var(--gt-muted);
      }
    `,
  ];

  @property() language: Lang = 'zh';
  @property({ attribute: false }) map: ProgressMap | null = null;
  /** Ids of the nodes on the canvas: the counts are of the items shown. */
  @property({ attribute: false }) shown: ReadonlySet<string> | undefined = undefined;
  @property({ attribute: false }) filters: readonly WarFilter[] = [];

  override render() {
    const lang = this.language;
    const map = this.map;
    if (map === null) return html`<h3>${warmapWord(lang, 'warmapLegend')}</h3>`;
    const counts = warCounts(map, this.shown, this.filters);
    return html`
      <h3>${warmapWord(lang, 'warmapLegend')}</h3>
      <span class="today" data-today=${map.today}>
        ${warmapWord(lang, 'warmapToday', { today: map.today })}
      </span>
      <ul>
        ${MAP_STATES.map((state) => {
          const border = WAR_BORDERS[state];
          return html`<li data-war-state=${state} data-count=${counts[state]}>
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <circle
                cx="8"
                cy="8"
                r=${8 - border.width / 2}
                fill=${WAR_COLOURS[state]}
                stroke=${border.colour}
                stroke-width=${border.width}
                stroke-dasharray=${border.style === 'dashed' ? '3 2' : ''}
              ></circle>
            </svg>
            ${mapStateWord(lang, state)} <span class="count">${counts[state]}</span>
          </li>`;
        })}
        <li>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="7" fill=${WAR_UNIT_FILL}></circle>
            ${svg`<path d="M8 8 L8 1 A7 7 0 0 1 15 8 Z" fill=${WAR_COLOURS.late}></path>`}
          </svg>
          ${warmapWord(lang, 'warmapUnitRing')}
        </li>
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-war-legend': GtWarLegend;
  }
}
