// A field that names an item of the plan (the attach screen's target): the planner types a number
// (二(一)2) or words of a title and picks from the list the API's search gives for items — the very
// search of the main box, through the same controller and hit list as <gt-unit-field>. An ARIA
// 1.2 combobox.
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import { attachWord } from '../i18n/features/attach.ts';
import type { Lang } from '../i18n/messages.ts';
import { searchFieldStyles } from '../search/field-styles.ts';
import { hitListStyles, renderHitList } from '../search/hit-list.ts';
import type { SearchHit } from '../search/search-api.ts';
import { SearchBox } from '../search/search-box.ts';

/** Items offered at most. */
const ITEM_HITS = 8;

/** The planner chose an item from the field's list. */
export class ItemChooseEvent extends Event {
  static readonly eventName = 'gt-item-choose';
  constructor(readonly hit: SearchHit) {
    super(ItemChooseEvent.eventName, { bubbles: true, composed: true });
  }
}

@customElement('gt-item-field')
export class GtItemField extends LitElement {
  static override styles = [sharedStyles, hitListStyles, searchFieldStyles];

  @consume({ context: apiContext })
  private api!: ApiClient;

  readonly #box = new SearchBox(this, {
    api: () => this.api,
    search: () => ({ plan: this.plan, limit: ITEM_HITS, kind: 'item' }),
    textOf: (hit) => hit.label,
    chosen: (hit) => this.dispatchEvent(new ItemChooseEvent(hit)),
  });

  @property() plan: string | null = null;
  @property() language: Lang = 'zh';

  override render() {
    const box = this.#box;
    const lang = this.language;
    return html`
      <label for="input">${attachWord(lang, 'attachSearch')}</label>
      <div class="box">
        <input
          id="input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-controls="hits"
          aria-expanded=${box.showList ? 'true' : 'false'}
          aria-activedescendant=${box.showList && box.active >= 0 ? `hit-${box.active}` : nothing}
          aria-describedby="hint"
          placeholder=${attachWord(lang, 'attachSearchPlaceholder')}
          autocomplete="off"
          spellcheck="false"
          .value=${box.text}
          @input=${box.onInput}
          @keydown=${(event: KeyboardEvent) => box.onKeydown(event)}
          @focus=${box.onFocus}
          @blur=${box.onBlur}
        />
        <span id="hint" class="visually-hidden">${attachWord(lang, 'attachSearchHint')}</span>
        ${renderHitList(box, lang, {
          id: 'hits',
          label: attachWord(lang, 'attachSearch'),
          empty: attachWord(lang, 'attachSearchEmpty'),
        })}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-item-field': GtItemField;
  }
  interface HTMLElementEventMap {
    'gt-item-choose': ItemChooseEvent;
  }
}
