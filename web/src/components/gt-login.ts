// The login, all a visitor sees in team mode until signed in: account name and password, and
// when the server refuses, why in the planner's words — a wrong name or password (the same
// words for both, as the server does), or too many tries with the minutes to wait. A successful
// sign-in reloads the page, so the explorer starts afresh under the account.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { messageIn } from '../api/server-message.ts';
import { LoginError, SessionClient } from '../api/session.ts';
import { say } from '../i18n/features/accounts.ts';
import type { Lang } from '../i18n/messages.ts';
import { sharedStyles } from './shared-styles.ts';

@customElement('gt-login')
export class GtLogin extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100vh;
        background: var(--gt-page, #f3f5f8);
      }
      form {
        display: grid;
        gap: 0.8rem;
        width: min(24rem, 92vw);
        padding: 1.6rem 1.8rem;
        border-radius: 10px;
        background: var(--gt-surface, #fff);
        box-shadow: 0 10px 40px rgb(10 25 40 / 18%);
      }
      h1 {
        margin: 0;
        font-size: 1.3rem;
      }
      p {
        margin: 0;
        font-size: 0.85rem;
        color: var(--gt-muted);
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-size: 0.88rem;
      }
      input {
        font: inherit;
        padding: 0.45rem 0.6rem;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
      }
      .submit {
        justify-content: center;
        padding: 0.5rem;
        background: var(--gt-primary);
        border-color: var(--gt-primary);
        color: #fff;
        font-size: 0.95rem;
      }
      .submit:hover {
        background: var(--gt-primary);
        filter: brightness(1.08);
      }
      .error {
        color: var(--gt-danger, #b42318);
        font-size: 0.88rem;
      }
    `,
  ];

  readonly #client = new SessionClient();

  @query('input[name="name"]') private nameInput?: HTMLInputElement;
  @query('input[name="password"]') private passwordInput?: HTMLInputElement;

  @state() private busy = false;
  @state() private problem: string | null = null;

  @property() language: Lang = 'zh';

  override firstUpdated(): void {
    this.nameInput?.focus();
  }

  readonly #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const name = this.nameInput?.value.trim() ?? '';
    const password = this.passwordInput?.value ?? '';
    if (name === '' || password === '') return;
    this.busy = true;
    this.problem = null;
    try {
      await this.#client.login(name, password);
      location.reload();
    } catch (error) {
      this.busy = false;
      this.problem = this.#why(error);
      if (this.passwordInput !== undefined) this.passwordInput.value = '';
      this.passwordInput?.focus();
    }
  };

  #why(error: unknown): string {
    const lang = this.language;
    if (error instanceof LoginError) {
      if (error.code === 'bad_login') return say(lang, 'loginWrong');
      if (error.code === 'too_many_logins') {
        const minutes = Math.max(1, Math.ceil((error.retryAfterS ?? 60) / 60));
        return say(lang, 'loginThrottled', { minutes });
      }
      return say(lang, 'loginFailed', { message: messageIn(error.message, lang) });
    }
    return say(lang, 'loginFailed', { message: String(error) });
  }

  override render() {
    const lang = this.language;
    return html`<form @submit=${this.#onSubmit} aria-labelledby="login-title">
      <h1 id="login-title">${say(lang, 'loginTitle')}</h1>
      <p>${say(lang, 'loginHint')}</p>
      <label>
        ${say(lang, 'loginName')}
        <input name="name" autocomplete="username" required ?disabled=${this.busy} />
      </label>
      <label>
        ${say(lang, 'loginPassword')}
        <input
          name="password"
          type="password"
          autocomplete="current-password"
          required
          ?disabled=${this.busy}
        />
      </label>
      ${this.problem === null ? nothing : html`<div class="error" role="alert">${this.problem}</div>`}
      <button class="button submit" type="submit" ?disabled=${this.busy}>
        ${say(lang, this.busy ? 'loginBusy' : 'loginSubmit')}
      </button>
      <p>${say(lang, 'loginExpiredHint')}</p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-login': GtLogin;
  }
}
