// Who is using the explorer: asks /api/session when the app connects, provides the account to
// every component (accountContext), and turns to the login whenever the API says one is needed —
// at the start in team mode, or later when a session expires or is ended elsewhere. Signing in
// and out reload the page, so that nothing read under one account is shown to the next.
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { may, type Write } from '../../../contract/accounts.ts';
import type { ApiClient } from '../api/client.ts';
import { accountContext, type SignedIn } from '../api/context.ts';
import { SessionClient } from '../api/session.ts';

/** Checking: the first answer is on its way; the app shows as in local mode meanwhile. */
export type SessionState = 'checking' | 'signed-in' | 'signed-out';

export class SessionController implements ReactiveController {
  readonly client = new SessionClient();
  state: SessionState = 'checking';
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #api: () => ApiClient;
  readonly #provider: ContextProvider<typeof accountContext>;

  constructor(host: ReactiveControllerHost & HTMLElement, api: () => ApiClient) {
    this.#host = host;
    this.#api = api;
    this.#provider = new ContextProvider(host, { context: accountContext, initialValue: null });
    host.addController(this);
  }

  /** The signed-in account; null while checking or signed out. */
  get account(): SignedIn | null {
    return this.#provider.value;
  }

  /** Whether to show the login instead of the explorer. */
  get needsLogin(): boolean {
    return this.state === 'signed-out';
  }

  hostConnected(): void {
    this.#api().onLoginRequired = () => this.#signedOut();
    document.addEventListener('visibilitychange', this.#onVisible);
    void this.refresh();
  }

  hostDisconnected(): void {
    this.#api().onLoginRequired = null;
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  // A tab left open overnight comes back to a session that has expired: say so at once, not at
  // the planner's next click.
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible' && this.state === 'signed-in') void this.refresh();
  };

  /** Asks the server who is signed in. */
  async refresh(): Promise<void> {
    try {
      const { mode, account } = await this.client.session();
      if (account === null) this.#signedOut();
      else {
        this.state = 'signed-in';
        this.#provider.setValue({ ...account, mode });
        this.#host.requestUpdate();
      }
    } catch {
      // Unreachable server: the availability banner says so; the explorer stays as it is.
    }
  }

  /**
   * Whether a button for `write` should show. While the first answer is on its way it shows (local
   * mode, the usual case, must not flicker); the server refuses what the account may not do.
   */
  allows(write: Write, unitIds: readonly string[] = []): boolean {
    if (this.state === 'checking') return true;
    const account = this.account;
    return account !== null && may(account, write, unitIds);
  }

  async logout(): Promise<void> {
    await this.client.logout();
    location.reload();
  }

  #signedOut(): void {
    if (this.state === 'signed-out') return;
    this.state = 'signed-out';
    this.#provider.setValue(null);
    this.#host.requestUpdate();
  }
}
