// The app's events: small typed classes, all named `gt-…`, bubbling and composed so they cross
// shadow roots up to <gt-app>. Fired on user action only, never when a property is set.
import type { ViewState } from '../state/view.ts';

/** A planner chose a node (in the search, a panel, the table or the canvas); null clears. */
export class NodeSelectEvent extends Event {
  static readonly eventName = 'gt-node-select';
  constructor(
    readonly id: string | null,
    /** Move the camera to it: true when chosen outside the canvas. */
    readonly centre: boolean,
  ) {
    super(NodeSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A planner changed part of the view: a filter, the layout, the language, an expansion. */
export class ViewChangeEvent extends Event {
  static readonly eventName = 'gt-view-change';
  constructor(readonly patch: Partial<ViewState>) {
    super(ViewChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A planner asked to fit the whole graph on screen. */
export class FitRequestEvent extends Event {
  static readonly eventName = 'gt-fit-request';
  constructor() {
    super(FitRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A planner lit a set of nodes and edges (a ranking row, a path, a result); empty clears. */
export class MarkEvent extends Event {
  static readonly eventName = 'gt-mark';
  constructor(
    readonly ids: readonly string[],
    /** Move the camera to them. */
    readonly centre = true,
  ) {
    super(MarkEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A planner chose another of the loaded plans to explore, keeping a node chosen if given. */
export class PlanChooseEvent extends Event {
  static readonly eventName = 'gt-plan-choose';
  constructor(
    readonly planId: string,
    /** The node to show chosen there (a unit is the same node in every plan). */
    readonly selected: string | null = null,
  ) {
    super(PlanChooseEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'gt-node-select': NodeSelectEvent;
    'gt-view-change': ViewChangeEvent;
    'gt-fit-request': FitRequestEvent;
    'gt-mark': MarkEvent;
    'gt-plan-choose': PlanChooseEvent;
  }
}
