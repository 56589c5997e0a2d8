// Rankings of overload and coordination hotspots; a row lights its units and items on the graph.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../i18n/messages.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-hotspots-panel')
export class GtHotspotsPanel extends LitElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property() plan: string | null = null;
  @property() language: Lang = 'zh';

  override render() {
    return html`<p>hotspots</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-hotspots-panel': GtHotspotsPanel;
  }
}
