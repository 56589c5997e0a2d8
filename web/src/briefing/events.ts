// The briefing's events, bubbling and composed up to <gt-app> like the app's others.
import type { SavedView } from './saved-views.ts';

/**
 * Show a saved view: its view state and pinned nodes, and its camera exactly — or, as a slide
 * (`present`), what it framed fitted to the screen it is shown on.
 */
export class SavedViewApplyEvent extends Event {
  static readonly eventName = 'gt-saved-view-apply';
  constructor(
    readonly saved: SavedView,
    readonly present = false,
  ) {
    super(SavedViewApplyEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Step through these views full-screen, starting at `start`. */
export class PresentEvent extends Event {
  static readonly eventName = 'gt-present';
  constructor(
    readonly views: readonly SavedView[],
    readonly start = 0,
  ) {
    super(PresentEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The planner left the presentation. */
export class PresentEndEvent extends Event {
  static readonly eventName = 'gt-present-end';
  constructor() {
    super(PresentEndEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'gt-saved-view-apply': SavedViewApplyEvent;
    'gt-present': PresentEvent;
    'gt-present-end': PresentEndEvent;
  }
}
