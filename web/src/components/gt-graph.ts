// The canvas: draws what the view shows, highlights the selection, and reports taps. Cytoscape
// itself lives in a controller; this element only hands it elements and camera requests.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Position } from 'cytoscape';
import type { NodeData } from '../api/schema.ts';
import type { SavedView } from '../briefing/saved-views.ts';
import { frameOf, slideBox, type ViewFrame } from '../briefing/slide-fit.ts';
import {
  CANVAS_DEFAULTS,
  CytoscapeController,
  type Camera,
  type ImageOptions,
} from '../controllers/cytoscape-controller.ts';
import { dropReframed } from '../graph/plan-frame.ts';
import type { RendererChoice } from '../graph/scene-detail.ts';
import type { CyEdge, CyNode } from '../graph/to-elements.ts';
import { msg, type Lang } from '../i18n/messages.ts';
import type { Layout } from '../state/view.ts';
import { applyWarmap } from '../warmap/apply.ts';
import type { WarNodeData } from '../warmap/war-map.ts';
import { NodeSelectEvent } from './events.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-graph')
export class GtGraph extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: relative;
        min-height: 0;
        background: var(--gt-canvas);
      }
      .canvas {
        position: absolute;
        inset: 0;
      }
      .canvas:focus-visible {
        outline-offset: -3px;
      }
    `,
  ];

  #drawing: Promise<void> = Promise.resolve();
  #firstDrawn: () => void = () => {};
  /** Settles once the first plan is on the canvas: what waits for the first screen waits on it. */
  readonly drawn = new Promise<void>((resolve) => {
    this.#firstDrawn = resolve;
  });
  #controller = new CytoscapeController(
    this,
    () => this.canvas ?? null,
    {
      onTap: (id) => this.dispatchEvent(new NodeSelectEvent(id, false)),
      onDrawn: () => this.#firstDrawn(),
    },
    { renderer: () => this.renderer },
  );

  @query('.canvas') private canvas?: HTMLElement;

  @property({ attribute: false }) elements: readonly (CyNode | CyEdge)[] = [];
  @property() layout: Layout = 'layered';
  @property() selected: string | null = null;
  /** Ids of the nodes and edges the selection reaches (lit up with it). */
  @property({ attribute: false }) reach: ReadonlySet<string> = new Set();
  /** Ids of the nodes and edges lit by a ranking row, a path or a result. */
  @property({ attribute: false }) marked: ReadonlySet<string> = new Set();
  @property() language: Lang = 'zh';
  /** Heat styling: units sized and coloured by this metric (graph/heat.ts), or none. */
  @property() metric: string | null = null;
  /** War-map styling (warmap/war-map.ts): each node's state and late share, or none. */
  @property({ attribute: false }) warmap: ReadonlyMap<string, WarNodeData> | null = null;
  /** Which renderer draws (graph/scene-detail.ts), read when the first scene is drawn. */
  @property() renderer: RendererChoice = 'canvas';

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('elements') || changed.has('layout')) {
      const elements = this.elements;
      const layout = this.layout;
      this.#queue(async () => {
        dropReframed(this.#controller.cy, elements);
        await this.#controller.show(elements, layout);
        this.#controller.heat(this.metric);
        this.#applyWarmap();
        this.#controller.highlight(this.selected, this.reach, this.marked);
      });
    } else if (changed.has('selected') || changed.has('reach') || changed.has('marked')) {
      this.#queue(() => this.#controller.highlight(this.selected, this.reach, this.marked));
    }
    if (changed.has('metric') && !changed.has('elements') && !changed.has('layout')) {
      this.#queue(() => this.#controller.heat(this.metric));
    }
    if (changed.has('warmap') && !changed.has('elements') && !changed.has('layout')) {
      this.#queue(() => this.#applyWarmap());
    }
  }

  #applyWarmap(): void {
    applyWarmap(this.#controller.cy, this.warmap);
    // What the canvas shows, for tests: how many nodes carry war-map data.
    if (this.warmap === null) delete this.dataset['war'];
    else this.dataset['war'] = String(this.warmap.size);
  }

  // The canvas takes the keyboard when focused: arrows pan, + and − zoom, 0 fits. Choosing a
  // node from the keyboard goes through the search, the panels and the table view.
  #onKeydown(event: KeyboardEvent): void {
    const step = event.shiftKey ? 200 : 60;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => this.#controller.pan(step, 0),
      ArrowRight: () => this.#controller.pan(-step, 0),
      ArrowUp: () => this.#controller.pan(0, step),
      ArrowDown: () => this.#controller.pan(0, -step),
      '+': () => this.#controller.zoomBy(1.25),
      '=': () => this.#controller.zoomBy(1.25),
      '-': () => this.#controller.zoomBy(0.8),
      '0': () => this.#controller.fit(),
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    move();
  }

  // Drawing steps run one after another: a force layout still running must not interleave with
  // the next set of elements. A failed step is reported and does not stop the ones after it.
  #queue(step: () => void | Promise<void>): void {
    this.#drawing = this.#drawing.then(step).catch((error: unknown) => {
      console.error('gt-graph: drawing failed', error);
    });
  }

  /** Moves the camera to a node and its neighbours once what is being drawn is drawn. */
  async focusNode(id: string): Promise<void> {
    await this.updateComplete;
    await this.#drawing;
    this.#controller.focus(id, this.reach);
  }

  /** Moves the camera to the marked elements once what is being drawn is drawn. */
  async focusMarked(): Promise<void> {
    await this.updateComplete;
    await this.#drawing;
    this.#controller.focusOn(this.marked);
  }

  fit(): void {
    this.#controller.fit();
  }

  /** The canvas as a PNG for a briefing, once what is being drawn is drawn. */
  async png(options: ImageOptions = {}): Promise<Blob | null> {
    await this.#drawn();
    return this.#controller.png(options);
  }

  /** The canvas as SVG text (labels as text), once what is being drawn is drawn. */
  async svg(options: ImageOptions = {}): Promise<string | null> {
    await this.#drawn();
    return this.#controller.svg(options);
  }

  /** The data of the nodes on the canvas (a briefing's legend reads its heat scale from them). */
  nodeData(): NodeData[] {
    return this.#controller.cy?.nodes().map((node) => node.data() as NodeData) ?? [];
  }

  camera(): Camera | null {
    return this.#controller.camera();
  }

  /** Restores a saved view's pins and camera after what is being drawn is drawn. */
  async restore(camera: Camera, pins: Readonly<Record<string, Position>>): Promise<void> {
    await this.#drawn();
    this.#controller.unpinAll();
    this.#controller.pin(pins);
    this.#controller.setCamera(camera);
  }

  /** A saved view as a slide: its pins, and what it framed fitted to the whole canvas. */
  async present(saved: SavedView): Promise<void> {
    await this.#drawn();
    const cy = this.#controller.cy;
    if (cy === null) return;
    this.#controller.unpinAll();
    this.#controller.pin(saved.pins);
    const { box, padding } = slideBox(cy, saved, CANVAS_DEFAULTS.fitPadding);
    this.#controller.fitBox(box, padding);
  }

  /** The canvas's size and the nodes on screen, saved with a view for presenting it. */
  frame(): ViewFrame | null {
    const cy = this.#controller.cy;
    return cy === null ? null : frameOf(cy);
  }

  async setCamera(camera: Camera): Promise<void> {
    await this.#drawn();
    this.#controller.setCamera(camera);
  }

  positions(ids?: readonly string[]): Record<string, Position> {
    return this.#controller.positions(ids);
  }

  pinned(): Record<string, Position> {
    return this.#controller.pinned();
  }

  async pin(positions: Readonly<Record<string, Position>>): Promise<void> {
    await this.#drawn();
    this.#controller.pin(positions);
  }

  unpinAll(): void {
    this.#controller.unpinAll();
  }

  /** Pinning mode: nodes can be dragged into place. */
  setDraggable(on: boolean): void {
    this.#controller.setDraggable(on);
  }

  async #drawn(): Promise<void> {
    await this.updateComplete;
    // Steps queued while waiting (a view applied just before) are waited for too.
    let drawing: Promise<void>;
    do {
      drawing = this.#drawing;
      await drawing;
    } while (drawing !== this.#drawing);
  }

  override render() {
    const nodes = this.elements.filter((element) => element.group === 'nodes').length;
    return html`<div
      class="canvas"
      role="img"
      tabindex="0"
      aria-label=${msg(this.language, 'graphLabel', { nodes })}
      @keydown=${this.#onKeydown}
    ></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-graph': GtGraph;
  }
}
