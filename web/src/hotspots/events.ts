// The event of a lit ranking row: the ranking, the row's key (what the address keeps) and the ids
// it lights (what the canvas needs now). Bubbling and composed, named like the app's others.

export class HotspotRowEvent extends Event {
  static readonly eventName = 'gt-hotspot-row';
  constructor(
    readonly ranking: string,
    readonly row: string,
    readonly marks: readonly string[],
    /** Move the camera to them. */
    readonly centre = true,
  ) {
    super(HotspotRowEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'gt-hotspot-row': HotspotRowEvent;
  }
}
