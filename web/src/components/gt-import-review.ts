// The review of an import, before anything is written: what was recognised (counts by kind, the
// units, the edges), the plan's header with the fields the document lacks open for the planner
// to supply, and the document as it was read — each item marked on its line, each unit marked
// where it is printed, each issue under the line it is about, in Chinese and then in English.
// Shows a review; the dialog around it owns the I/O.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import {
  HEADER_FIELDS,
  type HeaderField,
  type ImportReview,
  type ReviewIssue,
  type ReviewItem,
  type ReviewLine,
  type ReviewUnit,
} from '../api/import-schema.ts';
import { editionsEntryWord } from '../i18n/features/editions-entry.ts';
import { ISSUES_ZH } from '../i18n/features/import.ts';
import { kindName, msg, type Lang, type MessageKey } from '../i18n/messages.ts';
import { unitMarker, type Segment } from '../import/mark-units.ts';
import { sharedStyles } from './shared-styles.ts';

/** The planner typed into one of the header fields the document lacks. */
export class ImportHeaderEditEvent extends Event {
  static readonly eventName = 'gt-import-header-edit';
  constructor(
    readonly field: HeaderField,
    readonly value: string,
  ) {
    super(ImportHeaderEditEvent.eventName, { bubbles: true, composed: true });
  }
}

const KINDS = ['indicator', 'theme', 'task', 'project', 'requirement'] as const;

const FIELD_LABELS: Record<HeaderField, MessageKey> = {
  title: 'importPlanTitle',
  issuer: 'importPlanIssuer',
  date: 'importPlanDate',
  jurisdiction: 'importPlanJurisdiction',
};

/** What each line carries, worked out once per review. */
interface Placed {
  itemsByLine: Map<number, ReviewItem[]>;
  issuesByLine: Map<number, ReviewIssue[]>;
  documentIssues: ReviewIssue[];
  mark: (text: string) => Segment[];
  unitsByKey: Map<string, ReviewUnit>;
}

function place(review: ImportReview): Placed {
  const itemsByLine = new Map<number, ReviewItem[]>();
  for (const item of review.items) {
    itemsByLine.set(item.line, [...(itemsByLine.get(item.line) ?? []), item]);
  }
  const issuesByLine = new Map<number, ReviewIssue[]>();
  const documentIssues: ReviewIssue[] = [];
  for (const issue of review.issues) {
    // An issue pointing past the lines read (a reader's, say) is about the document.
    if (issue.line === null || issue.line > review.lines.length) documentIssues.push(issue);
    else issuesByLine.set(issue.line, [...(issuesByLine.get(issue.line) ?? []), issue]);
  }
  const names = new Map<string, string>();
  const unitsByKey = new Map<string, ReviewUnit>();
  for (const unit of review.units) {
    names.set(unit.name, unit.key);
    unitsByKey.set(unit.key, unit);
  }
  for (const item of review.items) {
    for (const unit of item.units) if (!names.has(unit.name)) names.set(unit.name, unit.key);
  }
  return { itemsByLine, issuesByLine, documentIssues, mark: unitMarker(names), unitsByKey };
}

/** Where a line is in the file as the planner has it: page, sheet and cell, paragraph, row. */
function where(line: ReviewLine): string {
  const s = line.source;
  if (s.sheet !== undefined) return `${s.sheet}${s.cell === undefined ? '' : `!${s.cell}`}`;
  if (s.page !== undefined) return `p.${s.page}${s.line === undefined ? '' : `:${s.line}`}`;
  if (s.table !== undefined && s.row !== undefined) return `T${s.table}·${s.row}`;
  if (s.paragraph !== undefined) return `¶${s.paragraph}`;
  return '';
}

@customElement('gt-import-review')
export class GtImportReview extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 19rem;
        grid-template-rows: auto minmax(0, 1fr);
        gap: 0.8rem 1rem;
        min-height: 0;
        font-size: 0.88rem;
      }
      .summary {
        grid-column: 1 / -1;
        display: grid;
        gap: 0.55rem;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        align-items: center;
      }
      .chip {
        border: 1px solid var(--gt-line);
        border-radius: 999px;
        padding: 0.1rem 0.6rem;
        background: var(--gt-surface);
        white-space: nowrap;
      }
      .chip strong {
        font-variant-numeric: tabular-nums;
      }
      .chip.zero {
        color: var(--gt-muted);
      }
      .chip.error {
        border-color: var(--gt-error);
        color: var(--gt-error);
      }
      .header {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.4rem 0.9rem;
      }
      .field {
        display: grid;
        gap: 0.15rem;
        font-size: 0.8rem;
        color: var(--gt-muted);
      }
      .field .value {
        color: var(--gt-ink);
        font-size: 0.9rem;
      }
      .field input {
        font: inherit;
        font-size: 0.9rem;
        color: var(--gt-ink);
        border: 1px solid var(--gt-accent);
        background: #fffaf0;
        border-radius: 6px;
        padding: 0.25rem 0.45rem;
      }
      .doc,
      .side {
        min-height: 0;
        overflow: auto;
        border: 1px solid var(--gt-line);
        border-radius: 8px;
        background: var(--gt-surface);
      }
      h3 {
        position: sticky;
        top: 0;
        z-index: 1;
        margin: 0;
        padding: 0.45rem 0.7rem;
        font-size: 0.78rem;
        font-weight: 600;
        color: var(--gt-muted);
        background: var(--gt-surface);
        border-bottom: 1px solid var(--gt-line-soft);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .line {
        display: grid;
        grid-template-columns: 3.2rem minmax(0, 1fr);
        border-bottom: 1px solid var(--gt-line-soft);
      }
      .line.blank {
        min-height: 0.6rem;
      }
      .no {
        padding: 0.2rem 0.45rem;
        text-align: right;
        color: var(--gt-muted);
        font-variant-numeric: tabular-nums;
        font-size: 0.75rem;
        user-select: none;
      }
      .no small {
        display: block;
        font-size: 0.65rem;
      }
      .body {
        padding: 0.2rem 0.5rem;
        overflow-wrap: anywhere;
      }
      /* The text as read, spaces and all; the template's own line breaks are not. */
      .text,
      .cell {
        white-space: pre-wrap;
      }
      .line.item {
        background: #f3f7fb;
        box-shadow: inset 3px 0 0 var(--gt-primary);
      }
      .kind {
        display: inline-block;
        margin-right: 0.4rem;
        font-size: 0.72rem;
        padding: 0 0.4em;
        border-radius: 4px;
        background: var(--gt-primary);
        color: #fff;
        white-space: nowrap;
      }
      .cells {
        display: flex;
        flex-wrap: wrap;
        gap: 0;
      }
      .cell {
        flex: 1 1 6rem;
        border: 1px solid var(--gt-line);
        margin: 0 -1px -1px 0;
        padding: 0.1rem 0.35rem;
        min-width: 4rem;
      }
      mark.unit {
        background: var(--gt-lead-bg);
        color: inherit;
        border-radius: 3px;
        padding: 0 0.1em;
      }
      mark.unit.unverified {
        background: #fff3d6;
        outline: 1px dashed var(--gt-owner);
      }
      .issue {
        margin: 0.2rem 0 0.15rem;
        padding: 0.25rem 0.45rem;
        border-radius: 5px;
        border-left: 3px solid var(--gt-muted);
        background: var(--gt-hover);
        white-space: normal;
        font-size: 0.8rem;
      }
      .issue.error {
        border-left-color: var(--gt-error);
        background: #fdecea;
      }
      .issue.warning {
        border-left-color: var(--gt-owner);
        background: var(--gt-owner-bg);
      }
      .issue .en {
        display: block;
        color: var(--gt-muted);
      }
      .issue code {
        font-size: 0.7rem;
        color: var(--gt-muted);
      }
      .document-issues {
        padding: 0.4rem 0.6rem;
        border-bottom: 1px solid var(--gt-line-soft);
      }
      .units li {
        display: flex;
        justify-content: space-between;
        gap: 0.4rem;
        padding: 0.25rem 0.7rem;
        border-bottom: 1px solid var(--gt-line-soft);
      }
      .units li.unverified .name {
        text-decoration: underline dashed var(--gt-owner);
      }
      /* The comparison with the plan the file would replace, in place of the document. */
      .editions {
        grid-column: 1 / -1;
        min-height: 0;
        display: grid;
      }
      .compare {
        justify-self: start;
      }
    `,
  ];

  @property({ attribute: false }) review: ImportReview | null = null;
  /** The values typed for the header fields the document lacks. */
  @property({ attribute: false }) edits: Partial<Record<HeaderField, string>> = {};
  @property() language: Lang = 'zh';

  @consume({ context: apiContext })
  private api!: ApiClient;

  /** The file compared with the plan it would replace (editions/), instead of the document. */
  @state() private comparing = false;

  // Asked only while shown; the table's code is loaded the first time, as the explorer's is.
  private comparison = new Task(this, {
    args: () => [this.comparing ? (this.review?.token ?? null) : null] as const,
    task: async ([token], { signal }) => {
      if (token === null) return null;
      const [{ fetchComparison }] = await Promise.all([
        import('../editions/editions-api.ts'),
        import('../editions/gt-editions-table.ts'),
      ]);
      return fetchComparison(this.api, { review: token }, signal);
    },
  });

  override willUpdate(changed: Map<string, unknown>): void {
    // Another file's review starts on its document.
    if (changed.has('review') && changed.get('review') !== undefined) this.comparing = false;
  }

  #placed: { review: ImportReview; placed: Placed } | null = null;

  #place(review: ImportReview): Placed {
    if (this.#placed?.review !== review) this.#placed = { review, placed: place(review) };
    return this.#placed.placed;
  }

  #issue(issue: ReviewIssue): TemplateResult {
    const lang = this.language;
    const zh = issue.zh ?? ISSUES_ZH[issue.code];
    const severity = msg(lang, `importSeverity_${issue.severity}`);
    return html`<div class="issue ${issue.severity}" data-issue=${issue.code}>
      <strong>${severity}</strong> ${zh ?? ''}
      <span class="en" lang="en">${issue.message} <code>${issue.code}</code></span>
    </div>`;
  }

  #text(text: string, placed: Placed) {
    return placed.mark(text).map((segment) => {
      if (segment.unit === undefined) return segment.text;
      const unit = placed.unitsByKey.get(segment.unit);
      const unverified = unit !== undefined && !unit.verified;
      return html`<mark
        class=${unverified ? 'unit unverified' : 'unit'}
        data-unit=${segment.unit}
        title=${unverified ? msg(this.language, 'importUnverifiedHint') : ''}
        >${segment.text}</mark
      >`;
    });
  }

  #line(line: ReviewLine, number: number, placed: Placed) {
    const items = placed.itemsByLine.get(number) ?? [];
    const issues = placed.issuesByLine.get(number) ?? [];
    const lang = this.language;
    const blank = line.text.trim() === '' && issues.length === 0;
    const classes = ['line', items.length > 0 ? 'item' : '', blank ? 'blank' : ''].join(' ');
    const at = where(line);
    return html`<li class=${classes} data-line=${number} data-item=${items[0]?.id ?? nothing}>
      <span class="no">${number}${at === '' ? nothing : html`<small>${at}</small>`}</span>
      <div class="body">
        ${items.map(
          (item) =>
            html`<span class="kind" data-kind=${item.kind}
              >${kindName(lang, item.kind)} ${item.ref}</span
            >`,
        )}${
          line.cells === undefined
            ? html`<span class="text">${this.#text(line.text, placed)}</span>`
            : html`<span class="cells" role="row"
                >${line.cells.map(
                  (cell) => html`<span class="cell" role="cell">${this.#text(cell, placed)}</span>`,
                )}</span
              >`
        }${issues.map((issue) => this.#issue(issue))}
      </div>
    </li>`;
  }

  #field(field: HeaderField, review: ImportReview) {
    const lang = this.language;
    const label = msg(lang, FIELD_LABELS[field]);
    // Supplying a title to a file that cannot be loaded would only invite a useless edit.
    if (!review.missing[field] || !review.loadable) {
      const value = review.plan[field];
      return html`<div class="field">
        ${label}<span class="value" data-field=${field}>${value ?? msg(lang, 'none')}</span>
      </div>`;
    }
    return html`<label class="field">
      ${label}
      <input
        type=${field === 'date' ? 'date' : 'text'}
        name=${field}
        .value=${this.edits[field] ?? ''}
        placeholder=${field === 'date' ? '' : (review.plan[field] ?? '')}
        title=${msg(lang, 'importMissingHint')}
        @input=${(event: Event) =>
          this.dispatchEvent(
            new ImportHeaderEditEvent(field, (event.target as HTMLInputElement).value),
          )}
      />
    </label>`;
  }

  override render() {
    const review = this.review;
    if (review === null) return nothing;
    const lang = this.language;
    const placed = this.#place(review);
    const { counts } = review;
    return html`
      <div class="summary">
        <div class="chips" aria-label=${msg(lang, 'importCounts')}>
          ${KINDS.map(
            (kind) =>
              html`<span class="chip ${counts[kind] === 0 ? 'zero' : ''}" data-kind-count=${kind}
                ><strong>${counts[kind]}</strong> ${kindName(lang, kind)}</span
              >`,
          )}
          <span class="chip" data-kind-count="unit"
            ><strong>${counts.units}</strong> ${msg(lang, 'importUnits')}${
              counts.unverified > 0
                ? html` · ${msg(lang, 'importUnitsUnverified', { n: counts.unverified })}`
                : nothing
            }</span
          >
          <span class="chip" data-kind-count="edges"
            >${msg(lang, 'importEdges', { leads: counts.LEADS, supports: counts.SUPPORTS })}</span
          >
          ${
            counts.errors > 0
              ? html`<span class="chip error" data-kind-count="errors"
                  >${msg(lang, 'importErrors', { n: counts.errors })}</span
                >`
              : nothing
          }
          ${
            counts.warnings > 0
              ? html`<span class="chip" data-kind-count="warnings"
                  >${msg(lang, 'importWarnings', { n: counts.warnings })}</span
                >`
              : nothing
          }
        </div>
        <div class="header" aria-label=${msg(lang, 'importPlan')}>
          ${HEADER_FIELDS.map((field) => this.#field(field, review))}
        </div>
        ${
          review.existing === null
            ? nothing
            : html`<button
                class="button compare"
                data-action="review-editions"
                aria-pressed=${this.comparing ? 'true' : 'false'}
                title=${editionsEntryWord(lang, 'editionsReviewButtonHint')}
                @click=${() => (this.comparing = !this.comparing)}
              >
                ${editionsEntryWord(lang, this.comparing ? 'editionsReviewBack' : 'editionsReviewButton')}
              </button>`
        }
      </div>
      ${this.comparing ? this.#editions(review) : this.#document(review, placed)}
    `;
  }

  #editions(review: ImportReview) {
    const lang = this.language;
    return html`<section class="editions" aria-label=${editionsEntryWord(lang, 'editionsTitle')}>
      ${this.comparison.render({
        pending: () =>
          html`<p class="status" role="status">${editionsEntryWord(lang, 'editionsLoading')}</p>`,
        error: (error) =>
          html`<p class="error" role="alert">
            ${editionsEntryWord(lang, 'editionsFailed', {
              problem: error instanceof Error ? error.message : String(error),
            })}
          </p>`,
        complete: (comparison) =>
          html`<gt-editions-table
            .comparison=${comparison}
            .source=${{ review: review.token }}
            .language=${lang}
          ></gt-editions-table>`,
      })}
    </section>`;
  }

  #document(review: ImportReview, placed: Placed) {
    const lang = this.language;
    return html`
      <section class="doc" aria-label=${msg(lang, 'importDocument')}>
        <h3>${msg(lang, 'importDocument')} · ${review.file.name}</h3>
        ${
          placed.documentIssues.length === 0
            ? nothing
            : html`<div class="document-issues" aria-label=${msg(lang, 'importDocumentIssues')}>
                ${placed.documentIssues.map((issue) => this.#issue(issue))}
              </div>`
        }
        <ol>
          ${review.lines.map((line, i) => this.#line(line, i + 1, placed))}
        </ol>
      </section>
      <section class="side units" aria-label=${msg(lang, 'importUnitsList')}>
        <h3>${msg(lang, 'importUnitsList')} (${review.units.length})</h3>
        <ol>
          ${review.units.map(
            (unit) =>
              html`<li
                class=${unit.verified ? '' : 'unverified'}
                data-unit=${unit.key}
                data-verified=${unit.verified ? 'true' : 'false'}
              >
                <span class="name">${unit.name}</span>
                <span>
                  ${
                    unit.collective
                      ? html`<span class="badge muted">${msg(lang, 'importCollective')}</span>`
                      : nothing
                  }
                  ${
                    unit.verified
                      ? nothing
                      : html`<span class="badge owner" title=${msg(lang, 'importUnverifiedHint')}
                          >${msg(lang, 'importUnverified')}</span
                        >`
                  }
                </span>
              </li>`,
          )}
        </ol>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-import-review': GtImportReview;
  }
  interface HTMLElementEventMap {
    'gt-import-header-edit': ImportHeaderEditEvent;
  }
}
