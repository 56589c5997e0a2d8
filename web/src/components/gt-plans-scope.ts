// The switch between the plan on screen (本规划) and every plan loaded (全部规划), above the rankings
// and the paths tool; shown only when two or more plans are loaded. It says what the planner
// chose; the panel around it decides what follows (the address, the rankings listed).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { plansScopeWord } from '../i18n/features/plans-scope.ts';
import type { Lang } from '../i18n/messages.ts';
import { sharedStyles } from './shared-styles.ts';

/** The planner chose a scope: every plan loaded, or only the plan on screen. */
export class PlansScopeEvent extends Event {
  static readonly eventName = 'gt-plans-scope';
  constructor(readonly allPlans: boolean) {
    super(PlansScopeEvent.eventName, { bubbles: true, composed: true });
  }
}

@customElement('gt-plans-scope')
export class GtPlansScope extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-size: 0.8rem;
        color: var(--gt-muted);
      }
      :host([hidden]) {
        display: none;
      }
    `,
  ];

  @property({ type: Boolean }) allPlans = false;
  /** How many plans are loaded: with fewer than two there is nothing to choose. */
  @property({ type: Number }) count = 0;
  @property() language: Lang = 'zh';

  #choose(allPlans: boolean): void {
    if (allPlans !== this.allPlans) this.dispatchEvent(new PlansScopeEvent(allPlans));
  }

  override render() {
    if (this.count < 2) return nothing;
    const lang = this.language;
    const label = plansScopeWord(lang, 'plansScopeLabel');
    return html`<span id="label">${label}</span>
      <div class="seg" role="group" aria-labelledby="label">
        <button
          type="button"
          class="button"
          data-plans-scope="plan"
          aria-pressed=${this.allPlans ? 'false' : 'true'}
          title=${plansScopeWord(lang, 'plansScopeOneHint')}
          @click=${() => this.#choose(false)}
        >
          ${plansScopeWord(lang, 'plansScopeOne')}
        </button>
        <button
          type="button"
          class="button"
          data-plans-scope="all"
          aria-pressed=${this.allPlans ? 'true' : 'false'}
          title=${plansScopeWord(lang, 'plansScopeAllHint', { count: this.count })}
          @click=${() => this.#choose(true)}
        >
          ${plansScopeWord(lang, 'plansScopeAll')}
        </button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-plans-scope': GtPlansScope;
  }
  interface HTMLElementEventMap {
    'gt-plans-scope': PlansScopeEvent;
  }
}
