// Presentation mode: the saved views one after another over the canvas, with the caption on
// screen and a "2 / 5" counter. The keyboard steps (→, PageDown, Space forward; ←, PageUp back;
// Esc leaves, and <gt-app> puts back what the planner had before); each step asks <gt-app> for
// its view, fitted to the screen.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PresentEndEvent, SavedViewApplyEvent } from '../briefing/events.ts';
import type { SavedView } from '../briefing/saved-views.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import { sharedStyles } from './shared-styles.ts';

const NEXT = new Set(['ArrowRight', 'PageDown', ' ', 'Spacebar']);

@customElement('gt-presentation')
export class GtPresentation extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: absolute;
        inset: 0;
        pointer-events: none;
        z-index: 5;
      }
      .caption {
        position: absolute;
        left: 50%;
        bottom: 1.6rem;
        transform: translateX(-50%);
        max-width: min(70rem, 90%);
        padding: 0.7rem 1.3rem;
        border-radius: 8px;
        background: rgba(22, 34, 48, 0.86);
        color: #fff;
        text-align: center;
      }
      .caption h2 {
        margin: 0;
        font-size: 1.25rem;
      }
      .caption p {
        margin: 0.3rem 0 0;
        font-size: 1rem;
        white-space: pre-line;
      }
      .counter {
        position: absolute;
        right: 1rem;
        top: 0.8rem;
        padding: 0.2rem 0.7rem;
        border-radius: 999px;
        background: rgba(22, 34, 48, 0.8);
        color: #fff;
        font-variant-numeric: tabular-nums;
      }
      .help {
        position: absolute;
        left: 1rem;
        top: 0.8rem;
        font-size: 0.75rem;
        color: var(--gt-muted);
      }
    `,
  ];

  @state() private index = 0;

  @property({ attribute: false }) views: readonly SavedView[] = [];
  @property({ type: Number }) start = 0;
  @property() language: Lang = 'zh';

  override connectedCallback(): void {
    super.connectedCallback();
    // Captured on the window so the canvas's arrow keys and the app's Esc do not act as well.
    window.addEventListener('keydown', this.#onKeydown, { capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKeydown, { capture: true });
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('views') || changed.has('start')) {
      this.index = Math.min(Math.max(0, this.start), Math.max(0, this.views.length - 1));
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('index') || changed.has('views')) {
      const saved = this.views[this.index];
      if (saved !== undefined) this.dispatchEvent(new SavedViewApplyEvent(saved, true));
    }
    this.dataset['step'] = String(this.index + 1);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopImmediatePropagation();
      this.dispatchEvent(new PresentEndEvent());
      return;
    }
    const last = this.views.length - 1;
    const steps: Record<string, number> = {
      Home: 0,
      End: last,
      ArrowLeft: Math.max(0, this.index - 1),
      PageUp: Math.max(0, this.index - 1),
    };
    const next = NEXT.has(event.key) ? Math.min(last, this.index + 1) : steps[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.index = next;
  };

  override render() {
    const lang = this.language;
    const saved = this.views[this.index];
    return html`
      <div class="help" aria-hidden="true">${msg(lang, 'briefingPresentHelp')}</div>
      <div class="counter" data-counter role="status">
        ${msg(lang, 'briefingCounter', { n: this.index + 1, total: this.views.length })}
      </div>
      ${
        saved === undefined
          ? nothing
          : html`<div class="caption" data-caption>
              <h2>${saved.name}</h2>
              ${saved.caption === '' ? nothing : html`<p>${saved.caption}</p>`}
            </div>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-presentation': GtPresentation;
  }
}
