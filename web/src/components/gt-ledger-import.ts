// A 督办台账 import inside the import dialog (its ledger mode): a file chosen is sent to the server,
// which matches its rows to the plan's items and writes nothing; the review lists each matched
// row with how sure the match is and its status before → after and note, and each unmatched row
// with why; 确认 writes one progress record per matched row (all or nothing), 取消 forgets it.
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LedgerConfirmAnswer, LedgerReview } from '../../../contract/api/ledger.ts';
import { STATUS_WORDS, type Status } from '../../../contract/progress.ts';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { howWords, ledgerWord, whyWords } from '../i18n/features/ledger.ts';
import type { Lang } from '../i18n/messages.ts';
import { sharedStyles } from './shared-styles.ts';

/** The ledger was written, or the planner is done with it: the dialog closes. */
export class LedgerDoneEvent extends Event {
  static readonly eventName = 'gt-ledger-done';
  constructor(readonly answer: LedgerConfirmAnswer | null) {
    super(LedgerDoneEvent.eventName, { bubbles: true, composed: true });
  }
}

@customElement('gt-ledger-import')
export class GtLedgerImport extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: minmax(0, 1fr) auto;
        min-height: 0;
        height: 100%;
      }
      .content {
        overflow: auto;
        padding: 0.9rem 1.1rem;
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
        min-height: 14rem;
      }
      .file {
        position: relative;
        overflow: hidden;
        padding: 0.5em 1.2em;
      }
      .file input {
        position: absolute;
        inset: 0;
        opacity: 0;
        cursor: pointer;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.82rem;
        margin-bottom: 1rem;
      }
      th,
      td {
        border: 1px solid var(--gt-line);
        padding: 0.25rem 0.4rem;
        text-align: left;
        vertical-align: top;
      }
      th {
        background: var(--gt-panel, #f3f5f7);
      }
      td.changed {
        font-weight: 600;
        color: var(--gt-owner);
      }
      h3 {
        font-size: 0.95rem;
        margin: 0.6rem 0 0.4rem;
      }
      .status,
      .muted {
        color: var(--gt-muted);
        font-size: 0.85rem;
      }
      .problem {
        color: var(--gt-error);
        font-size: 0.85rem;
      }
      footer {
        display: flex;
        align-items: center;
        gap: 0.8rem;
        padding: 0.75rem 1.1rem;
        border-top: 1px solid var(--gt-line);
      }
      .spacer {
        flex: 1;
      }
      .primary {
        background: var(--gt-primary);
        border-color: var(--gt-primary);
        color: #fff;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  @property() language: Lang = 'zh';
  /** The plan the rows are matched to (the one on screen); null: the server's only plan. */
  @property({ attribute: false }) plan: string | null = null;

  #fileName = '';

  private reading = new Task(this, {
    task: ([file]: readonly [File], { signal }) => this.api.importLedger(file, this.plan, signal),
    autoRun: false,
  });

  private writing = new Task(this, {
    task: ([token]: readonly [string], { signal }) => this.api.confirmLedger(token, signal),
    autoRun: false,
  });

  #review(): LedgerReview | undefined {
    return this.reading.status === TaskStatus.COMPLETE ? this.reading.value : undefined;
  }

  /** Forgets the review on the server unless it was written. */
  cancel(): void {
    const review = this.#review();
    if (review !== undefined && this.writing.status !== TaskStatus.COMPLETE) {
      this.api.cancelLedger(review.token).catch(() => undefined);
    }
    if (this.reading.status === TaskStatus.PENDING) this.reading.abort();
  }

  read(file: File): void {
    this.cancel();
    this.#fileName = file.name;
    void this.reading.run([file]);
  }

  async #confirm(): Promise<void> {
    const review = this.#review();
    if (review === undefined || review.matched.length === 0) return;
    await this.writing.run([review.token]);
    if (this.writing.status === TaskStatus.COMPLETE) {
      this.dispatchEvent(new LedgerDoneEvent(this.writing.value ?? null));
    }
  }

  #status(status: Status | null): string {
    return status === null
      ? ledgerWord(this.language, 'ledgerNoStatus')
      : STATUS_WORDS[status][this.language];
  }

  #problem(error: unknown) {
    return html`<p class="problem" role="alert">
      ${ledgerWord(this.language, 'ledgerFailed')}${error instanceof Error ? error.message : String(error)}
    </p>`;
  }

  #renderReview(review: LedgerReview) {
    const lang = this.language;
    const w = (key: Parameters<typeof ledgerWord>[1]) => ledgerWord(lang, key);
    return html`<p class="muted">
        ${ledgerWord(lang, 'ledgerAgainst', { plan: review.plan.title })}
      </p>
      <p class="status" data-counts>
        ${ledgerWord(lang, 'ledgerSummary', {
          rows: String(review.counts.rows),
          matched: String(review.counts.matched),
          changed: String(review.counts.changed),
          unmatched: String(review.counts.unmatched),
        })}
      </p>
      <h3>${w('ledgerMatched')}</h3>
      <table class="matched">
        <thead>
          <tr>
            <th>${w('ledgerRef')}</th>
            <th>${w('ledgerItem')}</th>
            <th>${w('ledgerPlanItem')}</th>
            <th>${w('ledgerHow')}</th>
            <th>${w('ledgerBefore')}</th>
            <th>${w('ledgerAfter')}</th>
            <th>${w('ledgerNote')}</th>
          </tr>
        </thead>
        <tbody>
          ${review.matched.map(
            (match) =>
              html`<tr data-item=${match.itemId} data-how=${match.how}>
                <td>${match.row.ref}</td>
                <td>${match.row.title}</td>
                <td>${match.itemRef} ${match.itemTitle}</td>
                <td>${howWords(lang, match)}</td>
                <td>${this.#status(match.before)}</td>
                <td
                  class=${match.after !== null && match.after !== match.before ? 'changed' : ''}
                  data-after=${match.after ?? ''}
                >
                  ${
                    match.after === null
                      ? ledgerWord(lang, 'ledgerUnknownStatus', {
                          words: match.unknownStatus ?? '',
                        })
                      : this.#status(match.after)
                  }
                </td>
                <td>${match.note ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        review.unmatched.length === 0
          ? nothing
          : html`<h3>${w('ledgerUnmatched')}</h3>
              <table class="unmatched">
                <thead>
                  <tr>
                    <th>${w('ledgerRef')}</th>
                    <th>${w('ledgerItem')}</th>
                    <th>${w('ledgerWhy')}</th>
                    <th>${w('ledgerPlanItem')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${review.unmatched.map(
                    (miss) =>
                      html`<tr data-reason=${miss.reason}>
                        <td>${miss.row.ref}</td>
                        <td>${miss.row.title}</td>
                        <td>${whyWords(lang, miss)}</td>
                        <td>
                          ${miss.candidates
                            .map((candidate) => `${candidate.ref} ${candidate.title}`)
                            .join('；')}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }`;
  }

  override render() {
    const lang = this.language;
    const picker = html`<div class="pick">
      <label class="button file">
        ${ledgerWord(lang, 'ledgerChoose')}
        <input
          type="file"
          name="ledger-file"
          accept=".xlsx,.csv,.docx,.doc,.html,.htm,.pdf,.txt,.wps"
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file !== undefined) this.read(file);
          }}
        />
      </label>
      <p>${ledgerWord(lang, 'ledgerDropHint')}</p>
    </div>`;
    const review = this.#review();
    const writingNow = this.writing.status === TaskStatus.PENDING;
    return html`<div class="content">
        ${this.reading.render({
          initial: () => picker,
          pending: () =>
            html`<p class="status" role="status">
              ${ledgerWord(lang, 'ledgerReading', { name: this.#fileName })}
            </p>`,
          complete: (answer) => this.#renderReview(answer),
          error: (error) => html`${this.#problem(error)}${picker}`,
        })}
      </div>
      <footer>
        ${
          review === undefined
            ? nothing
            : this.writing.status === TaskStatus.ERROR
              ? this.#problem(this.writing.error)
              : html`<p class="status">${ledgerWord(lang, 'ledgerNothingWritten')}</p>`
        }
        <span class="spacer"></span>
        <button
          class="button"
          data-action="ledger-cancel"
          @click=${() => {
            this.cancel();
            this.dispatchEvent(new LedgerDoneEvent(null));
          }}
        >
          ${ledgerWord(lang, 'ledgerCancel')}
        </button>
        <button
          class="button primary"
          data-action="ledger-confirm"
          ?disabled=${review === undefined || review.matched.length === 0 || writingNow}
          @click=${() => void this.#confirm()}
        >
          ${
            writingNow
              ? ledgerWord(lang, 'ledgerWriting')
              : ledgerWord(lang, 'ledgerConfirm', { n: String(review?.matched.length ?? 0) })
          }
        </button>
      </footer>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-ledger-import': GtLedgerImport;
  }
  interface HTMLElementEventMap {
    'gt-ledger-done': LedgerDoneEvent;
  }
}
