// Lights the ranking row an address names (`?hot=coordination-pairs&row=市发改委|市经信局`): once
// the plan is drawn, the ranking is read, the row found by its key and its ids lit, as a click on
// it would. Hosted by the app, so the row lights whichever tool is open.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.ts';
import type { ShownGraph } from '../graph/to-elements.ts';
import type { ViewState } from '../state/view.ts';
import { findRow } from './row-key.ts';
import { rowMarks } from './row-marks.ts';

export interface LitRowHost {
  api: () => ApiClient;
  view: () => ViewState;
  /** The plan drawn, once it is. */
  plan: () => string | null;
  shown: () => ShownGraph | null;
  /** The row's ids, for the row still named in the view; `centre` when the page just opened. */
  light: (marks: readonly string[], centre: boolean) => void;
}

export class LitRowController implements ReactiveController {
  readonly #host: LitRowHost;
  /** The row last looked up (plan, ranking and key), so each is read once. */
  #asked = '';
  /** The first row lit is the one the page opened with: the camera goes to it. */
  #opening = true;

  constructor(host: ReactiveControllerHost, options: LitRowHost) {
    this.#host = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const view = this.#host.view();
    const plan = this.#host.plan();
    const shown = this.#host.shown();
    const { hot, row } = view;
    const drawn = plan !== null && shown !== null && shown.nodes.length > 0;
    if (hot === null || row === null || view.marked.length > 0) {
      // Lit by a click, or nothing lit: a later step back to an unlit row asks again. A row lit
      // later (a saved view, a step back) leaves the camera where it is.
      this.#asked = '';
      if (drawn) this.#opening = false;
      return;
    }
    if (!drawn) return;
    const asked = `${plan}\n${hot}\n${row}`;
    if (asked === this.#asked) return;
    this.#asked = asked;
    const centre = this.#opening;
    this.#opening = false;
    void this.#resolve(plan, hot, row, view.collectives, shown).then((marks) => {
      const now = this.#host.view();
      if (marks === null || now.hot !== hot || now.row !== row || now.marked.length > 0) return;
      this.#host.light(marks, centre);
    });
  }

  // Collective units are left out of a ranking unless asked for; a row of one is found with them.
  async #resolve(
    plan: string,
    ranking: string,
    key: string,
    collectives: boolean,
    shown: ShownGraph,
  ): Promise<string[] | null> {
    const api = this.#host.api();
    try {
      for (const withCollectives of collectives ? [false, true] : [false]) {
        const answer = await api.hotspot(ranking, { plan, collectives: withCollectives });
        const found = findRow(answer.rows, answer.columns, key);
        if (found !== undefined) return rowMarks(found, shown);
      }
    } catch (error) {
      console.warn('guatu: the ranking row in the address could not be read', error);
    }
    return null;
  }
}
