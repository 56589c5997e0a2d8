// Paths between two units, or from a unit to a theme, lit on the graph.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../i18n/messages.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-paths-panel')
export class GtPathsPanel extends LitElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property() plan: string | null = null;
  @property() language: Lang = 'zh';

  override render() {
    return html`<p>paths</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-paths-panel': GtPathsPanel;
  }
}
