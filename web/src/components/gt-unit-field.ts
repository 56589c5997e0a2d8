// A field that names a unit (the paths tool's ends): the planner types a name, pinyin, initials
// ("czj" → 市财政局), Traditional or English and picks from the list the API's search gives for
// units — the very search of the main box, so a unit is found the same way everywhere. An ARIA
// 1.2 combobox; Enter on a chosen unit is left to the form around it.
import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import { searchFieldStyles } from '../search/field-styles.ts';
import { hitListStyles, renderHitList } from '../search/hit-list.ts';
import { SearchBox } from '../search/search-box.ts';
import { sharedStyles } from './shared-styles.ts';

/** Units offered at most: a field names one unit, a short list reads at a glance. */
const UNIT_HITS = 8;

/** The planner typed in a unit field or chose a unit from its list. */
export class UnitFieldEvent extends Event {
  static readonly eventName = 'gt-unit-field';
  constructor(
    readonly text: string,
    /** The unit chosen from the list; null while the text is only typed. */
    readonly unitId: string | null,
  ) {
    super(UnitFieldEvent.eventName, { bubbles: true, composed: true });
  }
}

@customElement('gt-unit-field')
export class GtUnitField extends LitElement {
  static override styles = [sharedStyles, hitListStyles, searchFieldStyles];

  @consume({ context: apiContext })
  private api!: ApiClient;

  readonly #box = new SearchBox(this, {
    api: () => this.api,
    search: () => ({ plan: this.plan, limit: UNIT_HITS, kind: 'unit' }),
    textOf: (hit) => (this.language === 'en' ? (hit.labelEn ?? hit.label) : hit.label),
    chosen: (hit) => this.dispatchEvent(new UnitFieldEvent(this.#box.text, hit.id)),
  });

  /** The input's name: `from` or `to`. */
  @property() name = '';
  @property() label = '';
  /** The text the field shows, set by the panel (a unit chosen on the graph). */
  @property() value = '';
  @property() plan: string | null = null;
  @property() language: Lang = 'zh';

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value !== this.#box.text) this.#box.setText(this.value);
  }

  #onInput(event: Event): void {
    this.#box.onInput(event);
    this.dispatchEvent(new UnitFieldEvent(this.#box.text, null));
  }

  #onKeydown(event: KeyboardEvent): void {
    this.#box.onKeydown(event, true);
    // The input is in this shadow root, not in the panel's form: Enter on a unit already chosen
    // submits that form as it would a plain input of it.
    if (event.key === 'Enter' && !event.defaultPrevented) {
      event.preventDefault();
      this.closest('form')?.requestSubmit();
    }
  }

  override render() {
    const box = this.#box;
    const lang = this.language;
    return html`
      <label for="input">${this.label}</label>
      <div class="box">
        <input
          id="input"
          type="text"
          name=${this.name}
          role="combobox"
          aria-autocomplete="list"
          aria-controls="hits"
          aria-expanded=${box.showList ? 'true' : 'false'}
          aria-activedescendant=${box.showList && box.active >= 0 ? `hit-${box.active}` : nothing}
          aria-describedby="hint"
          placeholder=${msg(lang, 'pathsUnitPlaceholder')}
          autocomplete="off"
          spellcheck="false"
          .value=${box.text}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @focus=${box.onFocus}
          @blur=${box.onBlur}
        />
        <span id="hint" class="visually-hidden">${msg(lang, 'unitFieldHint')}</span>
        ${renderHitList(box, lang, {
          id: 'hits',
          label: this.label,
          empty: msg(lang, 'unitFieldEmpty'),
        })}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-unit-field': GtUnitField;
  }
  interface HTMLElementEventMap {
    'gt-unit-field': UnitFieldEvent;
  }
}
