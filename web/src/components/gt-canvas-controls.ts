// The controls in the canvas's corner: layered or force layout, graph, table, timeline or
// matrix, the war map (作战图) on or off, fit to screen.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { matrixWord } from '../i18n/features/matrix.ts';
import { warmapWord } from '../i18n/features/warmap.ts';
import { msg } from '../i18n/messages.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import { FitRequestEvent, ViewChangeEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-canvas-controls')
export class GtCanvasControls extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      .button {
        box-shadow: 0 2px 8px rgba(20, 35, 55, 0.08);
      }
    `,
  ];

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;

  #change(patch: Partial<ViewState>): void {
    this.dispatchEvent(new ViewChangeEvent(patch));
  }

  override render() {
    const { view } = this;
    const lang = view.lang;
    const pressed = (on: boolean) => (on ? 'true' : 'false');
    return html`
      <div role="group" aria-label=${msg(lang, 'layoutLabel')} class="seg">
        ${(['layered', 'force'] as const).map(
          (layout) =>
            html`<button
              class="button"
              data-layout=${layout}
              aria-pressed=${pressed(view.layout === layout)}
              ?disabled=${view.table || view.timeline || view.matrix}
              @click=${() => this.#change({ layout })}
            >
              ${msg(lang, layout === 'layered' ? 'layoutLayered' : 'layoutForce')}
            </button>`,
        )}
      </div>
      <div role="group" aria-label=${msg(lang, 'viewLabel')} class="seg">
        <button
          class="button"
          data-view="graph"
          aria-pressed=${pressed(!view.table && !view.timeline && !view.matrix)}
          @click=${() => this.#change({ table: false, timeline: false, matrix: false })}
        >
          ${msg(lang, 'viewGraph')}
        </button>
        <button
          class="button"
          data-view="table"
          aria-pressed=${pressed(view.table && !view.matrix)}
          @click=${() => this.#change({ table: true, timeline: false, matrix: false })}
        >
          ${msg(lang, 'viewTable')}
        </button>
        <button
          class="button"
          data-view="timeline"
          aria-pressed=${pressed(view.timeline && !view.table && !view.matrix)}
          @click=${() => this.#change({ table: false, timeline: true, matrix: false })}
        >
          ${warmapWord(lang, 'viewTimeline')}
        </button>
        <button
          class="button"
          data-view="matrix"
          aria-pressed=${pressed(view.matrix)}
          title=${matrixWord(lang, 'viewMatrixHint')}
          @click=${() => this.#change({ table: false, timeline: false, matrix: true })}
        >
          ${matrixWord(lang, 'viewMatrix')}
        </button>
      </div>
      <button
        class="button"
        data-action="warmap"
        aria-pressed=${pressed(view.warmap)}
        title=${warmapWord(lang, 'warmapHint')}
        @click=${() => this.#change({ warmap: !view.warmap })}
      >
        ${warmapWord(lang, 'warmap')}
      </button>
      <button
        class="button"
        data-action="fit"
        ?disabled=${view.table || view.timeline || view.matrix}
        @click=${() => this.dispatchEvent(new FitRequestEvent())}
      >
        ${msg(lang, 'fit')}
      </button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-canvas-controls': GtCanvasControls;
  }
}
