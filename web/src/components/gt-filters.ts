// The bar under the header: what to show (scope, kinds, roles, theme, unit categories,
// collectives). Every control is a native button, select or checkbox, so it works from the
// keyboard and reads out as what it is.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { categoryName, kindName, msg, type Lang, type MessageKey } from '../i18n/messages.ts';
import {
  DEFAULT_VIEW,
  FILTER_KINDS,
  ROLES,
  toggle,
  type FilterKind,
  type Role,
  type ViewState,
} from '../state/view.ts';
import '../warmap/gt-war-filters.ts';
import { ViewChangeEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

export interface ThemeOption {
  id: string;
  ref: string;
  title: string;
}

const ROLE_NAMES: Record<Role, MessageKey> = {
  lead: 'roleLead',
  owner: 'roleOwner',
  support: 'roleSupport',
};

@customElement('gt-filters')
export class GtFilters extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 1.1rem;
        padding: 0.45rem 1rem;
        background: var(--gt-surface);
        border-bottom: 1px solid var(--gt-line);
        font-size: 0.85rem;
      }
      [role='group'] {
        display: flex;
        align-items: center;
        gap: 0.25rem;
      }
      .label {
        color: var(--gt-muted);
        font-size: 0.78rem;
        margin-right: 0.15rem;
      }
      .spacer {
        flex: 1;
      }
      select {
        font: inherit;
        font-size: 0.85rem;
        padding: 0.25rem 0.4rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        background: var(--gt-surface);
        max-width: 13rem;
      }
      details {
        position: relative;
      }
      summary {
        list-style: none;
      }
      summary::-webkit-details-marker {
        display: none;
      }
      .menu {
        position: absolute;
        z-index: 15;
        top: calc(100% + 4px);
        left: 0;
        background: var(--gt-surface);
        border: 1px solid var(--gt-line);
        border-radius: 8px;
        box-shadow: 0 10px 30px rgba(20, 35, 55, 0.16);
        padding: 0.5rem 0.7rem;
        display: grid;
        gap: 0.25rem;
        min-width: 13rem;
      }
      .menu label {
        display: flex;
        gap: 0.45rem;
        align-items: center;
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property({ attribute: false }) themes: readonly ThemeOption[] = [];
  @property({ attribute: false }) categories: readonly string[] = [];

  #change(patch: Partial<ViewState>): void {
    this.dispatchEvent(new ViewChangeEvent(patch));
  }

  #reset(): void {
    const { kinds, roles, theme, hiddenCategories, collectives, expanded, hidden, links, scope } =
      DEFAULT_VIEW;
    this.#change({
      kinds,
      roles,
      theme,
      hiddenCategories,
      collectives,
      expanded,
      hidden,
      links,
      scope,
    });
  }

  override render() {
    const { view } = this;
    const lang: Lang = view.lang;
    const pressed = (on: boolean) => (on ? 'true' : 'false');
    const hiddenCount = view.hiddenCategories.length;
    return html`
      <div role="group" aria-label=${msg(lang, 'scopeLabel')} class="seg">
        ${(['plan', 'focus'] as const).map(
          (scope) =>
            html`<button
              class="button"
              aria-pressed=${pressed(view.scope === scope)}
              @click=${() => this.#change({ scope })}
            >
              ${msg(lang, scope === 'plan' ? 'scopePlan' : 'scopeFocus')}
            </button>`,
        )}
      </div>
      <div role="group" aria-label=${msg(lang, 'kinds')}>
        <span class="label" aria-hidden="true">${msg(lang, 'kinds')}</span>
        ${FILTER_KINDS.map(
          (kind: FilterKind) =>
            html`<button
              class="button"
              data-kind=${kind}
              aria-pressed=${pressed(view.kinds.includes(kind))}
              @click=${() => this.#change({ kinds: toggle(view.kinds, kind, FILTER_KINDS) })}
            >
              ${kindName(lang, kind)}
            </button>`,
        )}
      </div>
      <div role="group" aria-label=${msg(lang, 'roles')}>
        <span class="label" aria-hidden="true">${msg(lang, 'roles')}</span>
        ${ROLES.map(
          (role) =>
            html`<button
              class="button"
              data-role=${role}
              aria-pressed=${pressed(view.roles.includes(role))}
              @click=${() => this.#change({ roles: toggle(view.roles, role, ROLES) })}
            >
              ${msg(lang, ROLE_NAMES[role])}
            </button>`,
        )}
      </div>
      <label>
        <span class="visually-hidden">${msg(lang, 'theme')}</span>
        <select
          aria-label=${msg(lang, 'theme')}
          @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            this.#change({ theme: value === '' ? null : value });
          }}
        >
          <option value="" ?selected=${view.theme === null}>${msg(lang, 'allThemes')}</option>
          ${this.themes.map(
            (theme) =>
              html`<option value=${theme.id} ?selected=${view.theme === theme.id}>
                ${theme.ref} ${theme.title}
              </option>`,
          )}
        </select>
      </label>
      <details>
        <summary class="button" aria-label=${msg(lang, 'categories')}>
          ${msg(lang, 'categories')}${hiddenCount > 0 ? ` (−${hiddenCount})` : ''} ▾
        </summary>
        <div class="menu" role="group" aria-label=${msg(lang, 'categories')}>
          ${this.categories.map(
            (category) =>
              html`<label>
                <input
                  type="checkbox"
                  .checked=${!view.hiddenCategories.includes(category)}
                  @change=${() =>
                    this.#change({ hiddenCategories: toggle(view.hiddenCategories, category) })}
                />
                ${categoryName(lang, category)}
              </label>`,
          )}
        </div>
      </details>
      <button
        class="button"
        data-filter="collectives"
        aria-pressed=${pressed(view.collectives)}
        @click=${() => this.#change({ collectives: !view.collectives })}
      >
        ${msg(lang, 'collectives')}
      </button>
      ${view.warmap || view.timeline ? html`<gt-war-filters .view=${view}></gt-war-filters>` : ''}
      <span class="spacer"></span>
      <button class="button" @click=${this.#reset}>${msg(lang, 'reset')}</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-filters': GtFilters;
  }
}
