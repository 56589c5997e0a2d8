// Import in the explorer: a file chosen (or dropped on the page) is sent to the server, which
// reads it and writes nothing; its review is shown here; 载入 loads it — replacing a plan of the
// same id only when the planner ticks "replace" — and 取消 (or Esc) forgets it on the server too.
// A modal <dialog>: the browser keeps focus inside it and gives Esc its meaning.
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, type ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { HeaderField, ImportReview, LoadAnswer, LoadRequest } from '../api/import-schema.ts';
import { IMPORT_ERRORS_ZH, ISSUES_ZH } from '../i18n/features/import.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import { ImportHeaderEditEvent } from './gt-import-review.ts';
import { sharedStyles } from './shared-styles.ts';
import './gt-import-review.ts';
import type { GtLedgerImport, LedgerDoneEvent } from './gt-ledger-import.ts';
import { ledgerWord } from '../i18n/features/ledger.ts';
import './gt-ledger-import.ts';

/** A plan was loaded from an import: the explorer switches to it. */
export class PlanImportedEvent extends Event {
  static readonly eventName = 'gt-plan-imported';
  constructor(readonly answer: LoadAnswer) {
    super(PlanImportedEvent.eventName, { bubbles: true, composed: true });
  }
}

@customElement('gt-import-dialog')
export class GtImportDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        width: min(78rem, 94vw);
        height: min(56rem, 92vh);
        padding: 0;
        border: 0;
        border-radius: 10px;
        box-shadow: 0 18px 60px rgba(10, 25, 40, 0.35);
        color: var(--gt-ink);
      }
      dialog[open] {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
      }
      dialog[open] > gt-ledger-import {
        grid-row: 2 / 4;
        min-height: 0;
      }
      dialog::backdrop {
        background: rgba(15, 30, 45, 0.45);
      }
      header,
      footer {
        display: flex;
        align-items: center;
        gap: 0.8rem;
        padding: 0.75rem 1.1rem;
      }
      header {
        border-bottom: 1px solid var(--gt-line);
      }
      footer {
        border-top: 1px solid var(--gt-line);
        flex-wrap: wrap;
      }
      h2 {
        margin: 0;
        font-size: 1.05rem;
        flex: 1;
      }
      .content {
        min-height: 0;
        display: grid;
        padding: 0.9rem 1.1rem;
        overflow: hidden;
      }
      .content > gt-import-review {
        min-height: 0;
      }
      .pick {
        display: grid;
        place-content: center;
        justify-items: center;
        gap: 0.8rem;
        text-align: center;
        border: 2px dashed var(--gt-line);
        border-radius: 10px;
        color: var(--gt-muted);
      }
      .file {
        position: relative;
        overflow: hidden;
        font-size: 1rem;
        padding: 0.5em 1.2em;
      }
      .file input {
        position: absolute;
        inset: 0;
        opacity: 0;
        cursor: pointer;
      }
      .status {
        color: var(--gt-muted);
        font-size: 0.85rem;
      }
      .problem {
        color: var(--gt-error);
        font-size: 0.85rem;
      }
      .problem .en {
        display: block;
        color: var(--gt-muted);
      }
      .spacer {
        flex: 1;
      }
      .primary {
        background: var(--gt-primary);
        border-color: var(--gt-primary);
        color: #fff;
      }
      .primary:hover {
        background: var(--gt-header);
      }
      label.replace {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
        font-size: 0.85rem;
      }
      label.replace.asked {
        color: var(--gt-owner);
        font-weight: 600;
      }
    `,
  ];

  /** The review the load task last ran for: its outcome belongs to that review alone. */
  #loadingFor: string | null = null;

  @consume({ context: apiContext })
  private api!: ApiClient;

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private fileName = '';
  @state() private edits: Partial<Record<HeaderField, string>> = {};
  @state() private replace = false;
  /** A notice to load as a plan, or a 督办台账 whose rows become progress (gt-ledger-import). */
  @state() private kind: 'plan' | 'ledger' = 'plan';
  /** The plan a ledger is matched to. */
  @state() private ledgerPlan: string | null = null;
  @query('gt-ledger-import') private ledgerImport?: GtLedgerImport;

  @property() language: Lang = 'zh';

  // Run by hand (a file chosen, 载入 pressed), never by a property change.
  private reading = new Task(this, {
    task: ([file]: readonly [File], { signal }) => this.api.importFile(file, signal),
    autoRun: false,
  });

  private loading = new Task(this, {
    task: ([token, request]: readonly [string, LoadRequest], { signal }) =>
      this.api.loadImport(token, request, signal),
    autoRun: false,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(ImportHeaderEditEvent.eventName, this.#onHeaderEdit);
  }

  #onHeaderEdit = (event: ImportHeaderEditEvent): void => {
    this.edits = { ...this.edits, [event.field]: event.value };
  };

  #review(): ImportReview | undefined {
    if (this.fileName === '' || this.reading.status !== TaskStatus.COMPLETE) return undefined;
    return this.reading.value;
  }

  /** Where the load of this review stands: INITIAL until 载入 is pressed for it. */
  #loadStatus(review: ImportReview): TaskStatus {
    return this.#loadingFor === review.token ? this.loading.status : TaskStatus.INITIAL;
  }

  // The review waiting on the server: forgotten there when the planner moves on without loading.
  #forget(): void {
    const review = this.#review();
    if (review !== undefined && this.#loadStatus(review) !== TaskStatus.COMPLETE) {
      this.api.cancelImport(review.token).catch(() => undefined);
    }
  }

  #read(file: File): void {
    this.#forget();
    this.fileName = file.name;
    this.edits = {};
    this.replace = false;
    void this.reading.run([file]);
  }

  #onFileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file !== undefined) this.#read(file);
  }

  async #load(): Promise<void> {
    const review = this.#review();
    if (review === undefined || !review.loadable) return;
    const request: LoadRequest = { replace: this.replace };
    for (const [field, value] of Object.entries(this.edits) as [HeaderField, string][]) {
      if (review.missing[field] && value.trim() !== '') request[field] = value.trim();
    }
    this.#loadingFor = review.token;
    await this.loading.run([review.token, request]);
    const answer = this.loading.value;
    if (this.#loadStatus(review) !== TaskStatus.COMPLETE || answer === undefined) return;
    this.dispatchEvent(new PlanImportedEvent(answer));
    this.#close();
  }

  #cancel(): void {
    if (this.kind === 'ledger') {
      this.ledgerImport?.cancel();
      this.dialog?.close();
      return;
    }
    this.#forget();
    this.#close();
  }

  #close(): void {
    // A file still being read is dropped: its answer would have no one to show it to.
    if (this.reading.status === TaskStatus.PENDING) this.reading.abort();
    this.dialog?.close();
    this.fileName = '';
  }

  /** Opens the dialog: on a file dropped on the page, or empty, to choose one. */
  /** Opens the dialog for a 督办台账, its rows to be matched to `plan`'s items. */
  async openLedger(plan: string | null): Promise<void> {
    this.kind = 'ledger';
    this.ledgerPlan = plan;
    await this.updateComplete;
    if (this.dialog !== undefined && !this.dialog.open) this.dialog.showModal();
  }

  async open(file?: File): Promise<void> {
    this.kind = 'plan';
    await this.updateComplete;
    if (this.dialog !== undefined && !this.dialog.open) this.dialog.showModal();
    if (file !== undefined) this.#read(file);
  }

  // Chinese first and English after, whatever the language switch says: a refusal must be
  // understood.
  #problem(error: unknown) {
    const code = error instanceof ApiError ? error.code : '';
    const zh = IMPORT_ERRORS_ZH[code] ?? msg('zh', 'importFailed');
    const en = error instanceof Error ? error.message : String(error);
    return html`<div class="problem" role="alert" data-error=${code}>
      ${zh}<span class="en" lang="en">${en}${code === '' ? '' : ` (${code})`}</span>
    </div>`;
  }

  #renderContent() {
    const lang = this.language;
    const picker = html`<div class="pick">
      <label class="button file">
        ${msg(lang, 'importChoose')}
        <input
          type="file"
          name="import-file"
          accept=".docx,.doc,.xlsx,.csv,.html,.htm,.pdf,.txt,.wps,.ofd"
          @change=${(event: Event) => this.#onFileChosen(event)}
        />
      </label>
      <p>${msg(lang, 'importDropHint')}</p>
    </div>`;
    if (this.fileName === '') return picker;
    return this.reading.render({
      initial: () => picker,
      pending: () =>
        html`<p class="status" role="status">
          ${msg(lang, 'importReading', { name: this.fileName })}
        </p>`,
      complete: (review) =>
        html`<gt-import-review
          .review=${review}
          .edits=${this.edits}
          .language=${lang}
        ></gt-import-review>`,
      error: (error) => html`<div class="pick">${this.#problem(error)}${picker}</div>`,
    });
  }

  #renderFooter() {
    const lang = this.language;
    const review = this.#review();
    const loadStatus = review === undefined ? TaskStatus.INITIAL : this.#loadStatus(review);
    const loadingNow = loadStatus === TaskStatus.PENDING;
    const first = review?.issues.find((issue) => issue.severity === 'error');
    return html`<footer>
      ${
        review === undefined
          ? nothing
          : html`<div>
              ${
                review.loadable
                  ? html`<p class="status">${msg(lang, 'importNothingWritten')}</p>`
                  : html`<div class="problem" role="alert" data-error="not_loadable">
                      ${
                        first === undefined
                          ? msg('zh', 'importNoItems')
                          : `${msg('zh', 'importNotLoadable')} ${first.zh ?? ISSUES_ZH[first.code] ?? ''}`
                      }
                      <span class="en" lang="en"
                        >${
                          first === undefined
                            ? msg('en', 'importNoItems')
                            : `${msg('en', 'importNotLoadable')} ${first.message} (${first.code})`
                        }</span
                      >
                    </div>`
              }
              ${
                review.existing === null
                  ? nothing
                  : html`<p class="status" data-existing=${review.existing.id}>
                      ${msg(lang, 'importExisting', {
                        title: review.existing.title,
                        same: review.existing.sameFile ? msg(lang, 'importExistingSame') : '',
                      })}
                    </p>`
              }
              ${loadStatus === TaskStatus.ERROR ? this.#problem(this.loading.error) : nothing}
            </div>`
      }
      <span class="spacer"></span>
      ${
        review === undefined
          ? nothing
          : html`<label class="replace ${review.existing === null ? '' : 'asked'}">
              <input
                type="checkbox"
                name="replace"
                .checked=${this.replace}
                @change=${(event: Event) =>
                  (this.replace = (event.target as HTMLInputElement).checked)}
              />
              ${msg(lang, 'importReplace')}
            </label>`
      }
      <button class="button" data-action="import-cancel" @click=${() => this.#cancel()}>
        ${msg(lang, 'importCancel')}
      </button>
      <button
        class="button primary"
        data-action="import-load"
        ?disabled=${review === undefined || !review.loadable || loadingNow}
        @click=${() => void this.#load()}
      >
        ${loadingNow ? msg(lang, 'importLoading') : msg(lang, 'importLoad')}
      </button>
    </footer>`;
  }

  override render() {
    const lang = this.language;
    return html`<dialog
      aria-labelledby="import-title"
      @cancel=${(event: Event) => {
        // Esc is 取消: the review is forgotten on the server too.
        event.preventDefault();
        this.#cancel();
      }}
    >
      <header>
        <h2 id="import-title">
          ${this.kind === 'ledger' ? ledgerWord(lang, 'ledgerTitle') : msg(lang, 'importTitle')}
        </h2>
        <button
          class="button"
          aria-label=${msg(lang, 'importClose')}
          title=${msg(lang, 'importClose')}
          @click=${() => this.#cancel()}
        >
          ×
        </button>
      </header>
      ${
        this.kind === 'ledger'
          ? html`<gt-ledger-import
              class="ledger"
              .language=${lang}
              .plan=${this.ledgerPlan}
              @gt-ledger-done=${(event: LedgerDoneEvent) => {
                // Written: the plan's progress changed; the app listens to redraw what shows it.
                if (event.answer === null) event.stopPropagation();
                this.dialog?.close();
              }}
            ></gt-ledger-import>`
          : html`<div class="content">${this.#renderContent()}</div>
              ${this.#renderFooter()}`
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-import-dialog': GtImportDialog;
  }
  interface HTMLElementEventMap {
    'gt-plan-imported': PlanImportedEvent;
  }
}
