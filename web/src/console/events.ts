// The console's own events, fired by its editor on user action; bubbling and composed like the
// app's (components/events.ts), named `gt-…`.

/** The planner changed the query text. */
export class QueryInputEvent extends Event {
  static readonly eventName = 'gt-query-input';
  constructor(readonly text: string) {
    super(QueryInputEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The planner asked to run the query (Ctrl/Cmd+Enter in the editor). */
export class QueryRunEvent extends Event {
  static readonly eventName = 'gt-query-run';
  constructor() {
    super(QueryRunEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'gt-query-input': QueryInputEvent;
    'gt-query-run': QueryRunEvent;
  }
}
