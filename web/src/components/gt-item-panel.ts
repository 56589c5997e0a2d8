// An item's page: its printed reference and text, the units that lead and support it, the theme
// or project it serves, and the notice itself opened at its line.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { NodeData, SourceLines } from '../api/schema.ts';
import type { Assignment } from '../graph/plan-index.ts';
import { roleOfType, unitLabel } from '../graph/to-elements.ts';
import { kindName, msg, roleBadge, type Lang } from '../i18n/messages.ts';
import { moveFocusInList } from './arrow-keys.ts';
import { NodeSelectEvent } from './events.ts';
import { panelStyles, sharedStyles } from './shared-styles.ts';
import '../progress/gt-item-progress.ts';

/** Lines of the notice shown either side of the item's own. */
const SOURCE_CONTEXT = 3;

@customElement('gt-item-panel')
export class GtItemPanel extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      .text {
        margin: 0;
        line-height: 1.7;
      }
      .source {
        margin: 0;
        padding: 0.4rem 0;
        max-height: 16rem;
        overflow: auto;
        background: var(--gt-canvas);
        border-radius: 6px;
        font-size: 0.8rem;
        line-height: 1.65;
      }
      .source div {
        display: grid;
        grid-template-columns: 2.6rem 1fr;
        gap: 0.5rem;
        padding: 0 0.6rem 0 0;
      }
      .source .number {
        text-align: right;
        color: var(--gt-muted);
        font-variant-numeric: tabular-nums;
        user-select: none;
      }
      .source mark {
        background: var(--gt-mark);
        color: inherit;
      }
      .source .here {
        background: var(--gt-mark);
      }
      .trail {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        align-items: baseline;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  @query('.source .here') private firstHighlighted?: HTMLElement;

  @property({ attribute: false }) item: NodeData | null = null;
  @property({ attribute: false }) assignments: readonly Assignment[] = [];
  /** The themes or major project above the item, outermost first. */
  @property({ attribute: false }) trail: readonly NodeData[] = [];
  /** Sub-items or second parts under the item. */
  @property({ attribute: false }) subItems: readonly NodeData[] = [];
  @property() language: Lang = 'zh';
  @property() englishPrefix = '';

  private source = new Task(this, {
    args: () => [this.item?.id ?? null] as const,
    task: ([id], { signal }) => (id === null ? null : this.api.source(id, SOURCE_CONTEXT, signal)),
  });

  override updated(): void {
    // Bring the item's own lines into view inside the source box, without moving the page.
    const line = this.firstHighlighted;
    const box = line?.parentElement;
    if (line !== undefined && box !== null && box !== undefined) {
      box.scrollTop = line.offsetTop - box.offsetTop - box.clientHeight / 3;
    }
  }

  #show(id: string): void {
    this.dispatchEvent(new NodeSelectEvent(id, true));
  }

  #renderUnits(assignments: readonly Assignment[]) {
    if (assignments.length === 0) return html`<p class="muted">${msg(this.language, 'none')}</p>`;
    return html`<ul class="rows" @keydown=${moveFocusInList}>
      ${assignments.map(
        ({ unit, edge }) =>
          html`<li data-unit=${unit.id}>
            <span class="badge ${roleOfType(edge.type, edge.inferred) ?? 'support'}"
              >${roleBadge(this.language, edge.type, edge.role, edge.inferred)}</span
            >
            <button class="link grow" @click=${() => this.#show(unit.id)}>
              ${unitLabel(unit, this.language)}
            </button>
          </li>`,
      )}
    </ul>`;
  }

  #renderSource(source: SourceLines | null) {
    if (source === null) return nothing;
    return html`<div
      class="source"
      role="region"
      aria-label=${msg(this.language, 'source')}
      tabindex="0"
    >
      ${source.lines.map((line) => {
        const here = line.number >= source.line && line.number <= source.endLine;
        return html`<div class=${here ? 'here' : ''} data-line=${line.number}>
          <span class="number">${line.number}</span>
          <span>${here ? html`<mark>${line.text}</mark>` : line.text || '\u00a0'}</span>
        </div>`;
      })}
    </div>`;
  }

  override render() {
    const item = this.item;
    if (item === null) return nothing;
    const lang = this.language;
    const leads = this.assignments.filter((a) => a.edge.type === 'LEADS');
    const supports = this.assignments.filter((a) => a.edge.type !== 'LEADS');
    const inferred = leads.length > 0 && leads.every((a) => a.edge.inferred === true);
    return html`
      <header>
        <div class="kicker">
          <span>${kindName(lang, item.kind)}</span>
          ${item.ref ? html`<span class="ref" data-ref>${item.ref}</span>` : nothing}
          ${
            item.kind === 'indicator' && item.binding !== null && item.binding !== undefined
              ? html`<span class="badge muted"
                  >${msg(lang, item.binding ? 'binding' : 'expected')}</span
                >`
              : nothing
          }
        </div>
        <h2>${item.title ?? item.label}</h2>
        ${
          this.trail.length > 0
            ? html`<div class="trail">
                ${this.trail.map(
                  (parent) =>
                    html`<span class="muted">↳</span>
                      <button class="link" @click=${() => this.#show(parent.id)}>
                        <span class="ref">${parent.ref ?? ''}</span> ${parent.title ?? parent.label}
                      </button>`,
                )}
              </div>`
            : nothing
        }
      </header>
      ${
        item.kind === 'theme'
          ? nothing
          : html`<section class="progress">
              <gt-item-progress
                .itemId=${item.id}
                .unitIds=${this.assignments.map((a) => a.unit.id)}
                .language=${lang}
              ></gt-item-progress>
            </section>`
      }
      <section>
        <h3>${msg(lang, 'leadUnits')}</h3>
        ${this.#renderUnits(leads)}
        ${inferred ? html`<p class="muted" style="font-size:0.78rem">${msg(lang, 'noLead')}</p>` : nothing}
        <h3 style="margin-top:0.8rem">${msg(lang, 'supportUnits')}</h3>
        ${this.#renderUnits(supports)}
      </section>
      ${
        this.subItems.length > 0
          ? html`<section>
              <h3>${msg(lang, 'items')}</h3>
              <ul class="rows" @keydown=${moveFocusInList}>
                ${this.subItems.map(
                  (child) =>
                    html`<li>
                      <span class="ref">${child.ref ?? ''}</span>
                      <button class="link grow" @click=${() => this.#show(child.id)}>
                        ${child.title ?? child.label}
                      </button>
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      <section>
        <h3>${msg(lang, 'text')}</h3>
        <p class="text">${item.text ?? item.title ?? item.label}</p>
      </section>
      <section>
        <h3>
          ${msg(lang, 'source')}
          ${typeof item.line === 'number' ? html`· ${msg(lang, 'sourceLine', { line: item.line })}` : nothing}
        </h3>
        ${this.source.render({
          pending: () => html`<p class="muted" role="status">${msg(lang, 'loading')}</p>`,
          complete: (source) => this.#renderSource(source),
          error: (error) => html`<p class="error" role="alert">${String(error)}</p>`,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-item-panel': GtItemPanel;
  }
}
