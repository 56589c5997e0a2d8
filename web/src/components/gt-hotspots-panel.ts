// Rankings of overload and coordination hotspots, each with its one-line definition; a row lights
// its units and items on the graph and lists, under it, what stands behind it (gt-hotspot-details).
// The address names the lit row by its ranking and key (`?hot=…&row=…`), not by its ids. Heat
// styling (units sized and coloured by a metric) is chosen here too: the rankings and the heat
// answer the same question, who carries the plan. With two or more plans loaded, a switch counts
// the plan on screen (本规划), every plan (全部规划) or a chosen set (选定规划): the latter two list
// the rankings whose figures add up over plans, each the sum of its per-plan twin's (issue 15);
// the choice is in the address.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { HotspotAnswer, HotspotInfo, NodeData, PlanSummary } from '../api/schema.ts';
import { CSV_TYPE, downloadText, JSON_TYPE } from '../export/download.ts';
import { exportFileName, tableInWords, titleForFile, toCsv, toJson } from '../export/table-data.ts';
import { HEAT_METRICS, isHeatMetric } from '../graph/heat.ts';
import { MARK_COLOUR } from '../graph/stylesheet.ts';
import { commonEnglishPrefix, unitLabel, type ShownGraph } from '../graph/to-elements.ts';
import { HotspotRowEvent } from '../hotspots/events.ts';
import {
  NOT_SUMMABLE,
  perPlanOnly,
  rankingFor,
  rankingsIn,
  scopeWords,
  shortenPlanTitles,
  withTwin,
} from '../hotspots/plans-scope.ts';
import { findRow, namesRow, rowKey, type Row } from '../hotspots/row-key.ts';
import { ID_COLUMN, rowMarks } from '../hotspots/row-marks.ts';
import * as words from '../i18n/features/hotspots.ts';
import { plansScopeWord } from '../i18n/features/plans-scope.ts';
import { msg, type Lang, type MessageKey } from '../i18n/messages.ts';
import { valueWords } from '../i18n/words.ts';
import { chosenPlanIds } from '../state/plans-scope.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import { MarkEvent, ViewChangeEvent } from './events.ts';
import './gt-hotspot-details.ts';
import './gt-plans-scope.ts';
import type { PlansScopeEvent } from './gt-plans-scope.ts';
import { panelStyles, sharedStyles } from './shared-styles.ts';

/** The ranking open first: who carries the most is the question planners ask first. */
const FIRST_RANKING = 'unit-load';
/** The cypher/ parameter by which a ranking lets collective units in. */
const COLLECTIVES_PARAM = 'includeCollectives';

function wordKey(prefix: string, name: string): MessageKey | null {
  const key = `${prefix}${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  return key in words.zh ? (key as MessageKey) : null;
}

/**
 * A ranking's title and one-line definition, ours in the planner's language (else the query
 * header's), and the header's full definition in that language.
 */
export function rankingWords(
  lang: Lang,
  name: string,
  info: Pick<HotspotInfo, 'title' | 'titleZh' | 'definition' | 'definitionZh'> | undefined,
): { title: string; definition: string; full: string } {
  const title = wordKey('hotspotsTitle_', name);
  const definition = wordKey('hotspotsDef_', name);
  const headerTitle = (lang === 'zh' ? info?.titleZh : null) ?? info?.title ?? name;
  const full = (lang === 'zh' ? info?.definitionZh : null) ?? info?.definition ?? '';
  return {
    title: title === null ? headerTitle : msg(lang, title),
    definition: definition === null ? full : msg(lang, definition),
    full,
  };
}

/** A ranking column's name and meaning in the planner's language, as the query header gives them. */
export function columnWords(
  lang: Lang,
  answer: Pick<HotspotAnswer, 'labels' | 'meanings' | 'meaningsZh'>,
  column: string,
): { label: string; meaning: string } {
  const labels = answer.labels?.[column];
  const meaning = (lang === 'zh' ? answer.meaningsZh?.[column] : null) ?? answer.meanings?.[column];
  return { label: labels?.[lang] ?? column, meaning: meaning ?? '' };
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 1 ? value.toFixed(3) : value.toFixed(1);
}

/** The column of the rankings over every plan that names each plan with its share. */
const BY_PLAN_COLUMN = 'byPlan';

/** Sorts numbers as numbers, lists by length, text in the planner's collation; blanks last. */
function compareCells(a: unknown, b: unknown, lang: Lang): number {
  const blank = (v: unknown) => v === null || v === undefined;
  if (blank(a) || blank(b)) return blank(a) === blank(b) ? 0 : blank(a) ? 1 : -1;
  const rank = (v: unknown) =>
    typeof v === 'number'
      ? v
      : typeof v === 'boolean'
        ? Number(v)
        : Array.isArray(v)
          ? v.length
          : null;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== null && rb !== null) return ra - rb;
  return String(a).localeCompare(String(b), lang === 'zh' ? 'zh-CN' : 'en');
}

@customElement('gt-hotspots-panel')
export class GtHotspotsPanel extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
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
        padding: 0.3rem 0.4rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        background: var(--gt-surface);
      }
      .definition {
        margin: 0.6rem 0 0.3rem;
        line-height: 1.5;
      }
      .scope {
        margin: 0 0 0.3rem;
        font-size: 0.78rem;
      }
      gt-plans-scope {
        margin-bottom: 0.6rem;
      }
      .scope-note {
        margin: 0.4rem 0 0;
        font-size: 0.75rem;
        line-height: 1.45;
      }
      details {
        font-size: 0.78rem;
        color: var(--gt-muted);
      }
      details dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.15rem 0.6rem;
        margin: 0.4rem 0 0;
      }
      details dd {
        margin: 0;
      }
      .check {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        font-size: 0.82rem;
        margin-top: 0.6rem;
      }
      .bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin-bottom: 0.4rem;
        font-size: 0.78rem;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.82rem;
      }
      th {
        text-align: left;
        font-weight: 600;
        color: var(--gt-muted);
        border-bottom: 1px solid var(--gt-line);
        padding: 0;
        white-space: nowrap;
      }
      th button {
        border: 0;
        background: none;
        padding: 0.3rem 0.35rem;
        font-weight: inherit;
        color: inherit;
      }
      td {
        padding: 0.28rem 0.35rem;
        border-bottom: 1px solid var(--gt-line-soft);
        vertical-align: top;
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      tbody tr[data-row] {
        cursor: pointer;
      }
      tbody tr[data-row]:hover {
        background: var(--gt-hover);
      }
      tr.details > td {
        padding: 0.2rem 0.35rem 0.6rem 0.9rem;
        box-shadow: inset 3px 0 0 ${unsafeCSS(MARK_COLOUR)};
        background: color-mix(in srgb, ${unsafeCSS(MARK_COLOUR)} 4%, white);
      }
      tbody tr[aria-selected='true'] {
        background: color-mix(in srgb, ${unsafeCSS(MARK_COLOUR)} 12%, white);
        box-shadow: inset 3px 0 0 ${unsafeCSS(MARK_COLOUR)};
      }
      tbody tr:focus-visible {
        outline-offset: -2px;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  #marksCache: { answer: HotspotAnswer; shown: ShownGraph | null; marks: string[][] } | null = null;
  /** The lit row for which collectives were let in, so that is done once, not against the planner. */
  #widenedFor = '';

  @state() private ranking = FIRST_RANKING;
  /** Let collective units into the rankings that can hold them (left out by default). */
  @state() private withCollectives = false;
  @state() private sort: { column: string; descending: boolean } | null = null;

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property() plan: string | null = null;
  /** The plan's title and jurisdiction, for the short title the exports' file names begin with. */
  @property({ attribute: false }) planInfo: PlanSummary | null = null;
  /** Every plan loaded: the 全部规划 switch shows with two or more. */
  @property({ attribute: false }) plans: readonly PlanSummary[] = [];
  @property() language: Lang = 'zh';
  /** What the canvas shows: a row's units named in words are found here, and its edges. */
  @property({ attribute: false }) shown: ShownGraph | null = null;

  private rankings = new Task(this, {
    args: () => [] as const,
    task: (_args, { signal }) => this.api.hotspots(signal),
  });

  // Which rankings take the collectives switch: the queries of cypher/ declare their parameters.
  private collectiveAware = new Task(this, {
    args: () => [] as const,
    task: async (_args, { signal }) => {
      const queries = await this.api.queries(signal);
      return new Set(
        queries
          .filter((query) => query.params.some((param) => param.name === COLLECTIVES_PARAM))
          .map((query) => query.name),
      );
    },
  });

  private answer = new Task(this, {
    args: () => [this.ranking, this.plan, this.#collectivesParam(), this.#chosenFor()] as const,
    task: ([name, plan, collectives, chosen], { signal }) =>
      this.api.hotspot(
        name,
        chosen === '' ? { plan, collectives } : { plans: chosen.split(','), collectives },
        signal,
      ),
  });

  // A row lit from the address (a link, a step back) opens its ranking, and lets collectives in
  // when the row is one of theirs; choosing another ranking by hand leaves the lit row be.
  override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('view');
    const { hot, row } = this.view;
    if (changed.has('view') && hot !== null && (before?.hot !== hot || before.row !== row)) {
      if (hot !== this.ranking) {
        this.ranking = hot;
        this.sort = null;
      }
    }
    this.#keepScope();
    const answer = this.answer.value;
    if (
      hot !== null &&
      row !== null &&
      answer?.name === hot &&
      !this.withCollectives &&
      this.view.collectives &&
      this.#takesCollectives() &&
      findRow(answer.rows, answer.columns, row) === undefined &&
      this.#widenedFor !== `${hot}\n${row}`
    ) {
      this.#widenedFor = `${hot}\n${row}`;
      this.withCollectives = true;
    }
  }

  /** Whether the figures count every plan or a set: chosen, and two or more plans loaded. */
  #allPlans(): boolean {
    return this.view.allPlans && this.plans.length >= 2;
  }

  /**
   * The chosen set (选定规划) the open ranking counts, as `plans=` takes it: only for a ranking
   * over plans (a per-plan one counts its plan, whatever the scope); '' for none.
   */
  #chosenFor(): string {
    const info = this.rankings.value?.find((entry) => entry.name === this.ranking);
    if (info?.allPlans !== true) return '';
    return chosenPlanIds(this.view, this.plans)?.join(',') ?? '';
  }

  // The open ranking belongs to the scope chosen. A lit row from the address (a link, a step
  // back) names its ranking, and the scope follows it; otherwise the ranking follows the scope:
  // its twin in the other scope, else that scope's first.
  #keepScope(): void {
    const list = this.rankings.value;
    const info = list?.find((entry) => entry.name === this.ranking);
    if (list === undefined || info === undefined || this.plans.length === 0) return;
    const counts = info.allPlans === true;
    if (counts === this.#allPlans()) return;
    if (this.view.hot === this.ranking && this.plans.length >= 2) {
      if (this.view.allPlans !== counts) {
        this.dispatchEvent(
          new ViewChangeEvent(counts ? { allPlans: true } : { allPlans: false, chosenPlans: [] }),
        );
      }
      return;
    }
    const next = rankingFor(list, this.ranking, this.#allPlans());
    if (next !== null && next !== this.ranking) {
      this.ranking = next;
      this.sort = null;
    }
  }

  // The row lit belongs to the ranking left behind: it goes, with its marks.
  #onScope(event: PlansScopeEvent): void {
    const list = this.rankings.value ?? [];
    const next = rankingFor(list, this.ranking, event.allPlans);
    if (next !== null) this.ranking = next;
    this.sort = null;
    const lit = this.view.hot !== null ? { marked: [], hot: null, row: null } : {};
    this.dispatchEvent(
      new ViewChangeEvent({ allPlans: event.allPlans, chosenPlans: event.chosenPlans, ...lit }),
    );
  }

  /** Whether the open ranking can let collectives in; unknown (list not read) counts as yes. */
  #takesCollectives(): boolean {
    return this.collectiveAware.value?.has(this.ranking) ?? true;
  }

  // In step with the filters: collectives hidden from the canvas stay out of the rankings too,
  // where a row of theirs could light nothing. Rankings without the switch ignore it.
  #collectivesParam(): boolean {
    return this.withCollectives && this.view.collectives;
  }

  #marksOf(answer: HotspotAnswer): string[][] {
    const cached = this.#marksCache;
    if (cached !== null && cached.answer === answer && cached.shown === this.shown) {
      return cached.marks;
    }
    const marks = answer.rows.map((row) => rowMarks(row, this.shown));
    this.#marksCache = { answer, shown: this.shown, marks };
    return marks;
  }

  #onRanking(event: Event): void {
    const select = event.target as HTMLSelectElement;
    this.ranking = select.value;
    this.sort = null;
  }

  #onCollectives(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.withCollectives = checked;
    this.#widenedFor = `${this.view.hot ?? ''}\n${this.view.row ?? ''}`;
    if (checked && !this.view.collectives) {
      this.dispatchEvent(new ViewChangeEvent({ collectives: true }));
    }
  }

  #onMetric(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(new ViewChangeEvent({ metric: isHeatMetric(value) ? value : null }));
  }

  /** Whether this row of the answer is the one lit. */
  #isLit(answer: HotspotAnswer, row: Row): boolean {
    const { hot, row: key } = this.view;
    return hot === answer.name && key !== null && namesRow(row, answer.columns, key);
  }

  #toggle(answer: HotspotAnswer, row: Row, marks: readonly string[]): void {
    if (this.#isLit(answer, row)) {
      this.dispatchEvent(new MarkEvent([]));
      return;
    }
    const key = rowKey(row, answer.columns);
    // Lit here, from the rows shown: the switch for collectives stays the planner's.
    this.#widenedFor = `${answer.name}\n${key}`;
    this.dispatchEvent(new HotspotRowEvent(answer.name, key, marks));
  }

  #onRowKey(event: KeyboardEvent, answer: HotspotAnswer, row: Row, marks: readonly string[]): void {
    const tr = event.currentTarget as HTMLElement;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#toggle(answer, row, marks);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // Past the details listed under a lit row, to the next ranking row.
      let next = event.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      while (next !== null && !next.hasAttribute('data-row')) {
        next = event.key === 'ArrowDown' ? next.nextElementSibling : next.previousElementSibling;
      }
      if (next instanceof HTMLElement) next.focus();
    }
  }

  #sortBy(column: string): void {
    const current = this.sort;
    this.sort =
      current?.column === column
        ? current.descending
          ? { column, descending: false }
          : null
        : { column, descending: true };
  }

  #columnName(answer: HotspotAnswer, column: string): string {
    return columnWords(this.language, answer, column).label;
  }

  #cell(
    value: unknown,
    column: string,
    units: ReadonlyMap<string, NodeData>,
    englishPrefix: string,
  ): string {
    const lang = this.language;
    if (value === null || value === undefined) return '–';
    if (typeof value === 'number') return formatNumber(value);
    const words = valueWords(lang, column, value);
    if (words !== undefined) return words;
    if (Array.isArray(value)) {
      return value
        .map((v: unknown) => this.#cell(v, column, units, englishPrefix))
        .join(lang === 'zh' ? '、' : ', ');
    }
    if (typeof value === 'string' && column === BY_PLAN_COLUMN) {
      return shortenPlanTitles(value, this.plans);
    }
    if (typeof value === 'string') {
      const unit = lang === 'en' ? units.get(value) : undefined;
      return unit === undefined ? value : unitLabel(unit, lang, englishPrefix);
    }
    return JSON.stringify(value);
  }

  // Every column, ids included. The spreadsheet gets the planner's words (headers, 牵头/配合,
  // 是/否); the JSON the API's names and raw values, for scripts.
  #export(answer: HotspotAnswer, format: 'csv' | 'json'): void {
    const table = { columns: answer.columns, rows: answer.rows };
    const lang = this.language;
    const title = lang === 'zh' ? (answer.titleZh ?? answer.title) : answer.title;
    const name = exportFileName(titleForFile(title, answer.name), format);
    if (format === 'csv') {
      const words = tableInWords(table, lang, (column) => this.#columnName(answer, column));
      downloadText(toCsv(words), name, CSV_TYPE);
    } else {
      downloadText(toJson(table), name, JSON_TYPE);
    }
  }

  // Listed under the lit row itself: the row a planner clicked stays where it was, explained.
  #renderDetails(answer: HotspotAnswer, row: Row, span: number) {
    return html`<tr class="details" data-details-for=${rowKey(row, answer.columns)}>
      <td colspan=${span}>
        <gt-hotspot-details
          .row=${row}
          .columns=${answer.columns}
          .rankingTitle=${rankingWords(this.language, answer.name, answer).title}
          .plan=${this.plan}
          .planInfo=${this.planInfo}
          .language=${this.language}
          .shown=${this.shown}
        ></gt-hotspot-details>
      </td>
    </tr>`;
  }

  #renderTable(answer: HotspotAnswer) {
    const lang = this.language;
    const columns = answer.columns.filter((column) => !ID_COLUMN.test(column));
    const marks = this.#marksOf(answer);
    const units = new Map<string, NodeData>();
    for (const node of this.shown?.nodes ?? []) {
      if (node.kind === 'unit') units.set(node.name ?? node.label, node);
    }
    // As on the canvas: "Wuhan Municipal" on every name says nothing in a list of the city's units.
    const englishPrefix = commonEnglishPrefix(
      [...units.values()].map((unit) => unit.labelEn ?? unit.englishName ?? '').filter(Boolean),
    );
    const order = answer.rows.map((_row, index) => index);
    const sort = this.sort;
    if (sort !== null) {
      order.sort((a, b) => {
        const by = compareCells(answer.rows[a]?.[sort.column], answer.rows[b]?.[sort.column], lang);
        return (sort.descending ? -by : by) || a - b;
      });
    }
    if (answer.rows.length === 0) {
      return html`<p class="muted" role="status">${msg(lang, 'hotspotsEmpty')}</p>`;
    }
    const lit = answer.rows.findIndex((row) => this.#isLit(answer, row));
    // Marks still being worked out from an address are no sign of a row off the canvas.
    const chosen = lit === -1 || this.view.marked.length === 0 ? undefined : this.view.marked;
    const onCanvas = new Set(this.shown?.nodes.map((node) => node.id));
    const offCanvas =
      chosen !== undefined && this.shown !== null && !chosen.some((id) => onCanvas.has(id));
    return html`
      <div class="bar">
        <span class="muted" role="status" data-row-count=${answer.rows.length}>
          ${msg(lang, 'hotspotsRows', { n: answer.rows.length })}${
            answer.truncated
              ? html` · ${msg(lang, 'hotspotsTruncated', { n: answer.rows.length })}`
              : nothing
          }
        </span>
        <span class="export" role="group" aria-label=${msg(lang, 'tableExportLabel')}>
          <button class="button" data-export="csv" @click=${() => this.#export(answer, 'csv')}>
            ${msg(lang, 'tableExportCsv')}
          </button>
          <button class="button" data-export="json" @click=${() => this.#export(answer, 'json')}>
            ${msg(lang, 'tableExportJson')}
          </button>
        </span>
        <button
          class="button"
          data-action="clear-marks"
          ?disabled=${this.view.marked.length === 0}
          @click=${() => this.dispatchEvent(new MarkEvent([]))}
        >
          ${msg(lang, 'hotspotsClear')}
        </button>
      </div>
      ${
        offCanvas
          ? html`<p class="muted" role="status" data-off-canvas>
              ${msg(lang, 'hotspotsNotOnCanvas')}
            </p>`
          : nothing
      }
      <div class="scroll">
        <table
          role="grid"
          aria-readonly="true"
          data-ranking=${answer.name}
          aria-label=${rankingWords(lang, answer.name, answer).title}
        >
          <thead>
            <tr>
              ${columns.map((column) => {
                const sorted = sort?.column === column;
                const direction = sorted ? (sort.descending ? 'descending' : 'ascending') : 'none';
                const words = columnWords(lang, answer, column);
                return html`<th aria-sort=${direction} title=${words.meaning}>
                  <button
                    data-column=${column}
                    aria-label=${msg(lang, 'hotspotsSortBy', { column: words.label })}
                    @click=${() => this.#sortBy(column)}
                  >
                    ${words.label}${sorted ? (sort.descending ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>`;
              })}
            </tr>
          </thead>
          <tbody>
            ${order.map((index) => {
              const row = answer.rows[index] ?? {};
              const rowMarksOf = marks[index] ?? [];
              const selected = index === lit;
              return html`<tr
                  tabindex="0"
                  data-row=${index}
                  data-key=${rowKey(row, answer.columns)}
                  aria-selected=${selected ? 'true' : 'false'}
                  aria-expanded=${selected ? 'true' : 'false'}
                  @click=${() => this.#toggle(answer, row, rowMarksOf)}
                  @keydown=${(event: KeyboardEvent) =>
                    this.#onRowKey(event, answer, row, rowMarksOf)}
                >
                  ${columns.map((column) => {
                    const value = row[column];
                    return html`<td class=${typeof value === 'number' ? 'number' : ''}>
                      ${this.#cell(value, column, units, englishPrefix)}
                    </td>`;
                  })}
                </tr>
                ${selected ? this.#renderDetails(answer, row, columns.length) : nothing}`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  #renderHeat() {
    const lang = this.language;
    const metric = this.view.metric ?? '';
    return html`<section>
      <label class="field">
        ${msg(lang, 'heatLabel')}
        <select name="metric" .value=${metric} @change=${this.#onMetric}>
          <option value="" ?selected=${metric === ''}>${msg(lang, 'heatNone')}</option>
          ${HEAT_METRICS.map(
            (name) =>
              html`<option value=${name} ?selected=${metric === name}>
                ${msg(lang, `heat_${name}`)}
              </option>`,
          )}
        </select>
      </label>
      <p class="muted" style="margin:0.35rem 0 0;font-size:0.75rem">${msg(lang, 'heatHint')}</p>
    </section>`;
  }

  // What the scope leaves out, said plainly: rankings of one plan only, and why some stay so.
  #renderScopeNote(list: readonly HotspotInfo[]) {
    if (this.plans.length < 2 || list.length === 0) return nothing;
    const lang = this.language;
    const names = (entries: readonly HotspotInfo[]) =>
      entries
        .map((entry) => rankingWords(lang, entry.name, entry).title)
        .join(lang === 'zh' ? '、' : ', ');
    if (!this.#allPlans()) {
      return html`<p class="scope-note muted" data-scope-note="plan">
        ${plansScopeWord(lang, 'plansScopeRankingsOne', { names: names(withTwin(list)) })}
      </p>`;
    }
    const notSummable = list.filter((entry) => NOT_SUMMABLE.includes(entry.name));
    return html`<p class="scope-note muted" data-scope-note="all">
      ${plansScopeWord(lang, 'plansScopeRankingsAll', { names: names(perPlanOnly(list)) })}
      ${
        notSummable.length > 0
          ? plansScopeWord(lang, 'plansScopeNotSummable', { names: names(notSummable) })
          : nothing
      }
    </p>`;
  }

  override render() {
    const lang = this.language;
    const all = this.rankings.value ?? [];
    const list = rankingsIn(all, this.#allPlans());
    const info = all.find((entry) => entry.name === this.ranking);
    const { definition, full } = rankingWords(lang, this.ranking, info);
    const answer = this.answer.value;
    return html`
      <header>
        <h2>${msg(lang, 'hotspotsTitle')}</h2>
        <div class="muted" style="font-size:0.8rem">${msg(lang, 'hotspotsHint')}</div>
      </header>
      ${this.#renderHeat()}
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
        ${this.rankings.render({
          error: (error) =>
            html`<p class="error" role="alert">${msg(lang, 'error')}: ${String(error)}</p>`,
        })}
        <label class="field">
          ${msg(lang, 'hotspotsRanking')}
          <select name="ranking" .value=${this.ranking} @change=${this.#onRanking}>
            ${(list.length === 0 ? [{ name: this.ranking, title: this.ranking }] : list).map(
              (entry) =>
                html`<option value=${entry.name} ?selected=${entry.name === this.ranking}>
                  ${rankingWords(lang, entry.name, entry).title}
                </option>`,
            )}
          </select>
        </label>
        ${this.#renderScopeNote(all)}
        <p class="definition" data-definition=${this.ranking}>${definition}</p>
        ${
          answer?.name === this.ranking
            ? html`<p class="scope muted" data-scope>${scopeWords(lang, answer)}</p>`
            : nothing
        }
        ${
          full !== ''
            ? html`<details>
                <summary>${msg(lang, 'hotspotsMore')}</summary>
                <p data-api-definition>${full}</p>
                ${
                  answer?.name === this.ranking
                    ? html`<dl data-column-meanings>
                        ${answer.columns
                          .filter((column) => !ID_COLUMN.test(column))
                          .map((column) => {
                            const words = columnWords(lang, answer, column);
                            return html`<dt>${words.label}</dt>
                              <dd>${words.meaning}</dd>`;
                          })}
                      </dl>`
                    : nothing
                }
              </details>`
            : nothing
        }
        ${
          this.#takesCollectives()
            ? html`<label class="check">
                <input
                  type="checkbox"
                  name="collectives"
                  .checked=${this.withCollectives && this.view.collectives}
                  @change=${this.#onCollectives}
                />
                ${msg(lang, 'hotspotsCollectives')}
              </label>`
            : nothing
        }
      </section>
      <section>
        ${this.answer.render({
          pending: () =>
            this.answer.value === undefined
              ? html`<p class="muted" role="status">${msg(lang, 'loading')}</p>`
              : this.#renderTable(this.answer.value),
          complete: (answer) => this.#renderTable(answer),
          error: (error) =>
            html`<p class="error" role="alert">${msg(lang, 'error')}: ${String(error)}</p>
              <button class="button" @click=${() => void this.answer.run()}>
                ${msg(lang, 'retry')}
              </button>`,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-hotspots-panel': GtHotspotsPanel;
  }
}
