// What a search field does, whatever it is for: ask the search as the planner types (a short
// pause takes a burst of keys or an IME's commit as one question), keep the highlighted hit,
// move it with the arrow keys, choose with Enter or a click, close with Escape. The main search
// box and the paths tool's unit fields both use it, so both find units the same way.
// Each question is asked twice: first for names and titles alone, which the server ranks in
// memory and which are drawn at once, then for the whole answer, which adds below them what the
// full-text index finds in items' text (a Neo4j query: tens of ms, more on a busy machine).
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.ts';
import { searchHits, type SearchHit, type SearchOptions } from './search-api.ts';

/**
 * Wait after a keystroke before asking for the whole answer (the full-text index, in Neo4j), in
 * ms: a burst of typing asks it once. The names' answer is asked at once: the API ranks kept
 * candidates in memory in a few ms, and a keystroke typed meanwhile cancels it.
 */
export const TYPING_PAUSE = 30;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

export interface SearchBoxOptions {
  api: () => ApiClient;
  /** The plan searched, and how many hits and of what kind. */
  search: () => Omit<SearchOptions, 'signal'>;
  /** The text the field shows once a hit is chosen. */
  textOf: (hit: SearchHit) => string;
  /** A planner chose a hit (Enter, or a click on it). */
  chosen: (hit: SearchHit) => void;
}

export class SearchBox implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: SearchBoxOptions;
  #enterPending = false;
  /** The hit last chosen, shown in the field: its one hit, without asking the API again. */
  #chosen: { text: string; hit: SearchHit } | null = null;
  /** The names' answer to what was typed, shown while the whole answer is on its way. */
  #early: { text: string; hits: SearchHit[] } | null = null;

  /** What the field holds. */
  text = '';
  /** Whether the list is open. */
  open = false;
  /** The highlighted hit's index, -1: none. */
  active = -1;

  readonly hits: Task<readonly [string, string | null, number, string | undefined], SearchHit[]>;

  constructor(host: ReactiveControllerHost, options: SearchBoxOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.hits = new Task(host, {
      args: () => {
        const { plan, limit, kind } = this.#options.search();
        return [this.text.trim(), plan, limit, kind] as const;
      },
      task: async ([text, plan, limit, kind], { signal }): Promise<SearchHit[]> => {
        if (text === '') return [];
        // The field now shows the name chosen: nothing new to ask.
        if (this.#chosen !== null && this.#chosen.text === text) return [this.#chosen.hit];
        const options = { plan, limit, ...(kind === undefined ? {} : { kind }) };
        const api = this.#options.api();
        const named = await searchHits(api, text, { ...options, fulltext: false }, signal);
        if (named.length >= limit) return named;
        this.#early = { text, hits: named };
        this.active = named.length > 0 ? 0 : -1;
        this.#host.requestUpdate();
        // The whole answer starts with these: Enter need not wait for the rest.
        const first = named[0];
        if (this.#enterPending && first !== undefined) {
          this.#enterPending = false;
          this.choose(first);
        }
        await pause(TYPING_PAUSE, signal);
        return searchHits(api, text, options, signal);
      },
      onComplete: (hits) => {
        // The whole answer after the names' one keeps the highlight where the planner moved it.
        const early = this.#early;
        this.#early = null;
        const kept = early !== null && early.text === this.text.trim() && this.active >= 0;
        this.active = hits.length === 0 ? -1 : kept ? Math.min(this.active, hits.length - 1) : 0;
        if (this.#enterPending) {
          this.#enterPending = false;
          const first = hits[0];
          if (first !== undefined) this.choose(first);
        }
      },
    });
  }

  /** Whether a pointer is pressed anywhere: a blur it causes closes the list when it is let go. */
  #pressed = false;
  readonly #onPress = (): void => {
    this.#pressed = true;
  };
  readonly #onRelease = (): void => {
    this.#pressed = false;
  };

  hostConnected(): void {
    window.addEventListener('pointerdown', this.#onPress, true);
    window.addEventListener('pointerup', this.#onRelease, true);
  }

  hostDisconnected(): void {
    window.removeEventListener('pointerdown', this.#onPress, true);
    window.removeEventListener('pointerup', this.#onRelease, true);
  }

  /** The hit chosen and still shown in the field, else null (the planner typed on). */
  get chosenHit(): SearchHit | null {
    return this.#chosen !== null && this.#chosen.text === this.text.trim()
      ? this.#chosen.hit
      : null;
  }

  /**
   * The hits to show: the answer to what is typed, or while it is on its way the names' part of
   * it, else the last answer (the list does not blink empty between keystrokes).
   */
  get shownHits(): readonly SearchHit[] {
    const early = this.#early;
    if (
      this.hits.status === TaskStatus.PENDING &&
      early !== null &&
      early.text === this.text.trim()
    ) {
      return early.hits;
    }
    return this.hits.value ?? [];
  }

  /** Whether the list shows: open, and something typed. */
  get showList(): boolean {
    return this.open && this.text.trim() !== '';
  }

  /** Puts text in the field without a planner typing it (a unit chosen on the graph). */
  setText(text: string): void {
    this.text = text;
    this.#host.requestUpdate();
  }

  onInput = (event: Event): void => {
    this.text = (event.target as HTMLInputElement).value;
    this.open = this.text.trim() !== '';
    this.#enterPending = false;
    this.#host.requestUpdate();
  };

  onFocus = (): void => {
    this.open = this.text.trim() !== '' && this.chosenHit === null;
    this.#host.requestUpdate();
  };

  /**
   * Closing the list moves what is below it when the list is in the flow of a form (the paths
   * tool): closed while the pointer that took the focus away is still down, the button it was
   * pressed on would move from under it and never be clicked. So a press closes the list when it
   * is let go — the click's target is already found by then.
   */
  onBlur = (): void => {
    const close = () => {
      this.open = false;
      this.#host.requestUpdate();
    };
    if (this.#pressed) window.addEventListener('pointerup', close, { once: true, capture: true });
    else close();
  };

  /**
   * The keys of an ARIA combobox. Enter chooses the highlighted hit, or the first one when the
   * answer comes; with `enterSubmits`, Enter on a field whose text is already chosen (or empty)
   * is left to the form.
   */
  onKeydown = (event: KeyboardEvent, enterSubmits = false): void => {
    const hits = this.shownHits;
    // The names' answer shown, with something in it: what Enter takes comes first in the whole.
    const early = this.#early !== null && hits === this.#early.hits && hits.length > 0;
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
        if (enterSubmits && (!this.showList || this.chosenHit !== null)) return;
        event.preventDefault();
        // Still waiting for the answer to what was typed: choose its first hit when it comes
        // (the names' part of it is enough: the rest only adds below).
        if ((this.hits.status !== TaskStatus.COMPLETE && !early) || this.text.trim() === '') {
          this.#enterPending = this.text.trim() !== '';
          return;
        }
        const hit = hits[this.active] ?? hits[0];
        if (hit !== undefined) this.choose(hit);
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
      default:
        return;
    }
    this.#host.requestUpdate();
  };

  choose(hit: SearchHit): void {
    this.open = false;
    this.text = this.#options.textOf(hit);
    this.#chosen = { text: this.text.trim(), hit };
    this.#host.requestUpdate();
    this.#options.chosen(hit);
  }
}
