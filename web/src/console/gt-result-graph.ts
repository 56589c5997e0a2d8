// A result's nodes and relationships drawn in a small Cytoscape of its own, beside the table.
// Its own instance, not the canvas controller's: that one is the main graph (window.__guatu).
import cytoscape, { type Core } from 'cytoscape';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Elements } from '../api/schema.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import { explorerStylesheet } from '../graph/stylesheet.ts';
import { toElements } from '../graph/to-elements.ts';
import type { Lang } from '../i18n/messages.ts';

/** The small drawing's settings: Cytoscape's built-in force layout, no animation. */
export const RESULT_GRAPH_DEFAULTS = {
  layout: {
    name: 'cose',
    animate: false,
    fit: true,
    padding: 16,
    nodeDimensionsIncludeLabels: true,
  },
  minZoom: 0.1,
  maxZoom: 3,
} as const;

@customElement('gt-result-graph')
export class GtResultGraph extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: relative;
        min-height: 16rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        background: var(--gt-canvas);
      }
      .canvas {
        position: absolute;
        inset: 0;
      }
    `,
  ];

  #cy: Core | null = null;
  #resize: ResizeObserver | null = null;

  @query('.canvas') private canvas!: HTMLElement;

  @property({ attribute: false }) elements: Elements = { nodes: [], edges: [] };
  @property() language: Lang = 'zh';
  @property() label = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = null;
    this.#cy?.destroy();
    this.#cy = null;
  }

  override updated(changed: PropertyValues<this>): void {
    if (this.#cy === null) {
      this.#cy = cytoscape({
        container: this.canvas,
        style: explorerStylesheet(),
        minZoom: RESULT_GRAPH_DEFAULTS.minZoom,
        maxZoom: RESULT_GRAPH_DEFAULTS.maxZoom,
        boxSelectionEnabled: false,
      });
      this.#resize = new ResizeObserver(() => {
        this.#cy?.resize();
        this.#cy?.fit(undefined, RESULT_GRAPH_DEFAULTS.layout.padding);
      });
      this.#resize.observe(this.canvas);
    } else if (!changed.has('elements') && !changed.has('language')) {
      return;
    }
    const cy = this.#cy;
    const shown = {
      nodes: this.elements.nodes.map((node) => node.data),
      edges: this.elements.edges.map((edge) => edge.data),
    };
    cy.batch(() => {
      cy.elements().remove();
      cy.add(toElements(shown, { lang: this.language, englishPrefix: '', layered: false }));
    });
    cy.layout({ ...RESULT_GRAPH_DEFAULTS.layout }).run();
    this.dataset['nodeCount'] = String(cy.nodes().length);
  }

  /** The ids drawn (for tests and for "show on main graph"). */
  nodeIds(): string[] {
    return this.#cy?.nodes().map((node) => node.id()) ?? [];
  }

  override render() {
    return html`<div class="canvas" role="img" aria-label=${this.label}></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-result-graph': GtResultGraph;
  }
}
