// The Cypher console: editor, the queries of cypher/ with their parameters, results as a table and a graph, history.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../i18n/messages.ts';
import { DEFAULT_VIEW, type ViewState } from '../state/view.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-console')
export class GtConsole extends LitElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;
  @property() plan: string | null = null;
  @property() language: Lang = 'zh';

  override render() {
    return html`<p>console</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-console': GtConsole;
  }
}
