// The Cypher console: an editor, the queries of cypher/ with their parameters as a form, results
// as a table and a graph side by side, and a history of what was run. The editor (CodeMirror and Neo4j's Cypher grammar) is imported when the console mounts it, so
// neither the first screen nor this shell carries it. A picked query run unchanged goes through
// POST /api/queries/:name (the API reads its text from cypher/); anything else through the
// read-only POST /api/cypher. The API's refusals are shown in the planner's words with its code.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, type ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { QueryAnswer, QueryColumnInfo, QueryInfo, QueryParamInfo } from '../api/schema.ts';
import type { EditorSchema } from '../console/gt-cypher-editor.ts';
import { addToHistory, clearHistory, readHistory, type HistoryEntry } from '../console/history.ts';
import { initialField, ParamError, paramsOf, type FieldValue } from '../console/params.ts';
import { QueryInputEvent, QueryRunEvent } from '../console/events.ts';
import '../console/gt-result-graph.ts';
import '../console/gt-result-table.ts';
import { downloadText, CSV_TYPE, JSON_TYPE } from '../export/download.ts';
import { exportFileName, tableInWords, titleForFile, toCsv, toJson } from '../export/table-data.ts';
import { columnWords, paramLabel, queryDescription, queryTitle } from '../console/words.ts';
import type { ShownGraph } from '../graph/to-elements.ts';
import { msg, type Lang, type MessageKey } from '../i18n/messages.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import { MarkEvent } from './events.ts';
import { panelStyles, sharedStyles } from './shared-styles.ts';

/** One statement for the completion's names: labels, relationship types, property keys. */
export const SCHEMA_QUERY = `CALL db.labels() YIELD label
WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType
WITH labels, collect(relationshipType) AS relationshipTypes
CALL db.propertyKeys() YIELD propertyKey
RETURN labels, relationshipTypes, collect(propertyKey) AS propertyKeys`;

/** What the console shows when it opens with nothing picked: a read that draws. */
const STARTER = `MATCH (unit:Unit)-[lead:LEADS]->(item)
RETURN unit, lead, item
LIMIT 25`;

interface Outcome {
  answer: QueryAnswer;
  /** What it is exported as: the query's name, or `cypher`. */
  name: string;
  /** The picked query's columns, with their words; empty when the planner wrote their own. */
  columns: readonly QueryColumnInfo[];
}

interface Failure {
  status: number | null;
  code: string;
  message: string;
}

/** The planner's sentence for each of the API's refusals and failures. */
function failureWords(failure: Failure): MessageKey {
  switch (failure.code) {
    case 'write_rejected':
      return 'consoleRefusedWrite';
    case 'command_rejected':
      return /LOAD\s+CSV/i.test(failure.message) ? 'consoleRefusedFile' : 'consoleRefusedCommand';
    case 'procedure_rejected':
      return 'consoleRefusedProcedure';
    case 'function_rejected':
      return 'consoleRefusedFunction';
    case 'cypher_syntax':
      return 'consoleSyntax';
    case 'cypher_error':
      return 'consoleQueryError';
    case 'timeout':
      return 'consoleTimeout';
    case 'query_too_large':
    case 'params_too_large':
    case 'body_too_large':
      return 'consoleTooLarge';
    case 'neo4j_unavailable':
      return 'consoleUnavailable';
    case 'console_unavailable':
      return 'consoleCopyUnavailable';
    case 'console_busy':
    case 'too_many_queries':
    case 'console_refusals':
      return 'consoleBusy';
    case 'missing_param':
    case 'unknown_param':
    case 'wrong_type':
    case 'bad_param':
      return 'consoleBadParams';
    default:
      return 'consoleFailed';
  }
}

/** Where Neo4j's syntax error points: `(line 1, column 10 (offset: 9))`, 1-based. */
export function errorPosition(message: string): { line: number; column: number } | null {
  const match = /\(line (\d+), column (\d+)/.exec(message);
  return match === null ? null : { line: Number(match[1]), column: Number(match[2]) };
}

function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    return { status: error.status, code: error.code, message: error.message };
  }
  if (error instanceof ParamError)
    return { status: null, code: 'bad_param', message: error.message };
  return { status: null, code: 'network', message: String(error) };
}

/** The form's values for parameters stored with a history entry. */
function fieldsFrom(params: readonly QueryParamInfo[], values: Record<string, unknown>) {
  const fields: Record<string, FieldValue> = {};
  for (const param of params) {
    const value = values[param.name];
    if (value === undefined) continue;
    if (param.type === 'boolean') fields[param.name] = value === true;
    else if (param.type === 'list') fields[param.name] = JSON.stringify(value);
    else fields[param.name] = typeof value === 'string' ? value : String(value);
  }
  return fields;
}

const INPUT_TYPES: Record<string, string> = { integer: 'number', float: 'number' };

@customElement('gt-console')
export class GtConsole extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      :host {
        font-size: 0.85rem;
      }
      header p {
        margin: 0.2rem 0 0;
        font-size: 0.78rem;
      }
      .picker {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.5rem;
      }
      .picker select {
        flex: 1;
        min-width: 0;
        font: inherit;
        padding: 0.25rem;
      }
      .purpose {
        margin: 0 0 0.5rem;
        color: var(--gt-muted);
        font-size: 0.78rem;
      }
      .editor-loading {
        min-height: 7.5rem;
        border: 1px dashed var(--gt-line);
        border-radius: 6px;
        display: grid;
        place-items: center;
        color: var(--gt-muted);
      }
      fieldset {
        border: 1px solid var(--gt-line-soft);
        border-radius: 6px;
        margin: 0.6rem 0 0;
        padding: 0.4rem 0.6rem 0.6rem;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.4rem 0.8rem;
      }
      legend {
        font-size: 0.75rem;
        color: var(--gt-muted);
      }
      fieldset label {
        display: grid;
        gap: 0.15rem;
        font-size: 0.78rem;
      }
      fieldset label.flag {
        display: flex;
        align-items: center;
        gap: 0.4rem;
      }
      fieldset input:not([type='checkbox']) {
        font: inherit;
        padding: 0.2rem 0.35rem;
        border: 1px solid var(--gt-line);
        border-radius: 4px;
        min-width: 0;
      }
      .actions,
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.6rem;
      }
      .toolbar {
        margin: 0 0 0.5rem;
      }
      .grow {
        flex: 1;
      }
      .button.primary {
        background: var(--gt-primary);
        border-color: var(--gt-primary);
        color: #fff;
      }
      .failure {
        border: 1px solid var(--gt-error);
        border-left-width: 4px;
        border-radius: 6px;
        padding: 0.5rem 0.7rem;
        background: #fdf3f2;
      }
      .failure p {
        margin: 0 0 0.3rem;
      }
      .failure pre {
        margin: 0.3rem 0 0;
        white-space: pre-wrap;
        font-size: 0.78rem;
      }
      .failure code {
        font-weight: 650;
      }
      .notice {
        border-radius: 6px;
        padding: 0.35rem 0.6rem;
        background: var(--gt-mark);
        margin: 0 0 0.5rem;
      }
      .split {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 0.6rem;
        align-items: stretch;
      }
      gt-result-table {
        max-height: 24rem;
      }
      gt-result-graph {
        height: 24rem;
      }
      ol.history {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.history li {
        border-bottom: 1px solid var(--gt-line-soft);
      }
      ol.history button {
        display: block;
        width: 100%;
        border: 0;
        background: none;
        text-align: left;
        padding: 0.3rem 0.2rem;
      }
      ol.history button:hover {
        background: var(--gt-hover);
      }
      ol.history code {
        display: block;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        font-size: 0.78rem;
      }
      ol.history .meta {
        font-size: 0.72rem;
        color: var(--gt-muted);
      }
      ol.history .meta.error {
        color: var(--gt-error);
      }
    `,
  ];

  /** The run in flight: a new run or leaving the console cancels it. */
  #running: AbortController | null = null;
  #schemaCache: {
    names: Omit<EditorSchema, 'parameters'> | undefined;
    picked: QueryInfo | null;
    schema: EditorSchema | undefined;
  } | null = null;

  @consume({ context: apiContext })
  private api!: ApiClient;

  @state() private editorReady = false;
  @state() private picked: QueryInfo | null = null;
  @state() private text = STARTER;
  @state() private fields: Record<string, FieldValue> = {};
  @state() private busy = false;
  @state() private outcome: Outcome | null = null;
  @state() private failure: Failure | null = null;
  @state() private history: HistoryEntry[] = [];
  @state() private unmarked = false;

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property() plan: string | null = null;
  @property() language: Lang = 'zh';
  /** What the main canvas shows: "show on main graph" marks only what is there. */
  @property({ attribute: false }) shown: ShownGraph | null = null;

  private queries = new Task(this, {
    args: () => [] as const,
    task: (_args, { signal }) => this.api.queries(signal),
  });

  private schema = new Task(this, {
    args: () => [] as const,
    task: async (_args, { signal }) => {
      const answer = await this.api.cypher(SCHEMA_QUERY, {}, signal);
      const row = answer.rows[0] ?? {};
      const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
      return {
        labels: names(row['labels']),
        relationshipTypes: names(row['relationshipTypes']),
        propertyKeys: names(row['propertyKeys']),
      };
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.history = readHistory(localStorage);
    void import('../console/gt-cypher-editor.ts').then(() => {
      this.editorReady = true;
    });
    this.addEventListener(QueryInputEvent.eventName, this.#onInput);
    this.addEventListener(QueryRunEvent.eventName, this.#onRun);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#running?.abort();
    this.#running = null;
  }

  #onInput = (event: QueryInputEvent): void => {
    event.stopPropagation();
    this.text = event.text;
  };

  #onRun = (event: QueryRunEvent): void => {
    event.stopPropagation();
    void this.run();
  };

  #pick(name: string): void {
    const query = this.queries.value?.find((candidate) => candidate.name === name) ?? null;
    this.picked = query;
    if (query === null) return;
    this.text = query.text;
    this.fields = Object.fromEntries(
      query.params.map((param) => [param.name, initialField(param, this.plan)]),
    );
  }

  #setField(name: string, value: FieldValue): void {
    this.fields = { ...this.fields, [name]: value };
  }

  #restore(entry: HistoryEntry): void {
    const query =
      entry.name === null
        ? null
        : (this.queries.value?.find((candidate) => candidate.name === entry.name) ?? null);
    this.picked = query;
    this.text = entry.text;
    this.fields = query === null ? {} : fieldsFrom(query.params, entry.params);
  }

  #remember(entry: Omit<HistoryEntry, 'at'>): void {
    this.history = addToHistory(localStorage, { ...entry, at: new Date().toISOString() });
  }

  #export(format: 'csv' | 'json'): void {
    const outcome = this.outcome;
    if (outcome === null) return;
    const table = { columns: outcome.answer.columns, rows: outcome.answer.rows };
    // The spreadsheet in the planner's words; the JSON with the raw names and values, for scripts.
    const lang = this.language;
    const query = this.queries.value?.find((candidate) => candidate.name === outcome.name);
    const title = lang === 'zh' ? (query?.purposeZh ?? query?.purpose) : query?.purpose;
    const name = exportFileName(titleForFile(title, outcome.name), format);
    const words = () =>
      tableInWords(table, lang, (column) => columnWords(lang, outcome.columns, column).label);
    if (format === 'csv') downloadText(toCsv(words()), name, CSV_TYPE);
    else downloadText(toJson(table), name, JSON_TYPE);
  }

  /** Lights the result's nodes and relationships that the main canvas shows. */
  #markOnGraph(): void {
    const graph = this.outcome?.answer.graph;
    if (graph === undefined) return;
    const ids = [...graph.nodes, ...graph.edges].map((element) => element.data.id);
    const shown = this.shown;
    const canvas =
      shown === null
        ? null
        : new Set([...shown.nodes, ...shown.edges].map((element) => element.id));
    const onCanvas = canvas === null ? ids : ids.filter((id) => canvas.has(id));
    this.unmarked = onCanvas.length === 0;
    if (onCanvas.length > 0) this.dispatchEvent(new MarkEvent(onCanvas));
  }

  /** Runs what the editor holds, with the form's parameters. */
  async run(): Promise<void> {
    const text = this.text;
    if (text.trim() === '') return;
    const picked = this.picked;
    const name = picked !== null && text === picked.text ? picked.name : null;
    this.#running?.abort();
    const running = new AbortController();
    this.#running = running;
    this.failure = null;
    this.unmarked = false;
    let params: Record<string, unknown>;
    try {
      params = picked === null ? {} : paramsOf(picked.params, this.fields);
    } catch (error) {
      this.failure = failureOf(error);
      this.outcome = null;
      return;
    }
    this.busy = true;
    try {
      const answer =
        name === null
          ? await this.api.cypher(text, params, running.signal)
          : await this.api.runQuery(name, params, running.signal);
      if (running.signal.aborted) return;
      // A named query changed by hand keeps its columns' words where the names still match.
      const columns = picked?.columns ?? [];
      this.outcome = { answer, name: name ?? picked?.name ?? 'cypher', columns };
      this.#remember({
        text,
        params,
        name,
        rows: answer.rows.length,
        truncated: answer.truncated,
        error: null,
      });
    } catch (error) {
      if (running.signal.aborted) return;
      const failure = failureOf(error);
      this.failure = failure;
      this.outcome = null;
      this.#remember({
        text,
        params,
        name,
        rows: null,
        error: { code: failure.code, message: failure.message },
      });
    } finally {
      if (this.#running === running) {
        this.#running = null;
        this.busy = false;
      }
    }
  }

  // The same object while the names and the picked query stay: a new one makes the editor
  // re-read it (and reopen an open completion list) on every keystroke.
  #editorSchema(): EditorSchema | undefined {
    const names = this.schema.value;
    const picked = this.picked;
    const cached = this.#schemaCache;
    if (cached !== null && cached.names === names && cached.picked === picked) return cached.schema;
    const parameters = picked?.params.map((param) => param.name) ?? [];
    const schema =
      names === undefined && parameters.length === 0 ? undefined : { ...names, parameters };
    this.#schemaCache = { names, picked, schema };
    return schema;
  }

  #renderField(param: QueryParamInfo) {
    const lang = this.language;
    const value = this.fields[param.name] ?? initialField(param, this.plan);
    if (param.type === 'boolean') {
      return html`<label class="flag">
        <input
          type="checkbox"
          name=${param.name}
          .checked=${value === true}
          @change=${(event: Event) =>
            this.#setField(param.name, (event.target as HTMLInputElement).checked)}
        />
        <span title=${param.name}>${paramLabel(lang, param)}</span>
      </label>`;
    }
    return html`<label>
      <span title=${param.name}>${paramLabel(lang, param)}${param.required ? ' *' : ''}</span>
      <input
        type=${INPUT_TYPES[param.type] ?? 'text'}
        name=${param.name}
        step=${param.type === 'integer' ? '1' : 'any'}
        ?required=${param.required}
        placeholder=${param.type === 'list' ? msg(lang, 'consoleBadList') : String(param.example ?? '')}
        .value=${typeof value === 'string' ? value : ''}
        @input=${(event: Event) =>
          this.#setField(param.name, (event.target as HTMLInputElement).value)}
      />
    </label>`;
  }

  #renderFailure(failure: Failure) {
    const lang = this.language;
    const words = failureWords(failure);
    const detail = failure.code === 'cypher_syntax' || failure.code === 'cypher_error';
    const at = failure.code === 'cypher_syntax' ? errorPosition(failure.message) : null;
    return html`<div class="failure" role="alert" data-code=${failure.code}>
      <p>${msg(lang, words)}</p>
      <p class="muted">
        ${msg(lang, 'consoleErrorCode')}: <code data-error-code>${failure.code}</code>${
          failure.status === null ? nothing : html` (HTTP ${failure.status})`
        }
        ${detail ? nothing : html`— <span data-error-message>${failure.message}</span>`}
      </p>
      ${detail ? html`<pre data-error-message>${failure.message}</pre>` : nothing}
      ${
        at === null
          ? nothing
          : html`<button
              class="button"
              data-action="go-to-error"
              @click=${() =>
                this.renderRoot.querySelector('gt-cypher-editor')?.goTo(at.line, at.column)}
            >
              ${msg(lang, 'consoleGoToError', at)}
            </button>`
      }
    </div>`;
  }

  #renderOutcome(outcome: Outcome) {
    const lang = this.language;
    const { answer } = outcome;
    const graph = answer.graph ?? { nodes: [], edges: [] };
    return html`<div class="toolbar">
        <span class="grow" data-row-count=${answer.rows.length}>
          ${
            answer.rows.length === 0
              ? msg(lang, 'consoleNoRows')
              : msg(lang, 'consoleRows', { n: answer.rows.length.toLocaleString() })
          }
        </span>
        <button class="button" data-action="export-csv" @click=${() => this.#export('csv')}>
          ${msg(lang, 'consoleExportCsv')}
        </button>
        <button class="button" data-action="export-json" @click=${() => this.#export('json')}>
          ${msg(lang, 'consoleExportJson')}
        </button>
        <button
          class="button"
          data-action="mark"
          ?disabled=${graph.nodes.length === 0}
          @click=${() => this.#markOnGraph()}
        >
          ${msg(lang, 'consoleShowOnGraph')}
        </button>
      </div>
      ${
        answer.truncated
          ? html`<p class="notice" role="status" data-truncated>
              ${msg(lang, 'consoleTruncated')}
            </p>`
          : nothing
      }
      ${
        this.unmarked
          ? html`<p class="notice" role="status">${msg(lang, 'consoleNotOnCanvas')}</p>`
          : nothing
      }
      <div class="split">
        <gt-result-table
          .columns=${answer.columns}
          .rows=${answer.rows}
          .columnInfo=${outcome.columns}
          .language=${lang}
          .label=${msg(lang, 'consoleResultTable')}
        ></gt-result-table>
        ${
          graph.nodes.length === 0
            ? html`<p class="muted">${msg(lang, 'consoleNoGraph')}</p>`
            : html`<gt-result-graph
                .elements=${graph}
                .language=${lang}
                .label=${msg(lang, 'consoleResultGraph')}
              ></gt-result-graph>`
        }
      </div>`;
  }

  #renderHistory() {
    const lang = this.language;
    if (this.history.length === 0) {
      return html`<p class="muted">${msg(lang, 'consoleHistoryEmpty')}</p>`;
    }
    const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    return html`<ol class="history">
        ${this.history.map(
          (entry, index) =>
            html`<li data-history=${index}>
              <button
                title=${msg(lang, 'consoleHistoryRestore')}
                @click=${() => this.#restore(entry)}
              >
                <code>${entry.name ?? entry.text}</code>
                <span class="meta ${entry.error === null ? '' : 'error'}">
                  ${time.format(new Date(entry.at))} ·
                  ${
                    entry.error === null
                      ? msg(lang, 'consoleHistoryRows', { n: entry.rows ?? 0 })
                      : entry.error.code
                  }
                </span>
              </button>
            </li>`,
        )}
      </ol>
      <div class="actions">
        <button
          class="button"
          data-action="clear-history"
          @click=${() => {
            clearHistory(localStorage);
            this.history = [];
          }}
        >
          ${msg(lang, 'consoleHistoryClear')}
        </button>
      </div>`;
  }

  override render() {
    const lang = this.language;
    const picked = this.picked;
    const modified = picked !== null && this.text !== picked.text;
    return html`
      <header>
        <h2>${msg(lang, 'consoleTitle')}</h2>
        <p class="muted">${msg(lang, 'consoleHint')}</p>
      </header>
      <section class="compose">
        <div class="picker">
          <label for="picker">${msg(lang, 'consolePicker')}</label>
          <select
            id="picker"
            data-role="picker"
            @change=${(event: Event) => this.#pick((event.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${picked === null}>${msg(lang, 'consolePickerNone')}</option>
            ${(this.queries.value ?? []).map(
              (query) =>
                html`<option value=${query.name} ?selected=${picked?.name === query.name}>
                  ${queryTitle(lang, query)}
                </option>`,
            )}
          </select>
        </div>
        ${
          picked === null
            ? nothing
            : html`<p class="purpose" data-purpose>${queryTitle(lang, picked)}</p>
                <details class="description">
                  <summary><code>${picked.name}</code></summary>
                  <p data-description>${queryDescription(lang, picked)}</p>
                </details>`
        }
        ${
          this.editorReady
            ? html`<gt-cypher-editor
                .value=${this.text}
                .schema=${this.#editorSchema()}
                .label=${msg(lang, 'consoleEditorLabel')}
              ></gt-cypher-editor>`
            : html`<div class="editor-loading" role="status">
                ${msg(lang, 'consoleEditorLoading')}
              </div>`
        }
        ${
          picked === null || picked.params.length === 0
            ? nothing
            : html`<fieldset data-role="params">
                <legend>${msg(lang, 'consoleParams')}</legend>
                ${picked.params.map((param) => this.#renderField(param))}
              </fieldset>`
        }
        <div class="actions">
          <button
            class="button primary"
            data-action="run"
            ?disabled=${this.text.trim() === ''}
            @click=${() => void this.run()}
          >
            ${this.busy ? msg(lang, 'consoleRunning') : msg(lang, 'consoleRun')}
          </button>
          ${
            this.busy
              ? html`<button
                  class="button"
                  data-action="cancel"
                  @click=${() => {
                    this.#running?.abort();
                    this.#running = null;
                    this.busy = false;
                  }}
                >
                  ${msg(lang, 'consoleCancel')}
                </button>`
              : nothing
          }
          ${modified ? html`<span class="muted" data-modified>${msg(lang, 'consoleModified')}</span>` : nothing}
        </div>
      </section>
      <section class="outcome" aria-live="polite">
        ${this.failure === null ? nothing : this.#renderFailure(this.failure)}
        ${this.outcome === null ? nothing : this.#renderOutcome(this.outcome)}
      </section>
      <section>
        <h3>${msg(lang, 'consoleHistory')}</h3>
        ${this.#renderHistory()}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-console': GtConsole;
  }
}
