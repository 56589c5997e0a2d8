// The explorer: header with the plan's title and the search, the filter bar, the graph filling
// the main area and the side panel on the right. Owns the view (kept in the URL), fetches the
// plan and the expansions, and decides what the canvas shows.
import { provide } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import type { Elements, NodeData, PlanGraph } from '../api/schema.ts';
import { LAYERED_DEFAULTS, layeredPositions } from '../graph/layered-layout.ts';
import { ALL_PLANS } from '../../../contract/api/plan-graph-url.ts';
import { allPlansSummary, mainPlanOf, planIdOf } from '../graph/all-plans.ts';
import { drawnPlans } from '../graph/plan-frame.ts';
import { rendererChoice } from '../graph/scene-detail.ts';
import { planPickerWord } from '../i18n/features/plan-picker.ts';
import {
  assignmentsOf,
  indexElements,
  reachOf,
  themeOf,
  type PlanIndex,
} from '../graph/plan-index.ts';
import {
  categoryOf,
  commonEnglishPrefix,
  nodeName,
  nodeSize,
  shownGraph,
  toElements,
  type CyEdge,
  type CyNode,
  type ShownGraph,
} from '../graph/to-elements.ts';
import { msg } from '../i18n/messages.ts';
import { PresentEndEvent, PresentEvent, SavedViewApplyEvent } from '../briefing/events.ts';
import type { SavedView } from '../briefing/saved-views.ts';
import { fileSubject, planFileBase } from '../briefing/files.ts';
import type { Camera } from '../controllers/cytoscape-controller.ts';
import { namePlanFiles } from '../export/download.ts';
import type { Position } from 'cytoscape';
import { HotspotRowEvent } from '../hotspots/events.ts';
import { LitRowController } from '../hotspots/lit-row-controller.ts';
import { readView, TOOLS, writeView, type Tool, type ViewState } from '../state/view.ts';
import { SessionController } from '../controllers/session-controller.ts';
import { MarkEvent, NodeSelectEvent, PlanChooseEvent, ViewChangeEvent } from './events.ts';
import './gt-plan-picker.ts';
import './gt-one-plan.ts';
import type { GtGraph } from './gt-graph.ts';
import type { GtImportDialog, PlanImportedEvent } from './gt-import-dialog.ts';
import type { GtReportDialog } from './gt-report-dialog.ts';
import { reportWord } from '../i18n/features/reports.ts';
import { ledgerWord } from '../i18n/features/ledger.ts';
import type { GtSearch } from './gt-search.ts';
import { define, defineAll } from './later.ts';
import { sharedStyles } from './shared-styles.ts';
import './gt-canvas-controls.ts';
import './gt-db-banner.ts';
import './gt-filters.ts';
import './gt-graph.ts';
import './gt-legend.ts';
import './gt-node-actions.ts';
import './gt-plan-panel.ts';
import './gt-search.ts';
import { WarMapController } from '../warmap/war-map-controller.ts';
import { defaultEditions } from '../editions/compare-view.ts';
import { EditionsController } from '../editions/editions-controller.ts';
import { editionsEntryWord } from '../i18n/features/editions-entry.ts';

interface Expansion {
  graph: ShownGraph;
  /** Neighbours left out by the limit. */
  more: number;
}

/** Everything derived from the answers and the view that the template reads. */
interface Drawing {
  index: PlanIndex;
  shown: ShownGraph;
  elements: (CyNode | CyEdge)[];
  /** Language and layout the elements were made for: changing either redraws. */
  drawnFor: string;
  englishPrefix: string;
  units: NodeData[];
  themes: NodeData[];
  categories: string[];
  itemCount: number;
}

const ITEM_KINDS = new Set(['indicator', 'task', 'project', 'requirement']);
const NO_MARKS: ReadonlySet<string> = new Set();

/** The tools load on first use: the first screen does not pay for the console's editor. */
const TOOL_MODULES: Record<Tool, () => Promise<unknown>> = {
  hotspots: () => import('./gt-hotspots-panel.ts'),
  paths: () => import('./gt-paths-panel.ts'),
  console: () => import('./gt-console.ts'),
  views: () => import('./gt-views-panel.ts'),
};

const TOOL_LABELS: Record<Tool, 'toolHotspots' | 'toolPaths' | 'toolConsole' | 'toolViews'> = {
  hotspots: 'toolHotspots',
  paths: 'toolPaths',
  console: 'toolConsole',
  views: 'toolViews',
};
const NO_REACH: ReadonlySet<string> = new Set();
/** The side panels of a selection (components/later.ts): defined at once when one is in view. */
const PANELS = ['gt-unit-panel', 'gt-item-panel', 'gt-theme-panel', 'gt-node-panel'] as const;

/**
 * What expanding a node fetches. The whole plan already draws every lead, support and outline
 * link, so there it brings what the plan graph leaves out: coordination between units,
 * membership of collectives, delegation to other notices. In focus scope, everything but the
 * unit → plan figures link.
 */
const EXPAND_TYPES: Record<'plan' | 'focus', readonly string[]> = {
  plan: ['COORDINATES_WITH', 'MEMBER_OF', 'DELEGATED_TO'],
  focus: ['LEADS', 'SUPPORTS', 'UNDER', 'PART_OF', 'COORDINATES_WITH', 'MEMBER_OF', 'DELEGATED_TO'],
};

function asShown(elements: Elements): ShownGraph {
  return { nodes: elements.nodes.map((n) => n.data), edges: elements.edges.map((e) => e.data) };
}

function sameIds(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]?.id);
}

@customElement('gt-app')
export class GtApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto minmax(0, 1fr);
        height: 100vh;
        background: var(--gt-canvas);
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 1.2rem;
        padding: 0.55rem 1rem;
        background: var(--gt-header);
        color: #fff;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.7rem;
        min-width: 0;
        flex: 1;
      }
      .mark {
        flex: none;
        display: grid;
        place-items: center;
        width: 2.2rem;
        height: 2.2rem;
        border-radius: 7px;
        background: var(--gt-accent);
        color: var(--gt-header);
        font-weight: 800;
        font-size: 0.85rem;
        letter-spacing: 0.02em;
      }
      .titles {
        min-width: 0;
      }
      h1 {
        margin: 0;
        font-size: 1.02rem;
        font-weight: 650;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .subtitle {
        font-size: 0.75rem;
        opacity: 0.75;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      gt-search {
        flex: 0 1 28rem;
      }
      .import {
        border: 1px solid var(--gt-accent);
        background: transparent;
        color: #fff;
        border-radius: 6px;
        padding: 0.35rem 0.75rem;
        font-size: 0.85rem;
      }
      .import:hover {
        background: rgba(227, 163, 58, 0.25);
      }
      /* A file dragged over the page: the whole window is the drop target. */
      .drop {
        position: fixed;
        inset: 0;
        z-index: 60;
        display: grid;
        place-items: center;
        background: rgba(24, 50, 75, 0.55);
        color: #fff;
        font-size: 1.4rem;
        pointer-events: none;
      }
      .drop span {
        border: 3px dashed #fff;
        border-radius: 14px;
        padding: 2rem 3rem;
      }
      .lang {
        border: 1px solid rgba(255, 255, 255, 0.35);
        background: transparent;
        color: #fff;
        border-radius: 6px;
        padding: 0.35rem 0.75rem;
        font-size: 0.85rem;
      }
      .lang:hover {
        background: rgba(255, 255, 255, 0.12);
      }
      main {
        display: grid;
        grid-template-columns: minmax(0, 1fr) var(--gt-panel-width);
        min-height: 0;
      }
      /* The console needs room for an editor and a table beside the graph. */
      main.wide {
        grid-template-columns: minmax(0, 1fr) minmax(var(--gt-panel-width), 46vw);
      }
      .tools {
        display: flex;
        gap: 0.3rem;
      }
      .tools button {
        border: 1px solid rgba(255, 255, 255, 0.35);
        background: transparent;
        color: #fff;
        border-radius: 6px;
        padding: 0.35rem 0.7rem;
        font-size: 0.85rem;
      }
      .tools button:hover {
        background: rgba(255, 255, 255, 0.12);
      }
      .tools button[aria-pressed='true'] {
        background: var(--gt-accent);
        border-color: var(--gt-accent);
        color: var(--gt-header);
      }
      .stage {
        display: grid;
        grid-template-rows: minmax(0, 1fr) auto;
        min-width: 0;
        min-height: 0;
      }
      .area {
        position: relative;
        min-height: 0;
      }
      gt-graph,
      gt-table-view,
      gt-timeline,
      gt-matrix-view {
        position: absolute;
        inset: 0;
      }
      gt-table-view,
      gt-timeline,
      gt-matrix-view {
        padding-top: 3rem;
      }
      gt-node-actions {
        position: absolute;
        left: 0.8rem;
        top: 0.7rem;
        right: 20rem;
        pointer-events: none;
      }
      gt-canvas-controls {
        position: absolute;
        right: 0.8rem;
        top: 0.7rem;
      }
      .counts {
        position: absolute;
        right: 0.8rem;
        bottom: 0.7rem;
        font-size: 0.75rem;
        color: var(--gt-muted);
        background: rgba(255, 255, 255, 0.85);
        padding: 0.15rem 0.5rem;
        border-radius: 4px;
      }
      /* Presentation: the canvas alone, full-screen (or the whole window where that is refused). */
      .area.presenting {
        position: fixed;
        inset: 0;
        z-index: 50;
        background: var(--gt-canvas);
      }
      .area.presenting gt-node-actions,
      .area.presenting gt-canvas-controls,
      .area.presenting .counts {
        display: none;
      }
      .overlay {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        color: var(--gt-muted);
      }
      aside {
        background: var(--gt-surface);
        border-left: 1px solid var(--gt-line);
        overflow: auto;
        min-height: 0;
        position: relative;
      }
      .close {
        position: absolute;
        top: 0.6rem;
        right: 0.6rem;
        z-index: 2;
        border: 0;
        background: none;
        font-size: 1.2rem;
        line-height: 1;
        padding: 0.25rem 0.45rem;
        border-radius: 4px;
        color: var(--gt-muted);
      }
      .close:hover {
        background: var(--gt-hover);
      }
      @media (max-width: 900px) {
        main {
          grid-template-columns: 1fr;
          grid-template-rows: minmax(0, 1fr) 45vh;
        }
        aside {
          border-left: 0;
          border-top: 1px solid var(--gt-line);
        }
      }
    `,
  ];

  @provide({ context: apiContext })
  api = new ApiClient();
  /** Who is signed in (provides accountContext); in team mode the login until someone is. */
  readonly #session = new SessionController(this, () => this.api);

  /** Which renderer draws (`?renderer=webgl|auto`, else the canvas); fixed for the page's life. */
  readonly #renderer = rendererChoice(new URLSearchParams(location.search).get('renderer'));
  readonly #neighbourhoods = new Map<string, Promise<Expansion>>();
  #drawing: Drawing | null = null;
  #drawnFrom: { graph: PlanGraph; expansions: ReadonlyMap<string, Expansion> | undefined } | null =
    null;
  #tableRequested = false;
  #reachCache: { index: PlanIndex; id: string; reach: Set<string> } | null = null;
  #markCache: { ids: readonly string[]; set: ReadonlySet<string> } | null = null;
  #shownCache: { shown: ShownGraph; ids: ReadonlySet<string> } | null = null;
  readonly #toolsRequested = new Set<Tool>();
  /** Whether the elements the first screen does not draw have been asked for (#defineLater). */
  #laterAsked = false;
  /** A selection that came with the address: shown on the graph once the plan is drawn. */
  #pendingFocus: string | null = null;
  /** Saved views restored so far: tests and the presentation wait on `data-restored`. */
  #restores = 0;
  #restoresAsked = 0;
  /** Where the planner was when the presentation began: Esc goes back there. */
  #beforePresenting: {
    view: ViewState;
    camera: Camera | null;
    pins: Record<string, Position>;
  } | null = null;
  readonly #canvas = (): GtGraph | null => this.graph ?? null;
  /** A ranking row named in the address is lit once the plan is drawn. */
  private readonly litRow = new LitRowController(this, {
    api: () => this.api,
    view: () => this.view,
    plan: () => this.#planId(),
    shown: () => this.#drawing?.shown ?? null,
    light: (marks, centre) =>
      this.#onHotspotRow(
        new HotspotRowEvent(this.view.hot ?? '', this.view.row ?? '', marks, centre),
      ),
  });

  /** The war map's answer while the war map or the timeline is on (warmap/). */
  private readonly warMap = new WarMapController(this, {
    api: () => this.api,
    view: () => this.view,
    plan: () => this.#planId(),
  });

  /** Two editions compared (editions/): a table, or the newer edition marked on the graph. */
  private readonly editions = new EditionsController(this, {
    api: () => this.api,
    view: () => this.view,
  });

  private plans = new Task(this, {
    args: () => [] as const,
    task: (_args, { signal }) => this.api.plans(signal),
  });

  // No plan in the address: the API answers with the first of the plans list, the one the header
  // and panels show, so the graph is asked for at once, beside the list rather than after it.
  private planGraph = new Task(this, {
    args: () => [this.view.plan] as const,
    task: ([plan], { signal }) => this.api.planGraph(plan, signal),
  });

  private expansions = new Task(this, {
    args: () => [this.view.expanded, this.view.scope] as const,
    task: async ([expanded, scope]) => {
      const entries = await Promise.all(
        expanded.map(
          async ({ id, limit }) => [id, await this.#neighbourhood(id, limit, scope)] as const,
        ),
      );
      return new Map(entries);
    },
  });

  @query('gt-search') private search?: GtSearch;
  @query('gt-graph') private graph?: GtGraph;
  @query('gt-import-dialog') private importDialog?: GtImportDialog;
  @query('gt-report-dialog') private reportDialog?: GtReportDialog;

  /** The war map as on screen for a report: the whole graph, at a page's print width. */
  #reportFigure = (): Promise<Blob | null> =>
    this.graph?.png({ full: true, maxWidth: 2400, background: '#ffffff' }) ?? Promise.resolve(null);

  @state() private view: ViewState = readView(location.search);
  /** The saved views being presented, and the first shown; null when not presenting. */
  @state() private presenting: { views: readonly SavedView[]; start: number } | null = null;
  /** A file is being dragged over the page. */
  @state() private dropping = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#pendingFocus = this.view.selected;
    window.addEventListener('keydown', this.#onKeydown);
    window.addEventListener('popstate', this.#onPopState);
    window.addEventListener('dragover', this.#onDragOver);
    window.addEventListener('dragleave', this.#onDragLeave);
    window.addEventListener('drop', this.#onDrop);
    // By name: the import dialog's module loads after the first screen (components/later.ts).
    this.addEventListener('gt-plan-imported', this.#onPlanImported);
    this.addEventListener(NodeSelectEvent.eventName, this.#onSelect);
    this.addEventListener(PlanChooseEvent.eventName, this.#onPlanChoose);
    this.addEventListener(ViewChangeEvent.eventName, this.#onViewChange);
    this.addEventListener('gt-fit-request', () => this.graph?.fit());
    this.addEventListener(MarkEvent.eventName, this.#onMark);
    this.addEventListener(HotspotRowEvent.eventName, this.#onHotspotRow);
    this.addEventListener(SavedViewApplyEvent.eventName, this.#onSavedViewApply);
    this.addEventListener(PresentEvent.eventName, this.#onPresent);
    this.addEventListener(PresentEndEvent.eventName, this.#endPresenting);
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKeydown);
    window.removeEventListener('popstate', this.#onPopState);
    window.removeEventListener('dragover', this.#onDragOver);
    window.removeEventListener('dragleave', this.#onDragLeave);
    window.removeEventListener('drop', this.#onDrop);
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
  }

  override willUpdate(): void {
    document.documentElement.lang = this.view.lang === 'zh' ? 'zh-CN' : 'en';
    if (this.view.table && !this.#tableRequested) {
      this.#tableRequested = true;
      void import('./gt-table-view.ts');
    }
    const tool = this.view.tool;
    if (tool !== null && !this.#toolsRequested.has(tool)) {
      this.#toolsRequested.add(tool);
      void TOOL_MODULES[tool]();
    }
    // What is on screen now is defined now; the rest of components/later.ts after the first draw.
    if (this.#session.needsLogin) void define('gt-login');
    if (this.view.timeline) void define('gt-timeline');
    if (this.view.matrix) void define('gt-matrix-view');
    if (this.view.selected !== null) {
      for (const panel of PANELS) void define(panel);
    }
  }

  override updated(): void {
    const focus = this.#pendingFocus;
    if (focus !== null && this.#drawing !== null && this.graph !== undefined) {
      this.#pendingFocus = null;
      void this.graph.focusNode(focus);
    }
    const plan = this.#plan();
    const title = plan?.title ?? msg(this.view.lang, 'appTitle');
    if (document.title !== title) document.title = title;
    namePlanFiles(plan);
    this.#defineLater();
  }

  /** Once the first plan is drawn, or there is none to draw, the rest of the app is defined. */
  #defineLater(): void {
    if (this.#laterAsked) return;
    const status = this.planGraph.status;
    if (status === TaskStatus.INITIAL || status === TaskStatus.PENDING) return;
    this.#laterAsked = true;
    const drawing = status === TaskStatus.COMPLETE && (this.#drawing?.elements.length ?? 0) > 0;
    const graph = this.graph;
    void (drawing && graph !== undefined ? graph.drawn : Promise.resolve()).then(defineAll);
  }

  /** Calls into the import dialog once its module is loaded (components/later.ts). */
  async #importDialog(use: (dialog: GtImportDialog) => Promise<unknown>): Promise<void> {
    await define('gt-import-dialog');
    await this.updateComplete;
    if (this.importDialog !== undefined) await use(this.importDialog);
  }

  // Expansions are fetched once per node and limit; a collapsed node expanded again is instant.
  #neighbourhood(id: string, limit: number, scope: 'plan' | 'focus'): Promise<Expansion> {
    const key = `${scope}\n${limit}\n${id}`;
    let pending = this.#neighbourhoods.get(key);
    if (pending === undefined) {
      pending = this.api.neighbourhood(id, limit, EXPAND_TYPES[scope]).then((answer) => ({
        graph: asShown(answer.elements),
        more: answer.more.count,
      }));
      pending.catch(() => this.#neighbourhoods.delete(key));
      this.#neighbourhoods.set(key, pending);
    }
    return pending;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const typing = event
      .composedPath()
      .some(
        (target) =>
          target instanceof HTMLElement &&
          (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)),
      );
    if (event.key === '/' && !typing) {
      event.preventDefault();
      this.search?.focus();
    } else if (event.key === 'Escape' && this.view.selected !== null) {
      this.#setView({ selected: null }, true);
    }
  };

  // A file dropped anywhere on the page is imported; anything else dragged is left alone.
  #onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dropping = true;
  };

  #onDragLeave = (event: DragEvent): void => {
    // Moving between elements fires leave and over in turn; only leaving the window ends it.
    if (event.relatedTarget === null) this.dropping = false;
  };

  #onDrop = (event: DragEvent): void => {
    const file = event.dataTransfer?.files[0];
    this.dropping = false;
    if (file === undefined || !this.#session.allows('import-plan')) return;
    event.preventDefault();
    void this.#importDialog((dialog) => dialog.open(file));
  };

  // A plan loaded from an import: the plans are read afresh and the explorer shows the new one.
  #onPlanImported = (event: PlanImportedEvent): void => {
    void this.plans.run();
    this.#pendingFocus = null;
    this.#neighbourhoods.clear();
    // The plan on screen was replaced: same address, new content, so it is fetched again.
    if (event.answer.planId === (this.view.plan ?? this.#plan()?.id)) void this.planGraph.run();
    this.#showPlan(event.answer.planId, { tool: null });
  };

  #onPlanChoose = (event: PlanChooseEvent): void => {
    this.#pendingFocus = event.selected;
    const more: Partial<ViewState> = event.selected === null ? {} : { selected: event.selected };
    // Every plan on the graph: the rankings and the paths count every plan too, not a set
    // chosen before.
    if (event.planId === ALL_PLANS) Object.assign(more, { allPlans: true, chosenPlans: [] });
    this.#showPlan(event.planId, more);
  };

  /** Another plan on screen, as a step back can undo: what was chosen in the last one goes. */
  #showPlan(planId: string, more: Partial<ViewState> = {}): void {
    this.#setView(
      {
        plan: planId,
        selected: null,
        theme: null,
        expanded: [],
        hidden: [],
        marked: [],
        hot: null,
        row: null,
        ...more,
      },
      true,
    );
  }

  #onPopState = (): void => {
    this.view = readView(location.search);
    this.#pendingFocus = this.view.selected;
  };

  #onSelect = (event: NodeSelectEvent): void => {
    if (event.id === this.view.selected) {
      if (event.id !== null && event.centre) void this.graph?.focusNode(event.id);
      return;
    }
    this.#setView({ selected: event.id }, true);
    if (event.id !== null && event.centre) {
      const id = event.id;
      void this.updateComplete.then(() => this.graph?.focusNode(id));
    }
  };

  #onMark = (event: MarkEvent): void => {
    this.#setView({ marked: [...event.ids] }, false);
    if (event.centre && event.ids.length > 0) {
      void this.updateComplete.then(() => this.graph?.focusMarked());
    }
  };

  #onHotspotRow = (event: HotspotRowEvent): void => {
    this.#setView({ marked: [...event.marks], hot: event.ranking, row: event.row }, false);
    if (event.centre && event.marks.length > 0) {
      void this.updateComplete.then(() => this.graph?.focusMarked());
    }
  };

  // A saved view: its view state (the open tool stays), then, once its plan and expansions are
  // fetched and drawn, its pins and camera (a later redraw would refit and lose the camera) — or,
  // as a slide, what it framed fitted to the screen.
  #onSavedViewApply = (event: SavedViewApplyEvent): void => {
    const { saved, present } = event;
    this.#restoreView({ ...readView(`?${saved.view}`), tool: this.view.tool }, (graph) =>
      present ? graph.present(saved) : graph.restore(saved.camera, saved.pins),
    );
  };

  /** Shows a view state, then places the camera once what it shows is drawn; the last one asked wins. */
  #restoreView(view: ViewState, place: (graph: GtGraph) => Promise<void>): void {
    this.#pendingFocus = null;
    this.#setView(view, false);
    const asked = ++this.#restoresAsked;
    const restore = async () => {
      await this.updateComplete;
      await Promise.allSettled([this.planGraph.taskComplete, this.expansions.taskComplete]);
      await this.updateComplete;
      // A slide still drawing when the planner pressed Esc must not move the camera after.
      if (asked !== this.#restoresAsked) return;
      const graph = this.graph;
      if (graph !== undefined) await place(graph);
      this.dataset['restored'] = String(++this.#restores);
    };
    void restore();
  }

  #onPresent = (event: PresentEvent): void => {
    if (event.views.length === 0) return;
    void import('./gt-presentation.ts');
    // A presentation started from within one keeps the place from before the first.
    if (this.presenting === null) {
      this.#beforePresenting = {
        view: this.view,
        camera: this.graph?.camera() ?? null,
        pins: this.graph?.pinned() ?? {},
      };
    }
    this.presenting = { views: event.views, start: event.start };
    // Full-screen needs the click's user activation, so it is asked for now; where it is
    // refused (a headless browser, a policy), the stage fills the window instead.
    const area = this.renderRoot.querySelector<HTMLElement>('.area');
    area?.requestFullscreen?.().catch(() => undefined);
  };

  // Back to where the planner was: the same view state (selection, marks, filters, the open
  // tool), the same pins and the same camera.
  #endPresenting = (): void => {
    this.presenting = null;
    if (document.fullscreenElement !== null) void document.exitFullscreen().catch(() => undefined);
    const before = this.#beforePresenting;
    this.#beforePresenting = null;
    if (before === null) return;
    this.#restoreView(before.view, async (graph) => {
      if (before.camera === null) await graph.pin(before.pins);
      else await graph.restore(before.camera, before.pins);
    });
  };

  // Leaving full-screen the browser's way (its own Esc) ends the presentation too.
  #onFullscreenChange = (): void => {
    if (document.fullscreenElement === null && this.presenting !== null) this.#endPresenting();
  };

  #onViewChange = (event: ViewChangeEvent): void => {
    this.#setView(event.patch, false);
  };

  /** Changes the view and the address: a new selection is a step back can undo. */
  #setView(patch: Partial<ViewState>, step: boolean): void {
    // Marks from anything but a ranking row (a path, a result, clearing) end the lit row.
    const unlit = 'marked' in patch && !('hot' in patch) ? { hot: null, row: null } : {};
    this.view = { ...this.view, ...patch, ...unlit };
    const query = writeView(this.view);
    const url = `${location.pathname}${query === '' ? '' : `?${query}`}${location.hash}`;
    if (step) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  #plan() {
    const plans = this.plans.value ?? [];
    // 全部规划: every plan on one graph; the title, the plan panel and file names say so.
    if (this.view.plan === ALL_PLANS && plans.length >= 2)
      return allPlansSummary(plans, this.view.lang);
    return plans.find((plan) => plan.id === this.view.plan) ?? plans[0] ?? null;
  }

  /**
   * The id of the plan shown, known before the plans list arrives (the graph is asked for
   * first): the address's, else the one the graph came with. A panel asking with none while
   * several plans are loaded was refused (400 plan_required).
   */
  #planId(): string | null {
    if (this.view.plan === ALL_PLANS) return null;
    return this.#plan()?.id ?? this.view.plan ?? this.planGraph.value?.plan ?? null;
  }

  /** What to draw, recomputed only when the answers or the view changed what is shown. */
  #draw(graph: PlanGraph): Drawing {
    const expansions = this.expansions.value;
    const view = this.view;
    let drawing = this.#drawing;
    if (
      drawing === null ||
      this.#drawnFrom?.graph !== graph ||
      this.#drawnFrom.expansions !== expansions
    ) {
      const extra = view.expanded
        .map(({ id }) => expansions?.get(id))
        .filter((e): e is Expansion => e !== undefined);
      const index = indexElements(
        graph.elements,
        ...extra.map(({ graph: g }) => ({
          nodes: g.nodes.map((data) => ({ data })),
          edges: g.edges.map((data) => ({ data })),
        })),
      );
      const nodes = graph.elements.nodes.map((n) => n.data);
      const units = nodes.filter((n) => n.kind === 'unit');
      drawing = {
        index,
        shown: { nodes: [], edges: [] },
        elements: [],
        drawnFor: '',
        englishPrefix: commonEnglishPrefix(
          units.map((u) => u.labelEn ?? u.englishName ?? '').filter((name) => name !== ''),
        ),
        units,
        themes: nodes
          .filter((n) => n.kind === 'theme')
          .toSorted((a, b) => (a.sortKey ?? 0) - (b.sortKey ?? 0)),
        categories: [...new Set(units.map(categoryOf))].sort(),
        itemCount: nodes.filter((n) => ITEM_KINDS.has(n.kind)).length,
      };
      this.#drawnFrom = { graph, expansions };
    }
    const expansionGraphs = new Map(
      [...(expansions ?? [])].map(([id, expansion]) => [id, expansion.graph] as const),
    );
    const shown = shownGraph(
      drawing.index,
      graph.elements.nodes.map((n) => n.data.id),
      expansionGraphs,
      view,
    );
    const previous = this.#drawing;
    const layered = view.layout === 'layered';
    const drawnFor = `${view.lang}|${view.layout}`;
    const unchanged =
      previous !== null &&
      previous.index === drawing.index &&
      sameIds(previous.shown.nodes, shown.nodes) &&
      sameIds(previous.shown.edges, shown.edges) &&
      previous.drawnFor === drawnFor;
    if (!unchanged) {
      if (previous === null) performance.mark('gt-plan-received');
      // The columns wrap to the shape of the screen the graph is fitted to (header and panel off).
      const aspect = Math.max(0.6, (innerWidth - 390) / Math.max(200, innerHeight - 110));
      const positions = layered
        ? layeredPositions(shown.nodes, shown.edges, nodeSize, { ...LAYERED_DEFAULTS, aspect })
        : undefined;
      const elements = toElements(shown, {
        lang: view.lang,
        englishPrefix: drawing.englishPrefix,
        positions,
        layered,
        plans: graph.plans === undefined ? undefined : drawnPlans(graph.plans),
      });
      drawing = { ...drawing, shown, elements, drawnFor };
      if (previous === null) performance.mark('gt-elements-ready');
    } else if (previous !== null) {
      drawing = previous;
    }
    this.#drawing = drawing;
    return drawing;
  }

  // The same set object while the selection and the answers stay, so the canvas is not redrawn.
  #reach(drawing: Drawing | null): ReadonlySet<string> {
    const id = this.view.selected;
    if (drawing === null || id === null) return NO_REACH;
    const cached = this.#reachCache;
    if (cached !== null && cached.index === drawing.index && cached.id === id) return cached.reach;
    const reach = reachOf(drawing.index, id);
    this.#reachCache = { index: drawing.index, id, reach };
    return reach;
  }

  // The table's files: `<plan>-<what the rows are>`, the date added by the table. A selection
  // names them only when the rows are its neighbourhood (focus scope), not just highlighted.
  #tableFileBase(drawing: Drawing | null): string {
    const { lang, scope, selected, theme } = this.view;
    const node = (id: string | null) => (id === null ? undefined : drawing?.index.nodes.get(id));
    const subject = fileSubject(
      { selected: scope === 'focus' ? node(selected) : undefined, theme: node(theme) },
      lang,
      msg(lang, 'briefingTableFile'),
    );
    return planFileBase(this.#plan(), subject);
  }

  // The same set while the drawing stays: the timeline lists the items the view shows.
  #shownIds(drawing: Drawing | null): ReadonlySet<string> | undefined {
    if (drawing === null) return undefined;
    if (this.#shownCache?.shown !== drawing.shown) {
      this.#shownCache = {
        shown: drawing.shown,
        ids: new Set(drawing.shown.nodes.map((node) => node.id)),
      };
    }
    return this.#shownCache.ids;
  }

  // The same set object while the marks stay, so the canvas is not redrawn.
  #marked(): ReadonlySet<string> {
    const ids = this.view.marked;
    if (ids.length === 0) return NO_MARKS;
    if (this.#markCache?.ids !== ids) this.#markCache = { ids, set: new Set(ids) };
    return this.#markCache.set;
  }

  #renderTool(tool: Tool, drawing: Drawing | null) {
    const { view } = this;
    const lang = view.lang;
    const plan = this.#planId();
    const close = html`<button
      class="close"
      aria-label=${msg(lang, 'close')}
      title=${msg(lang, 'close')}
      @click=${() => this.#setView({ tool: null }, true)}
    >
      ×
    </button>`;
    // 全部规划 on the graph and the rankings' own 本规划: no one plan to count.
    if (
      (tool === 'hotspots' || tool === 'paths') &&
      plan === null &&
      view.plan === ALL_PLANS &&
      !view.allPlans
    ) {
      return html`${close}<gt-one-plan
          .plans=${this.plans.value ?? []}
          .what=${planPickerWord(lang, 'onePlanRankings')}
          offerAllPlans
          .language=${lang}
        ></gt-one-plan>`;
    }
    switch (tool) {
      case 'hotspots':
        return html`${close}<gt-hotspots-panel
            .view=${view}
            .plan=${plan}
            .planInfo=${this.#plan()}
            .plans=${this.plans.value ?? []}
            .language=${lang}
            .shown=${drawing?.shown ?? null}
          ></gt-hotspots-panel>`;
      case 'paths':
        return html`${close}<gt-paths-panel
            .view=${view}
            .plan=${plan}
            .plans=${this.plans.value ?? []}
            .language=${lang}
            .units=${drawing?.units ?? []}
            .themes=${drawing?.themes ?? []}
          ></gt-paths-panel>`;
      case 'console':
        return html`${close}<gt-console
            .view=${view}
            .plan=${plan}
            .language=${lang}
            .shown=${drawing?.shown ?? null}
          ></gt-console>`;
      case 'views':
        return html`${close}<gt-views-panel
            .view=${view}
            .plan=${plan}
            .language=${lang}
            .planInfo=${this.#plan()}
            .canvas=${this.#canvas}
          ></gt-views-panel>`;
    }
  }

  #renderPanel(drawing: Drawing | null) {
    const { view } = this;
    const lang = view.lang;
    if (view.tool !== null) return this.#renderTool(view.tool, drawing);
    const id = view.selected;
    if (id === null) {
      return html`<gt-plan-panel
        .plan=${this.#plan()}
        .units=${drawing?.units ?? []}
        .themes=${drawing?.themes ?? []}
        .itemCount=${drawing?.itemCount ?? 0}
        .language=${lang}
        .englishPrefix=${drawing?.englishPrefix ?? ''}
      ></gt-plan-panel>`;
    }
    const index = drawing?.index;
    const node = index?.nodes.get(id);
    const kind = node?.kind ?? null;
    const close = html`<button
      class="close"
      aria-label=${msg(lang, 'close')}
      title=${msg(lang, 'close')}
      @click=${() => this.#setView({ selected: null }, true)}
    >
      ×
    </button>`;
    if (kind === 'unit') {
      // 全部规划: the unit's figures in the plan where it answers for most, its table the rest.
      const unitPlan =
        this.#planId() ??
        (index === undefined ? null : mainPlanOf(index, id, this.plans.value ?? []));
      return html`${close}<gt-unit-panel
          .unitId=${id}
          .plan=${unitPlan}
          .language=${lang}
        ></gt-unit-panel>`;
    }
    if (node !== undefined && index !== undefined && kind === 'theme') {
      const tasks = [...index.nodes.values()]
        .filter((n) => n.kind === 'task' && themeOf(index, n.id) === id)
        .toSorted((a, b) => (a.sortKey ?? 0) - (b.sortKey ?? 0));
      return html`${close}<gt-theme-panel
          .theme=${node}
          .tasks=${tasks}
          .language=${lang}
        ></gt-theme-panel>`;
    }
    if (node !== undefined && index !== undefined && ITEM_KINDS.has(node.kind)) {
      const trail: NodeData[] = [];
      for (let parent = node.parentId; parent !== null && parent !== undefined;) {
        const found = index.nodes.get(parent);
        if (found === undefined || trail.length > 6) break;
        trail.unshift(found);
        parent = found.parentId;
      }
      const children = [...index.nodes.values()]
        .filter((n) => n.parentId === id)
        .toSorted((a, b) => (a.sortKey ?? 0) - (b.sortKey ?? 0));
      return html`${close}<gt-item-panel
          .item=${node}
          .assignments=${assignmentsOf(index, id)}
          .trail=${trail}
          .subItems=${children}
          .language=${lang}
          .englishPrefix=${drawing?.englishPrefix ?? ''}
        ></gt-item-panel>`;
    }
    return html`${close}<gt-node-panel .nodeId=${id} .language=${lang}></gt-node-panel>`;
  }

  override render() {
    const { view } = this;
    const lang = view.lang;
    // Team mode and nobody signed in: the login only, nothing of the plan.
    if (this.#session.needsLogin) return html`<gt-login .language=${lang}></gt-login>`;
    const plan = this.#plan();
    const graph = this.planGraph.value;
    const drawing = graph === undefined ? null : this.#draw(graph);
    const selectedNode =
      view.selected === null ? undefined : drawing?.index.nodes.get(view.selected);
    const more =
      view.selected === null ? 0 : (this.expansions.value?.get(view.selected)?.more ?? 0);
    const edgeCount = drawing?.shown.edges.length ?? 0;
    return html`
      <header class="bar">
        <div class="brand">
          <span class="mark" aria-hidden="true">挂图</span>
          <div class="titles">
            <h1>${plan?.title ?? msg(lang, 'appTitle')}</h1>
            ${
              // With several plans loaded, the line under the title chooses among them.
              (this.plans.value?.length ?? 0) >= 2
                ? html`<gt-plan-picker
                    .plans=${this.plans.value ?? []}
                    .current=${plan?.id ?? null}
                    .language=${lang}
                  ></gt-plan-picker>`
                : html`<div class="subtitle">
                    ${msg(lang, 'appTitle')}${plan?.issuer ? ` · ${plan.issuer}` : ''}${
                      plan?.date ? ` · ${plan.date}` : ''
                    }
                  </div>`
            }
          </div>
        </div>
        <gt-search .language=${lang} .plan=${planIdOf(plan)}></gt-search>
        <nav class="tools" aria-label=${msg(lang, 'toolsLabel')}>
          ${TOOLS.map(
            (tool) =>
              html`<button
                data-tool=${tool}
                aria-pressed=${view.tool === tool ? 'true' : 'false'}
                @click=${() => this.#setView({ tool: view.tool === tool ? null : tool }, true)}
              >
                ${msg(lang, TOOL_LABELS[tool])}
              </button>`,
          )}
        </nav>
        ${
          this.#session.allows('import-plan')
            ? html`<button
                class="import"
                data-action="import"
                title=${msg(lang, 'importButtonHint')}
                @click=${() => void this.#importDialog((dialog) => dialog.open())}
              >
                ${msg(lang, 'importButton')}
              </button>`
            : nothing
        }
        ${
          this.#session.allows('import-ledger')
            ? html`<button
                class="import"
                data-action="import-ledger"
                title=${ledgerWord(lang, 'ledgerButtonHint')}
                @click=${() =>
                  void this.#importDialog((dialog) => dialog.openLedger(this.#planId()))}
              >
                ${ledgerWord(lang, 'ledgerButton')}
              </button>`
            : nothing
        }
        <gt-unattached
          .language=${lang}
          .plan=${planIdOf(plan)}
          .index=${drawing?.index ?? null}
        ></gt-unattached>
        ${
          (this.plans.value?.length ?? 0) >= 2
            ? html`<button
                class="import"
                data-action="editions"
                aria-pressed=${view.compare === null ? 'false' : 'true'}
                title=${editionsEntryWord(lang, 'editionsButtonHint')}
                @click=${() =>
                  this.#setView(
                    view.compare === null
                      ? { compare: defaultEditions(this.plans.value ?? []) }
                      : { compare: null, compareOn: 'table' },
                    true,
                  )}
              >
                ${editionsEntryWord(lang, 'editionsButton')}
              </button>`
            : nothing
        }
        <button
          class="import"
          data-action="report"
          ?disabled=${view.plan === ALL_PLANS}
          title=${
            view.plan === ALL_PLANS
              ? planPickerWord(lang, 'reportNeedsPlan')
              : reportWord(lang, 'reportButtonHint')
          }
          @click=${() => void define('gt-report-dialog').then(() => this.reportDialog?.open())}
        >
          ${reportWord(lang, 'reportButton')}
        </button>
        <gt-account-menu .language=${lang}></gt-account-menu>
        <button
          class="lang"
          data-action="language"
          aria-label=${msg(lang, 'languageLabel')}
          @click=${() => this.#setView({ lang: lang === 'zh' ? 'en' : 'zh' }, false)}
        >
          ${msg(lang, 'language')}
        </button>
      </header>
      <gt-filters
        .view=${view}
        .themes=${(drawing?.themes ?? []).map((t) => ({
          id: t.id,
          ref: t.ref ?? '',
          title: t.title ?? t.label,
        }))}
        .categories=${drawing?.categories ?? []}
      ></gt-filters>
      <main class=${view.tool === 'console' ? 'wide' : ''}>
        <div class="stage">
          <div class=${this.presenting === null ? 'area' : 'area presenting'}>
            <gt-graph
              .elements=${
                this.editions.elements(
                  drawing === null || graph === undefined
                    ? null
                    : {
                        plan: graph.plan,
                        shown: drawing.shown,
                        englishPrefix: drawing.englishPrefix,
                      },
                ) ??
                drawing?.elements ??
                []
              }
              .layout=${view.layout}
              .selected=${view.selected}
              .reach=${this.#reach(drawing)}
              .marked=${this.#marked()}
              .language=${lang}
              .renderer=${this.#renderer}
              .metric=${view.metric}
              .warmap=${this.warMap.nodeData(drawing?.index ?? null)}
              ?hidden=${
                view.matrix ||
                view.table ||
                view.timeline ||
                (view.compare !== null && view.compareOn === 'table')
              }
            ></gt-graph>
            ${
              (view.warmap || view.timeline) && view.plan === ALL_PLANS
                ? html`<gt-one-plan
                    floating
                    .plans=${this.plans.value ?? []}
                    .what=${planPickerWord(lang, 'onePlanWarmap')}
                    .language=${lang}
                  ></gt-one-plan>`
                : nothing
            }
            ${
              !view.matrix && !view.table && view.timeline
                ? html`<gt-timeline
                    .language=${lang}
                    .map=${this.warMap.map}
                    .index=${drawing?.index ?? null}
                    .shown=${this.#shownIds(drawing)}
                    .group=${view.timelineBy}
                    .filters=${view.warFilters}
                    .selected=${view.selected}
                    .englishPrefix=${drawing?.englishPrefix ?? ''}
                  ></gt-timeline>`
                : nothing
            }
            ${
              view.matrix
                ? html`<gt-matrix-view
                    .graph=${graph ?? null}
                    .index=${drawing?.index ?? null}
                    .view=${view}
                    .englishPrefix=${drawing?.englishPrefix ?? ''}
                    .plan=${plan}
                  ></gt-matrix-view>`
                : nothing
            }
            ${
              view.table && !view.matrix
                ? html`<gt-table-view
                    .nodes=${drawing?.shown.nodes ?? []}
                    .index=${drawing?.index ?? null}
                    .selected=${view.selected}
                    .language=${lang}
                    .englishPrefix=${drawing?.englishPrefix ?? ''}
                    .fileBase=${this.#tableFileBase(drawing)}
                  ></gt-table-view>`
                : view.timeline || view.matrix
                  ? nothing
                  : html`
                      <gt-node-actions
                        .view=${view}
                        .name=${
                          selectedNode === undefined
                            ? ''
                            : nodeName(selectedNode, lang, drawing?.englishPrefix)
                        }
                        .more=${more}
                      ></gt-node-actions>
                      <div class="counts" role="status">
                        ${msg(lang, 'counts', {
                          nodes: drawing?.shown.nodes.length ?? 0,
                          edges: edgeCount,
                        })}
                      </div>
                    `
            }
            <gt-canvas-controls .view=${view}></gt-canvas-controls>
            ${
              view.compare !== null && this.editions.ready
                ? html`<gt-editions-view
                    .plans=${this.plans.value ?? []}
                    .pair=${view.compare}
                    .on=${view.compareOn}
                    .comparison=${this.editions.comparison}
                    ?pending=${this.editions.pending}
                    .problem=${this.editions.problem}
                    .ghost=${this.editions.ghost}
                    .language=${lang}
                  ></gt-editions-view>`
                : nothing
            }
            ${
              this.presenting === null
                ? nothing
                : html`<gt-presentation
                    .views=${this.presenting.views}
                    .start=${this.presenting.start}
                    .language=${lang}
                  ></gt-presentation>`
            }
            ${this.planGraph.render({
              pending: () =>
                graph === undefined
                  ? html`<div class="overlay" role="status">${msg(lang, 'loading')}</div>`
                  : nothing,
              error: (error) =>
                html`<div class="overlay error" role="alert">
                  <p>${msg(lang, 'error')}: ${String(error)}</p>
                  <button class="button" @click=${() => void this.planGraph.run()}>
                    ${msg(lang, 'retry')}
                  </button>
                </div>`,
            })}
          </div>
          <gt-legend
            .language=${lang}
            .categories=${drawing?.categories ?? []}
            .metric=${view.metric}
            .nodes=${drawing?.shown.nodes ?? []}
            .warmap=${view.warmap || view.timeline ? this.warMap.map : null}
            .warFilters=${view.warFilters}
            ?hidden=${view.table || view.matrix}
          ></gt-legend>
        </div>
        <aside role="complementary" aria-label=${msg(lang, 'panelLabel')}>
          ${this.#renderPanel(drawing)}
        </aside>
      </main>
      <gt-import-dialog .language=${lang}></gt-import-dialog>
      <gt-report-dialog
        .language=${lang}
        .plan=${this.#planId()}
        .figure=${this.#reportFigure}
      ></gt-report-dialog>
      <gt-db-banner .language=${lang}></gt-db-banner>
      ${
        this.dropping
          ? html`<div class="drop" aria-hidden="true">
              <span>${msg(lang, 'importDropHere')}</span>
            </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-app': GtApp;
  }
}
