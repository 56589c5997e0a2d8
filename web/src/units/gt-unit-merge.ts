// In a unit's panel: the names merged into it, each with 拆分 (split), and, for a planner, 合并到…
// (merge into…): a unit picked with the main search's unit field, a preview counting what will
// move (the API's dry run), then the merge. After either the explorer reads the plan again and
// shows the unit that carries the edges. Viewers and liaisons see the names and no action; the
// server asks the same rule on every write (contract/accounts.ts).
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { may } from '../../../contract/accounts.ts';
import type { MergeAnswer, UnitMergeView } from '../../../contract/api/unit-merge.ts';
import type { ApiClient } from '../api/client.ts';
import { accountContext, apiContext, type SignedIn } from '../api/context.ts';
import { NodeSelectEvent } from '../components/events.ts';
import type { UnitFieldEvent } from '../components/gt-unit-field.ts';
import '../components/gt-unit-field.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import { mergeProblem, mergeWord, type UnitMergeWord } from '../i18n/features/unit-merge.ts';
import type { Lang } from '../i18n/messages.ts';

/** Units were merged or split here: the panel around reads its unit again. */
export class UnitsMergedEvent extends Event {
  static readonly eventName = 'gt-units-merged';
  constructor(
    /** The unit that carries the edges now (the one merged into, or the one split from). */
    readonly unitId: string,
  ) {
    super(UnitsMergedEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * What <gt-app> hears when a plan's content changed under it: the event an import sends
 * (PlanImportedEvent, components/gt-import-dialog.ts, not imported here: the import dialog's code
 * would come with it), with the load's answer as far as the plans list tells it.
 */
class PlanChangedEvent extends Event {
  constructor(
    readonly answer: {
      status: 'replaced';
      planId: string;
      title: string;
      counts: { items: number; units: number; LEADS: number; SUPPORTS: number; unverified: number };
    },
  ) {
    super('gt-plan-imported', { bubbles: true, composed: true });
  }
}

type Step =
  | { kind: 'idle' }
  | { kind: 'picking'; target: string | null; targetName: string }
  | { kind: 'preview'; target: string; answer: MergeAnswer };

@customElement('gt-unit-merge')
export class GtUnitMerge extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form,
      .preview {
        display: grid;
        gap: 0.45rem;
        margin-top: 0.4rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      .merged li {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
      }
      .merged .name {
        font-weight: 600;
      }
      .merged .meta,
      .hint,
      .status {
        color: var(--gt-muted);
        font-size: 0.75rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      p {
        margin: 0.2rem 0;
      }
      input[name='note'] {
        font: inherit;
        padding: 0.3rem 0.4rem;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  @consume({ context: accountContext, subscribe: true })
  @state()
  private account: SignedIn | null = null;

  @state() private step: Step = { kind: 'idle' };
  @state() private busy: 'count' | 'merge' | 'split' | null = null;
  @state() private status = '';
  @state() private problem = '';
  @state() private version = 0;

  @property() unitId = '';
  /** The unit's short name, as the panel shows it. */
  @property() unitName = '';
  @property({ type: Boolean }) collective = false;
  /** The plan on screen: the plan the explorer reads again after a merge. */
  @property() plan = '';
  @property() language: Lang = 'zh';

  private merges = new Task(this, {
    args: () => [this.unitId, this.version] as const,
    task: async ([unit], { signal }) =>
      (await this.api.unitMerges(unit, signal)).filter((merge) => merge.into === unit),
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unitId')) {
      this.step = { kind: 'idle' };
      this.problem = '';
    }
  }

  override updated(): void {
    // Nothing to show (a viewer, a unit with no merges): the panel leaves out the section.
    const merges = this.merges.value ?? [];
    const acts = this.#mayEdit && !this.collective && merges.length === 0;
    this.toggleAttribute(
      'data-empty',
      !acts && merges.length === 0 && this.status === '' && this.problem === '',
    );
  }

  #w(key: UnitMergeWord, values: Record<string, string | number> = {}): string {
    return mergeWord(this.language, key, values);
  }

  get #mayEdit(): boolean {
    // No account known yet: the local planner (the server asks again anyway).
    return this.account === null || may(this.account, 'edit-item');
  }

  #onField = (event: UnitFieldEvent): void => {
    event.stopPropagation();
    if (this.step.kind !== 'picking') return;
    this.step = { kind: 'picking', target: event.unitId, targetName: event.text };
  };

  async #preview(event: Event): Promise<void> {
    event.preventDefault();
    if (this.step.kind !== 'picking' || this.busy !== null) return;
    const { target } = this.step;
    if (target === null) {
      this.problem = this.#w('mergeChoose');
      return;
    }
    this.busy = 'count';
    this.problem = '';
    try {
      const answer = await this.api.mergeUnits({ from: this.unitId, into: target, dryRun: true });
      this.step = { kind: 'preview', target, answer };
    } catch (error) {
      this.problem = mergeProblem(this.language, error);
    } finally {
      this.busy = null;
    }
  }

  async #merge(): Promise<void> {
    if (this.step.kind !== 'preview' || this.busy !== null) return;
    const { target, answer } = this.step;
    const note = this.renderRoot.querySelector<HTMLInputElement>('input[name="note"]')?.value ?? '';
    this.busy = 'merge';
    this.problem = '';
    try {
      await this.api.mergeUnits({
        from: this.unitId,
        into: target,
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      });
      this.step = { kind: 'idle' };
      this.status = this.#w('mergeDone', {
        from: answer.merge.fromName,
        into: answer.merge.intoName ?? target,
      });
      await this.#changed(target);
    } catch (error) {
      this.problem = mergeProblem(this.language, error);
    } finally {
      this.busy = null;
    }
  }

  async #split(merge: UnitMergeView): Promise<void> {
    if (this.busy !== null) return;
    this.busy = 'split';
    this.problem = '';
    try {
      await this.api.splitMerge({ merge: merge.id });
      this.status = this.#w('splitDone', { from: merge.fromName });
      this.version += 1;
      await this.#changed(this.unitId);
    } catch (error) {
      this.problem = mergeProblem(this.language, error);
    } finally {
      this.busy = null;
    }
  }

  /**
   * The plan's content changed under the explorer: it reads the plan again as after an import of
   * it (the one signal <gt-app> has for that), then shows `unitId`, and the panel reads it again.
   */
  async #changed(unitId: string): Promise<void> {
    const plans = await this.api.plans().catch(() => []);
    const plan = plans.find((candidate) => candidate.id === this.plan);
    this.dispatchEvent(new UnitsMergedEvent(unitId));
    this.dispatchEvent(
      new PlanChangedEvent({
        status: 'replaced',
        planId: this.plan,
        title: plan?.title ?? '',
        counts: {
          items: plan?.itemCount ?? 0,
          units: plan?.unitCount ?? 0,
          LEADS: 0,
          SUPPORTS: 0,
          unverified: 0,
        },
      }),
    );
    this.dispatchEvent(new NodeSelectEvent(unitId, true));
  }

  #renderMerged(merges: readonly UnitMergeView[]) {
    if (merges.length === 0) return nothing;
    const date = (at: string) => at.slice(0, 10).replaceAll('-', '/');
    return html`<h4>${this.#w('mergedNames')}</h4>
      <ul class="merged">
        ${merges.map(
          (merge) =>
            html`<li data-merged=${merge.from}>
              <span class="name">${merge.fromName}</span>
              <span class="meta grow"
                >${this.#w('mergedBy', { by: merge.by, at: date(merge.at) })}</span
              >
              ${
                this.#mayEdit
                  ? html`<button
                      class="button"
                      data-action="split"
                      ?disabled=${this.busy !== null}
                      aria-busy=${this.busy === 'split' ? 'true' : 'false'}
                      @click=${() => void this.#split(merge)}
                    >
                      ${this.#w('split')}
                    </button>`
                  : nothing
              }
            </li>`,
        )}
      </ul>`;
  }

  #renderAction() {
    // A unit others are merged into is merged on only after they are split (the server refuses).
    const merges = this.merges.status === TaskStatus.COMPLETE ? this.merges.value : undefined;
    if (!this.#mayEdit || this.collective || merges === undefined || merges.length > 0) {
      return nothing;
    }
    const step = this.step;
    if (step.kind === 'idle') {
      return html`<div class="actions">
        <button
          class="button"
          data-action="merge-into"
          @click=${() => {
            this.status = '';
            this.step = { kind: 'picking', target: null, targetName: '' };
          }}
        >
          ${this.#w('mergeInto')}
        </button>
      </div>`;
    }
    const cancel = html`<button
      class="button"
      type="button"
      data-action="merge-cancel"
      @click=${() => {
        this.step = { kind: 'idle' };
        this.problem = '';
      }}
    >
      ${this.#w('mergeCancel')}
    </button>`;
    if (step.kind === 'picking') {
      return html`<form @submit=${(event: Event) => void this.#preview(event)}>
        <p class="hint">${this.#w('mergeHint', { from: this.unitName })}</p>
        <gt-unit-field
          name="into"
          .label=${this.#w('mergeTarget')}
          .value=${step.targetName}
          .plan=${this.plan === '' ? null : this.plan}
          .language=${this.language}
          @gt-unit-field=${this.#onField}
        ></gt-unit-field>
        <div class="actions">
          <button
            class="button"
            type="submit"
            data-action="merge-preview"
            ?disabled=${this.busy !== null}
          >
            ${this.busy === 'count' ? this.#w('mergeCounting') : this.#w('mergePreview')}
          </button>
          ${cancel}
        </div>
      </form>`;
    }
    const { merge, moved } = step.answer;
    const names = { from: merge.fromName, into: merge.intoName ?? step.target };
    return html`<div class="preview" data-preview>
      <p data-will-move>${this.#w('mergeWillMove', { ...names, ...moved })}</p>
      <p class="hint">${this.#w('mergeAliases', names)}</p>
      <label>
        ${this.#w('mergeNote')}
        <input name="note" type="text" maxlength="2000" />
      </label>
      <div class="actions">
        <button
          class="button"
          data-action="merge-confirm"
          ?disabled=${this.busy !== null}
          aria-busy=${this.busy === 'merge' ? 'true' : 'false'}
          @click=${() => void this.#merge()}
        >
          ${this.busy === 'merge' ? this.#w('mergeWorking') : this.#w('mergeConfirm')}
        </button>
        ${cancel}
      </div>
    </div>`;
  }

  override render() {
    const merged = this.merges.render({
      complete: (merges) => this.#renderMerged(merges),
    });
    return html`
      ${merged} ${this.#renderAction()}
      <p class="status" role="status">${this.status}</p>
      ${this.problem === '' ? nothing : html`<p class="error" role="alert">${this.problem}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-unit-merge': GtUnitMerge;
  }
  interface HTMLElementEventMap {
    'gt-units-merged': UnitsMergedEvent;
  }
}
