// What a planner can do with the selected node on the canvas: expand its neighbourhood (capped,
// with "N more"), collapse it again, hide it; and, for the whole view, reveal the links among
// what is shown and bring hidden nodes back.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg } from '../i18n/messages.ts';
import { DEFAULT_VIEW, EXPAND_LIMIT, EXPAND_MAX, type ViewState } from '../state/view.ts';
import { ViewChangeEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

/** How many more neighbours "N more" adds at a time. */
const MORE_STEP = 50;

@customElement('gt-node-actions')
export class GtNodeActions extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        align-items: center;
      }
      .name {
        font-weight: 600;
        font-size: 0.85rem;
        max-width: 14rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        margin-right: 0.2rem;
      }
      /* The bar lies over the canvas: only its buttons take the pointer. */
      .button,
      .name {
        pointer-events: auto;
        box-shadow: 0 2px 8px rgba(20, 35, 55, 0.08);
      }
      .name {
        background: rgba(255, 255, 255, 0.9);
        padding: 0.25rem 0.5rem;
        border-radius: 6px;
      }
    `,
  ];

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  /** The selected node's name, as shown in the panel. */
  @property() name = '';
  /** Neighbours the selected node's expansion left out (0 when none or not expanded). */
  @property({ type: Number }) more = 0;

  #change(patch: Partial<ViewState>): void {
    this.dispatchEvent(new ViewChangeEvent(patch));
  }

  override render() {
    const { view } = this;
    const lang = view.lang;
    const id = view.selected;
    const expansion = view.expanded.find((e) => e.id === id);
    const others = view.expanded.filter((e) => e.id !== id);
    return html`
      ${
        id !== null
          ? html`
              <span class="name" title=${this.name}>${this.name}</span>
              ${
                expansion === undefined
                  ? html`<button
                      class="button"
                      data-action="expand"
                      @click=${() =>
                        this.#change({ expanded: [...others, { id, limit: EXPAND_LIMIT }] })}
                    >
                      ${msg(lang, 'expand')}
                    </button>`
                  : html`<button
                        class="button"
                        data-action="collapse"
                        @click=${() => this.#change({ expanded: others })}
                      >
                        ${msg(lang, 'collapse')}
                      </button>
                      ${
                        this.more > 0 && expansion.limit < EXPAND_MAX
                          ? html`<button
                              class="button"
                              data-action="more"
                              @click=${() =>
                                this.#change({
                                  expanded: [
                                    ...others,
                                    {
                                      id,
                                      limit: Math.min(EXPAND_MAX, expansion.limit + MORE_STEP),
                                    },
                                  ],
                                })}
                            >
                              ${msg(lang, 'more', { n: this.more })}
                            </button>`
                          : nothing
                      }`
              }
              <button
                class="button"
                data-action="hide"
                @click=${() =>
                  this.#change({ hidden: [...view.hidden, id], selected: null, expanded: others })}
              >
                ${msg(lang, 'hide')}
              </button>
            `
          : nothing
      }
      ${
        view.scope === 'focus'
          ? html`<button
              class="button"
              data-action="links"
              aria-pressed=${view.links ? 'true' : 'false'}
              @click=${() => this.#change({ links: !view.links })}
            >
              ${msg(lang, 'revealLinks')}
            </button>`
          : nothing
      }
      ${
        view.hidden.length > 0
          ? html`<button
              class="button"
              data-action="unhide"
              @click=${() => this.#change({ hidden: [] })}
            >
              ${msg(lang, 'showHidden', { n: view.hidden.length })}
            </button>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-node-actions': GtNodeActions;
  }
}
