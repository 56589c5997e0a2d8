// Any other node (a delegated-to document, a node of a kind this app does not know yet): its
// properties as the API gives them, so nothing on the canvas is a dead end.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { kindName, msg, type Lang } from '../i18n/messages.ts';
import { propertyName, valueWords } from '../i18n/words.ts';
import { panelStyles, sharedStyles } from './shared-styles.ts';

@customElement('gt-node-panel')
export class GtNodePanel extends LitElement {
  static override styles = [sharedStyles, panelStyles];

  @consume({ context: apiContext })
  private api!: ApiClient;

  @property() nodeId = '';
  @property() language: Lang = 'zh';

  private node = new Task(this, {
    args: () => [this.nodeId] as const,
    task: ([id], { signal }) => this.api.node(id, signal),
  });

  override render() {
    const lang = this.language;
    return this.node.render({
      pending: () => html`<p class="status muted" role="status">${msg(lang, 'loading')}</p>`,
      complete: ({ node }) => html`
        <header>
          <div class="kicker">${kindName(lang, node.kind)}</div>
          <h2>${node.label ?? node['title'] ?? node['name'] ?? node.id}</h2>
        </header>
        <section>
          <dl class="facts">
            ${Object.entries(node)
              .filter(([, value]) => value !== null && typeof value !== 'object')
              .map(
                ([key, value]) =>
                  html`<dt title=${key}>${propertyName(lang, key)}</dt>
                    <dd>${valueWords(lang, key, value) ?? String(value)}</dd>`,
              )}
          </dl>
        </section>
      `,
      error: (error) =>
        html`<p class="status error" role="alert">${msg(lang, 'error')}: ${String(error)}</p>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-node-panel': GtNodePanel;
  }
}
