// The account in the header: its name and role in words (or 本地模式 when guatu has no accounts),
// and a menu with what the account may do about itself — change its password, sign out — and,
// for an administrator, the accounts and the audit log.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { may, ROLE_WORDS } from '../../../contract/accounts.ts';
import type { ApiClient } from '../api/client.ts';
import { accountContext, apiContext, type SignedIn } from '../api/context.ts';
import { messageIn } from '../api/server-message.ts';
import { SessionClient } from '../api/session.ts';
import { say } from '../i18n/features/accounts.ts';
import type { Lang } from '../i18n/messages.ts';
import { sharedStyles } from './shared-styles.ts';
import './gt-accounts-panel.ts';
import type { GtAccountsPanel } from './gt-accounts-panel.ts';

@customElement('gt-account-menu')
export class GtAccountMenu extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: relative;
        flex: none;
      }
      .who {
        display: inline-flex;
        align-items: center;
        gap: 0.45rem;
        border: 1px solid rgba(255, 255, 255, 0.35);
        background: transparent;
        color: #fff;
        border-radius: 6px;
        padding: 0.3rem 0.7rem;
        font-size: 0.85rem;
      }
      .who:hover {
        background: rgba(255, 255, 255, 0.12);
      }
      .role {
        font-size: 0.72rem;
        opacity: 0.8;
      }
      .menu {
        position: absolute;
        right: 0;
        top: calc(100% + 0.35rem);
        z-index: 70;
        display: grid;
        min-width: 13rem;
        padding: 0.35rem;
        border-radius: 8px;
        background: var(--gt-surface, #fff);
        color: var(--gt-ink);
        box-shadow: 0 10px 30px rgb(10 25 40 / 25%);
      }
      .menu p {
        margin: 0.2rem 0.5rem 0.45rem;
        font-size: 0.78rem;
        color: var(--gt-muted);
      }
      .menu button {
        border: 0;
        background: none;
        text-align: left;
        padding: 0.45rem 0.6rem;
        border-radius: 5px;
        font-size: 0.88rem;
      }
      .menu button:hover {
        background: var(--gt-hover);
      }
      dialog {
        border: 0;
        border-radius: 10px;
        padding: 1.2rem 1.4rem;
        box-shadow: 0 18px 60px rgb(10 25 40 / 35%);
        color: var(--gt-ink);
      }
      dialog form {
        display: grid;
        gap: 0.7rem;
        width: min(22rem, 86vw);
      }
      dialog h2 {
        margin: 0;
        font-size: 1.05rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.85rem;
      }
      input {
        font: inherit;
        padding: 0.4rem 0.55rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
      }
      .row {
        display: flex;
        justify-content: flex-end;
        gap: 0.5rem;
      }
      .error {
        color: var(--gt-danger, #b42318);
        font-size: 0.85rem;
      }
      .done {
        color: var(--gt-ok, #1a7f37);
        font-size: 0.85rem;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  // Through the app's client: a password change after the session expired shows the login.
  readonly #client = new SessionClient(() => this.api);

  @query('dialog.password') private passwordDialog?: HTMLDialogElement;
  @query('gt-accounts-panel') private accountsPanel?: GtAccountsPanel;

  @consume({ context: accountContext, subscribe: true })
  @state()
  private account: SignedIn | null = null;

  @state() private open = false;
  @state() private passwordProblem: string | null = null;
  @state() private passwordDone = false;

  @property() language: Lang = 'zh';

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.#onOutside);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.#onOutside);
  }

  readonly #onOutside = (event: MouseEvent) => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  readonly #onLogout = async () => {
    this.open = false;
    await this.#client.logout().catch(() => undefined);
    location.reload();
  };

  readonly #openPassword = () => {
    this.open = false;
    this.passwordProblem = null;
    this.passwordDone = false;
    this.passwordDialog?.showModal();
  };

  readonly #openAccounts = () => {
    this.open = false;
    this.accountsPanel?.show();
  };

  readonly #onPassword = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const current = String(data.get('current') ?? '');
    const next = String(data.get('next') ?? '');
    if (next !== String(data.get('again') ?? '')) {
      this.passwordProblem = say(this.language, 'passwordsDiffer');
      return;
    }
    try {
      await this.#client.changePassword(current, next);
      this.passwordProblem = null;
      this.passwordDone = true;
      form.reset();
    } catch (error) {
      this.passwordProblem = messageIn((error as Error).message, this.language);
    }
  };

  #renderPasswordDialog() {
    const lang = this.language;
    return html`<dialog class="password">
      <form @submit=${this.#onPassword}>
        <h2>${say(lang, 'changePassword')}</h2>
        <label
          >${say(lang, 'currentPassword')}
          <input name="current" type="password" autocomplete="current-password" required
        /></label>
        <label
          >${say(lang, 'newPassword')}
          <input name="next" type="password" autocomplete="new-password" required
        /></label>
        <label
          >${say(lang, 'newPasswordAgain')}
          <input name="again" type="password" autocomplete="new-password" required
        /></label>
        ${
          this.passwordProblem === null
            ? nothing
            : html`<div class="error" role="alert">${this.passwordProblem}</div>`
        }
        ${
          this.passwordDone
            ? html`<div class="done" role="status">${say(lang, 'passwordChanged')}</div>`
            : nothing
        }
        <div class="row">
          <button class="button" type="button" @click=${() => this.passwordDialog?.close()}>
            ${say(lang, this.passwordDone ? 'close' : 'cancel')}
          </button>
          <button class="button" type="submit">${say(lang, 'save')}</button>
        </div>
      </form>
    </dialog>`;
  }

  override render() {
    const account = this.account;
    if (account === null) return nothing;
    const lang = this.language;
    const team = account.mode === 'team';
    const admin = may(account, 'manage-accounts');
    const units = account.units.join('、');
    return html`<button
        class="who"
        data-action="account"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        title=${team ? '' : say(lang, 'localModeHint')}
        @click=${() => (this.open = !this.open)}
      >
        ${
          team
            ? html`<span class="name">${account.name}</span
                ><span class="role">${ROLE_WORDS[account.role][lang]}</span>`
            : html`<span class="name">${say(lang, 'localMode')}</span>`
        }
      </button>
      ${
        this.open
          ? html`<div class="menu" role="menu">
              ${team ? nothing : html`<p>${say(lang, 'localModeHint')}</p>`}
              ${units === '' ? nothing : html`<p>${say(lang, 'unitsOf', { units })}</p>`}
              ${
                team
                  ? html`<button
                      role="menuitem"
                      data-action="password"
                      @click=${this.#openPassword}
                    >
                      ${say(lang, 'changePassword')}
                    </button>`
                  : nothing
              }
              ${
                admin
                  ? html`<button
                      role="menuitem"
                      data-action="accounts"
                      @click=${this.#openAccounts}
                    >
                      ${say(lang, 'manageAccounts')}
                    </button>`
                  : nothing
              }
              ${
                team
                  ? html`<button role="menuitem" data-action="logout" @click=${this.#onLogout}>
                      ${say(lang, 'logout')}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${team ? this.#renderPasswordDialog() : nothing}
      ${admin ? html`<gt-accounts-panel .language=${lang}></gt-accounts-panel>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-account-menu': GtAccountMenu;
  }
}
