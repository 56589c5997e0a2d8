// The explorer's comparison of editions (版本对比): which two plans, as a table (gt-editions-table)
// or on the graph (the explorer's canvas, marked by editions-controller.ts) with a legend that
// says what each mark means. Loaded on first use. Every choice is a view change, so the address
// keeps `compare=<older>..<newer>` and a link shows a colleague the same comparison.
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EditionComparison, ItemChange } from '../../../contract/api/editions.ts';
import type { PlanSummary } from '../../../contract/api/plans.ts';
import { ViewChangeEvent } from '../components/events.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import { editionsWord, type EditionsWord } from '../i18n/features/editions.ts';
import type { Lang } from '../i18n/messages.ts';
import type { CompareOn, EditionPair } from './compare-view.ts';
import { EDITION_BORDERS, EDITION_COLOURS } from './stylesheet.ts';
import './gt-editions-table.ts';

/** The legend's entries, each drawn as the stylesheet draws it. */
const LEGEND: readonly {
  key: EditionsWord;
  swatch: string;
  count?: 'added' | 'changed' | 'removed';
}[] = [
  { key: 'editionsLegendAdded', swatch: 'added', count: 'added' },
  { key: 'editionsLegendChanged', swatch: 'changed', count: 'changed' },
  { key: 'editionsLegendRemoved', swatch: 'removed', count: 'removed' },
  { key: 'editionsLegendUnit', swatch: 'unit' },
  { key: 'editionsLegendGained', swatch: 'line-gained' },
  { key: 'editionsLegendLost', swatch: 'line-lost' },
];

@customElement('gt-editions-view')
export class GtEditionsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* Over the canvas; on the graph, the canvas's own controls stay in view above it. */
      :host {
        position: absolute;
        inset: 0;

        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
        gap: 0.5rem;
        padding: 0.6rem 0.8rem;
        background: var(--gt-canvas);
        z-index: 5;
        min-height: 0;
      }
      /* On the graph: the canvas underneath takes the pointer, except on the bars. */
      :host([on='graph']) {
        padding-top: 3rem;
        background: transparent;
        pointer-events: none;
      }
      .bar,
      .legend {
        pointer-events: auto;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.8rem;
        padding: 0.4rem 0.6rem;
        border: 1px solid var(--gt-line);
        border-radius: 8px;
        background: var(--gt-surface);
        font-size: 0.85rem;
      }
      h2 {
        margin: 0;
        font-size: 0.95rem;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.3rem;
        color: var(--gt-muted);
      }
      select {
        font: inherit;
        max-width: 22rem;
      }
      .grow {
        flex: 1;
      }
      .legend {
        justify-self: start;
        display: grid;
        gap: 0.25rem;
        padding: 0.45rem 0.7rem;
        border: 1px solid var(--gt-line);
        border-radius: 8px;
        background: rgba(255, 255, 255, 0.94);
        font-size: 0.8rem;
      }
      .legend h3 {
        margin: 0;
        font-size: 0.75rem;
        color: var(--gt-muted);
      }
      .legend ul {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.2rem;
      }
      .legend li {
        display: flex;
        align-items: center;
        gap: 0.45rem;
      }
      .legend .count {
        font-variant-numeric: tabular-nums;
        color: var(--gt-muted);
      }
      .mark {
        flex: none;
        width: 1rem;
        height: 1rem;
        border-radius: 3px;
        box-sizing: border-box;
      }
      .mark.unit {
        border-radius: 50%;
        background: #8792a2;
        outline: 3px solid ${unsafeCSS(EDITION_COLOURS.unit)};
        outline-offset: 1px;
      }
      .mark.line-gained,
      .mark.line-lost {
        height: 0;
        border-radius: 0;
        border-top: 3px solid ${unsafeCSS(EDITION_COLOURS.added)};
      }
      .mark.line-lost {
        border-top: 3px dashed ${unsafeCSS(EDITION_COLOURS.removed)};
      }
      ${unsafeCSS(itemSwatches())}
      .ghost {
        margin: 0;
        max-width: 36rem;
      }
      .status {
        color: var(--gt-muted);
      }
      .error {
        color: var(--gt-error);
      }
    `,
  ];

  /** The plans a planner picks the two editions from. */
  @property({ attribute: false }) plans: readonly PlanSummary[] = [];
  @property({ attribute: false }) pair: EditionPair | null = null;
  @property({ reflect: true }) on: CompareOn = 'table';
  @property({ attribute: false }) comparison: EditionComparison | null = null;
  @property({ type: Boolean }) pending = false;
  @property() problem = '';
  /** The removed item whose ghost the planner tapped on the graph. */
  @property({ attribute: false }) ghost: ItemChange | null = null;
  @property() language: Lang = 'zh';

  #change(patch: ConstructorParameters<typeof ViewChangeEvent>[0]): void {
    this.dispatchEvent(new ViewChangeEvent(patch));
  }

  #pick(side: 'from' | 'to', id: string): void {
    const pair = this.pair;
    if (pair === null) return;
    const next = { ...pair, [side]: id };
    // On the graph, the newer edition is the plan drawn.
    this.#change(
      this.on === 'graph' ? { compare: next, plan: next.to, selected: null } : { compare: next },
    );
  }

  #swap(): void {
    const pair = this.pair;
    if (pair === null) return;
    const next = { from: pair.to, to: pair.from };
    this.#change(
      this.on === 'graph' ? { compare: next, plan: next.to, selected: null } : { compare: next },
    );
  }

  #show(on: CompareOn): void {
    const pair = this.pair;
    if (pair === null || on === this.on) return;
    this.#change(
      on === 'graph' ? { compareOn: on, plan: pair.to, selected: null } : { compareOn: on },
    );
  }

  #picker(side: 'from' | 'to') {
    const lang = this.language;
    const chosen = this.pair?.[side] ?? '';
    return html`<label
      >${editionsWord(lang, side === 'from' ? 'editionsFrom' : 'editionsTo')}
      <select
        name=${side}
        @change=${(event: Event) => this.#pick(side, (event.target as HTMLSelectElement).value)}
      >
        ${this.plans.map(
          (plan) =>
            html`<option value=${plan.id} ?selected=${plan.id === chosen}>
              ${plan.title}${plan.date === null ? '' : ` · ${plan.date}`}
            </option>`,
        )}
      </select>
    </label>`;
  }

  #legend(comparison: EditionComparison) {
    const lang = this.language;
    const counts = {
      added: comparison.counts.added,
      removed: comparison.counts.removed,
      changed: comparison.items.filter((row) => row.from !== null && row.to !== null).length,
    };
    return html`<section class="legend" aria-label=${editionsWord(lang, 'editionsLegend')}>
      <h3>${editionsWord(lang, 'editionsLegend')}</h3>
      <ul>
        ${LEGEND.map(
          (entry) =>
            html`<li data-legend=${entry.swatch}>
              <span class="mark ${entry.swatch}"></span>
              <span>${editionsWord(lang, entry.key)}</span>
              ${entry.count === undefined ? nothing : html`<span class="count">${counts[entry.count]}</span>`}
            </li>`,
        )}
      </ul>
      ${
        this.ghost?.from == null
          ? nothing
          : html`<p class="ghost" role="status" data-ghost=${this.ghost.from.ref}>
              ${editionsWord(lang, 'editionsGhost', { ref: this.ghost.from.ref, title: this.ghost.from.title })}
            </p>`
      }
    </section>`;
  }

  override render() {
    const lang = this.language;
    const pair = this.pair;
    const comparison = this.comparison;
    const same = pair !== null && pair.from === pair.to;
    return html`
      <div class="bar">
        <h2>${editionsWord(lang, 'editionsTitle')}</h2>
        ${this.#picker('from')}
        <button
          class="button"
          data-action="editions-swap"
          ?disabled=${pair === null}
          @click=${() => this.#swap()}
        >
          ${editionsWord(lang, 'editionsSwap')}
        </button>
        ${this.#picker('to')}
        <span class="seg">
          ${(['table', 'graph'] as const).map(
            (on) =>
              html`<button
                class="button"
                data-on=${on}
                aria-pressed=${this.on === on ? 'true' : 'false'}
                title=${on === 'graph' ? editionsWord(lang, 'editionsOnGraphHint') : ''}
                @click=${() => this.#show(on)}
              >
                ${editionsWord(lang, on === 'graph' ? 'editionsOnGraph' : 'editionsOnTable')}
              </button>`,
          )}
        </span>
        <span class="grow"></span>
        ${
          same
            ? html`<span class="error" role="alert"
                >${editionsWord(lang, 'editionsSamePlan')}</span
              >`
            : this.pending
              ? html`<span class="status" role="status"
                  >${editionsWord(lang, 'editionsLoading')}</span
                >`
              : nothing
        }
        ${
          this.problem === ''
            ? nothing
            : html`<span class="error" role="alert"
                >${editionsWord(lang, 'editionsFailed', { problem: this.problem })}</span
              >`
        }
        <button
          class="button"
          data-action="editions-close"
          @click=${() => this.#change({ compare: null, compareOn: 'table' })}
        >
          ${editionsWord(lang, 'editionsClose')}
        </button>
      </div>
      ${
        this.on === 'table'
          ? html`<gt-editions-table
              .comparison=${comparison}
              .source=${pair}
              .language=${lang}
            ></gt-editions-table>`
          : html`<span></span>`
      }
      ${this.on === 'graph' && comparison !== null ? this.#legend(comparison) : nothing}
    `;
  }
}

/** The legend's item marks, drawn from the canvas's own colours and borders (editions/stylesheet.ts). */
function itemSwatches(): string {
  return (['added', 'changed', 'removed'] as const)
    .map((state) => {
      const border = EDITION_BORDERS[state];
      const faint = state === 'removed' ? 'opacity: 0.7;' : '';
      return `.mark.${state} { background: ${EDITION_COLOURS[state]}; border: ${Math.min(border.width, 4)}px ${border.style} ${border.colour}; ${faint} }`;
    })
    .join('\n');
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-editions-view': GtEditionsView;
  }
}
