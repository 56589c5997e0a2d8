// The switch between the plan on screen (本规划), every plan loaded (全部规划) and a chosen set of
// them (选定规划), above the rankings and the paths tool; shown only when two or more plans are
// loaded. A set is ticked in a list of the plans, named as the header's picker names them, and
// takes effect when applied with two or more ticked. It says what the planner chose; the panel
// around it decides what follows (the address, the rankings listed).
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PlanSummary } from '../api/schema.ts';
import { plansScopeWord } from '../i18n/features/plans-scope.ts';
import type { Lang } from '../i18n/messages.ts';
import { MIN_CHOSEN } from '../state/plans-scope.ts';
import { planChoiceLabel } from './gt-plan-picker.ts';
import { sharedStyles } from './shared-styles.ts';

/** The planner chose a scope: the plan on screen, every plan loaded, or a set of them. */
export class PlansScopeEvent extends Event {
  static readonly eventName = 'gt-plans-scope';
  constructor(
    readonly allPlans: boolean,
    /** The chosen set's plan ids (two or more); empty for every plan or the plan on screen. */
    readonly chosenPlans: readonly string[] = [],
  ) {
    super(PlansScopeEvent.eventName, { bubbles: true, composed: true });
  }
}

@customElement('gt-plans-scope')
export class GtPlansScope extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 0.4rem;
        font-size: 0.8rem;
        color: var(--gt-muted);
      }
      :host([hidden]) {
        display: none;
      }
      .row {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      fieldset {
        margin: 0;
        padding: 0.4rem 0.6rem 0.5rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        display: grid;
        gap: 0.25rem;
      }
      legend {
        padding: 0 0.25rem;
      }
      label {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        color: var(--gt-ink);
      }
      .apply {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.2rem;
      }
    `,
  ];

  /** Plans ticked but not applied yet. */
  @state() private draft: ReadonlySet<string> = new Set();
  /** The list is open: 选定规划 was pressed, or a set is in effect. */
  @state() private picking = false;

  @property({ type: Boolean }) allPlans = false;
  /** The set in effect (two or more ids), or empty. */
  @property({
    attribute: false,
    // The same set read again from the address is no change: the list stays as the planner left it.
    hasChanged: (value: readonly string[], old?: readonly string[]) =>
      value.join('\n') !== old?.join('\n'),
  })
  chosenPlans: readonly string[] = [];
  /** Every plan loaded: the set is ticked among them. */
  @property({ attribute: false }) plans: readonly PlanSummary[] = [];
  /** The plan on screen: ticked first when a set is begun. */
  @property() plan: string | null = null;
  /** How many plans are loaded when the list is not given: with fewer than two, nothing to choose. */
  @property({ type: Number }) count = 0;
  @property() language: Lang = 'zh';

  // A set from the address (a link, a step back) is what the list shows.
  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('chosenPlans') || changed.has('allPlans')) {
      if (this.#chosen()) {
        this.draft = new Set(this.chosenPlans);
        this.picking = true;
      } else if (changed.has('allPlans') || this.chosenPlans.length === 0) {
        this.picking = false;
      }
    }
  }

  #chosen(): boolean {
    return this.allPlans && this.chosenPlans.length >= MIN_CHOSEN;
  }

  #loaded(): number {
    return this.plans.length > 0 ? this.plans.length : this.count;
  }

  #choose(allPlans: boolean): void {
    this.picking = false;
    if (allPlans !== this.allPlans || this.#chosen()) {
      this.dispatchEvent(new PlansScopeEvent(allPlans));
    }
  }

  #pick(): void {
    if (this.picking) return;
    this.picking = true;
    this.draft = new Set(this.plan === null ? [] : [this.plan]);
  }

  #tick(id: string, on: boolean): void {
    const next = new Set(this.draft);
    if (on) next.add(id);
    else next.delete(id);
    this.draft = next;
  }

  #apply(): void {
    // In the plans list's order, as the figures' 范围 line lists them.
    const ids = this.plans.map((plan) => plan.id).filter((id) => this.draft.has(id));
    if (ids.length < MIN_CHOSEN) return;
    this.dispatchEvent(new PlansScopeEvent(true, ids));
  }

  #renderSet() {
    const lang = this.language;
    const ticked = this.plans.filter((plan) => this.draft.has(plan.id)).length;
    const applied =
      this.#chosen() &&
      ticked === this.chosenPlans.length &&
      this.chosenPlans.every((id) => this.draft.has(id));
    return html`<fieldset data-plans-set>
      <legend>${plansScopeWord(lang, 'plansScopeSetLegend')}</legend>
      ${this.plans.map(
        (plan) =>
          html`<label>
            <input
              type="checkbox"
              name="plan"
              value=${plan.id}
              .checked=${this.draft.has(plan.id)}
              @change=${(event: Event) =>
                this.#tick(plan.id, (event.target as HTMLInputElement).checked)}
            />
            ${planChoiceLabel(plan, lang)}
          </label>`,
      )}
      <div class="apply">
        <button
          type="button"
          class="button"
          data-action="apply-plans"
          ?disabled=${ticked < MIN_CHOSEN || applied}
          @click=${() => this.#apply()}
        >
          ${plansScopeWord(lang, 'plansScopeSetApply')}
        </button>
        ${
          ticked < MIN_CHOSEN
            ? html`<span role="status">${plansScopeWord(lang, 'plansScopeSetTooFew')}</span>`
            : nothing
        }
      </div>
    </fieldset>`;
  }

  override render() {
    const count = this.#loaded();
    if (count < 2) return nothing;
    const lang = this.language;
    const label = plansScopeWord(lang, 'plansScopeLabel');
    const setShown = this.picking || this.#chosen();
    const pressed = (on: boolean) => (on ? 'true' : 'false');
    return html`<div class="row">
        <span id="label">${label}</span>
        <div class="seg" role="group" aria-labelledby="label">
          <button
            type="button"
            class="button"
            data-plans-scope="plan"
            aria-pressed=${pressed(!this.allPlans && !setShown)}
            title=${plansScopeWord(lang, 'plansScopeOneHint')}
            @click=${() => this.#choose(false)}
          >
            ${plansScopeWord(lang, 'plansScopeOne')}
          </button>
          <button
            type="button"
            class="button"
            data-plans-scope="all"
            aria-pressed=${pressed(this.allPlans && !setShown)}
            title=${plansScopeWord(lang, 'plansScopeAllHint', { count })}
            @click=${() => this.#choose(true)}
          >
            ${plansScopeWord(lang, 'plansScopeAll')}
          </button>
          ${
            this.plans.length >= MIN_CHOSEN
              ? html`<button
                  type="button"
                  class="button"
                  data-plans-scope="set"
                  aria-pressed=${pressed(setShown)}
                  aria-expanded=${pressed(setShown)}
                  title=${plansScopeWord(lang, 'plansScopeSetHint')}
                  @click=${() => this.#pick()}
                >
                  ${plansScopeWord(lang, 'plansScopeSet')}
                </button>`
              : nothing
          }
        </div>
      </div>
      ${setShown && this.plans.length >= MIN_CHOSEN ? this.#renderSet() : nothing}`;
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
