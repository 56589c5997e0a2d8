// Owns the Cytoscape instance of a component: creates it once the container is in the DOM,
// keeps its elements in step with what the view shows, destroys it when the component leaves.
import cytoscape, {
  type Core,
  type ElementDefinition,
  type EventObject,
  type NodeSingular,
  type Position,
} from 'cytoscape';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadSvgExtension, type SvgCore } from '../briefing/export-svg.ts';
import { fitCamera, type Box } from '../briefing/slide-fit.ts';
import { bodyBox, fitInside, unionBox, type FittedCamera } from '../graph/camera-fit.ts';
import {
  drawDirectOnce,
  drawLitDirectOnce,
  skipTextureChecksUntilDrawn,
} from '../graph/direct-frame.ts';
import { FORCE_GLIDE, loadForceLayout, runForceLayout } from '../graph/force-layout.ts';
import { heatOf, isHeatMetric, type HeatNode } from '../graph/heat.ts';
import {
  applySceneDetail,
  browserHasWebgl2,
  drawsWithWebgl,
  type RendererChoice,
} from '../graph/scene-detail.ts';
import { explorerStylesheet } from '../graph/stylesheet.ts';
import type { CyEdge, CyNode } from '../graph/to-elements.ts';
import { attachVeil, type Veil } from '../graph/veil.ts';

/** Zoom and renderer settings of the canvas. */
export const CANVAS_DEFAULTS = {
  minZoom: 0.05,
  maxZoom: 4,
  /** Margin kept around the graph when it is fitted to the screen, in pixels. */
  fitPadding: 28,
  /**
   * Margins of the whole graph fitted to the canvas, in pixels: clear of what gt-app lays over
   * it (the selection's actions and the canvas controls along the top, the counts at the bottom).
   */
  fitInset: { top: 52, right: 28, bottom: 44, left: 28 },
  /** A minor label is drawn once it is this tall on screen; major ones are sized to be. */
  legibleFontPx: 12,
  /** Duration of the camera move to a selected node, in ms. */
  focusDuration: 380,
  /** The closest the camera comes when it moves to marked elements. */
  markZoomMax: 1.5,
} as const;

/** Where the camera looks: what a saved view restores exactly. */
export interface Camera {
  zoom: number;
  pan: Position;
}

/** How the canvas is exported for a briefing. */
export interface ImageOptions {
  /** The whole graph (true) or only what is on screen. */
  full?: boolean;
  scale?: number;
  /** Instead of a scale: the widest the image may be, in pixels (a page's print resolution). */
  maxWidth?: number;
  /** A CSS colour; left out, the background is transparent. */
  background?: string;
}

export interface CytoscapeCallbacks {
  /** A node was tapped (its id), or the background (null). User action only. */
  onTap(id: string | null): void;
  /** The first plan is on the canvas. */
  onDrawn?(): void;
}

/** What tests and the benchmark reach through `window.__guatu` (the canvas has no DOM to query). */
export interface GuatuHook {
  cy: Core | null;
  firstDraw: number | null;
}

declare global {
  interface Window {
    __guatu?: GuatuHook;
  }
}

/** Whether every field of `wanted` already has that value (fields set by heat() are left be). */
function sameData(current: Record<string, unknown>, wanted: object): boolean {
  for (const [key, value] of Object.entries(wanted)) {
    const now = current[key];
    if (now === value) continue;
    if (typeof value !== 'object' || value === null || typeof now !== 'object' || now === null) {
      return false;
    }
    if (JSON.stringify(now) !== JSON.stringify(value)) return false;
  }
  return true;
}

/** Classes the controller itself sets after `show` (highlight(), heat()): kept across a redraw. */
const STATE_CLASSES = new Set(['faded', 'highlight', 'marked', 'heat', 'quiet']);

/**
 * The classes an element should have: those its definition gives, and the state classes it has
 * now, which highlight() and heat() then correct where they must. Null when it has them already.
 */
function classesToSet(
  current: readonly string[],
  given: string | readonly string[] | undefined,
): string[] | null {
  const list = given === undefined ? [] : typeof given === 'string' ? given.split(/\s+/) : given;
  const wanted = new Set(list.filter((name) => name !== ''));
  for (const name of current) if (STATE_CLASSES.has(name)) wanted.add(name);
  const same = wanted.size === current.length && current.every((name) => wanted.has(name));
  return same ? null : [...wanted];
}

/** Gives `name` to exactly these elements, touching only those that change; how many did. */
function setClass(cy: Core, name: string, wanted: cytoscape.Collection): number {
  const had = cy.elements(`.${name}`);
  const add = wanted.difference(had);
  const remove = had.difference(wanted);
  add.addClass(name);
  remove.removeClass(name);
  return add.length + remove.length;
}

/**
 * A minor node starts without its label: most first draws are of a whole plan, too far out to
 * read one, and a label set then taken away would be styled and measured twice. #applyDetail
 * gives back those legible at the camera's zoom.
 */
function startQuiet(element: CyNode | CyEdge): ElementDefinition {
  if (element.group !== 'nodes' || element.data.prominence !== 'minor') return element;
  return { ...element, classes: `${element.classes} quiet`.trim() };
}

export class CytoscapeController implements ReactiveController {
  cy: Core | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #container: () => HTMLElement | null;
  readonly #callbacks: CytoscapeCallbacks;
  readonly #renderer: () => RendererChoice;
  /** Dims the plan for a selection; null where the renderer has none (WebGL). */
  #veil: Veil | null = null;
  #layoutKey = '';
  #drawn = false;
  /** The nodes whose labels are left out until they are legible (see #applyDetail). */
  #minor: cytoscape.NodeCollection | null = null;
  /** Whether the planner moved the camera; until then a resized canvas refits the graph. */
  #moved = false;
  #resizeObserver: ResizeObserver | null = null;
  /** Nodes a planner dragged into place: re-applied layouts leave them where they were put. */
  readonly #pins = new Map<string, Position>();
  /** Where the layered layout last put each node, to send an unpinned node back. */
  #laidOut = new Map<string, Position>();

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    container: () => HTMLElement | null,
    callbacks: CytoscapeCallbacks,
    /** Read when the instance is created: the host's properties are set by then. */
    options: { renderer: () => RendererChoice },
  ) {
    this.#host = host;
    this.#container = container;
    this.#callbacks = callbacks;
    this.#renderer = options.renderer;
    host.addController(this);
  }

  /**
   * Cytoscape is made when there is a plan to draw (`show`), not with the component: an empty
   * canvas drawn first would cost the first screen a frame of its own, and its making would hold
   * up the app's first render.
   */
  #create(nodes: number): void {
    if (this.cy !== null) return;
    const container = this.#container();
    if (container === null) return;
    // Chosen for the first scene drawn and kept: Cytoscape cannot change renderer.
    const webgl = drawsWithWebgl(this.#renderer(), nodes, browserHasWebgl2);
    this.#host.dataset['renderer'] = webgl ? 'webgl' : 'canvas';
    this.cy = cytoscape({
      container,
      style: explorerStylesheet(),
      minZoom: CANVAS_DEFAULTS.minZoom,
      maxZoom: CANVAS_DEFAULTS.maxZoom,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Nodes stay where the layout put them: dragging one would break the columns' reading.
      autoungrabify: true,
      renderer: { name: 'canvas', webgl },
    } as cytoscape.CytoscapeOptions);
    this.cy.on('dragpan scrollzoom pinchzoom', () => {
      this.#moved = true;
    });
    this.cy.on('zoom', () => this.#applyDetail());
    this.#resizeObserver = new ResizeObserver(() => {
      const cy = this.cy;
      if (cy === null) return;
      cy.resize();
      if (!this.#moved) cy.viewport(this.#fitted(cy));
    });
    this.#resizeObserver.observe(container);
    this.cy.on('dragfree', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      this.#pins.set(node.id(), { ...node.position() });
    });
    this.cy.on('tap', (event: EventObject) => {
      if (event.target === this.cy) this.#callbacks.onTap(null);
      else if (event.target.isNode?.()) this.#callbacks.onTap(event.target.id());
    });
    this.#veil = attachVeil(this.cy);
    skipTextureChecksUntilDrawn(this.cy);
    window.__guatu = { cy: this.cy, firstDraw: null };
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.cy?.destroy();
    this.cy = null;
    this.#veil = null;
    if (window.__guatu !== undefined) window.__guatu.cy = null;
    this.#drawn = false;
    this.#layoutKey = '';
  }

  /**
   * Makes the canvas hold exactly these elements. Positions given are applied (preset layout);
   * with `force`, fcose places them. The camera fits the graph when the set of nodes changed.
   */
  async show(elements: readonly (CyNode | CyEdge)[], layout: 'layered' | 'force'): Promise<void> {
    if (elements.length > 0) {
      this.#create(elements.filter((element) => element.group === 'nodes').length);
    }
    if (!this.#drawn && this.cy !== null) performance.mark('gt-canvas-made');
    const cy = this.cy;
    if (cy === null) return;
    const wanted = new Map(elements.map((element) => [element.data.id, element]));
    const before = new Set(cy.nodes().map((node) => node.id()));
    cy.batch(() => {
      cy.elements().forEach((element) => {
        if (!wanted.has(element.id())) element.remove();
      });
      const added: ElementDefinition[] = [];
      for (const element of elements) {
        const existing = cy.getElementById(element.data.id);
        if (existing.empty()) {
          added.push(startQuiet(element));
          continue;
        }
        // Only what changed is set: setting data or classes restyles the element and redraws
        // its cached texture, and a filter or the language changes few of a thousand elements.
        if (!sameData(existing.data() as Record<string, unknown>, element.data)) {
          existing.data(element.data);
        }
        const classes = classesToSet(existing.classes(), element.classes);
        if (classes !== null) existing.classes(classes);
        if (
          element.group === 'nodes' &&
          element.position !== undefined &&
          layout === 'layered' &&
          !this.#pins.has(element.data.id)
        ) {
          const at = existing.position();
          if (at.x !== element.position.x || at.y !== element.position.y) {
            existing.position(element.position);
          }
        }
      }
      // Nodes first: an edge needs both of its ends.
      added.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
      cy.add(added);
      this.#laidOut = new Map();
      for (const element of elements) {
        if (element.group === 'nodes' && element.position !== undefined) {
          this.#laidOut.set(element.data.id, element.position);
        }
      }
      this.#applyPins();
    });
    const nodeIds = cy.nodes().map((node) => node.id());
    if (!this.#drawn && nodeIds.length > 0) performance.mark('gt-elements-added');
    const changed = nodeIds.length !== before.size || nodeIds.some((id) => !before.has(id));
    const layoutKey = `${layout}|${[...nodeIds].sort().join('\n')}`;
    this.#host.dataset['nodeCount'] = String(nodeIds.length);
    this.#host.dataset['edgeCount'] = String(cy.edges().length);
    this.#minor = cy.nodes('[prominence = "minor"]');
    // A big scene (several plans at once) is drawn with less detail while the camera moves.
    applySceneDetail(cy, nodeIds.length);
    if (layout === 'force' && layoutKey !== this.#layoutKey) {
      this.#layoutKey = layoutKey;
      await loadForceLayout((extension) => cytoscape.use(extension as cytoscape.Ext));
      if (this.cy !== cy) return;
      const before = await runForceLayout(cy);
      this.#applyPins();
      cy.resize();
      await this.#glide(cy, before, this.#fitted(cy));
      this.#moved = false;
    } else if (changed || layoutKey !== this.#layoutKey) {
      this.#layoutKey = layoutKey;
      // The camera is set before the first frame, from where the nodes are and the few labels
      // drawn at that zoom: Cytoscape's fit would measure every label and place every edge first.
      cy.resize();
      cy.viewport(this.#fitted(cy));
      if (!this.#drawn) performance.mark('gt-camera-set');
      this.#moved = false;
    } else {
      // A new language or filter keeps the camera; the labels' sizes may have changed.
      this.#applyDetail();
    }
    if (!this.#drawn && nodeIds.length > 0) {
      this.#drawn = true;
      let marked = false;
      const drawn = () => {
        if (marked) return;
        marked = true;
        performance.mark('gt-first-draw');
        if (window.__guatu !== undefined) window.__guatu.firstDraw = performance.now();
        this.#host.dataset['drawn'] = 'true';
        this.#callbacks.onDrawn?.();
      };
      // The canvas renderer says when it drew; the WebGL one does not, so the frame after the
      // next (by when Cytoscape's own frame has run) stands in for it.
      cy.one('render', drawn);
      drawDirectOnce(cy);
      requestAnimationFrame(() => requestAnimationFrame(drawn));
      cy.forceRender();
    }
    this.#host.dataset['layout'] = layout;
  }

  /**
   * Marks the selected node and what it reaches (element ids), and the elements a ranking row,
   * path or result lit (`marked`); everything else steps back under the veil (graph/veil.ts).
   * Nothing selected or marked lifts it.
   */
  highlight(
    id: string | null,
    reach: ReadonlySet<string>,
    marked: ReadonlySet<string> = new Set(),
  ): void {
    const cy = this.cy;
    if (cy === null) return;
    const change = () =>
      cy.batch(() => {
        const node = id === null ? cy.collection() : cy.getElementById(id);
        const lit = node.empty() ? cy.collection() : this.#byIds(reach).union(node);
        const marks = marked.size === 0 ? cy.collection() : this.#byIds(marked);
        const raised = lit.union(marks);
        // Only the elements whose state changes get a class changed: a class change restyles the
        // element and redraws its cached texture. The rest of the plan is dimmed by the veil, not
        // restyled; without one (the WebGL renderer) it is faded element by element.
        let restyled = setClass(cy, 'highlight', lit) + setClass(cy, 'marked', marks);
        if (this.#veil !== null) {
          this.#veil.show(raised.empty() ? null : new Set(raised.map((element) => element.id())));
        } else {
          const rest = raised.empty() ? cy.collection() : cy.elements().difference(raised);
          restyled += setClass(cy, 'faded', rest);
        }
        // Most of the plan restyled (a theme lighting most of its items): its textures would all
        // be drawn anew, so the frame is drawn without them (graph/direct-frame.ts).
        if (restyled > cy.elements().length / 2) drawDirectOnce(cy);
        else if (restyled > 0) drawLitDirectOnce(cy);
        cy.$(':selected').difference(node).unselect();
        if (!node.empty() && !node.selected()) node.select();
      });
    if (this.#veil === null) change();
    else this.#veil.lighting(change);
  }

  /**
   * Sizes and colours the units drawn by a metric (heat styling), scaled over those units; an
   * unknown metric or null clears it. Run after `show`, which resets every element's classes.
   */
  heat(metric: string | null): void {
    const cy = this.cy;
    if (cy === null) return;
    cy.batch(() => {
      const units = cy.nodes('[kind = "unit"]');
      units.removeClass('heat');
      if (!isHeatMetric(metric)) return;
      const heat = heatOf(
        units.map((node) => node.data() as HeatNode),
        metric,
      );
      if (heat === null) return;
      units.forEach((node) => {
        const style = heat.styles.get(node.id());
        if (style === undefined) return;
        node.data({ heatSize: style.size, heatColour: style.colour });
        node.addClass('heat');
      });
    });
  }

  /** The elements with these ids, looked up one by one rather than by filtering the plan. */
  #byIds(ids: ReadonlySet<string>): cytoscape.Collection {
    const cy = this.cy;
    if (cy === null) throw new Error('no canvas');
    const found = cy.collection();
    for (const id of ids) {
      const element = cy.getElementById(id);
      if (!element.empty()) found.merge(element);
    }
    return found;
  }

  /** Moves the camera to a node and what it reaches. */
  focus(id: string, reach: ReadonlySet<string>): void {
    const cy = this.cy;
    const node = cy?.getElementById(id);
    if (cy === null || node === undefined || node.empty()) return;
    cy.stop();
    this.#moved = true;
    cy.animate({
      fit: { eles: this.#byIds(reach).union(node), padding: CANVAS_DEFAULTS.fitPadding * 2 },
      duration: CANVAS_DEFAULTS.focusDuration,
      easing: 'ease-in-out-cubic',
    });
  }

  /** Moves the camera to these elements (a marked row, path or result). */
  focusOn(ids: ReadonlySet<string>): void {
    const cy = this.cy;
    if (cy === null || ids.size === 0) return;
    const eles = this.#byIds(ids);
    if (eles.empty()) return;
    cy.stop();
    this.#moved = true;
    // A fit to one unit would zoom to the maximum; a marked unit is read among its items, and
    // items among their themes (a task's second part reaches its theme through its task).
    let above = eles.nodes('[kind != "unit"]');
    let inView = eles;
    for (let step = 0; step < 2 && !above.empty(); step += 1) {
      above = above.outgoers('edge[type = "UNDER"]').targets();
      inView = inView.union(above);
    }
    const box = inView.boundingBox();
    const padding = CANVAS_DEFAULTS.fitPadding * 2;
    const fitted = Math.min(
      (cy.width() - 2 * padding) / Math.max(box.w, 1),
      (cy.height() - 2 * padding) / Math.max(box.h, 1),
    );
    const zoom = Math.max(cy.minZoom(), Math.min(CANVAS_DEFAULTS.markZoomMax, fitted));
    const centre = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
    cy.animate({
      zoom,
      pan: { x: cy.width() / 2 - zoom * centre.x, y: cy.height() / 2 - zoom * centre.y },
      duration: CANVAS_DEFAULTS.focusDuration,
      easing: 'ease-in-out-cubic',
    });
  }

  /** Moves the camera by screen pixels (the keyboard's arrows). */
  pan(dx: number, dy: number): void {
    this.#moved = true;
    this.cy?.panBy({ x: dx, y: dy });
  }

  /** Zooms about the canvas's centre (the keyboard's + and −). */
  zoomBy(factor: number): void {
    const cy = this.cy;
    if (cy === null) return;
    this.#moved = true;
    cy.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  }

  fit(): void {
    const cy = this.cy;
    if (cy === null) return;
    this.#moved = false;
    cy.stop();
    cy.animate({ ...this.#fitted(cy), duration: CANVAS_DEFAULTS.focusDuration });
  }

  /**
   * The camera that shows the whole graph inside the canvas's inset: fitted to the nodes'
   * bodies, then to the labels drawn at that zoom (the major ones, on a whole plan), so that
   * only those few are measured. Sets which labels are drawn for that zoom.
   */
  #fitted(cy: Core): FittedCamera {
    const limits = { min: cy.minZoom(), max: cy.maxZoom() };
    const size = { width: cy.width(), height: cy.height() };
    const nodes = cy.nodes();
    const bodies = bodyBox(
      nodes.map((node) => ({ ...node.position(), width: node.width(), height: node.height() })),
    );
    if (bodies === null) return { zoom: cy.zoom(), pan: { ...cy.pan() } };
    const first = fitInside(bodies, size, CANVAS_DEFAULTS.fitInset, limits);
    this.#applyDetail(first.zoom);
    const labelled = nodes.not('.quiet');
    if (labelled.empty()) return first;
    const camera = fitInside(
      unionBox(bodies, labelled.boundingBox()),
      size,
      CANVAS_DEFAULTS.fitInset,
      limits,
    );
    // Zoomed out a little further, some labels may be too small now: quiet them too.
    this.#applyDetail(camera.zoom);
    return camera;
  }

  /**
   * Level of detail: a minor node's label is drawn only while it is legible at `zoom` (its
   * font times the zoom, Cytoscape's own min-zoomed-font-size rounds the zoom to a power of
   * two); major labels always are. Only the nodes whose state changes are restyled.
   */
  #applyDetail(zoom = this.cy?.zoom() ?? 1): void {
    const cy = this.cy;
    if (cy === null) return;
    const least = CANVAS_DEFAULTS.legibleFontPx / zoom;
    const quiet = cy.collection();
    const loud = cy.collection();
    this.#minor?.forEach((node) => {
      if (node.removed()) return;
      const small = node.numericStyle('font-size') < least;
      if (node.hasClass('quiet') !== small) (small ? quiet : loud).merge(node);
    });
    if (quiet.empty() && loud.empty()) return;
    cy.batch(() => {
      quiet.addClass('quiet');
      loud.removeClass('quiet');
    });
  }

  /** Moves the nodes from `from` to where they are now, and the camera to `camera`, together. */
  async #glide(cy: Core, from: ReadonlyMap<string, Position>, camera: FittedCamera): Promise<void> {
    const to = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }] as const));
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const at = from.get(node.id());
        if (at !== undefined) node.position({ ...at });
      });
    });
    const { duration, easing } = FORCE_GLIDE;
    cy.stop();
    cy.nodes().forEach((node) => {
      node.animate({ position: to.get(node.id()) ?? node.position(), duration, easing });
    });
    cy.animate({ ...camera, duration, easing });
    // Not the animations' promises: a stopped animation never settles, and a hidden page runs no
    // frames. After the glide's time everything is where it goes, whatever happened meanwhile.
    await new Promise((resolve) => setTimeout(resolve, duration + 50));
    if (this.cy !== cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const at = to.get(node.id());
        node.stop();
        if (at !== undefined) node.position(at);
      });
    });
    if (cy.animated()) {
      cy.stop();
      cy.viewport(camera);
    }
  }

  /** The canvas as a PNG, for a briefing: the whole graph or what is on screen. */
  async png(options: ImageOptions = {}): Promise<Blob | null> {
    const cy = this.cy;
    if (cy === null) return null;
    return cy.png({
      output: 'blob-promise',
      full: options.full ?? true,
      ...(options.maxWidth === undefined
        ? { scale: options.scale ?? 2 }
        : { maxWidth: options.maxWidth }),
      ...(options.background === undefined ? {} : { bg: options.background }),
    });
  }

  /** The canvas as SVG text (labels kept as text); the SVG extension loads on first use. */
  async svg(options: ImageOptions = {}): Promise<string | null> {
    const cy = this.cy;
    if (cy === null) return null;
    await loadSvgExtension((extension) => cytoscape.use(extension as cytoscape.Ext));
    if (this.cy !== cy) return null;
    return (cy as Core & SvgCore).svg({
      full: options.full ?? true,
      scale: options.scale ?? 1,
      ...(options.background === undefined ? {} : { bg: options.background }),
    });
  }

  /** Zoom and pan, to save with a view. */
  camera(): Camera | null {
    const cy = this.cy;
    return cy === null ? null : { zoom: cy.zoom(), pan: { ...cy.pan() } };
  }

  /** Puts the camera exactly where it was saved; a later resize keeps it (no refit). */
  setCamera(camera: Camera): void {
    const cy = this.cy;
    if (cy === null) return;
    cy.stop();
    this.#moved = true;
    cy.viewport({ zoom: camera.zoom, pan: { ...camera.pan } });
  }

  /**
   * Shows this box of the graph (model coordinates) whole and centred, as large as the canvas
   * allows less `padding` pixels: a saved view's slide on a screen of any size.
   */
  fitBox(box: Box, padding = 0): void {
    const cy = this.cy;
    if (cy === null) return;
    // The canvas may have just changed size (presentation fills the screen): measure it now.
    cy.resize();
    const size = { width: cy.width(), height: cy.height() };
    this.setCamera(fitCamera(box, size, padding, { min: cy.minZoom(), max: cy.maxZoom() }));
  }

  /** Node positions (model coordinates), of these ids or of every node. */
  positions(ids?: readonly string[]): Record<string, Position> {
    const cy = this.cy;
    const out: Record<string, Position> = {};
    if (cy === null) return out;
    const nodes = ids === undefined ? cy.nodes() : cy.nodes().filter((n) => ids.includes(n.id()));
    nodes.forEach((node) => {
      out[node.id()] = { ...node.position() };
    });
    return out;
  }

  /** The positions of the nodes a planner pinned. */
  pinned(): Record<string, Position> {
    return Object.fromEntries([...this.#pins].map(([id, at]) => [id, { ...at }]));
  }

  /** Pins nodes at these positions (a saved view's); the layout leaves them there. */
  pin(positions: Readonly<Record<string, Position>>): void {
    for (const [id, at] of Object.entries(positions)) this.#pins.set(id, { ...at });
    this.cy?.batch(() => this.#applyPins());
  }

  /** Releases every pin; nodes the layered layout placed go back to their places. */
  unpinAll(): void {
    const cy = this.cy;
    const released = [...this.#pins.keys()];
    this.#pins.clear();
    if (cy === null) return;
    cy.batch(() => {
      for (const id of released) {
        const at = this.#laidOut.get(id);
        const node = cy.getElementById(id);
        if (at !== undefined && !node.empty()) node.position({ ...at });
      }
    });
  }

  /** Pinning mode: nodes can be dragged (and stay where they are dropped). */
  setDraggable(on: boolean): void {
    this.cy?.autoungrabify(!on);
  }

  #applyPins(): void {
    const cy = this.cy;
    if (cy === null) return;
    for (const [id, at] of this.#pins) {
      const node = cy.getElementById(id);
      if (!node.empty()) node.position({ ...at });
    }
  }
}
