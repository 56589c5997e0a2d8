// The header's plan picker: with several plans loaded (a Five-Year Plan division, a year's work
// report division, an edition of each), the planner chooses which one the explorer shows. Each
// plan is named as in file names (contract/short-title.ts) with its date and size, which tells
// two editions of one notice apart. With one plan loaded there is nothing to choose: no picker
// (gt-app shows the plan's issuer and date in its place).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ALL_PLANS } from '../../../contract/api/plan-graph-url.ts';
import { planShortTitle } from '../../../contract/short-title.ts';
import type { PlanSummary } from '../api/schema.ts';
import { planPickerWord } from '../i18n/features/plan-picker.ts';
import type { Lang } from '../i18n/messages.ts';
import { PlanChooseEvent } from './events.ts';

/** What a plan is called in the picker: short title, then its date and item count. */
export function planChoiceLabel(plan: PlanSummary, lang: Lang): string {
  const details = [
    plan.date,
    plan.itemCount === null
      ? null
      : planPickerWord(lang, 'planPickerItems', { count: plan.itemCount }),
  ].filter((part): part is string => part !== null && part !== '');
  const title = planShortTitle({ title: plan.title, jurisdiction: plan.jurisdiction });
  return details.length === 0
    ? title
    : planPickerWord(lang, 'planPickerOption', { title, details: details.join(' · ') });
}

@customElement('gt-plan-picker')
export class GtPlanPicker extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 0.35rem;
      min-width: 0;
    }
    label {
      font-size: 0.75rem;
      color: rgb(255 255 255 / 0.75);
      white-space: nowrap;
    }
    select {
      font: inherit;
      font-size: 0.75rem;
      min-width: 0;
      max-width: 22rem;
      flex: 1 1 auto;
      padding: 0 0.2rem;
      border-radius: 4px;
      border: 1px solid rgb(255 255 255 / 0.35);
      background: rgb(255 255 255 / 0.12);
      color: #fff;
      text-overflow: ellipsis;
    }
    select:focus-visible {
      outline: 2px solid var(--gt-focus);
      outline-offset: 1px;
    }
    option {
      color: var(--gt-ink);
      background: var(--gt-surface);
    }
  `;

  @property({ attribute: false }) plans: readonly PlanSummary[] = [];
  /** The plan shown (ALL_PLANS for every plan); null before the plans list arrives. */
  @property({ attribute: false }) current: string | null = null;
  @property({ attribute: false }) language: Lang = 'zh';

  override render() {
    if (this.plans.length < 2) return nothing;
    const lang = this.language;
    return html`<label for="plan">${planPickerWord(lang, 'planPickerLabel')}</label>
      <select
        id="plan"
        data-plan-picker
        title=${planPickerWord(lang, 'planPickerHint', { count: this.plans.length })}
        @change=${this.#onChange}
      >
        ${this.plans.map(
          (plan) =>
            html`<option value=${plan.id} ?selected=${plan.id === this.current}>
              ${planChoiceLabel(plan, lang)}
            </option>`,
        )}
        <option value=${ALL_PLANS} data-all-plans ?selected=${this.current === ALL_PLANS}>
          ${planPickerWord(lang, 'planPickerAll', { count: this.plans.length })}
        </option>
      </select>`;
  }

  #onChange = (event: Event): void => {
    const id = (event.target as HTMLSelectElement).value;
    if (id !== this.current) this.dispatchEvent(new PlanChooseEvent(id));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-plan-picker': GtPlanPicker;
  }
}
