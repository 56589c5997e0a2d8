// What a feature that reads one plan shows while every plan is drawn (全部规划): it says so in
// the planner's words and offers each plan, one click away, instead of answering over a plan the
// planner did not choose or failing on a request that names none.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PlanSummary } from '../api/schema.ts';
import { planPickerWord } from '../i18n/features/plan-picker.ts';
import type { Lang } from '../i18n/messages.ts';
import { PlanChooseEvent, ViewChangeEvent } from './events.ts';
import { planChoiceLabel } from './gt-plan-picker.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-one-plan')
export class GtOnePlan extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        padding: 0.75rem 1rem;
        background: var(--gt-surface);
        border: 1px solid var(--gt-line);
        border-radius: 6px;
      }
      /* Over the canvas (the war map asked for while every plan is drawn). */
      :host([floating]) {
        position: absolute;
        top: 1rem;
        left: 50%;
        transform: translateX(-50%);
        z-index: 20;
        max-width: min(36rem, 90%);
        box-shadow: 0 2px 10px rgb(0 0 0 / 0.15);
      }
      p {
        margin: 0 0 0.5rem;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.3rem;
      }
      button {
        font: inherit;
        text-align: left;
      }
    `,
  ];

  @property({ attribute: false }) plans: readonly PlanSummary[] = [];
  /** The feature, named in the planner's language ("挂图作战和时间轴"). */
  @property() what = '';
  /** Offer the rankings' and paths' own 全部规划 figures too. */
  @property({ type: Boolean }) offerAllPlans = false;
  @property({ attribute: false }) language: Lang = 'zh';

  override render() {
    const lang = this.language;
    return html`<p role="status">${planPickerWord(lang, 'onePlanNeeded', { what: this.what })}</p>
      <ul>
        ${this.plans.map(
          (plan) =>
            html`<li>
              <button
                class="button"
                data-plan=${plan.id}
                @click=${() => this.dispatchEvent(new PlanChooseEvent(plan.id))}
              >
                ${planChoiceLabel(plan, lang)}
              </button>
            </li>`,
        )}
        ${
          this.offerAllPlans
            ? html`<li>
                <button
                  class="button"
                  data-action="all-plans-figures"
                  @click=${() => this.dispatchEvent(new ViewChangeEvent({ allPlans: true }))}
                >
                  ${planPickerWord(lang, 'onePlanBackToAll')}
                </button>
              </li>`
            : nothing
        }
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-one-plan': GtOnePlan;
  }
}
