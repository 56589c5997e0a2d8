// The list of hits under a search field, the same in the main search box and the paths tool:
// a unit's name in the planner's language with its other names below, an item's label, and for
// an item found by its text the words in place, marked. The snippet's pieces are bound as text,
// so whatever a plan's text holds is shown, never run.
import { css, html, nothing, type TemplateResult } from 'lit';
import { kindName, msg, type Lang, type MessageKey } from '../i18n/messages.ts';
import type { SearchBox } from './search-box.ts';
import type { SearchHit, SnippetPart } from './search-api.ts';

export const hitListStyles = css`
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
    text-align: left;
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
  .sub,
  .snippet {
    grid-column: 1;
    font-size: 0.78rem;
    color: var(--gt-muted);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .sub {
    white-space: nowrap;
  }
  .snippet {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    line-height: 1.4;
  }
  .snippet mark {
    background: #ffe58a;
    color: var(--gt-ink);
    border-radius: 2px;
    padding: 0 1px;
  }
  .where {
    font-weight: 600;
    margin-right: 0.3em;
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
`;

/** Where the words were found, in words, when it is not the name shown. */
const FOUND_IN: Readonly<Record<string, MessageKey>> = {
  text: 'searchFoundIn_text',
  alias: 'searchFoundIn_alias',
  fullName: 'searchFoundIn_fullName',
  englishName: 'searchFoundIn_englishName',
  pinyin: 'searchFoundIn_pinyin',
  initials: 'searchFoundIn_initials',
  fulltext: 'searchFoundIn_fulltext',
};

function foundIn(lang: Lang, hit: SearchHit): string | null {
  const key = FOUND_IN[hit.matched];
  return key === undefined ? null : msg(lang, key);
}

function renderSnippet(lang: Lang, hit: SearchHit, parts: readonly SnippetPart[]) {
  return html`<span class="snippet" data-snippet
    ><span class="where">${foundIn(lang, hit)}</span>${parts.map((part) =>
      part.match ? html`<mark>${part.text}</mark>` : part.text,
    )}</span
  >`;
}

function renderHit(box: SearchBox, lang: Lang, hit: SearchHit, index: number) {
  const english = hit.labelEn ?? null;
  const main = lang === 'en' && english !== null ? english : hit.label;
  const where = hit.snippet ? null : foundIn(lang, hit);
  const sub = [lang === 'en' ? hit.label : english, hit.fullName]
    .filter((part): part is string => part !== null && part !== undefined && part !== main)
    .join(' · ');
  return html`<li
    role="option"
    id="hit-${index}"
    aria-selected=${index === box.active ? 'true' : 'false'}
    data-id=${hit.id}
    data-matched=${hit.matched}
    title=${where ?? nothing}
    @pointerdown=${(event: PointerEvent) => {
      // Keep the focus in the input; choose on pointer down so the blur does not close first.
      event.preventDefault();
      box.choose(hit);
    }}
  >
    <span class="name">${main}</span>
    <span class="badge muted kind">${kindName(lang, hit.kind)}</span>
    ${
      hit.snippet
        ? renderSnippet(lang, hit, hit.snippet)
        : sub !== ''
          ? html`<span class="sub">${sub}</span>`
          : nothing
    }
  </li>`;
}

/** The listbox of a search field; `id` is what the field's aria-controls names. */
export function renderHitList(
  box: SearchBox,
  lang: Lang,
  options: { id: string; label: string; empty: string },
): TemplateResult {
  // While an answer is on its way: the names' part of it, else the last answer.
  const shown = box.shownHits;
  return html`<ul
    id=${options.id}
    role="listbox"
    aria-label=${options.label}
    ?hidden=${!box.showList}
  >
    ${box.hits.render({
      pending: () =>
        shown.length > 0
          ? shown.map((hit, i) => renderHit(box, lang, hit, i))
          : html`<li class="empty" role="presentation">${msg(lang, 'loading')}</li>`,
      complete: (done) =>
        done.length > 0
          ? done.map((hit, i) => renderHit(box, lang, hit, i))
          : html`<li class="empty" role="presentation">${options.empty}</li>`,
      error: (error) => html`<li class="empty error" role="presentation">${String(error)}</li>`,
    })}
  </ul>`;
}
