// The comparison of editions for the explorer (<gt-app>): asks for it while the address names two
// editions (`compare=`), loads the view's code on first use (the first screen does not pay for
// it), and, on the graph, hands the canvas the newer edition marked (edition-graph.ts). Ghosts are
// no plan's nodes: a tap on one is kept from the explorer's selection and shown by the view.
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EditionComparison } from '../../../contract/api/editions.ts';
import type { ApiClient } from '../api/client.ts';
import { NodeSelectEvent, ViewChangeEvent } from '../components/events.ts';
import type * as EditionGraph from './edition-graph.ts';
import type { CyEdge, CyNode, ShownGraph } from '../graph/to-elements.ts';
import type { ViewState } from '../state/view.ts';
import type { EditionPair } from './compare-view.ts';

type GraphModule = typeof EditionGraph;

export interface EditionsSources {
  api: () => ApiClient;
  view: () => ViewState;
}

/** What of the explorer's drawing the marked graph is made from. */
export interface DrawnPlan {
  /** The plan drawn. */
  plan: string;
  shown: ShownGraph;
  englishPrefix: string;
}

const keyOf = (pair: EditionPair | null) => (pair === null ? null : `${pair.from}..${pair.to}`);

export class EditionsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #sources: EditionsSources;
  #graphModule: GraphModule | null = null;
  /** The comparison whose newer edition the explorer was last turned to (on the graph). */
  #turnedTo: string | null = null;
  /** The view's code has been asked for (once, unless it failed). */
  #asked = false;
  #kept: {
    comparison: EditionComparison;
    shown: ShownGraph;
    drawnFor: string;
    elements: (CyNode | CyEdge)[];
    ghosts: ReadonlyMap<string, EditionComparison['items'][number]>;
  } | null = null;
  /** The ghost the planner tapped last, shown by the view. */
  ghost: EditionComparison['items'][number] | null = null;

  readonly task: Task<readonly [string | null], EditionComparison | null>;

  readonly #onSelect = (event: NodeSelectEvent): void => {
    const ghost = event.id === null ? undefined : this.#kept?.ghosts.get(event.id);
    const tapped = ghost ?? null;
    if (tapped === null && this.ghost === null) return;
    this.ghost = tapped;
    this.#host.requestUpdate();
    if (tapped !== null) event.stopImmediatePropagation();
  };

  constructor(host: ReactiveControllerHost & HTMLElement, sources: EditionsSources) {
    this.#host = host;
    this.#sources = sources;
    host.addController(this);
    this.task = new Task(host, {
      args: () => [keyOf(sources.view().compare)] as const,
      task: async ([key], { signal }) => {
        const pair = sources.view().compare;
        if (key === null || pair === null) return null;
        const { fetchComparison } = await import('./editions-api.ts');
        return fetchComparison(sources.api(), pair, signal);
      },
    });
  }

  hostConnected(): void {
    // Capture: the explorer's own listener (bubbling, on the same element) must not see a ghost.
    this.#host.addEventListener(NodeSelectEvent.eventName, this.#onSelect, { capture: true });
  }

  hostDisconnected(): void {
    this.#host.removeEventListener(NodeSelectEvent.eventName, this.#onSelect, { capture: true });
  }

  hostUpdate(): void {
    if (this.#sources.view().compare !== null) this.#load();
    else this.ghost = null;
  }

  // On the graph, the newer edition is the plan drawn: a link that names the comparison but not
  // the plan (or another) turns to it, once per comparison, as if the planner had chosen it.
  hostUpdated(): void {
    const view = this.#sources.view();
    const pair = view.compare;
    const key = view.compareOn === 'graph' ? keyOf(pair) : null;
    if (key === null || pair === null || key === this.#turnedTo) return;
    this.#turnedTo = key;
    if (view.plan !== pair.to) {
      this.#host.dispatchEvent(new ViewChangeEvent({ plan: pair.to, selected: null }));
    }
  }

  #load(): void {
    if (this.#asked) return;
    this.#asked = true;
    Promise.all([import('./gt-editions-view.ts'), import('./edition-graph.ts')])
      .then(([, graph]) => {
        this.#graphModule = graph;
        this.#host.requestUpdate();
      })
      .catch((error: unknown) => {
        this.#asked = false;
        console.error('editions: the view could not be loaded', error);
      });
  }

  /** The comparison asked for by the address, once it has come. */
  get comparison(): EditionComparison | null {
    const pair = this.#sources.view().compare;
    const value = this.task.value ?? null;
    if (pair === null || value === null) return null;
    return value.from.planId === pair.from && value.to.planId === pair.to ? value : null;
  }

  /** Whether the comparison asked for is on its way. */
  get pending(): boolean {
    return this.#sources.view().compare !== null && this.task.status === TaskStatus.PENDING;
  }

  /** What went wrong asking for it, in the API's words; '' when nothing did. */
  get problem(): string {
    if (this.task.status !== TaskStatus.ERROR) return '';
    const error = this.task.error;
    return error instanceof Error ? error.message : String(error);
  }

  /** Whether the view's code has arrived (its element is defined). */
  get ready(): boolean {
    return this.#graphModule !== null;
  }

  /**
   * The canvas's elements while the comparison is shown on the graph and the newer edition is the
   * plan drawn; null otherwise (the explorer draws its own). The same array while nothing changed.
   */
  elements(drawn: DrawnPlan | null): (CyNode | CyEdge)[] | null {
    const view = this.#sources.view();
    const comparison = this.comparison;
    const graph = this.#graphModule;
    if (view.compareOn !== 'graph' || comparison === null || graph === null || drawn === null) {
      return null;
    }
    if (drawn.plan !== comparison.to.planId) return null;
    const drawnFor = `${view.lang}|${view.layout}`;
    const kept = this.#kept;
    if (
      kept?.comparison === comparison &&
      kept.shown === drawn.shown &&
      kept.drawnFor === drawnFor
    ) {
      return kept.elements;
    }
    const marked = graph.markEditions(drawn.shown, comparison);
    const elements = graph.editionElements(marked, {
      lang: view.lang,
      englishPrefix: drawn.englishPrefix,
      layout: view.layout,
      // The columns wrap to the shape of the screen the graph is fitted to, as the explorer's do.
      aspect: Math.max(0.6, (innerWidth - 390) / Math.max(200, innerHeight - 110)),
    });
    const ghosts = new Map([...marked.rows].filter(([id]) => id.startsWith(graph.GHOST_PREFIX)));
    this.#kept = { comparison, shown: drawn.shown, drawnFor, elements, ghosts };
    return elements;
  }
}
