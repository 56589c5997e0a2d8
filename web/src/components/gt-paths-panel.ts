// How two things connect: two units by their shortest connections through shared items, or a
// unit and a theme by every route through the unit's tasks. Found paths are listed and lit on the
// graph; choosing one lights only that one. The units are named in <gt-unit-field>s, which find
// them through the main search's API (pinyin, initials, Traditional, English, short forms).
// In the 全部规划 scope (two or more plans loaded, chosen in the address) the units are found in
// every plan and the routes run through items of any plan, each item named with its plan; in the
// 选定规划 scope only through the items of the plans chosen.
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { planShortTitle } from '../../../contract/short-title.ts';
import { ApiError, type ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { EdgeData, NodeData, PathsAnswer, PlanSummary } from '../api/schema.ts';
import { MARK_COLOUR } from '../graph/stylesheet.ts';
import { clip, commonEnglishPrefix, unitLabel } from '../graph/to-elements.ts';
import { scopeWords } from '../hotspots/plans-scope.ts';
import { plansScopeWord } from '../i18n/features/plans-scope.ts';
import { msg, type Lang, type MessageKey } from '../i18n/messages.ts';
import { resolveUnit } from '../search/resolve-unit.ts';
import { chosenPlanIds } from '../state/plans-scope.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import { MarkEvent, ViewChangeEvent } from './events.ts';
import type { PlansScopeEvent } from './gt-plans-scope.ts';
import './gt-plans-scope.ts';
import type { UnitFieldEvent } from './gt-unit-field.ts';
import './gt-unit-field.ts';
import { panelStyles, sharedStyles } from './shared-styles.ts';

type Mode = 'units' | 'theme';

/** Item titles in a listed path, in characters: the route reads at a glance, the panel has it all. */
const STEP_CHARS = 16;

/**
 * Paths asked for at most: the API's ceiling. Two bureaus that share 39 items are joined by 39
 * shortest paths, and a planner wants to see every one of them, not the API's default 20.
 */
export const PATHS_LIMIT = 100;

/** What the API's refusals mean to a planner. */
const REFUSALS: Record<string, MessageKey> = {
  same_node: 'pathsSame',
  unsupported_path: 'pathsUnsupported',
  not_found: 'pathsNotFound',
};

/** A path's nodes and the edges between consecutive nodes (either direction), as ids. */
export function pathMarks(path: readonly string[], edges: readonly EdgeData[]): string[] {
  const ids = new Set(path);
  for (let i = 0; i + 1 < path.length; i += 1) {
    const a = path[i];
    const b = path[i + 1];
    for (const edge of edges) {
      if ((edge.source === a && edge.target === b) || (edge.source === b && edge.target === a)) {
        ids.add(edge.id);
      }
    }
  }
  return [...ids];
}

@customElement('gt-paths-panel')
export class GtPathsPanel extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      form {
        display: grid;
        gap: 0.6rem;
      }
      label.field {
        display: grid;
        gap: 0.25rem;
        font-size: 0.8rem;
        color: var(--gt-muted);
      }
      select {
        font: inherit;
        font-size: 0.9rem;
        color: var(--gt-ink);
        padding: 0.3rem 0.45rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        background: var(--gt-surface);
        min-width: 0;
      }
      .check {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        font-size: 0.82rem;
      }
      .actions {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .summary {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
        margin-bottom: 0.5rem;
      }
      ol.paths {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.3rem;
      }
      ol.paths button {
        width: 100%;
        text-align: left;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        background: var(--gt-surface);
        padding: 0.35rem 0.5rem;
        font-size: 0.82rem;
        line-height: 1.45;
      }
      ol.paths button:hover {
        background: var(--gt-hover);
      }
      ol.paths button[aria-pressed='true'] {
        border-color: ${unsafeCSS(MARK_COLOUR)};
        box-shadow: inset 3px 0 0 ${unsafeCSS(MARK_COLOUR)};
        background: color-mix(in srgb, ${unsafeCSS(MARK_COLOUR)} 12%, white);
      }
      .step.unit {
        font-weight: 600;
      }
      .arrow {
        color: var(--gt-muted);
        padding: 0 0.25em;
      }
      .step .plan {
        color: var(--gt-muted);
        font-size: 0.75rem;
        padding-left: 0.25em;
      }
      gt-plans-scope {
        margin-bottom: 0.5rem;
      }
      .scope,
      .scope-note {
        margin: 0 0 0.4rem;
        font-size: 0.75rem;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  #prefilled = false;
  /** What the last search joined: its answer is read as paths or as routes. */
  #searched: Mode = 'units';

  @state() private mode: Mode = 'units';
  @state() private fromText = '';
  @state() private toText = '';
  /** The units picked from the fields' lists; null: only typed, looked up on Find. */
  @state() private fromId: string | null = null;
  @state() private toId: string | null = null;
  @state() private themeId = '';
  @state() private collectives = false;
  /** A planner's mistake caught before asking (an unknown unit, no theme). */
  @state() private problem: string | null = null;
  /** The path lit alone; null: all of them. */
  @state() private chosen: number | null = null;
  /** The typed units are being looked up (the search for units) before the paths are asked. */
  @state() private resolving = false;

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property() plan: string | null = null;
  /** Every plan loaded: the 全部规划 switch shows with two or more. */
  @property({ attribute: false }) plans: readonly PlanSummary[] = [];
  @property() language: Lang = 'zh';
  /** The plan's units, for the pickers. */
  @property({ attribute: false }) units: readonly NodeData[] = [];
  /** The plan's themes, in order. */
  @property({ attribute: false }) themes: readonly NodeData[] = [];

  private routes = new Task(this, {
    autoRun: false,
    args: () =>
      ['', '', null, null, false] as [
        string,
        string,
        string | null,
        readonly string[] | null,
        boolean,
      ],
    task: ([from, to, plan, plans, collectives], { signal }) =>
      this.api.paths(from, to, { plan, plans, collectives, limit: PATHS_LIMIT }, signal),
  });

  // A unit or theme chosen on the graph when the tool opens is where the search starts.
  override willUpdate(): void {
    if (this.#prefilled || this.units.length === 0) return;
    this.#prefilled = true;
    const selected = this.view.selected;
    const unit = this.units.find((node) => node.id === selected);
    if (unit !== undefined) {
      this.fromText = unit.name ?? unit.label;
      this.fromId = unit.id;
    }
    if (this.themes.some((node) => node.id === selected) && selected !== null) {
      this.mode = 'theme';
      this.themeId = selected;
    }
  }

  /** Whether routes and units are looked for in every plan: chosen, and two or more loaded. */
  #allPlans(): boolean {
    return this.view.allPlans && this.plans.length >= 2;
  }

  /** The plan asked for: none in the 全部规划 scope, so the API searches every plan loaded. */
  #searchPlan(): string | null {
    return this.#allPlans() ? null : this.plan;
  }

  /** The chosen set (选定规划) unit ↔ unit routes run through, or null. */
  #chosen(): string[] | null {
    return chosenPlanIds(this.view, this.plans);
  }

  #onScope(event: PlansScopeEvent): void {
    this.dispatchEvent(
      new ViewChangeEvent({ allPlans: event.allPlans, chosenPlans: event.chosenPlans }),
    );
  }

  #setMode(mode: Mode): void {
    this.mode = mode;
    this.problem = null;
  }

  #onUnitField(name: 'from' | 'to', event: UnitFieldEvent): void {
    if (name === 'from') {
      this.fromText = event.text;
      this.fromId = event.unitId;
    } else {
      this.toText = event.text;
      this.toId = event.unitId;
    }
  }

  /** The unit of a field: the one picked, else the one the search finds beyond doubt. */
  async #unitOf(text: string, picked: string | null): Promise<string | null> {
    if (picked !== null) return picked;
    const lang = this.language;
    const found = await resolveUnit(this.api, text, this.#searchPlan());
    if (found.status === 'found') return found.unit.id;
    const key = found.status === 'ambiguous' ? 'pathsAmbiguousUnit' : 'pathsUnknownUnit';
    this.problem = msg(lang, key, { name: text.trim() });
    return null;
  }

  /** Both ends as ids, or null with the problem said. */
  async #ends(): Promise<{ from: string; to: string } | null> {
    const from = await this.#unitOf(this.fromText, this.fromId);
    if (from === null) return null;
    if (this.mode === 'units') {
      const to = await this.#unitOf(this.toText, this.toId);
      return to === null ? null : { from, to };
    }
    if (this.themeId === '') {
      this.problem = msg(this.language, 'pathsNeedTheme');
      return null;
    }
    return { from, to: this.themeId };
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    // The last answer or problem was for another question: not shown while the units are looked up.
    this.problem = null;
    this.resolving = true;
    let ends: { from: string; to: string } | null;
    try {
      ends = await this.#ends();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.problem = `${msg(this.language, 'error')}: ${reason}`;
      return;
    } finally {
      this.resolving = false;
    }
    if (ends === null) return;
    this.chosen = null;
    this.#searched = this.mode;
    // A theme is one plan's: its routes are that plan's whatever the scope.
    const plan = this.mode === 'theme' ? this.plan : this.#searchPlan();
    const plans = this.mode === 'theme' ? null : this.#chosen();
    await this.routes.run([
      ends.from,
      ends.to,
      plans === null ? plan : null,
      plans,
      this.collectives,
    ]);
    const answer = this.routes.value;
    if (this.routes.status === TaskStatus.COMPLETE && answer !== undefined) {
      this.dispatchEvent(new MarkEvent(this.#allMarks(answer)));
    }
  }

  #allMarks(answer: PathsAnswer): string[] {
    const edges = answer.elements.edges.map((edge) => edge.data);
    return [...new Set(answer.paths.flatMap((path) => pathMarks(path, edges)))];
  }

  #choose(index: number, answer: PathsAnswer): void {
    if (this.chosen === index) {
      this.chosen = null;
      this.dispatchEvent(new MarkEvent(this.#allMarks(answer)));
      return;
    }
    this.chosen = index;
    const path = answer.paths[index] ?? [];
    const edges = answer.elements.edges.map((edge) => edge.data);
    this.dispatchEvent(new MarkEvent(pathMarks(path, edges)));
  }

  #stepName(node: NodeData | undefined, id: string, englishPrefix: string): string {
    if (node === undefined) return id;
    if (node.kind === 'unit') return unitLabel(node, this.language, englishPrefix);
    const title = clip(node.title ?? node.label, STEP_CHARS);
    return node.ref ? `${node.ref} ${title}` : title;
  }

  /** An item's plan, by its short title, when the routes may run through several plans. */
  #stepPlan(node: NodeData | undefined, answer: PathsAnswer) {
    const several = answer.allPlans || answer.chosenPlans === true;
    if (!several || node === undefined || node.kind === 'unit') return nothing;
    const planId = typeof node['planId'] === 'string' ? node['planId'] : null;
    const plan = answer.plans.find((candidate) => candidate.id === planId);
    if (plan === undefined) return nothing;
    const short = planShortTitle(plan);
    return html`<span
      class="plan"
      data-plan=${plan.id}
      title=${plansScopeWord(this.language, 'plansScopeItemPlan', { plan: plan.title })}
      >〔${short}〕</span
    >`;
  }

  #renderAnswer(answer: PathsAnswer) {
    const lang = this.language;
    const nodes = new Map(answer.elements.nodes.map((node) => [node.data.id, node.data]));
    // As on the canvas: "Wuhan Municipal" on every name says nothing in a route of the city's units.
    const englishPrefix =
      lang === 'en'
        ? commonEnglishPrefix(
            this.units.map((unit) => unit.labelEn ?? unit.englishName ?? '').filter(Boolean),
          )
        : '';
    if (answer.paths.length === 0) {
      const none = this.#searched === 'units' ? 'pathsNone' : 'pathsNoRoute';
      return html`<p class="muted" role="status" data-paths-none>${msg(lang, none)}</p>`;
    }
    const found = this.#searched === 'units' ? 'pathsFound' : 'pathsFoundRoutes';
    return html`
      <p class="scope muted" data-scope>${scopeWords(lang, answer)}</p>
      <div class="summary">
        <span role="status" data-path-count=${answer.paths.length}>
          ${msg(lang, found, { n: answer.paths.length })}${
            answer.paths.length >= PATHS_LIMIT
              ? html` · ${msg(lang, 'pathsLimit', { n: PATHS_LIMIT })}`
              : nothing
          }
        </span>
        <span class="actions">
          <button
            class="button"
            data-action="light-all"
            @click=${() => {
              this.chosen = null;
              this.dispatchEvent(new MarkEvent(this.#allMarks(answer)));
            }}
          >
            ${msg(lang, 'pathsShowAll')}
          </button>
          <button
            class="button"
            data-action="clear-marks"
            ?disabled=${this.view.marked.length === 0}
            @click=${() => {
              this.chosen = null;
              this.dispatchEvent(new MarkEvent([]));
            }}
          >
            ${msg(lang, 'pathsClear')}
          </button>
        </span>
      </div>
      <ol class="paths">
        ${answer.paths.map(
          (path, index) =>
            html`<li
              data-path=${index}
              data-start=${path[0] ?? ''}
              data-end=${path[path.length - 1] ?? ''}
            >
              <button
                aria-pressed=${this.chosen === index ? 'true' : 'false'}
                title=${msg(lang, 'pathsOne')}
                @click=${() => this.#choose(index, answer)}
              >
                ${path.map((id, step) => {
                  const node = nodes.get(id);
                  return html`${step > 0 ? html`<span class="arrow" aria-hidden="true">→</span>` : nothing}<span
                      class="step ${node?.kind ?? ''}"
                      data-node=${id}
                      >${this.#stepName(node, id, englishPrefix)}${this.#stepPlan(node, answer)}</span
                    >`;
                })}
              </button>
            </li>`,
        )}
      </ol>
    `;
  }

  #renderError(error: unknown) {
    const lang = this.language;
    const refusal = error instanceof ApiError ? REFUSALS[error.code] : undefined;
    const text =
      refusal !== undefined
        ? msg(lang, refusal)
        : `${msg(lang, 'error')}: ${error instanceof Error ? error.message : String(error)}`;
    return html`<p class="error" role="alert" data-paths-error>${text}</p>`;
  }

  #renderUnitField(name: 'from' | 'to', label: MessageKey, value: string) {
    return html`<gt-unit-field
      name=${name}
      .label=${msg(this.language, label)}
      .value=${value}
      .plan=${this.#searchPlan()}
      .language=${this.language}
      @gt-unit-field=${(event: UnitFieldEvent) => this.#onUnitField(name, event)}
    ></gt-unit-field>`;
  }

  #renderScopeNote() {
    if (!this.#allPlans()) return nothing;
    const lang = this.language;
    const chosen = this.#chosen();
    if (this.mode === 'theme') {
      return html`<p class="scope-note muted" data-scope-note="all">
        ${plansScopeWord(lang, 'plansScopePathsTheme')}
      </p>`;
    }
    return chosen === null
      ? html`<p class="scope-note muted" data-scope-note="all">
          ${plansScopeWord(lang, 'plansScopePathsAll', { count: this.plans.length })}
        </p>`
      : html`<p class="scope-note muted" data-scope-note="set">
          ${plansScopeWord(lang, 'plansScopePathsChosen', { count: chosen.length })}
        </p>`;
  }

  override render() {
    const lang = this.language;
    const mode = this.mode;
    return html`
      <header>
        <h2>${msg(lang, 'pathsTitle')}</h2>
        <div class="muted" style="font-size:0.8rem">${msg(lang, 'pathsHint')}</div>
      </header>
      <section>
        <gt-plans-scope
          .allPlans=${this.#allPlans()}
          .chosenPlans=${this.view.chosenPlans}
          .plans=${this.plans}
          .plan=${this.plan}
          .count=${this.plans.length}
          .language=${lang}
          @gt-plans-scope=${this.#onScope}
        ></gt-plans-scope>
        ${this.#renderScopeNote()}
        <form @submit=${(event: Event) => void this.#onSubmit(event)}>
          <div class="seg" role="group" aria-label=${msg(lang, 'pathsModeLabel')}>
            <button
              type="button"
              class="button"
              data-mode="units"
              aria-pressed=${mode === 'units' ? 'true' : 'false'}
              @click=${() => this.#setMode('units')}
            >
              ${msg(lang, 'pathsUnits')}
            </button>
            <button
              type="button"
              class="button"
              data-mode="theme"
              aria-pressed=${mode === 'theme' ? 'true' : 'false'}
              @click=${() => this.#setMode('theme')}
            >
              ${msg(lang, 'pathsUnitTheme')}
            </button>
          </div>
          ${this.#renderUnitField('from', 'pathsFrom', this.fromText)}
          ${
            mode === 'units'
              ? this.#renderUnitField('to', 'pathsTo', this.toText)
              : html`<label class="field">
                  ${msg(lang, 'pathsTheme')}
                  <select
                    name="theme"
                    .value=${this.themeId}
                    @change=${(event: Event) => {
                      this.themeId = (event.target as HTMLSelectElement).value;
                    }}
                  >
                    <option value="" ?selected=${this.themeId === ''}>
                      ${msg(lang, 'pathsChooseTheme')}
                    </option>
                    ${this.themes.map(
                      (theme) =>
                        html`<option value=${theme.id} ?selected=${theme.id === this.themeId}>
                          ${theme.ref ?? ''} ${theme.title ?? theme.label}
                        </option>`,
                    )}
                  </select>
                </label>`
          }
          ${
            mode === 'units'
              ? html`<label class="check">
                  <input
                    type="checkbox"
                    name="collectives"
                    .checked=${this.collectives}
                    @change=${(event: Event) => {
                      this.collectives = (event.target as HTMLInputElement).checked;
                    }}
                  />
                  ${msg(lang, 'pathsCollectives')}
                </label>`
              : nothing
          }
          <div class="actions">
            <button
              class="button"
              type="submit"
              data-action="find"
              ?disabled=${this.resolving || this.routes.status === TaskStatus.PENDING}
            >
              ${msg(
                lang,
                this.resolving || this.routes.status === TaskStatus.PENDING
                  ? 'pathsFinding'
                  : 'pathsFind',
              )}
            </button>
          </div>
          ${
            this.problem === null
              ? nothing
              : html`<p class="error" role="alert" data-paths-error>${this.problem}</p>`
          }
        </form>
      </section>
      <section aria-live="polite">
        ${
          // A mistake in the form stands alone: the last answer was for another question.
          this.resolving
            ? html`<p class="muted" role="status">${msg(lang, 'pathsFinding')}</p>`
            : this.problem === null
              ? this.routes.render({
                  pending: () =>
                    html`<p class="muted" role="status">${msg(lang, 'pathsFinding')}</p>`,
                  complete: (answer) => this.#renderAnswer(answer),
                  error: (error) => this.#renderError(error),
                })
              : nothing
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-paths-panel': GtPathsPanel;
  }
}
