// The briefing tool: the current view exported as PNG, SVG or a one-page PDF (the PNG and the PDF
// inside the briefing frame: title, legend, date and source), and named views saved (camera,
// selection, filters, layout, heat, marks, pinned nodes, a caption) to step through full-screen.
// Saved views live in the browser per plan and travel as a JSON file. Every file is named after
// the plan's short title and what it shows.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { NodeData, PlanSummary } from '../api/schema.ts';
import { PresentEvent, SavedViewApplyEvent } from '../briefing/events.ts';
import { exportPdf } from '../briefing/export-pdf.ts';
import { exportPng } from '../briefing/export-png.ts';
import { exportSvg } from '../briefing/export-svg.ts';
import {
  downloadBlob,
  fileSubject,
  nodeSubject,
  planFileName,
  type ImageChoice,
} from '../briefing/files.ts';
import type { BriefingSheet, BriefingSource } from '../briefing/frame.ts';
import {
  loadViews,
  mergeViews,
  parseViewsFile,
  storeViews,
  viewsFileText,
  withView,
  type SavedView,
} from '../briefing/saved-views.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import { DEFAULT_VIEW, writeView, type ViewState } from '../state/view.ts';
import type { GtGraph } from './gt-graph.ts';
import { panelStyles, sharedStyles } from './shared-styles.ts';

type Format = 'png' | 'svg' | 'pdf';
const SCALES = [2, 3, 4] as const;

/** The source document's fingerprint, which /api/plans adds to each plan. */
function sha256Of(plan: PlanSummary | null): string | null {
  const value = plan?.['sourceSha256'];
  return typeof value === 'string' && value !== '' ? value : null;
}

@customElement('gt-views-panel')
export class GtViewsPanel extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      section {
        display: grid;
        gap: 0.55rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.6rem;
      }
      .row > span {
        min-width: 4.5rem;
        color: var(--gt-muted);
        font-size: 0.8rem;
      }
      label.field {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8rem;
        color: var(--gt-muted);
      }
      input[type='text'],
      textarea {
        font: inherit;
        color: var(--gt-ink);
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        padding: 0.35rem 0.5rem;
      }
      textarea {
        min-height: 3.2rem;
        resize: vertical;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      li {
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        padding: 0.45rem 0.6rem;
        display: grid;
        gap: 0.3rem;
      }
      li .caption {
        font-size: 0.8rem;
        color: var(--gt-muted);
      }
      .status {
        font-size: 0.8rem;
        color: var(--gt-muted);
      }
      .problem {
        font-size: 0.8rem;
        color: #b42318;
      }
      .file {
        position: relative;
        overflow: hidden;
      }
      .file input {
        position: absolute;
        inset: 0;
        opacity: 0;
        cursor: pointer;
      }
    `,
  ];

  @state() private views: SavedView[] = [];
  @state() private name = '';
  @state() private caption = '';
  @state() private full = true;
  @state() private scale: number = SCALES[0];
  @state() private transparent = false;
  /** The PNG inside the briefing frame (title, legend, date, source), or the plain image. */
  @state() private framed = true;
  @state() private pinning = false;
  @state() private busy: Format | null = null;
  @state() private status = '';
  @state() private problem = '';

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property() plan: string | null = null;
  @property() language: Lang = 'zh';
  /** The plan as /api/plans describes it: title, issuer, date and source fingerprint. */
  @property({ attribute: false }) planInfo: PlanSummary | null = null;
  /** The canvas the exports and saved views read from. */
  @property({ attribute: false }) canvas: () => GtGraph | null = () => null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Dragging stays a deliberate mode of this tool: closing it locks the nodes again.
    this.canvas()?.setDraggable(false);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('plan')) this.views = loadViews(localStorage, this.plan);
  }

  #store(views: SavedView[]): void {
    this.views = views;
    storeViews(localStorage, this.plan, views);
  }

  #save(): void {
    const graph = this.canvas();
    const camera = graph?.camera();
    if (graph === null || camera === null || camera === undefined) return;
    const lang = this.language;
    const name = this.name.trim() || msg(lang, 'briefingDefaultName', { n: this.views.length + 1 });
    const saved: SavedView = {
      name,
      caption: this.caption.trim(),
      view: writeView({ ...this.view, tool: null }),
      camera,
      pins: graph.pinned(),
      ...(graph.frame() ?? {}),
    };
    this.#store(withView(this.views, saved));
    this.name = '';
    this.caption = '';
  }

  #remove(index: number): void {
    this.#store(this.views.filter((_, i) => i !== index));
  }

  #setPinning(on: boolean): void {
    this.pinning = on;
    this.canvas()?.setDraggable(on);
  }

  #unpinAll(): void {
    this.canvas()?.unpinAll();
  }

  #exportViews(): void {
    const text = viewsFileText(this.plan, this.views);
    downloadBlob(
      new Blob([text], { type: 'application/json;charset=utf-8' }),
      planFileName(this.planInfo, msg(this.language, 'briefingViewsFile'), 'json'),
    );
  }

  async #importViews(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    const read = parseViewsFile(await file.text());
    const lang = this.language;
    if (!read.ok) {
      this.problem = msg(lang, 'briefingImportBad', { problem: read.problem });
      this.status = '';
      return;
    }
    this.#store(mergeViews(this.views, read.file.views));
    this.problem = '';
    this.status = msg(lang, 'briefingImported', { n: read.file.views.length });
  }

  #source(): BriefingSource {
    const info = this.planInfo;
    return {
      id: info?.id ?? this.plan,
      title: info?.title ?? msg(this.language, 'appTitle'),
      issuer: info?.issuer ?? null,
      date: info?.date ?? null,
      sha256: sha256Of(info),
    };
  }

  /**
   * What is on screen, in words: the saved view it is (same view state) by name, else the node
   * chosen, else the theme filtered on. The file's name and the frame's line under the title.
   */
  #shown(nodes: readonly NodeData[]): { subject: string; caption: string } {
    const lang = this.language;
    const current = writeView({ ...this.view, tool: null });
    const saved = this.views.find((view) => view.view === current);
    const byId = (id: string | null) =>
      id === null ? undefined : nodes.find((node) => node.id === id);
    const selected = byId(this.view.selected);
    const subject = fileSubject(
      { savedView: saved?.name, selected, theme: byId(this.view.theme) },
      lang,
    );
    const caption =
      saved !== undefined
        ? [saved.name, saved.caption].filter((part) => part !== '').join(' — ')
        : selected !== undefined
          ? nodeSubject(selected, lang)
          : '';
    return { subject, caption };
  }

  async #export(format: Format): Promise<void> {
    const graph = this.canvas();
    if (graph === null || this.busy !== null) return;
    const lang = this.language;
    const choice: ImageChoice = {
      full: this.full,
      scale: this.scale,
      ...(this.transparent ? {} : { background: '#ffffff' }),
    };
    const source = this.#source();
    const nodes = graph.nodeData();
    const { subject, caption } = this.#shown(nodes);
    const sheet: BriefingSheet = { lang, source, nodes, metric: this.view.metric, caption };
    const name = planFileName(this.planInfo, subject, format);
    this.busy = format;
    this.problem = '';
    this.status = msg(lang, 'briefingExporting');
    try {
      const file =
        format === 'png'
          ? await exportPng(graph, choice, this.framed ? sheet : null, name)
          : format === 'svg'
            ? await exportSvg(graph, source.title, choice, name)
            : await exportPdf(graph, sheet, name);
      this.status = msg(lang, 'briefingExported', { file });
    } catch (error) {
      this.status = '';
      this.problem = msg(lang, 'briefingExportFailed', { problem: String(error) });
    } finally {
      this.busy = null;
    }
  }

  #renderExport() {
    const lang = this.language;
    const pressed = (on: boolean) => (on ? 'true' : 'false');
    return html`<section aria-labelledby="export-title">
      <h3 id="export-title">${msg(lang, 'briefingExport')}</h3>
      <p class="muted">${msg(lang, 'briefingExportHint')}</p>
      <div class="row" role="group" aria-label=${msg(lang, 'briefingScope')}>
        <span>${msg(lang, 'briefingScope')}</span>
        <div class="seg">
          <button
            class="button"
            data-scope="full"
            aria-pressed=${pressed(this.full)}
            @click=${() => (this.full = true)}
          >
            ${msg(lang, 'briefingFull')}
          </button>
          <button
            class="button"
            data-scope="viewport"
            aria-pressed=${pressed(!this.full)}
            @click=${() => (this.full = false)}
          >
            ${msg(lang, 'briefingViewport')}
          </button>
        </div>
      </div>
      <div class="row" role="group" aria-label=${msg(lang, 'briefingScale')}>
        <span>${msg(lang, 'briefingScale')}</span>
        <div class="seg">
          ${SCALES.map(
            (scale) =>
              html`<button
                class="button"
                data-scale=${scale}
                aria-pressed=${pressed(this.scale === scale)}
                @click=${() => (this.scale = scale)}
              >
                ${scale}×
              </button>`,
          )}
        </div>
      </div>
      <div class="row" role="group" aria-label=${msg(lang, 'briefingBackground')}>
        <span>${msg(lang, 'briefingBackground')}</span>
        <div class="seg">
          <button
            class="button"
            data-background="white"
            aria-pressed=${pressed(!this.transparent)}
            @click=${() => (this.transparent = false)}
          >
            ${msg(lang, 'briefingWhite')}
          </button>
          <button
            class="button"
            data-background="transparent"
            aria-pressed=${pressed(this.transparent)}
            @click=${() => (this.transparent = true)}
          >
            ${msg(lang, 'briefingTransparent')}
          </button>
        </div>
      </div>
      <label class="row">
        <input
          type="checkbox"
          data-action="frame"
          .checked=${this.framed}
          @change=${(e: Event) => (this.framed = (e.target as HTMLInputElement).checked)}
        />
        ${msg(lang, 'briefingFrame')}
      </label>
      <div class="row">
        ${(['png', 'svg', 'pdf'] as const).map(
          (format) =>
            html`<button
              class="button"
              data-export=${format}
              ?disabled=${this.busy !== null}
              @click=${() => void this.#export(format)}
            >
              ${msg(lang, format === 'png' ? 'briefingPng' : format === 'svg' ? 'briefingSvg' : 'briefingPdf')}
            </button>`,
        )}
      </div>
    </section>`;
  }

  #renderViews() {
    const lang = this.language;
    return html`<section aria-labelledby="views-title">
      <h3 id="views-title">${msg(lang, 'briefingViews')}</h3>
      <p class="muted">${msg(lang, 'briefingViewsHint')}</p>
      <div class="row">
        <label>
          <input
            type="checkbox"
            data-action="pin-mode"
            .checked=${this.pinning}
            @change=${(e: Event) => this.#setPinning((e.target as HTMLInputElement).checked)}
          />
          ${msg(lang, 'briefingPinMode')}
        </label>
        <button class="button" data-action="unpin-all" @click=${() => this.#unpinAll()}>
          ${msg(lang, 'briefingUnpinAll')}
        </button>
      </div>
      ${this.pinning ? html`<p class="muted">${msg(lang, 'briefingPinHint')}</p>` : nothing}
      <label class="field">
        ${msg(lang, 'briefingName')}
        <input
          type="text"
          name="view-name"
          .value=${this.name}
          placeholder=${msg(lang, 'briefingDefaultName', { n: this.views.length + 1 })}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
        />
      </label>
      <label class="field">
        ${msg(lang, 'briefingCaption')}
        <textarea
          name="view-caption"
          .value=${this.caption}
          @input=${(e: Event) => (this.caption = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      <div class="row">
        <button class="button" data-action="save-view" @click=${() => this.#save()}>
          ${msg(lang, 'briefingSave')}
        </button>
        <button
          class="button"
          data-action="present"
          ?disabled=${this.views.length === 0}
          @click=${() => this.dispatchEvent(new PresentEvent(this.views, 0))}
        >
          ${msg(lang, 'briefingPresent')}
        </button>
      </div>
      ${
        this.views.length === 0
          ? html`<p class="muted">${msg(lang, 'briefingNoViews')}</p>`
          : html`<ol>
              ${this.views.map(
                (saved, index) =>
                  html`<li data-saved-view=${saved.name}>
                    <strong>${index + 1}. ${saved.name}</strong>
                    ${saved.caption === '' ? nothing : html`<span class="caption">${saved.caption}</span>`}
                    <div class="row">
                      <button
                        class="button"
                        data-action="show-view"
                        @click=${() => this.dispatchEvent(new SavedViewApplyEvent(saved))}
                      >
                        ${msg(lang, 'briefingShow')}
                      </button>
                      <button
                        class="button"
                        data-action="present-from"
                        @click=${() => this.dispatchEvent(new PresentEvent(this.views, index))}
                      >
                        ${msg(lang, 'briefingPresent')}
                      </button>
                      <button
                        class="button"
                        data-action="delete-view"
                        @click=${() => this.#remove(index)}
                      >
                        ${msg(lang, 'briefingDelete')}
                      </button>
                    </div>
                  </li>`,
              )}
            </ol>`
      }
      <div class="row">
        <button
          class="button"
          data-action="export-views"
          ?disabled=${this.views.length === 0}
          @click=${() => this.#exportViews()}
        >
          ${msg(lang, 'briefingExportViews')}
        </button>
        <span class="button file">
          ${msg(lang, 'briefingImportViews')}
          <input
            type="file"
            accept="application/json,.json"
            data-action="import-views"
            aria-label=${msg(lang, 'briefingImportViews')}
            @change=${(e: Event) => void this.#importViews(e)}
          />
        </span>
      </div>
    </section>`;
  }

  override render() {
    return html`
      <header><h2>${msg(this.language, 'toolViews')}</h2></header>
      ${this.#renderExport()}
      <p class="status" role="status">${this.status}</p>
      ${this.problem === '' ? nothing : html`<p class="problem" role="alert">${this.problem}</p>`}
      ${this.#renderViews()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-views-panel': GtViewsPanel;
  }
}
