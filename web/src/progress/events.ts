// The progress panel's event: a planner or liaison wrote progress, a deadline or a value on an
// item, so views that show progress (the war map, the timeline) read it again. Bubbling and
// composed like the app's other events (web/src/components/events.ts).
export class ProgressChangeEvent extends Event {
  static readonly eventName = 'gt-progress-change';
  constructor(readonly itemId: string) {
    super(ProgressChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'gt-progress-change': ProgressChangeEvent;
  }
  // Heard on the window too: the panel of an item hears a change made from another screen.
  interface WindowEventMap {
    'gt-progress-change': ProgressChangeEvent;
  }
}
