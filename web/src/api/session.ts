// Signing in and out, one's own password, and the administrators' accounts and audit log: the
// session routes of docs/api.md ("Accounts"), each answer checked against contract/api/session.ts.
// Beside ApiClient rather than in it: a sign-in needs the Retry-After of a refusal, and every
// call here is made by a planner's click, never by a task that may be cancelled.
import * as z from 'zod/mini';
import type { Role } from '../../../contract/accounts.ts';
import {
  AccountList,
  AccountRow,
  AuditAnswer,
  LoginAnswer,
  SessionAnswer,
} from '../../../contract/api/session.ts';
import { ErrorBody } from './schema.ts';
import { attachmentName } from '../export/download.ts';
import { ApiError, type ApiClient } from './client.ts';

export * from '../../../contract/api/session.ts';

/** A refused sign-in: wrong name or password, or too many tries (`retryAfterS` to wait). */
export class LoginError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly retryAfterS: number | null,
  ) {
    super(status, code, message);
  }
}

export interface NewAccount {
  name: string;
  role: Role;
  units: string[];
  password: string;
}

export interface AccountChange {
  role?: Role;
  units?: string[];
  disabled?: boolean;
  password?: string;
}

export class SessionClient {
  readonly #base: string;
  /**
   * The app's client, whose `send` tells the app when a session has expired: the accounts panel
   * and the account menu ask through it. The login asks without it (its own 401 is a wrong
   * password, not a session gone).
   */
  readonly #api: (() => ApiClient) | null;

  constructor(api: (() => ApiClient) | null = null, base = '/api') {
    this.#api = api;
    this.#base = base.replace(/\/$/, '');
  }

  async #ask<S extends z.ZodMiniType>(
    path: string,
    init: { method?: string; body?: unknown },
    schema: S,
  ): Promise<z.infer<S>> {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json' };
    // Every write carries the header no other site's form can send (graph/api/same-origin.ts).
    if (method !== 'GET') headers['x-guatu-request'] = '1';
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const request: RequestInit = {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    };
    const url = `${this.#base}${path}`;
    const response =
      this.#api === null ? await fetch(url, request) : await this.#api().send(url, request);
    const answer: unknown =
      response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = ErrorBody.safeParse(answer);
      const { code, message } = error.success
        ? error.data.error
        : { code: 'http', message: `${response.status} ${response.statusText}` };
      const retry = Number(response.headers.get('retry-after'));
      throw new LoginError(
        response.status,
        code,
        message,
        Number.isFinite(retry) && retry > 0 ? retry : null,
      );
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      throw new ApiError(response.status, 'payload', `${path}: unexpected answer`);
    }
    return parsed.data;
  }

  session() {
    return this.#ask('/session', {}, SessionAnswer);
  }

  /** Throws a LoginError: 401 bad_login, or 429 too_many_logins with the wait. */
  login(name: string, password: string) {
    return this.#ask('/session', { method: 'POST', body: { name, password } }, LoginAnswer);
  }

  logout() {
    return this.#ask('/session', { method: 'DELETE' }, z.null());
  }

  /** Ends every other session of the account; this one carries on with a new cookie. */
  changePassword(current: string, next: string) {
    return this.#ask('/session/password', { method: 'POST', body: { current, next } }, z.null());
  }

  accounts() {
    return this.#ask('/accounts', {}, AccountList);
  }

  addAccount(account: NewAccount) {
    return this.#ask('/accounts', { method: 'POST', body: account }, AccountRow);
  }

  changeAccount(name: string, change: AccountChange) {
    return this.#ask(
      `/accounts/${encodeURIComponent(name)}`,
      { method: 'PATCH', body: change },
      z.nullable(AccountRow),
    );
  }

  audit() {
    return this.#ask('/audit', {}, AuditAnswer);
  }

  /** Where the audit log downloads as CSV (Chinese headers; the server names the file). */
  /**
   * The audit log as CSV, fetched (not a plain link) so that an expired session brings back the
   * login instead of saving its 401 answer as the file.
   */
  async auditCsv(): Promise<{ blob: Blob; name: string | null }> {
    const url = `${this.#base}/audit?format=csv`;
    const request: RequestInit = { headers: { accept: 'text/csv' } };
    const response =
      this.#api === null ? await fetch(url, request) : await this.#api().send(url, request);
    if (!response.ok) {
      const error = ErrorBody.safeParse(await response.json().catch(() => null));
      const { code, message } = error.success
        ? error.data.error
        : { code: 'http', message: `${response.status} ${response.statusText}` };
      throw new ApiError(response.status, code, message);
    }
    return {
      blob: await response.blob(),
      name: attachmentName(response.headers.get('content-disposition')),
    };
  }
}
