// A banner across the top of the explorer while guatu's database is being restarted (the API
// answers 503 and health says "down") or its server cannot be reached; it goes away by itself
// once health answers "up" again. Health is asked on a schedule (controllers/health-controller.ts).
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { HealthController, type Reachability } from '../controllers/health-controller.ts';
import * as words from '../i18n/features/availability.ts';
import type { Lang } from '../i18n/messages.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-db-banner')
export class GtDbBanner extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        /* Over the explorer, out of its grid: the page keeps its layout while the banner shows. */
        position: fixed;
        top: 0.6rem;
        left: 50%;
        transform: translateX(-50%);
        z-index: 1000;
        max-width: calc(100vw - 2rem);
      }
      .banner {
        display: flex;
        align-items: center;
        gap: 0.8rem;
        padding: 0.55rem 0.9rem;
        border-radius: 8px;
        background: #fff4e0;
        border: 1px solid var(--gt-accent);
        box-shadow: 0 4px 16px rgb(24 50 75 / 18%);
        font-size: 0.88rem;
      }
      .spinner {
        flex: none;
        width: 0.9rem;
        height: 0.9rem;
        border-radius: 50%;
        border: 2px solid var(--gt-accent);
        border-right-color: transparent;
        animation: spin 1s linear infinite;
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation: none;
        }
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      .text {
        display: grid;
        gap: 0.1rem;
      }
      .hint {
        color: var(--gt-muted);
        font-size: 0.78rem;
      }
    `,
  ];

  // Without a provider (the banner on a page of its own), the API at /api.
  @consume({ context: apiContext })
  private api: ApiClient = new ApiClient();

  readonly #health = new HealthController(this, () => this.api.url('/health'));

  @property() language: Lang = 'zh';

  /** What the banner is saying: up (nothing), database-down or server-unreachable. */
  get reachability(): Reachability {
    return this.#health.reachability;
  }

  override render() {
    const reachability = this.#health.reachability;
    if (reachability === 'up') return nothing;
    const say = words[this.language];
    return html`<div class="banner" role="status" data-reachability=${reachability}>
      <span class="spinner" aria-hidden="true"></span>
      <span class="text">
        <strong
          >${
            reachability === 'database-down'
              ? say.availabilityDatabaseDown
              : say.availabilityServerDown
          }</strong
        >
        <span class="hint">${say.availabilityHint}</span>
      </span>
      <button class="button" @click=${() => this.#health.check()}>
        ${say.availabilityRetryNow}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-db-banner': GtDbBanner;
  }
}
