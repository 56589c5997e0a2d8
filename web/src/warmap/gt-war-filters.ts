// The progress filters in the filter bar, shown with the war map or the timeline: 已逾期,
// 30日内到期, 60日未报送进展. Items meeting any chosen one stand out; the rest step back.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ViewChangeEvent } from '../components/events.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import { warmapWord, type WarmapWord } from '../i18n/features/warmap.ts';
import { DEFAULT_VIEW, toggle, type ViewState } from '../state/view.ts';
import { WAR_FILTERS, type WarFilter } from '../state/warmap.ts';

const WORDS: Record<WarFilter, WarmapWord> = {
  overdue: 'warFilter_overdue',
  soon: 'warFilter_soon',
  stale: 'warFilter_stale',
};

@customElement('gt-war-filters')
export class GtWarFilters extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.25rem;
      }
      .label {
        color: var(--gt-muted);
        font-size: 0.78rem;
        margin-right: 0.15rem;
      }
    `,
  ];

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;

  override render() {
    const { view } = this;
    const lang = view.lang;
    return html`<div
      role="group"
      aria-label=${warmapWord(lang, 'warFiltersLabel')}
      title=${warmapWord(lang, 'warFiltersHint')}
    >
      <span class="label" aria-hidden="true">${warmapWord(lang, 'warFiltersLabel')}</span>
      ${WAR_FILTERS.map(
        (filter) =>
          html`<button
            class="button"
            data-war-filter=${filter}
            aria-pressed=${view.warFilters.includes(filter) ? 'true' : 'false'}
            @click=${() =>
              this.dispatchEvent(
                new ViewChangeEvent({
                  warFilters: toggle(view.warFilters, filter, WAR_FILTERS),
                }),
              )}
          >
            ${warmapWord(lang, WORDS[filter])}
          </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-war-filters': GtWarFilters;
  }
}
