// 进展通报: a dialog that asks for a date range and downloads the plan's progress report as Word,
// Excel or PDF with the war map as it is on screen. The range starts from the server's today
// (the report's own `today`), never the browser's clock.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { reportProblem, reportWord } from '../i18n/features/reports.ts';
import type { Lang } from '../i18n/messages.ts';
import { downloadReport, fetchReport, type ReportFormat } from '../reports/download-report.ts';
import { sharedStyles } from './shared-styles.ts';

/** The day `days` after `day` (YYYY-MM-DD). */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const FORMATS: readonly {
  format: ReportFormat;
  word: 'reportDocx' | 'reportXlsx' | 'reportPdf';
}[] = [
  { format: 'docx', word: 'reportDocx' },
  { format: 'xlsx', word: 'reportXlsx' },
  { format: 'pdf', word: 'reportPdf' },
];

@customElement('gt-report-dialog')
export class GtReportDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        width: min(34rem, 94vw);
        padding: 0;
        border: 0;
        border-radius: 10px;
        box-shadow: 0 18px 60px rgba(10, 25, 40, 0.35);
        color: var(--gt-ink);
      }
      dialog::backdrop {
        background: rgba(15, 30, 45, 0.45);
      }
      header,
      footer,
      .body {
        padding: 0.75rem 1.1rem;
      }
      header {
        display: flex;
        align-items: center;
        border-bottom: 1px solid var(--gt-line);
      }
      h2 {
        margin: 0;
        font-size: 1.05rem;
        flex: 1;
      }
      .range {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-size: 0.85rem;
      }
      label.map {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
        margin-top: 0.7rem;
      }
      .hint,
      .status {
        color: var(--gt-muted);
        font-size: 0.85rem;
      }
      .problem {
        color: var(--gt-error);
        font-size: 0.85rem;
      }
      footer {
        display: flex;
        gap: 0.6rem;
        flex-wrap: wrap;
        border-top: 1px solid var(--gt-line);
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private from = '';
  @state() private to = '';
  @state() private today = '';
  @state() private withMap = true;

  @property() language: Lang = 'zh';
  @property({ attribute: false }) plan: string | null = null;
  /** The war map as on screen, as a PNG (the canvas's own rendering). */
  @property({ attribute: false }) figure: () => Promise<Blob | null> = () => Promise.resolve(null);

  // Run by hand (a format chosen), never by a property change.
  private making = new Task(this, {
    task: async ([format]: readonly [ReportFormat], { signal }) =>
      downloadReport(
        this.api,
        {
          plan: this.plan,
          from: this.from,
          to: this.to,
          format,
          lang: this.language,
          figure: this.withMap ? await this.figure().catch(() => null) : null,
        },
        signal,
      ),
    autoRun: false,
  });

  /** Opens the dialog with the 30 days up to the server's today. */
  async open(): Promise<void> {
    await this.updateComplete;
    if (this.dialog !== undefined && !this.dialog.open) this.dialog.showModal();
    if (this.today === '') {
      const report = await fetchReport(this.api, { plan: this.plan }).catch(() => null);
      if (report !== null) {
        this.today = report.today;
        this.to = report.to;
        this.from = addDays(report.to, -30);
      }
    }
  }

  #make(format: ReportFormat): void {
    if (this.from === '' || this.to === '' || this.from > this.to) return;
    void this.making.run([format]);
  }

  override render() {
    const lang = this.language;
    const badRange = this.from !== '' && this.to !== '' && this.from > this.to;
    return html`<dialog aria-labelledby="report-title">
      <header>
        <h2 id="report-title">${reportWord(lang, 'reportTitle')}</h2>
        <button
          class="button"
          data-action="report-close"
          aria-label=${reportWord(lang, 'reportClose')}
          @click=${() => this.dialog?.close()}
        >
          ×
        </button>
      </header>
      <div class="body">
        <div class="range">
          <label
            >${reportWord(lang, 'reportFrom')}
            <input
              type="date"
              name="from"
              .value=${this.from}
              @change=${(event: Event) => (this.from = (event.target as HTMLInputElement).value)}
          /></label>
          <label
            >${reportWord(lang, 'reportTo')}
            <input
              type="date"
              name="to"
              .value=${this.to}
              @change=${(event: Event) => (this.to = (event.target as HTMLInputElement).value)}
          /></label>
        </div>
        <label class="map">
          <input
            type="checkbox"
            name="with-map"
            .checked=${this.withMap}
            @change=${(event: Event) => (this.withMap = (event.target as HTMLInputElement).checked)}
          />
          ${reportWord(lang, 'reportWithMap')}
        </label>
        <p class="hint">${reportWord(lang, 'reportRangeHint', { today: this.today })}</p>
        ${
          badRange
            ? html`<p class="problem" role="alert">${reportWord(lang, 'reportBadRange')}</p>`
            : nothing
        }
        ${this.making.render({
          pending: () =>
            html`<p class="status" role="status">${reportWord(lang, 'reportMaking')}</p>`,
          complete: (name) =>
            html`<p class="status" role="status" data-file=${name}>
              ${reportWord(lang, 'reportMade', { file: name })}
            </p>`,
          error: (error) => html`<p class="problem" role="alert">${reportProblem(lang, error)}</p>`,
        })}
      </div>
      <footer>
        ${FORMATS.map(
          ({ format, word }) =>
            html`<button
              class="button"
              data-format=${format}
              ?disabled=${badRange || this.from === '' || this.to === ''}
              @click=${() => this.#make(format)}
            >
              ${reportWord(lang, word)}
            </button>`,
        )}
      </footer>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-report-dialog': GtReportDialog;
  }
}
