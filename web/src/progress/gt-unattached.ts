// 待关联进展: progress records a new edition of the notice left without their item (removed,
// renumbered or reworded beyond a certain match; graph/progress/relink.ts). A badge in the header
// says how many, for those who may attach them (planners and administrators, the same `may` as
// the server asks); it opens a dialog listing each record as it was recorded — the old item's
// number and title, status, note, date, who — with the items whose titles read most alike
// proposed first and the item search for any other. Attaching moves the record onto the item;
// the list is read again and the item's panel opens on it, the record in its history.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { may } from '../../../contract/accounts.ts';
import type { UnattachedAnswer, UnattachedView } from '../../../contract/api/progress.ts';
import { Status } from '../../../contract/progress.ts';
import type { ApiClient } from '../api/client.ts';
import { accountContext, apiContext, type SignedIn } from '../api/context.ts';
import { messageIn } from '../api/server-message.ts';
import { NodeSelectEvent } from '../components/events.ts';
import { PlanImportedEvent } from '../components/gt-import-dialog.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import type { PlanIndex } from '../graph/plan-index.ts';
import { attachWord, recordKindWord, type AttachWord } from '../i18n/features/attach.ts';
import { statusWord } from '../i18n/features/progress.ts';
import type { Lang } from '../i18n/messages.ts';
import { ProgressChangeEvent } from './events.ts';
import type { ItemChooseEvent } from './gt-item-field.ts';
import './gt-item-field.ts';
import { proposeItems, type Proposal } from './propose.ts';
import { stamp } from './stamp.ts';

/** The item a planner picked for a record, and how it reads. */
interface Target {
  id: string;
  label: string;
}

@customElement('gt-unattached')
export class GtUnattached extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: contents;
      }
      .open {
        border: 0;
        border-radius: 999px;
        padding: 0.3rem 0.75rem;
        font-size: 0.85rem;
        font-weight: 650;
        background: var(--gt-accent);
        color: var(--gt-header);
        white-space: nowrap;
      }
      .open:hover {
        filter: brightness(1.08);
      }
      dialog {
        width: min(46rem, 94vw);
        max-height: 88vh;
        padding: 0;
        border: 0;
        border-radius: 10px;
        box-shadow: 0 18px 60px rgba(10, 25, 40, 0.35);
        color: var(--gt-ink);
      }
      dialog::backdrop {
        background: rgba(15, 30, 45, 0.45);
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        padding: 0.75rem 1.1rem;
        border-bottom: 1px solid var(--gt-line);
      }
      h2 {
        margin: 0;
        font-size: 1.05rem;
        flex: 1;
      }
      .body {
        padding: 0.75rem 1.1rem 1rem;
      }
      .hint {
        margin: 0 0 0.7rem;
        color: var(--gt-muted);
        font-size: 0.85rem;
        line-height: 1.6;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.8rem;
      }
      li.record {
        border: 1px solid var(--gt-line);
        border-radius: 8px;
        padding: 0.6rem 0.75rem;
        display: grid;
        gap: 0.35rem;
        font-size: 0.88rem;
      }
      .was {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: baseline;
      }
      .was .title {
        font-weight: 600;
      }
      .meta {
        color: var(--gt-muted);
        font-size: 0.78rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .note {
        margin: 0;
        line-height: 1.6;
        white-space: pre-wrap;
      }
      .target {
        display: grid;
        gap: 0.45rem;
        margin-top: 0.3rem;
        padding-top: 0.5rem;
        border-top: 1px dashed var(--gt-line);
      }
      .proposals {
        display: grid;
        gap: 0.3rem;
      }
      .proposals h3 {
        margin: 0;
        font-size: 0.8rem;
        font-weight: 600;
        color: var(--gt-muted);
      }
      button.proposal {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        text-align: left;
        font: inherit;
        font-size: 0.85rem;
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        background: var(--gt-surface);
        color: var(--gt-ink);
        cursor: pointer;
      }
      button.proposal:hover {
        background: var(--gt-hover);
      }
      button.proposal[aria-pressed='true'] {
        border-color: var(--gt-accent);
        background: var(--gt-selected-bg);
      }
      button.proposal .likeness {
        margin-left: auto;
        color: var(--gt-muted);
        font-size: 0.75rem;
        white-space: nowrap;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
        align-items: center;
      }
      .row [data-target] {
        flex: 1;
      }
      .done {
        color: #00573f;
        font-size: 0.85rem;
      }
      .problem {
        color: var(--gt-error);
        font-size: 0.85rem;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  /** Null until the app knows who is signed in: the badge waits rather than flicker. */
  @consume({ context: accountContext, subscribe: true })
  @state()
  private account: SignedIn | null = null;

  /** Proposals for the records on screen, worked out once per plan drawing and answer. */
  #proposals: {
    index: PlanIndex | null;
    answer: UnattachedAnswer;
    byRecord: Map<string, Proposal[]>;
  } | null = null;

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private version = 0;
  @state() private opened = false;
  /** The item picked for each record, by record id. */
  @state() private chosen: ReadonlyMap<string, Target> = new Map();
  @state() private busy: string | null = null;
  @state() private done: string | null = null;
  @state() private problem: { record: string; text: string } | null = null;

  @property() language: Lang = 'zh';
  /**
   * The plan on screen; null until the app knows it, and nothing is asked meanwhile (with several
   * plans loaded the API refuses a request that names none).
   */
  @property({ attribute: false }) plan: string | null = null;
  /** The plan as drawn: its items are what proposals are chosen from. */
  @property({ attribute: false }) index: PlanIndex | null = null;

  private records = new Task(this, {
    args: () => [this.plan, this.#allowed(), this.version] as const,
    task: ([plan, allowed], { signal }) =>
      allowed && plan !== null ? this.api.unattached(plan, signal) : Promise.resolve(null),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // A new edition loaded from the import dialog is what leaves records unattached.
    window.addEventListener(PlanImportedEvent.eventName, this.#onPlanImported);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(PlanImportedEvent.eventName, this.#onPlanImported);
  }

  readonly #onPlanImported = (): void => {
    this.version += 1;
  };

  #allowed(): boolean {
    return this.account !== null && may(this.account, 'edit-item');
  }

  #w(word: AttachWord, values: Record<string, string | number> = {}): string {
    return attachWord(this.language, word, values);
  }

  #open(): void {
    this.opened = true;
    this.done = null;
    this.problem = null;
    void this.updateComplete.then(() => {
      if (this.dialog !== undefined && !this.dialog.open) this.dialog.showModal();
    });
  }

  #choose(record: string, target: Target): void {
    this.chosen = new Map([...this.chosen, [record, target]]);
    if (this.problem?.record === record) this.problem = null;
  }

  async #attach(answer: UnattachedAnswer, record: UnattachedView): Promise<void> {
    const target = this.chosen.get(record.id);
    if (target === undefined || this.busy !== null) return;
    this.busy = record.id;
    this.problem = null;
    this.done = null;
    try {
      const attached = await this.api.attach({
        plan: answer.plan,
        record: record.id,
        item: target.id,
      });
      const chosen = new Map(this.chosen);
      chosen.delete(record.id);
      this.chosen = chosen;
      this.done = this.#w('attachDone', {
        item: [attached.itemRef, attached.itemTitle].filter((part) => part !== null).join(' '),
      });
      this.version += 1;
      // The war map and any panel on the item read their progress again; the panel opens on it.
      this.dispatchEvent(new ProgressChangeEvent(attached.itemId));
      this.dispatchEvent(new NodeSelectEvent(attached.itemId, true));
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.problem = {
        record: record.id,
        text: this.#w('attachWriteFailed', { problem: messageIn(text, this.language) }),
      };
    } finally {
      this.busy = null;
    }
  }

  #proposalsFor(answer: UnattachedAnswer, record: UnattachedView): Proposal[] {
    const index = this.index;
    let cached = this.#proposals;
    if (cached === null || cached.index !== index || cached.answer !== answer) {
      cached = { index, answer, byRecord: new Map() };
      this.#proposals = cached;
    }
    let proposals = cached.byRecord.get(record.id);
    if (proposals === undefined) {
      proposals = index === null ? [] : proposeItems(record, answer.plan, index.nodes.values());
      cached.byRecord.set(record.id, proposals);
    }
    return proposals;
  }

  #renderWhat(record: UnattachedView) {
    const status = Status.safeParse(record.status);
    return html`
      <div class="meta">
        <span
          >${this.#w('attachWhen', { who: record.by, when: stamp(record.at, this.language) })}</span
        >
        ${
          status.success
            ? html`<span data-status=${status.data}
                >${this.#w('attachStatusIs', { status: statusWord(this.language, status.data) })}</span
              >`
            : nothing
        }
      </div>
      ${record.note === null ? nothing : html`<p class="note" data-note>${record.note}</p>`}
      ${
        record.kind === 'deadline' && record.deadline !== null
          ? html`<p class="note">${this.#w('attachDeadline', { deadline: record.deadline })}</p>`
          : nothing
      }
      ${
        record.kind === 'indicator' && record.year !== null && record.value !== null
          ? html`<p class="note">
              ${this.#w('attachValue', { year: record.year, value: record.value })}
            </p>`
          : nothing
      }
    `;
  }

  #renderTarget(answer: UnattachedAnswer, record: UnattachedView) {
    const proposals = this.#proposalsFor(answer, record);
    const chosen = this.chosen.get(record.id);
    const busy = this.busy === record.id;
    return html`<div class="target">
      <div class="proposals" role="group" aria-label=${this.#w('attachProposals')}>
        <h3>${this.#w('attachProposals')}</h3>
        ${
          proposals.length === 0
            ? html`<span class="muted">${this.#w('attachNoProposal')}</span>`
            : proposals.map(
                (proposal) =>
                  html`<button
                    type="button"
                    class="proposal"
                    data-item=${proposal.id}
                    aria-pressed=${chosen?.id === proposal.id ? 'true' : 'false'}
                    @click=${() =>
                      this.#choose(record.id, {
                        id: proposal.id,
                        label: `${proposal.ref} ${proposal.title}`,
                      })}
                  >
                    <span class="ref">${proposal.ref}</span>
                    <span>${proposal.title}</span>
                    <span class="likeness"
                      >${this.#w('attachLikeness', {
                        percent: Math.round(proposal.likeness * 100),
                      })}</span
                    >
                  </button>`,
              )
        }
      </div>
      <gt-item-field
        .plan=${answer.plan}
        .language=${this.language}
        @gt-item-choose=${(event: ItemChooseEvent) =>
          this.#choose(record.id, { id: event.hit.id, label: event.hit.label })}
      ></gt-item-field>
      <div class="row">
        <span data-target=${chosen?.id ?? ''} class=${chosen === undefined ? 'muted' : ''}
          >${
            chosen === undefined
              ? this.#w('attachNoTarget')
              : this.#w('attachTarget', { item: chosen.label })
          }</span
        >
        <button
          class="button primary"
          data-action="attach"
          ?disabled=${chosen === undefined || this.busy !== null}
          @click=${() => void this.#attach(answer, record)}
        >
          ${busy ? this.#w('attachAttaching') : this.#w('attachButton')}
        </button>
      </div>
      ${
        this.problem?.record === record.id
          ? html`<p class="problem" role="alert">${this.problem.text}</p>`
          : nothing
      }
    </div>`;
  }

  #renderRecord(answer: UnattachedAnswer, record: UnattachedView) {
    return html`<li class="record" data-record=${record.id} data-kind=${record.kind}>
      <div class="was">
        <span class="badge muted">${recordKindWord(this.language, record.kind)}</span>
        <span class="muted">${this.#w('attachWas')}</span>
        ${
          record.itemRef === null && record.itemTitle === null
            ? html`<span class="muted">${this.#w('attachWasUnknown')}</span>`
            : html`<span class="ref" data-was-ref>${record.itemRef ?? ''}</span>
                <span class="title" data-was-title>${record.itemTitle ?? ''}</span>`
        }
      </div>
      ${this.#renderWhat(record)} ${this.#renderTarget(answer, record)}
    </li>`;
  }

  #renderList(answer: UnattachedAnswer | null) {
    if (answer === null) return nothing;
    return html`
      ${this.done === null ? nothing : html`<p class="done" role="status">${this.done}</p>`}
      ${
        answer.records.length === 0
          ? html`<p class="muted" data-empty>${this.#w('attachNone')}</p>`
          : html`<p class="hint">${this.#w('attachHint')}</p>
              <ol aria-label=${this.#w('attachCount', { n: answer.records.length })}>
                ${answer.records.map((record) => this.#renderRecord(answer, record))}
              </ol>`
      }
    `;
  }

  #renderDialog() {
    return html`<dialog aria-labelledby="attach-title" @close=${() => (this.opened = false)}>
      <header>
        <h2 id="attach-title">${this.#w('attachTitle')}</h2>
        <button
          class="button"
          data-action="attach-close"
          aria-label=${this.#w('attachClose')}
          @click=${() => this.dialog?.close()}
        >
          ×
        </button>
      </header>
      <div class="body">
        ${this.records.render({
          pending: () =>
            this.records.value === undefined
              ? html`<p class="muted" role="status">${this.#w('attachLoading')}</p>`
              : this.#renderList(this.records.value),
          complete: (answer) => this.#renderList(answer),
          error: (error) =>
            html`<p class="problem" role="alert">
              ${this.#w('attachFailed', {
                problem: messageIn(
                  error instanceof Error ? error.message : String(error),
                  this.language,
                ),
              })}
            </p>`,
        })}
      </div>
    </dialog>`;
  }

  override render() {
    if (!this.#allowed()) return nothing;
    const count = this.records.value?.records.length ?? 0;
    return html`${
      count === 0
        ? nothing
        : html`<button
            class="open"
            data-action="unattached"
            title=${this.#w('attachBadgeHint', { n: count })}
            @click=${() => this.#open()}
          >
            ${this.#w('attachBadge', { n: count })}
          </button>`
    }
    ${this.opened ? this.#renderDialog() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-unattached': GtUnattached;
  }
}
