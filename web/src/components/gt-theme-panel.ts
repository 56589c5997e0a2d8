// A theme's page: every unit that reaches it through its tasks, leads before supports, ranked;
// and the tasks themselves.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { NodeData, ThemeReach } from '../api/schema.ts';
import { leadCountText } from '../i18n/words.ts';
import { kindName, msg, type Lang } from '../i18n/messages.ts';
import { moveFocusInList } from './arrow-keys.ts';
import { NodeSelectEvent } from './events.ts';
import { panelStyles, sharedStyles } from './shared-styles.ts';

/** The tasks a unit leads by the rule (they name no lead), from the reach's item list. */
function inferredOf(items: number | readonly unknown[] | undefined): number {
  if (!Array.isArray(items)) return 0;
  return items.filter((item: unknown) => {
    const entry = item as { edge?: unknown; inferred?: unknown } | null;
    return entry?.edge === 'LEADS' && entry.inferred === true;
  }).length;
}

@customElement('gt-theme-panel')
export class GtThemePanel extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      ul.rows.reach li {
        display: grid;
        grid-template-columns: 1.6rem minmax(0, 1fr) 8.5rem;
        gap: 0.6rem;
        align-items: center;
      }
      .rank {
        color: var(--gt-muted);
        font-variant-numeric: tabular-nums;
        font-size: 0.8rem;
      }
      .bar {
        display: flex;
        height: 0.55rem;
        border-radius: 3px;
        overflow: hidden;
        background: var(--gt-line-soft);
      }
      .bar .l {
        background: var(--gt-lead);
      }
      .bar .s {
        background: var(--gt-support);
        opacity: 0.55;
      }
      .figures {
        font-size: 0.74rem;
        color: var(--gt-muted);
        font-variant-numeric: tabular-nums;
        display: flex;
        justify-content: space-between;
        gap: 0.4rem;
        white-space: nowrap;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  @property({ attribute: false }) theme: NodeData | null = null;
  @property({ attribute: false }) tasks: readonly NodeData[] = [];
  @property() language: Lang = 'zh';

  private reach = new Task(this, {
    args: () => [this.theme?.id ?? null] as const,
    task: ([id], { signal }) => (id === null ? null : this.api.themeReach(id, signal)),
  });

  #show(id: string): void {
    this.dispatchEvent(new NodeSelectEvent(id, true));
  }

  #renderReach(reach: ThemeReach | null) {
    if (reach === null) return nothing;
    const lang = this.language;
    const widest = Math.max(1, ...reach.units.map((u) => u.leads + u.supports));
    return html`<ul class="rows reach" data-reach @keydown=${moveFocusInList}>
      ${reach.units.map(
        ({ unit, leads, supports, items }, i) =>
          html`<li data-unit=${unit.id}>
            <span class="rank">${i + 1}</span>
            <button class="link" @click=${() => this.#show(unit.id)}>
              ${lang === 'en' ? (unit.englishName ?? unit.name) : unit.name}
              ${
                unit.collective === true
                  ? html`<span class="badge muted">${msg(lang, 'collective')}</span>`
                  : nothing
              }
            </button>
            <span>
              <span class="bar" aria-hidden="true">
                <span class="l" style="width:${(100 * leads) / widest}%"></span>
                <span class="s" style="width:${(100 * supports) / widest}%"></span>
              </span>
              <span class="figures">
                <span
                  >${msg(lang, 'leads')}
                  <b data-leads=${leads}>${leadCountText(lang, leads, inferredOf(items))}</b></span
                >
                <span>${msg(lang, 'supports')} <b data-supports>${supports}</b></span>
              </span>
            </span>
          </li>`,
      )}
    </ul>`;
  }

  override render() {
    const theme = this.theme;
    if (theme === null) return nothing;
    const lang = this.language;
    return html`
      <header>
        <div class="kicker">
          <span>${kindName(lang, 'theme')}</span><span class="ref">${theme.ref ?? ''}</span>
        </div>
        <h2>${theme.title ?? theme.label}</h2>
      </header>
      <section>
        <h3>${msg(lang, 'reach')}</h3>
        <p class="muted" style="margin:-0.2rem 0 0.5rem;font-size:0.75rem">
          ${msg(lang, 'reachHint')}
        </p>
        ${this.reach.render({
          pending: () => html`<p class="muted" role="status">${msg(lang, 'loading')}</p>`,
          complete: (reach) => this.#renderReach(reach),
          error: (error) => html`<p class="error" role="alert">${String(error)}</p>`,
        })}
      </section>
      <section>
        <h3>${kindName(lang, 'task')} (${this.tasks.length})</h3>
        <ul class="rows" @keydown=${moveFocusInList}>
          ${this.tasks.map(
            (task) =>
              html`<li>
                <span class="ref">${task.ref ?? ''}</span>
                <button class="link grow" @click=${() => this.#show(task.id)}>
                  ${task.title ?? task.label}
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
    'gt-theme-panel': GtThemePanel;
  }
}
