// A unit's page: its names and category, what it answers for (counts from the API), its items
// grouped by theme with its role on each, and the units it works with most. Every row can be
// shown on the graph; the items download as the unit's 任务清单 (Excel or Word, made by the API).
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { countOf, type ProfileItem, type UnitProfile } from '../api/schema.ts';
import { roleOfType } from '../graph/to-elements.ts';
import { leadCountText } from '../i18n/words.ts';
import { categoryName, kindName, msg, roleBadge, type Lang } from '../i18n/messages.ts';
import { taskListProblem, taskListWord } from '../i18n/features/task-list.ts';
import { viaCollectivesWord } from '../i18n/features/via-collectives.ts';
import { downloadTaskList, type TaskListFormat } from '../task-list/download-task-list.ts';
import { moveFocusInList } from './arrow-keys.ts';
import { NodeSelectEvent } from './events.ts';
import { panelStyles, sharedStyles } from './shared-styles.ts';
import type { UnitsMergedEvent } from '../units/gt-unit-merge.ts';
import '../units/gt-unit-merge.ts';
import '../units/gt-unit-plans.ts';

/** Partners listed before the rest are left out: the strongest ties tell the story. */
const PARTNERS_SHOWN = 12;

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

@customElement('gt-unit-panel')
export class GtUnitPanel extends LitElement {
  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      .items li .title {
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .partners li .count {
        font-variant-numeric: tabular-nums;
        color: var(--gt-muted);
        font-size: 0.8rem;
      }
      .theme-title {
        font-weight: 600;
      }
      .via {
        margin: 0.35rem 0 0;
        font-size: 0.78rem;
        line-height: 1.5;
      }
      .task-list .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-top: 0.4rem;
      }
      section.merge:has(> gt-unit-merge[data-empty]) {
        display: none;
      }
      .task-list .hint,
      .task-list .note {
        margin: 0.3rem 0 0;
        font-size: 0.75rem;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  /** The task list being made, and what the last export said. */
  @state() private exporting: TaskListFormat | null = null;
  @state() private exportStatus = '';
  @state() private exportProblem = '';
  /** Bumped when units were merged or split here: the profile is read again. */
  @state() private revision = 0;

  @property() unitId = '';
  @property() plan: string | null = null;
  @property() language: Lang = 'zh';

  private profile = new Task(this, {
    args: () => [this.unitId, this.plan, this.revision] as const,
    task: ([id, plan], { signal }) => this.api.unitProfile(id, plan, signal),
  });

  override willUpdate(changed: PropertyValues<this>): void {
    // What the last export said belongs to the unit it was made for.
    if (changed.has('unitId')) {
      this.exportStatus = '';
      this.exportProblem = '';
    }
  }

  #onMerged = (event: UnitsMergedEvent): void => {
    // Merged away, this panel's unit is gone (its profile a 400): the selection moves to the
    // unit it went into, which reads its own profile.
    if (event.unitId === this.unitId) this.revision += 1;
  };

  #show(id: string): void {
    this.dispatchEvent(new NodeSelectEvent(id, true));
  }

  async #exportTaskList(format: TaskListFormat): Promise<void> {
    if (this.exporting !== null) return;
    const lang = this.language;
    this.exporting = format;
    this.exportProblem = '';
    this.exportStatus = taskListWord(lang, 'taskListExporting');
    try {
      const file = await downloadTaskList(this.api, {
        unitId: this.unitId,
        plan: this.plan,
        format,
        lang,
      });
      this.exportStatus = taskListWord(lang, 'taskListExported', { file });
    } catch (error) {
      this.exportStatus = '';
      this.exportProblem = taskListProblem(lang, error);
    } finally {
      this.exporting = null;
    }
  }

  #renderTaskList() {
    const lang = this.language;
    const button = (format: TaskListFormat, label: 'taskListXlsx' | 'taskListDocx') =>
      html`<button
        class="button"
        data-task-list=${format}
        ?disabled=${this.exporting !== null}
        aria-busy=${this.exporting === format ? 'true' : 'false'}
        @click=${() => void this.#exportTaskList(format)}
      >
        ${taskListWord(lang, label)}
      </button>`;
    return html`<section class="task-list" aria-labelledby="task-list-title">
      <h3 id="task-list-title">${taskListWord(lang, 'taskList')}</h3>
      <p class="muted hint">${taskListWord(lang, 'taskListHint')}</p>
      <div class="actions">${button('xlsx', 'taskListXlsx')} ${button('docx', 'taskListDocx')}</div>
      <p class="note muted" role="status">${this.exportStatus}</p>
      ${
        this.exportProblem === ''
          ? nothing
          : html`<p class="note error" role="alert">${this.exportProblem}</p>`
      }
    </section>`;
  }

  #renderItems(items: readonly ProfileItem[]) {
    return html`<ul class="rows items" @keydown=${moveFocusInList}>
      ${items.map(
        (item) =>
          html`<li data-item=${item.id}>
            <span class="badge ${roleOfType(item.edge, item.inferred) ?? 'support'}"
              >${roleBadge(this.language, item.edge, item.role, item.inferred)}</span
            >
            <span class="ref">${item.ref}</span>
            <button
              class="link grow title"
              title=${msg(this.language, 'showOnGraph')}
              @click=${() => this.#show(item.id)}
            >
              ${item.title}
            </button>
          </li>`,
      )}
    </ul>`;
  }

  // A district of 各区人民政府 carries what 各区人民政府 is named on: said apart from its own.
  #renderViaCollectives(profile: UnitProfile) {
    const { items, collectives } = profile.viaCollectives;
    if (collectives.length === 0) return nothing;
    const lang = this.language;
    const list = collectives
      .map((entry) =>
        viaCollectivesWord(lang, 'viaCollectiveEntry', { name: entry.unit.name, n: entry.items }),
      )
      .join(lang === 'zh' ? '、' : ', ');
    return html`<p
      class="muted via"
      data-via-collectives=${items}
      title=${viaCollectivesWord(lang, 'viaCollectivesHint')}
    >
      ${viaCollectivesWord(lang, 'viaCollectives', { n: items, list })}
    </p>`;
  }

  #renderProfile(profile: UnitProfile) {
    const lang = this.language;
    const { unit, metrics } = profile;
    const english = unit.englishName ?? null;
    const title = lang === 'en' && english !== null ? english : unit.name;
    // Leads by the rule (the item names no lead) are counted apart: "53(其中推定 16)".
    const inferredLeads = [
      ...profile.themes.flatMap((group) => group.items),
      ...profile.otherItems,
    ].filter((item) => item.edge === 'LEADS' && item.inferred === true).length;
    const metric = (key: 'itemsLed' | 'itemsSupported' | 'themesReached' | 'load', label: string) =>
      html`<div>
        <dt>${label}</dt>
        <dd data-metric=${key} data-value=${metrics?.[key] ?? ''}>
          ${
            metrics === null
              ? '–'
              : key === 'itemsLed'
                ? leadCountText(lang, metrics[key], inferredLeads)
                : formatNumber(metrics[key])
          }
        </dd>
      </div>`;
    const hasItems = profile.themes.length > 0 || profile.otherItems.length > 0;
    const byKind = new Map<string, ProfileItem[]>();
    for (const item of profile.otherItems) {
      byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
    }
    return html`
      <header>
        <div class="kicker">
          <span>${kindName(lang, 'unit')}</span>
          <span class="badge muted"
            >${categoryName(lang, unit.collective === true ? 'collective' : unit.category)}</span
          >
          ${unit['verified'] === false ? html`<span class="badge owner">${msg(lang, 'unverified')}</span>` : nothing}
        </div>
        <h2 data-unit-name>${title}</h2>
        <div class="muted">${lang === 'en' ? unit.name : (english ?? '')}</div>
      </header>
      <section aria-label=${msg(lang, 'items')}>
        <dl class="metrics">
          ${metric('itemsLed', msg(lang, 'leads'))}
          ${metric('itemsSupported', msg(lang, 'supports'))}
          ${metric('themesReached', msg(lang, 'themesReached'))}
          ${metric('load', msg(lang, 'load'))}
        </dl>
        <p class="muted" style="margin:0.4rem 0 0;font-size:0.75rem">
          ${msg(lang, 'load')}:${msg(lang, 'loadHint')}
        </p>
        ${this.#renderViaCollectives(profile)}
      </section>
      ${
        profile.plans.length >= 2
          ? html`<section class="plans">
              <gt-unit-plans
                .shares=${profile.plans}
                .unitId=${unit.id}
                .plan=${profile.plan}
                .language=${lang}
              ></gt-unit-plans>
            </section>`
          : nothing
      }
      <section>
        <dl class="facts">
          <dt>${msg(lang, 'shortName')}</dt>
          <dd>${unit.name}</dd>
          <dt>${msg(lang, 'fullName')}</dt>
          <dd>${unit.fullName ?? '–'}</dd>
          <dt>${msg(lang, 'englishName')}</dt>
          <dd>${english ?? '–'}</dd>
          <dt>${msg(lang, 'category')}</dt>
          <dd>${categoryName(lang, unit.collective === true ? 'collective' : unit.category)}</dd>
        </dl>
      </section>
      <section class="merge" @gt-units-merged=${this.#onMerged}>
        <gt-unit-merge
          .unitId=${unit.id}
          .unitName=${unit.name}
          .collective=${unit.collective === true}
          .plan=${profile.plan}
          .language=${lang}
        ></gt-unit-merge>
      </section>
      ${hasItems ? this.#renderTaskList() : nothing}
      <section>
        <h3>${msg(lang, 'items')}</h3>
        ${hasItems ? nothing : html`<p class="muted">${msg(lang, 'none')}</p>`}
        ${profile.themes.map(
          ({ theme, items }) =>
            html`<h4>
                <button class="link theme-title" @click=${() => this.#show(theme.id)}>
                  <span class="ref">${theme.ref}</span> ${theme.title}
                </button>
              </h4>
              ${this.#renderItems(items)}`,
        )}
        ${[...byKind].map(
          ([kind, items]) =>
            html`<h4>${kindName(lang, kind)}</h4>
              ${this.#renderItems(items)}`,
        )}
      </section>
      <section>
        <h3>${msg(lang, 'partners')}</h3>
        ${profile.partners.length === 0 ? html`<p class="muted">${msg(lang, 'none')}</p>` : nothing}
        <ul class="rows partners" @keydown=${moveFocusInList}>
          ${profile.partners.slice(0, PARTNERS_SHOWN).map(
            ({ unit: partner, items }) =>
              html`<li>
                <button class="link grow" @click=${() => this.#show(partner.id)}>
                  ${lang === 'en' ? (partner.englishName ?? partner.name) : partner.name}
                </button>
                <span class="count">${msg(lang, 'sharedItems', { n: countOf(items) })}</span>
              </li>`,
          )}
        </ul>
      </section>
    `;
  }

  override render() {
    return this.profile.render({
      pending: () =>
        html`<p class="status muted" role="status">${msg(this.language, 'loading')}</p>`,
      complete: (profile) => this.#renderProfile(profile),
      error: (error) =>
        html`<p class="status error" role="alert">
          ${msg(this.language, 'error')}: ${String(error)}
        </p>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-unit-panel': GtUnitPanel;
  }
}
