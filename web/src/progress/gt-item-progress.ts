// An item's progress in its panel: status in words and colour, percent, the deadline as printed
// and its date with an overdue / due-soon badge (measured from the server's today, never this
// browser's clock), the dated history, and — only for an account that may write it — the form
// to report progress; a planner may change the deadline. An indicator shows its actual values by
// year against the target.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { may } from '../../../contract/accounts.ts';
import type { IndicatorTrajectory, ProgressAnswer } from '../../../contract/api/progress.ts';
import { mapStateOf } from '../../../contract/api/progress-map.ts';
import { daysToDue, STATUSES, type Status } from '../../../contract/progress.ts';
import type { ApiClient } from '../api/client.ts';
import { accountContext, apiContext, type SignedIn } from '../api/context.ts';
import { messageIn } from '../api/server-message.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import {
  progressWord as word,
  statusWord,
  trackWord,
  type ProgressWord,
} from '../i18n/features/progress.ts';
import type { Lang } from '../i18n/messages.ts';
import { WAR_COLOURS } from '../warmap/stylesheet.ts';
import { ProgressChangeEvent } from './events.ts';
import { stamp } from './stamp.ts';

/** The plan of an item: its id is `${plan id}/${ref}` (graph/model/plan.ts). */
export const planOfItem = (itemId: string): string | null => {
  const slash = itemId.indexOf('/');
  return slash > 0 ? itemId.slice(0, slash) : null;
};

// Dark text on the light fills (not started, paused), white on the others.
const INK_ON: Readonly<Record<string, string>> = { 'not-started': '#1d2733', paused: '#1d2733' };

@customElement('gt-item-progress')
export class GtItemProgress extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .facts {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.3rem 0.8rem;
        margin: 0 0 0.6rem;
        font-size: 0.85rem;
      }
      .facts dt {
        color: var(--gt-muted);
      }
      .facts dd {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        align-items: baseline;
      }
      .status {
        display: inline-block;
        padding: 0.05rem 0.5rem;
        border-radius: 999px;
        font-size: 0.8rem;
        font-weight: 600;
      }
      .flag {
        display: inline-block;
        padding: 0.05rem 0.45rem;
        border-radius: 4px;
        font-size: 0.75rem;
        font-weight: 600;
      }
      .flag.overdue {
        background: #d55e00;
        color: #fff;
      }
      .flag.soon {
        background: #fff3cd;
        color: #6b4e00;
        border: 1px solid #e0b000;
      }
      .history {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.45rem;
      }
      .history li {
        border-left: 3px solid var(--gt-line);
        padding: 0.1rem 0 0.1rem 0.55rem;
        font-size: 0.85rem;
      }
      .history .meta {
        color: var(--gt-muted);
        font-size: 0.75rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      .history p {
        margin: 0.15rem 0 0;
        line-height: 1.6;
        white-space: pre-wrap;
      }
      form {
        display: grid;
        gap: 0.4rem;
        margin-top: 0.7rem;
        padding: 0.6rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        font-size: 0.85rem;
      }
      form label {
        display: grid;
        gap: 0.2rem;
      }
      form .row {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        align-items: end;
      }
      textarea,
      input,
      select {
        font: inherit;
        padding: 0.25rem 0.4rem;
        border: 1px solid var(--gt-line);
        border-radius: 4px;
      }
      textarea {
        min-height: 4rem;
        resize: vertical;
      }
      input[type='number'] {
        width: 6rem;
      }
      table {
        border-collapse: collapse;
        font-size: 0.85rem;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.2rem 0.4rem;
        border-bottom: 1px solid var(--gt-line);
      }
      td.number {
        font-variant-numeric: tabular-nums;
      }
      .on-track {
        color: #00573f;
        font-weight: 600;
      }
      .off-track {
        color: #b34700;
        font-weight: 600;
      }
      h3 {
        margin: 0.8rem 0 0.4rem;
        font-size: 0.85rem;
      }
      .error {
        color: #b00020;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  /** Absent until the app knows it; in local mode the one planner at the machine. */
  @consume({ context: accountContext, subscribe: true })
  @state()
  private account: SignedIn | null = null;

  @state() private version = 0;
  @state() private busy = false;
  @state() private problem: string | null = null;
  @state() private saved = false;

  @property() itemId = '';
  /** The ids of the units that lead or support the item: a liaison of one of them may write. */
  @property({ attribute: false }) unitIds: readonly string[] = [];
  @property() language: Lang = 'zh';

  private progress = new Task(this, {
    args: () => [this.itemId, this.version] as const,
    task: ([itemId], { signal }) =>
      itemId === '' ? null : this.api.progress(planOfItem(itemId), itemId, signal),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(ProgressChangeEvent.eventName, this.#onProgressElsewhere);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(ProgressChangeEvent.eventName, this.#onProgressElsewhere);
  }

  // A record attached to this item from the attach screen (or written anywhere but here) is read
  // again, so the history on screen holds it; this panel's own writes already read it again.
  readonly #onProgressElsewhere = (event: ProgressChangeEvent): void => {
    if (event.itemId === this.itemId && event.composedPath()[0] !== this) this.version += 1;
  };

  #may(write: 'update-progress' | 'edit-item'): boolean {
    // No account known: the local planner, as before accounts (the server asks again anyway).
    const account = this.account;
    return account === null ? true : may(account, write, this.unitIds);
  }

  #w(key: ProgressWord, values: Record<string, string | number> = {}) {
    return word(this.language, key, values);
  }

  async #send(work: (plan: string | null) => Promise<unknown>, form: HTMLFormElement) {
    this.busy = true;
    this.problem = null;
    this.saved = false;
    try {
      await work(planOfItem(this.itemId));
      form.reset();
      this.saved = true;
      this.version += 1;
      this.dispatchEvent(new ProgressChangeEvent(this.itemId));
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.problem = this.#w('progressWriteFailed', { problem: messageIn(text, this.language) });
    } finally {
      this.busy = false;
    }
  }

  #onUpdate(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const status = String(data.get('status') ?? '');
    const note = String(data.get('note') ?? '').trim();
    const percentText = String(data.get('percent') ?? '').trim();
    if (status === '' && note === '' && percentText === '') {
      this.problem = this.#w('progressEmptyUpdate');
      return;
    }
    void this.#send(
      (plan) =>
        this.api.postProgress({
          ...(plan === null ? {} : { plan }),
          item: this.itemId,
          ...(status === '' ? {} : { status: status as Status }),
          ...(note === '' ? {} : { note }),
          ...(percentText === '' ? {} : { percent: Number(percentText) }),
        }),
      form,
    );
  }

  #onDeadline(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const due = String(new FormData(form).get('due') ?? '').trim();
    if (due === '') return;
    void this.#send(
      (plan) =>
        this.api.postDeadline({ ...(plan === null ? {} : { plan }), item: this.itemId, due }),
      form,
    );
  }

  #onValue(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const year = Number(data.get('year'));
    const value = Number(data.get('value'));
    if (!Number.isFinite(year) || !Number.isFinite(value) || String(data.get('value')) === '') {
      return;
    }
    void this.#send(
      (plan) =>
        this.api.postIndicatorValue({
          ...(plan === null ? {} : { plan }),
          item: this.itemId,
          year,
          value,
        }),
      form,
    );
  }

  #renderStatus(answer: ProgressAnswer) {
    const { item } = answer;
    if (item.status === null) {
      return html`<span class="muted" data-status="none">${this.#w('progressNoStatus')}</span>`;
    }
    const look = mapStateOf({ status: item.status, overdue: false });
    return html`<span
      class="status"
      data-status=${item.status}
      style="background:${WAR_COLOURS[look]};color:${INK_ON[look] ?? '#fff'}"
      >${statusWord(this.language, item.status)}</span
    >`;
  }

  #renderDeadline(answer: ProgressAnswer) {
    const { item, today } = answer;
    const days = daysToDue(item, today);
    const flag = item.overdue
      ? html`<span class="flag overdue" data-flag="overdue"
          >${this.#w('progressOverdue', { days: -(days ?? 0) })}</span
        >`
      : item.dueSoon
        ? html`<span class="flag soon" data-flag="soon"
            >${days === 0 ? this.#w('progressDueToday') : this.#w('progressDueSoon', { days: days ?? 0 })}</span
          >`
        : nothing;
    if (item.deadline === null && item.dueDate === null) {
      return html`<span class="muted">${this.#w('progressNoDeadline')}</span>`;
    }
    return html`<span data-deadline>${item.deadline ?? item.dueDate}</span> ${
        item.dueDate !== null && item.dueDate !== item.deadline
          ? html`<span class="muted" data-due-date
              >${this.#w('progressDueDate', { date: item.dueDate })}</span
            >`
          : nothing
      }
      ${
        item.deadlineChanged
          ? html`<span class="badge muted">${this.#w('progressDeadlineChanged')}</span>`
          : nothing
      }
      ${flag}`;
  }

  #renderHistory(answer: ProgressAnswer) {
    if (answer.history.length === 0) {
      return html`<p class="muted">${this.#w('progressHistoryEmpty')}</p>`;
    }
    return html`<ol class="history" aria-label=${this.#w('progressHistory')}>
      ${answer.history.map(
        (record) =>
          html`<li data-record=${record.id}>
            <div class="meta">
              <span
                >${this.#w('progressBy', { who: record.by, when: stamp(record.at, this.language) })}</span
              >
              <span>${this.#w(`progressSource_${record.source}`)}</span>
              ${
                record.status === null
                  ? nothing
                  : html`<span data-status=${record.status}
                      >${statusWord(this.language, record.status)}</span
                    >`
              }
              ${record.percent === null ? nothing : html`<span>${record.percent}%</span>`}
              ${
                record.movedFrom
                  ? html`<span
                      >${this.#w('progressMoved', { ref: record.movedFrom.split('/').pop() ?? '' })}</span
                    >`
                  : nothing
              }
            </div>
            ${record.note === null ? nothing : html`<p>${record.note}</p>`}
          </li>`,
      )}
    </ol>`;
  }

  #renderUpdateForm() {
    if (!this.#may('update-progress')) return nothing;
    return html`<form class="update" @submit=${this.#onUpdate} aria-label=${this.#w('progressAdd')}>
      <strong>${this.#w('progressAdd')}</strong>
      <div class="row">
        <label
          >${this.#w('progressStatus')}
          <select name="status">
            <option value="">${this.#w('progressKeepStatus')}</option>
            ${STATUSES.map(
              (status) =>
                html`<option value=${status}>${statusWord(this.language, status)}</option>`,
            )}
          </select>
        </label>
        <label
          >${this.#w('progressPercent')} (%)
          <input name="percent" type="number" min="0" max="100" step="1" />
        </label>
      </div>
      <label
        >${this.#w('progressNote')}
        <textarea
          name="note"
          maxlength="4000"
          placeholder=${this.#w('progressNotePlaceholder')}
        ></textarea>
      </label>
      <div class="row">
        <button class="button primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? this.#w('progressSaving') : this.#w('progressSubmit')}
        </button>
        ${this.saved ? html`<span role="status">${this.#w('progressSaved')}</span>` : nothing}
      </div>
    </form>`;
  }

  #renderDeadlineForm(answer: ProgressAnswer) {
    if (!this.#may('edit-item')) return nothing;
    return html`<form class="deadline" @submit=${this.#onDeadline}>
      <label
        >${this.#w('progressDeadlineEdit')}
        <input
          name="due"
          maxlength="200"
          placeholder=${this.#w('progressDeadlinePlaceholder')}
          aria-label=${this.#w('progressDeadlineInput')}
        />
      </label>
      <div class="row">
        <button class="button" type="submit" ?disabled=${this.busy}>
          ${this.#w('progressDeadlineSubmit')}
        </button>
      </div>
      ${
        answer.deadlines.length === 0
          ? nothing
          : html`<ul class="history" aria-label=${this.#w('progressDeadlineHistory')}>
              ${answer.deadlines.map(
                (change) =>
                  html`<li>
                    ${this.#w('progressDeadlineBy', {
                      who: change.by,
                      when: stamp(change.at, this.language),
                      deadline: change.deadline,
                    })}
                  </li>`,
              )}
            </ul>`
      }
    </form>`;
  }

  #renderIndicator(indicator: IndicatorTrajectory, today: string) {
    const target = indicator.target;
    return html`<h3>${this.#w('indicatorTitle')}</h3>
      <p class="muted">
        ${
          target?.text
            ? this.#w('indicatorTarget', { target: target.text })
            : this.#w('indicatorNoTarget')
        }
      </p>
      ${
        indicator.years.length === 0
          ? html`<p class="muted">${this.#w('indicatorEmpty')}</p>`
          : html`<table class="trajectory">
              <thead>
                <tr>
                  <th>${this.#w('indicatorYear')}</th>
                  <th>${this.#w('indicatorValue')}</th>
                  <th>${this.#w('indicatorTrack')}</th>
                </tr>
              </thead>
              <tbody>
                ${indicator.years.map(
                  (year) =>
                    html`<tr data-year=${year.year}>
                      <td>${year.year}</td>
                      <td class="number">${year.value}${target?.measure ?? ''}</td>
                      <td class=${year.track} data-track=${year.track}>
                        ${trackWord(this.language, year.track)}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${
        this.#may('update-progress')
          ? html`<form class="indicator" @submit=${this.#onValue}>
              <strong>${this.#w('indicatorAdd')}</strong>
              <div class="row">
                <label
                  >${this.#w('indicatorYear')}
                  <input
                    name="year"
                    type="number"
                    min="1949"
                    max="2200"
                    step="1"
                    value=${Number(today.slice(0, 4)) - 1}
                  />
                </label>
                <label
                  >${this.#w('indicatorValue')}
                  <input name="value" type="number" step="any" required />
                </label>
                <button class="button" type="submit" ?disabled=${this.busy}>
                  ${this.#w('indicatorSubmit')}
                </button>
              </div>
            </form>`
          : nothing
      }`;
  }

  #renderAnswer(answer: ProgressAnswer | null) {
    if (answer === null) return nothing;
    const { item } = answer;
    return html`<h3 style="margin-top:0">${this.#w('progressTitle')}</h3>
      <dl class="facts">
        <dt>${this.#w('progressStatus')}</dt>
        <dd>${this.#renderStatus(answer)}</dd>
        ${
          item.percent === null
            ? nothing
            : html`<dt>${this.#w('progressPercent')}</dt>
                <dd data-percent>${item.percent}%</dd>`
        }
        <dt>${this.#w('progressDeadline')}</dt>
        <dd>${this.#renderDeadline(answer)}</dd>
      </dl>
      <p class="muted" style="font-size:0.75rem;margin:0 0 0.4rem">
        ${this.#w('progressAsOf', { today: answer.today })}
      </p>
      ${answer.indicator === null ? nothing : this.#renderIndicator(answer.indicator, answer.today)}
      <h3>${this.#w('progressHistory')}</h3>
      ${this.#renderHistory(answer)}
      ${this.problem === null ? nothing : html`<p class="error" role="alert">${this.problem}</p>`}
      ${this.#renderUpdateForm()} ${this.#renderDeadlineForm(answer)}`;
  }

  override render() {
    return this.progress.render({
      pending: () =>
        this.progress.value === undefined
          ? html`<p class="muted" role="status">${this.#w('progressLoading')}</p>`
          : this.#renderAnswer(this.progress.value),
      complete: (answer) => this.#renderAnswer(answer),
      error: (error) =>
        html`<p class="error" role="alert">
          ${this.#w('progressFailed', {
            problem: messageIn(
              error instanceof Error ? error.message : String(error),
              this.language,
            ),
          })}
        </p>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-item-progress': GtItemProgress;
  }
}
