// The side panel before anything is chosen: the plan in figures, the units that carry most of
// it, and its themes. One click on a unit or theme opens its page.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { NodeData, PlanSummary } from '../api/schema.ts';
import { unitLabel } from '../graph/to-elements.ts';
import { kindName, msg, type Lang } from '../i18n/messages.ts';
import { moveFocusInList } from './arrow-keys.ts';
import { NodeSelectEvent } from './events.ts';
import { panelStyles, sharedStyles } from './shared-styles.ts';

/** Units listed by load; collectives stand for many units and stay out of the ranking. */
const TOP_UNITS = 15;

@customElement('gt-plan-panel')
export class GtPlanPanel extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      .hint {
        margin: 0.5rem 0 0;
        font-size: 0.82rem;
        color: var(--gt-muted);
        line-height: 1.55;
      }
      kbd {
        font: inherit;
        font-size: 0.75rem;
        border: 1px solid var(--gt-line);
        border-bottom-width: 2px;
        border-radius: 4px;
        padding: 0 0.3rem;
        background: var(--gt-surface);
      }
      .load {
        font-variant-numeric: tabular-nums;
        color: var(--gt-muted);
        font-size: 0.8rem;
        min-width: 2.5rem;
        text-align: right;
      }
      .meter {
        width: 4.5rem;
        height: 0.45rem;
        background: var(--gt-line-soft);
        border-radius: 3px;
        overflow: hidden;
        align-self: center;
      }
      .meter span {
        display: block;
        height: 100%;
        background: var(--gt-primary);
        opacity: 0.7;
      }
    `,
  ];

  @property({ attribute: false }) plan: PlanSummary | null = null;
  @property({ attribute: false }) units: readonly NodeData[] = [];
  @property({ attribute: false }) themes: readonly NodeData[] = [];
  @property({ type: Number }) itemCount = 0;
  @property() language: Lang = 'zh';
  @property() englishPrefix = '';

  #show(id: string): void {
    this.dispatchEvent(new NodeSelectEvent(id, true));
  }

  override render() {
    const lang = this.language;
    const ranked = this.units
      .filter((unit) => unit.collective !== true)
      .toSorted((a, b) => (b.load ?? 0) - (a.load ?? 0) || a.id.localeCompare(b.id))
      .slice(0, TOP_UNITS);
    const heaviest = Math.max(1, ranked[0]?.load ?? 1);
    return html`
      <header>
        <div class="kicker">
          ${kindName(lang, 'plan')}${this.plan?.date ? ` · ${this.plan.date}` : ''}
        </div>
        <h2>${this.plan?.title ?? ''}</h2>
        ${this.plan?.issuer ? html`<div class="muted">${this.plan.issuer}</div>` : nothing}
        <p class="hint">
          ${
            lang === 'zh'
              ? html`按
                  <kbd>/</kbd>
                  搜索单位(中文、拼音、首字母或英文),或点击图中、下方的单位,查看它牵头和参与的事项及所服务的主题。<kbd
                    >Esc</kbd
                  >
                  取消选择。`
              : html`Press <kbd>/</kbd> to find a unit (Chinese, pinyin, initials or English), or
                  click one on the graph or below to see what it leads and supports and the themes
                  it serves. <kbd>Esc</kbd> clears.`
          }
        </p>
      </header>
      <section>
        <dl class="metrics" style="grid-template-columns: repeat(3, 1fr)">
          <div>
            <dt>${msg(lang, 'items')}</dt>
            <dd>${this.itemCount}</dd>
          </div>
          <div>
            <dt>${msg(lang, 'unitCount')}</dt>
            <dd>${this.units.length}</dd>
          </div>
          <div>
            <dt>${msg(lang, 'themeCount')}</dt>
            <dd>${this.themes.length}</dd>
          </div>
        </dl>
      </section>
      <section>
        <h3>${msg(lang, 'load')}</h3>
        <ul class="rows" @keydown=${moveFocusInList}>
          ${ranked.map(
            (unit) =>
              html`<li>
                <button class="link grow" @click=${() => this.#show(unit.id)}>
                  ${unitLabel(unit, lang, this.englishPrefix)}
                </button>
                <span class="meter" aria-hidden="true"
                  ><span style="width:${(100 * (unit.load ?? 0)) / heaviest}%"></span
                ></span>
                <span class="load">${unit.load ?? 0}</span>
              </li>`,
          )}
        </ul>
      </section>
      <section>
        <h3>${msg(lang, 'themeCount')}</h3>
        <ul class="rows" @keydown=${moveFocusInList}>
          ${this.themes.map(
            (theme) =>
              html`<li>
                <span class="ref">${theme.ref ?? ''}</span>
                <button class="link grow" @click=${() => this.#show(theme.id)}>
                  ${theme.title ?? theme.label}
                </button>
              </li>`,
          )}
        </ul>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-plan-panel': GtPlanPanel;
  }
}
