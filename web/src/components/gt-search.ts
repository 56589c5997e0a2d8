// The search box: type a bureau's name in Chinese, Traditional, pinyin, initials ("fgw") or
// English, pick from the list with the arrow keys, Enter goes to it on the graph. An ARIA 1.2
// combobox: the input owns a listbox and points at the highlighted option.
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { SearchHit } from '../api/schema.ts';
import { kindName, msg, type Lang } from '../i18n/messages.ts';
import { NodeSelectEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * Wait after a keystroke before asking the API, in ms: long enough to take a burst of typing (or
 * an IME's commit) as one question, short enough that suggestions show within 100 ms of the last
 * key — the API ranks kept candidates in memory and answers in a few ms.
 */
const TYPING_PAUSE = 30;
const HITS = 12;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

@customElement('gt-search')
export class GtSearch extends LitElement {
  static override styles = [
    sharedStyles,
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
      [role='listbox'] {
        position: absolute;
        z-index: 20;
        top: calc(100% + 4px);
        left: 0;
        right: 0;
        margin: 0;
        padding: 0.25rem 0;
        list-style: none;
        background: var(--gt-surface);
        color: var(--gt-ink);
        border: 1px solid var(--gt-line);
        border-radius: 8px;
        box-shadow: 0 10px 30px rgba(20, 35, 55, 0.18);
        max-height: 60vh;
        overflow: auto;
      }
      [role='option'] {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0 0.6rem;
        padding: 0.4rem 0.8rem;
        cursor: pointer;
      }
      [role='option'][aria-selected='true'] {
        background: var(--gt-selected-bg);
      }
      .name {
        font-weight: 600;
      }
      .sub {
        grid-column: 1;
        font-size: 0.78rem;
        color: var(--gt-muted);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .kind {
        grid-row: 1 / span 2;
        grid-column: 2;
        align-self: center;
      }
      .empty {
        padding: 0.5rem 0.8rem;
        color: var(--gt-muted);
        font-size: 0.85rem;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  #enterPending = false;
  /** The name last chosen, shown in the box: its one hit, without asking the API again. */
  #chosen: { text: string; hits: SearchHit[] } | null = null;

  private hits = new Task(this, {
    args: () => [this.text.trim(), this.plan] as const,
    task: async ([text, plan], { signal }): Promise<SearchHit[]> => {
      if (text === '') return [];
      // The box now shows the name chosen: nothing new to ask.
      if (this.#chosen !== null && this.#chosen.text === text) return this.#chosen.hits;
      await pause(TYPING_PAUSE, signal);
      return this.api.search(text, { plan, limit: HITS }, signal);
    },
    onComplete: (hits) => {
      this.active = hits.length > 0 ? 0 : -1;
      if (this.#enterPending) {
        this.#enterPending = false;
        const first = hits[0];
        if (first !== undefined) this.#choose(first);
      }
    },
  });

  @query('input') private input!: HTMLInputElement;

  @state() private text = '';
  @state() private open = false;
  @state() private active = -1;

  @property() language: Lang = 'zh';
  @property() plan: string | null = null;

  #onInput(event: InputEvent): void {
    this.text = (event.target as HTMLInputElement).value;
    this.open = this.text.trim() !== '';
    this.#enterPending = false;
  }

  #onKeydown(event: KeyboardEvent): void {
    const hits = this.hits.value ?? [];
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.open = true;
        this.active = hits.length === 0 ? -1 : (this.active + 1) % hits.length;
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.active = hits.length === 0 ? -1 : (this.active - 1 + hits.length) % hits.length;
        break;
      case 'Enter': {
        event.preventDefault();
        // Still waiting for the answer to what was typed: choose its first hit when it comes.
        if (this.hits.status !== TaskStatus.COMPLETE || this.text.trim() === '') {
          this.#enterPending = this.text.trim() !== '';
          return;
        }
        const hit = hits[this.active] ?? hits[0];
        if (hit !== undefined) this.#choose(hit);
        break;
      }
      case 'Escape':
        if (this.open) {
          event.stopPropagation();
          this.open = false;
        } else if (this.text !== '') {
          event.stopPropagation();
          this.text = '';
        }
        break;
    }
  }

  #choose(hit: SearchHit): void {
    this.open = false;
    this.text =
      this.language === 'en' && hit.kind === 'unit' ? (hit.labelEn ?? hit.label) : hit.label;
    this.#chosen = { text: this.text.trim(), hits: [hit] };
    this.dispatchEvent(new NodeSelectEvent(hit.id, true));
  }

  /** Puts the cursor in the box (the `/` shortcut). */
  override focus(): void {
    this.input.focus();
    this.input.select();
  }

  #renderHit(hit: SearchHit, index: number) {
    const english = hit.labelEn ?? null;
    const main = this.language === 'en' && english !== null ? english : hit.label;
    const sub = [this.language === 'en' ? hit.label : english, hit.fullName]
      .filter((part): part is string => part !== null && part !== undefined && part !== main)
      .join(' · ');
    return html`<li
      role="option"
      id="hit-${index}"
      aria-selected=${index === this.active ? 'true' : 'false'}
      data-id=${hit.id}
      @pointerdown=${(event: PointerEvent) => {
        // Keep the focus in the input; choose on pointer down so the blur does not close first.
        event.preventDefault();
        this.#choose(hit);
      }}
    >
      <span class="name">${main}</span>
      <span class="badge muted kind">${kindName(this.language, hit.kind)}</span>
      ${sub !== '' ? html`<span class="sub">${sub}</span>` : nothing}
    </li>`;
  }

  override render() {
    const hits = this.hits.value ?? [];
    const showList = this.open && this.text.trim() !== '';
    return html`
      <input
        type="search"
        role="combobox"
        aria-label=${msg(this.language, 'searchLabel')}
        aria-autocomplete="list"
        aria-controls="hits"
        aria-expanded=${showList ? 'true' : 'false'}
        aria-activedescendant=${showList && this.active >= 0 ? `hit-${this.active}` : nothing}
        aria-describedby="hint"
        placeholder=${msg(this.language, 'searchPlaceholder')}
        autocomplete="off"
        spellcheck="false"
        .value=${this.text}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
        @focus=${() => (this.open = this.text.trim() !== '')}
        @blur=${() => (this.open = false)}
      />
      <svg class="icon" viewBox="0 0 24 24" fill="none" stroke-width="2.2" aria-hidden="true">
        <circle cx="11" cy="11" r="7"></circle>
        <path d="m20 20-3.5-3.5"></path>
      </svg>
      <span id="hint" class="visually-hidden">${msg(this.language, 'searchHint')}</span>
      <ul
        id="hits"
        role="listbox"
        aria-label=${msg(this.language, 'searchLabel')}
        ?hidden=${!showList}
      >
        ${this.hits.render({
          pending: () =>
            hits.length > 0
              ? hits.map((hit, i) => this.#renderHit(hit, i))
              : html`<li class="empty" role="presentation">${msg(this.language, 'loading')}</li>`,
          complete: (done) =>
            done.length > 0
              ? done.map((hit, i) => this.#renderHit(hit, i))
              : html`<li class="empty" role="presentation">
                  ${msg(this.language, 'searchEmpty')}
                </li>`,
          error: (error) => html`<li class="empty error" role="presentation">${String(error)}</li>`,
        })}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-search': GtSearch;
  }
}
