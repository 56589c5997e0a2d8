// The key to the canvas: what each colour, shape and line means. Read from the same tables as
// the stylesheet, so the two cannot disagree.
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { NodeData, ProgressMap } from '../api/schema.ts';
import { formatHeatValue, heatGradient, heatScale, isHeatMetric } from '../graph/heat.ts';
import { CATEGORY_COLOURS, EDGE_COLOURS, KIND_STYLES } from '../graph/stylesheet.ts';
import { categoryName, kindName, msg, type Lang, type MessageKey } from '../i18n/messages.ts';
import type { WarFilter } from '../state/warmap.ts';
import '../warmap/gt-war-legend.ts';
import { ViewChangeEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

const ITEM_KINDS = ['theme', 'task', 'indicator', 'project', 'requirement'] as const;

const SHAPES: Record<string, ReturnType<typeof svg>> = {
  'round-rectangle': svg`<rect x="1" y="3" width="14" height="10" rx="3"></rect>`,
  diamond: svg`<path d="M8 1 15 8 8 15 1 8Z"></path>`,
  hexagon: svg`<path d="M4 2h8l4 6-4 6H4L0 8Z"></path>`,
  tag: svg`<path d="M1 3h10l4 5-4 5H1Z"></path>`,
};

const EDGES: { key: MessageKey; colour: string; dash: string }[] = [
  { key: 'edgeLead', colour: EDGE_COLOURS.lead, dash: '' },
  { key: 'edgeOwner', colour: EDGE_COLOURS.owner, dash: '1.5 3' },
  { key: 'edgeSupport', colour: EDGE_COLOURS.support, dash: '5 4' },
  { key: 'edgeStructure', colour: EDGE_COLOURS.structure, dash: '' },
];

@customElement('gt-legend')
export class GtLegend extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.3rem 1.4rem;
        padding: 0.4rem 1rem;
        font-size: 0.76rem;
        background: var(--gt-surface);
        border-top: 1px solid var(--gt-line);
        color: var(--gt-ink);
      }
      h3 {
        margin: 0;
        font-size: 0.72rem;
        color: var(--gt-muted);
        font-weight: 600;
      }
      .group {
        display: flex;
        align-items: center;
        gap: 0.2rem 0.7rem;
        flex-wrap: wrap;
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
        width: 14px;
        height: 14px;
        flex: none;
      }
      svg.line {
        width: 26px;
        height: 8px;
      }
      .ramp {
        display: inline-block;
        width: 7rem;
        height: 0.7rem;
        border-radius: 3px;
        border: 1px solid var(--gt-line);
      }
      .heat .clear {
        border: 0;
        background: none;
        padding: 0 0.3rem;
        color: var(--gt-muted);
        font-size: 0.95rem;
        line-height: 1;
      }
    `,
  ];

  @property() language: Lang = 'zh';
  /** Unit categories present in the plan; the legend lists only those. */
  @property({ attribute: false }) categories: readonly string[] = [];
  /** Heat styling's metric (graph/heat.ts), or none; its scale is read over `nodes`' units. */
  @property() metric: string | null = null;
  /** The nodes on the canvas. */
  @property({ attribute: false }) nodes: readonly NodeData[] = [];
  /** The war map (作战图) shown on the canvas, or none; its key comes first. */
  @property({ attribute: false }) warmap: ProgressMap | null = null;
  @property({ attribute: false }) warFilters: readonly WarFilter[] = [];

  #renderHeat() {
    const lang = this.language;
    const metric = this.metric;
    if (!isHeatMetric(metric)) return nothing;
    const scale = heatScale(this.nodes, metric);
    if (scale === null) return nothing;
    return html`<div class="group heat" role="group" aria-label=${msg(lang, 'heatLegend')}>
      <h3>${msg(lang, 'heatLegend')}</h3>
      <span data-heat-metric=${metric}>${msg(lang, `heat_${metric}`)}</span>
      <span data-heat-min>${msg(lang, 'heatMin', { value: formatHeatValue(scale.min) })}</span>
      <span class="ramp" style="background:${heatGradient()}" aria-hidden="true"></span>
      <span data-heat-max>${msg(lang, 'heatMax', { value: formatHeatValue(scale.max) })}</span>
      <button
        class="clear"
        aria-label=${msg(lang, 'heatClear')}
        title=${msg(lang, 'heatClear')}
        @click=${() => this.dispatchEvent(new ViewChangeEvent({ metric: null }))}
      >
        ×
      </button>
    </div>`;
  }

  override render() {
    const lang = this.language;
    const heat = this.#renderHeat();
    return html`
      ${
        this.warmap === null
          ? nothing
          : html`<gt-war-legend
              class="group"
              role="group"
              .language=${lang}
              .map=${this.warmap}
              .shown=${new Set(this.nodes.map((node) => node.id))}
              .filters=${this.warFilters}
            ></gt-war-legend>`
      }
      ${heat}
      <div class="group" role="group" aria-label=${msg(lang, 'kinds')}>
        <h3>${msg(lang, 'kinds')}</h3>
        <ul>
          ${ITEM_KINDS.map((kind) => {
            const style = KIND_STYLES[kind];
            const shape = SHAPES[style?.shape ?? ''] ?? SHAPES['round-rectangle'];
            return html`<li>
              <svg viewBox="0 0 16 16" aria-hidden="true" fill=${style?.colour ?? '#ccc'}>
                ${shape}
              </svg>
              ${kindName(lang, kind)}
            </li>`;
          })}
        </ul>
      </div>
      <div class="group" role="group" aria-label=${msg(lang, 'categories')}>
        <h3>${msg(lang, 'categories')}</h3>
        <ul>
          ${this.categories.map(
            (category) =>
              html`<li>
                <span
                  class="swatch"
                  style="background:${CATEGORY_COLOURS[category] ?? CATEGORY_COLOURS['unknown']}"
                ></span>
                ${categoryName(lang, category)}
              </li>`,
          )}
        </ul>
      </div>
      <div class="group" role="group" aria-label=${msg(lang, 'roles')}>
        <h3>${msg(lang, 'roles')}</h3>
        <ul>
          ${EDGES.map(
            ({ key, colour, dash }) =>
              html`<li>
                <svg class="line" viewBox="0 0 26 8" aria-hidden="true">
                  <line
                    x1="1"
                    y1="4"
                    x2="25"
                    y2="4"
                    stroke=${colour}
                    stroke-width="2"
                    stroke-dasharray=${dash}
                  ></line>
                </svg>
                ${msg(lang, key)}
              </li>`,
          )}
        </ul>
      </div>
      ${heat === nothing ? html`<span class="muted">${msg(lang, 'sizeHint')}</span>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-legend': GtLegend;
  }
}
