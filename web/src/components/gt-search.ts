// The search box: type a bureau's name in Chinese, Traditional, pinyin, initials ("fgw") or
// English, or words of an item's text (shown in place, marked), pick from the list with the arrow
// keys, Enter goes to it on the graph. An ARIA 1.2 combobox: the input owns a listbox and points
// at the highlighted option. Typing, keys and hits are the SearchBox's, shared with the paths tool.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import { hitListStyles, renderHitList } from '../search/hit-list.ts';
import { SearchBox } from '../search/search-box.ts';
import { NodeSelectEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

const HITS = 12;

@customElement('gt-search')
export class GtSearch extends LitElement {
  static override styles = [
    sharedStyles,
    hitListStyles,
    css`
      :host {
        display: block;
        position: relative;
        width: min(30rem, 100%);
      }
      input {
        width: 100%;
        font: inherit;
        font-size: 0.95rem;
        padding: 0.5rem 0.8rem 0.5rem 2.1rem;
        border-radius: 8px;
        border: 1px solid transparent;
        background: rgba(255, 255, 255, 0.14);
        color: #fff;
      }
      input::placeholder {
        color: rgba(255, 255, 255, 0.7);
      }
      input:focus {
        outline: none;
        background: #fff;
        color: var(--gt-ink);
        border-color: var(--gt-focus);
      }
      input:focus::placeholder {
        color: var(--gt-muted);
      }
      .icon {
        position: absolute;
        left: 0.7rem;
        top: 50%;
        transform: translateY(-50%);
        width: 1rem;
        height: 1rem;
        pointer-events: none;
        stroke: currentColor;
        opacity: 0.75;
        color: #fff;
      }
      input:focus + .icon,
      :host(:focus-within) .icon {
        color: var(--gt-muted);
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  readonly #box = new SearchBox(this, {
    api: () => this.api,
    search: () => ({ plan: this.plan, limit: HITS }),
    textOf: (hit) =>
      this.language === 'en' && hit.kind === 'unit' ? (hit.labelEn ?? hit.label) : hit.label,
    chosen: (hit) => this.dispatchEvent(new NodeSelectEvent(hit.id, true)),
  });

  @query('input') private input!: HTMLInputElement;

  @property() language: Lang = 'zh';
  @property() plan: string | null = null;

  /** Puts the cursor in the box (the `/` shortcut). */
  override focus(): void {
    this.input.focus();
    this.input.select();
  }

  override render() {
    const box = this.#box;
    const lang = this.language;
    return html`
      <input
        type="search"
        role="combobox"
        aria-label=${msg(lang, 'searchLabel')}
        aria-autocomplete="list"
        aria-controls="hits"
        aria-expanded=${box.showList ? 'true' : 'false'}
        aria-activedescendant=${box.showList && box.active >= 0 ? `hit-${box.active}` : nothing}
        aria-describedby="hint"
        placeholder=${msg(lang, 'searchPlaceholder')}
        autocomplete="off"
        spellcheck="false"
        .value=${box.text}
        @input=${box.onInput}
        @keydown=${(event: KeyboardEvent) => box.onKeydown(event)}
        @focus=${() => {
          box.open = box.text.trim() !== '';
          this.requestUpdate();
        }}
        @blur=${box.onBlur}
      />
      <svg class="icon" viewBox="0 0 24 24" fill="none" stroke-width="2.2" aria-hidden="true">
        <circle cx="11" cy="11" r="7"></circle>
        <path d="m20 20-3.5-3.5"></path>
      </svg>
      <span id="hint" class="visually-hidden">${msg(lang, 'searchHintText')}</span>
      ${renderHitList(box, lang, {
        id: 'hits',
        label: msg(lang, 'searchLabel'),
        empty: msg(lang, 'searchEmpty'),
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-search': GtSearch;
  }
}
