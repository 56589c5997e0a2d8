// The administrators' room: the accounts (add one with its role and, for a liaison, its units;
// disable or enable; set a new password) and the audit log (every write: who, when, what,
// before → after, newest first, with whether its hash chain is whole, and a CSV export with
// Chinese headers). A modal <dialog>, opened from the account menu.
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Role, ROLE_WORDS, ROLES } from '../../../contract/accounts.ts';
import { AUDIT_COLUMNS, auditActionWord, auditWhoWord } from '../../../contract/audit.ts';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../api/context.ts';
import { messageIn } from '../api/server-message.ts';
import { downloadBlob, localDay } from '../export/download.ts';
import {
  SessionClient,
  type AccountChange,
  type AccountRow,
  type AuditRow,
} from '../api/session.ts';
import { say } from '../i18n/features/accounts.ts';
import type { Lang } from '../i18n/messages.ts';
import { sharedStyles } from './shared-styles.ts';

type Tab = 'accounts' | 'audit';

/** A moment as the planner's own clock shows it (the log keeps UTC): 2026-12-07 13:56:03. */
function localTime(iso: string, lang: Lang, seconds: boolean): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}${seconds ? `:${part('second')}` : ''}`;
  return `${part('year')}-${part('month')}-${part('day')} ${time}`;
}

/** Units as typed: separated by 、 , ， ; or spaces. */
export function unitsOfText(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((unit) => unit.trim())
    .filter((unit) => unit !== '');
}

@customElement('gt-accounts-panel')
export class GtAccountsPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        width: min(72rem, 94vw);
        max-height: 90vh;
        border: 0;
        border-radius: 10px;
        padding: 0;
        box-shadow: 0 18px 60px rgb(10 25 40 / 35%);
        color: var(--gt-ink);
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.8rem;
        padding: 0.8rem 1.2rem;
        border-bottom: 1px solid var(--gt-line);
      }
      header h2 {
        margin: 0;
        font-size: 1.05rem;
        flex: 1;
      }
      .body {
        padding: 0.9rem 1.2rem 1.2rem;
        overflow: auto;
        max-height: calc(90vh - 4rem);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.84rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.35rem 0.5rem;
        border-bottom: 1px solid var(--gt-line);
        vertical-align: top;
      }
      th {
        background: var(--gt-hover);
        font-weight: 600;
        white-space: nowrap;
      }
      td.json {
        font-family: ui-monospace, monospace;
        font-size: 0.76rem;
        max-width: 18rem;
        overflow-wrap: anywhere;
      }
      tr.disabled td {
        color: var(--gt-muted);
      }
      form.add {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.6rem;
        margin: 1rem 0 0.4rem;
        padding: 0.8rem;
        border: 1px solid var(--gt-line);
        border-radius: 8px;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8rem;
      }
      input,
      select {
        font: inherit;
        font-size: 0.85rem;
        padding: 0.3rem 0.45rem;
        border: 1px solid var(--gt-line);
        border-radius: 5px;
      }
      .hint {
        font-size: 0.75rem;
        color: var(--gt-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
      }
      .notice {
        margin: 0.6rem 0;
        font-size: 0.85rem;
      }
      .error {
        color: var(--gt-danger, #b42318);
      }
      a.button {
        text-decoration: none;
      }
      .tools {
        display: flex;
        align-items: center;
        gap: 0.8rem;
        margin-bottom: 0.6rem;
      }
    `,
  ];

  @consume({ context: apiContext })
  private api!: ApiClient;

  // Through the app's client: a session that expired while the panel was open shows the login.
  readonly #client = new SessionClient(() => this.api);
  #reloads = 0;

  @query('dialog') private dialog?: HTMLDialogElement;

  @state() private opened = false;
  @state() private tab: Tab = 'accounts';
  @state() private notice: { text: string; error: boolean } | null = null;
  /** The account whose new password, or new role and units, are being typed. */
  @state() private editing: { name: string; what: 'password' | 'role' } | null = null;

  @property() language: Lang = 'zh';

  private accounts = new Task(this, {
    args: () => [this.opened, this.tab, this.#reloads] as const,
    task: ([opened, tab]) =>
      opened && tab === 'accounts' ? this.#client.accounts() : Promise.resolve(null),
  });

  private audit = new Task(this, {
    args: () => [this.opened, this.tab, this.#reloads] as const,
    task: ([opened, tab]) =>
      opened && tab === 'audit' ? this.#client.audit() : Promise.resolve(null),
  });

  /** Opens the panel on the accounts, read afresh. */
  show(tab: Tab = 'accounts'): void {
    this.tab = tab;
    this.opened = true;
    this.#reload();
    this.dialog?.showModal();
  }

  #reload(): void {
    this.#reloads += 1;
    this.requestUpdate();
  }

  readonly #onClose = () => {
    this.opened = false;
    this.notice = null;
    this.editing = null;
  };

  async #downloadAudit(): Promise<void> {
    try {
      const { blob, name } = await this.#client.auditCsv();
      downloadBlob(blob, name ?? `挂图审计日志-${localDay()}.csv`, { ofPlan: false });
    } catch (error) {
      // A 401 has shown the login already (the app's client); anything else is said here.
      this.notice = { text: messageIn((error as Error).message, this.language), error: true };
    }
  }

  async #change(name: string, change: AccountChange): Promise<void> {
    try {
      await this.#client.changeAccount(name, change);
      this.notice = { text: say(this.language, 'accountChanged', { name }), error: false };
      this.editing = null;
      this.#reload();
    } catch (error) {
      this.notice = { text: messageIn((error as Error).message, this.language), error: true };
    }
  }

  readonly #onAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const role = Role.safeParse(data.get('role'));
    if (!role.success) return;
    const name = String(data.get('name') ?? '').trim();
    try {
      await this.#client.addAccount({
        name,
        role: role.data,
        units: role.data === 'liaison' ? unitsOfText(String(data.get('units') ?? '')) : [],
        password: String(data.get('password') ?? ''),
      });
      this.notice = { text: say(this.language, 'accountAdded', { name }), error: false };
      form.reset();
      this.#reload();
    } catch (error) {
      this.notice = { text: messageIn((error as Error).message, this.language), error: true };
    }
  };

  readonly #onEdit = async (event: SubmitEvent) => {
    event.preventDefault();
    const editing = this.editing;
    if (editing === null) return;
    const data = new FormData(event.target as HTMLFormElement);
    if (editing.what === 'password') {
      await this.#change(editing.name, { password: String(data.get('password') ?? '') });
      return;
    }
    const role = Role.safeParse(data.get('role'));
    if (!role.success) return;
    const units = role.data === 'liaison' ? unitsOfText(String(data.get('units') ?? '')) : [];
    await this.#change(editing.name, { role: role.data, units });
  };

  #roleChoice(selected: Role) {
    return ROLES.map(
      (role) =>
        html`<option value=${role} ?selected=${role === selected}>
          ${ROLE_WORDS[role][this.language]}
        </option>`,
    );
  }

  #renderEdit(account: AccountRow) {
    const lang = this.language;
    const editing = this.editing;
    if (editing?.name !== account.name) return nothing;
    const fields =
      editing.what === 'password'
        ? html`<input
            name="password"
            type="password"
            autocomplete="new-password"
            aria-label=${say(lang, 'setPasswordFor', { name: account.name })}
            required
          />`
        : html`<select name="role" aria-label=${say(lang, 'accountRole')}>
              ${this.#roleChoice(account.role)}
            </select>
            <input
              name="units"
              .value=${account.units.join('、')}
              aria-label=${say(lang, 'accountUnits')}
              title=${say(lang, 'accountUnitsHint')}
            />`;
    return html`<form class="actions" data-edit=${editing.what} @submit=${this.#onEdit}>
      ${fields}
      <button class="button" type="submit">${say(lang, 'save')}</button>
      <button class="button" type="button" @click=${() => (this.editing = null)}>
        ${say(lang, 'cancel')}
      </button>
    </form>`;
  }

  #roleWord(role: string): string {
    const known = Role.safeParse(role);
    if (known.success) return ROLE_WORDS[known.data][this.language];
    if (role === 'none') return say(this.language, 'roleNone');
    if (role === 'shell') return say(this.language, 'roleShell');
    return role;
  }

  #renderAccount(account: AccountRow) {
    const lang = this.language;
    return html`<tr class=${account.disabled ? 'disabled' : ''} data-account=${account.name}>
      <td>${account.name}</td>
      <td>${ROLE_WORDS[account.role][lang]}</td>
      <td>${account.units.join('、')}</td>
      <td>${say(lang, account.disabled ? 'accountDisabled' : 'accountActive')}</td>
      <td>${localTime(account.updated, lang, false)}</td>
      <td>
        <div class="actions">
          <button
            class="button"
            data-action=${account.disabled ? 'enable' : 'disable'}
            @click=${() => void this.#change(account.name, { disabled: !account.disabled })}
          >
            ${say(lang, account.disabled ? 'enable' : 'disable')}
          </button>
          <button
            class="button"
            data-action="set-role"
            @click=${() => (this.editing = { name: account.name, what: 'role' })}
          >
            ${say(lang, 'setRole')}
          </button>
          <button
            class="button"
            data-action="set-password"
            @click=${() => (this.editing = { name: account.name, what: 'password' })}
          >
            ${say(lang, 'setPassword')}
          </button>
        </div>
        ${this.#renderEdit(account)}
      </td>
    </tr>`;
  }

  #renderAccounts() {
    const lang = this.language;
    return html`${this.accounts.render({
        pending: () => html`<p class="notice">${say(lang, 'loading')}</p>`,
        error: (error) =>
          html`<p class="notice error" role="alert">
            ${say(lang, 'failed', { message: messageIn(String(error), lang) })}
          </p>`,
        complete: (accounts) =>
          accounts === null
            ? nothing
            : accounts.length === 0
              ? html`<p class="notice">${say(lang, 'noAccounts')}</p>`
              : html`<table class="accounts">
                  <thead>
                    <tr>
                      <th>${say(lang, 'accountName')}</th>
                      <th>${say(lang, 'accountRole')}</th>
                      <th>${say(lang, 'accountUnits')}</th>
                      <th>${say(lang, 'accountState')}</th>
                      <th>${say(lang, 'accountUpdated')}</th>
                      <th>${say(lang, 'accountActions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${accounts.map((account) => this.#renderAccount(account))}
                  </tbody>
                </table>`,
      })}
      <form class="add" @submit=${this.#onAdd}>
        <label>${say(lang, 'accountName')} <input name="name" required autocomplete="off" /></label>
        <label
          >${say(lang, 'accountRole')}
          <select name="role">
            ${this.#roleChoice('viewer')}
          </select></label
        >
        <label
          >${say(lang, 'accountUnits')}
          <input name="units" title=${say(lang, 'accountUnitsHint')} />
        </label>
        <label
          >${say(lang, 'initialPassword')}
          <input name="password" type="password" autocomplete="new-password" required
        /></label>
        <button class="button" type="submit" data-action="add-account">
          ${say(lang, 'addAccount')}
        </button>
        <span class="hint">${say(lang, 'accountUnitsHint')}</span>
      </form>`;
  }

  #cell(row: AuditRow, key: (typeof AUDIT_COLUMNS)[number]['key']) {
    const lang = this.language;
    switch (key) {
      case 'at':
        return localTime(row.at, lang, true);
      case 'who':
        return auditWhoWord(row.who, lang);
      case 'role':
        return this.#roleWord(row.role);
      case 'action':
        return auditActionWord(row.action, lang);
      case 'before':
      case 'after':
        return row[key] === null || row[key] === undefined ? '' : JSON.stringify(row[key]);
      default:
        return String(row[key] ?? '');
    }
  }

  #renderAudit() {
    const lang = this.language;
    return this.audit.render({
      pending: () => html`<p class="notice">${say(lang, 'loading')}</p>`,
      error: (error) =>
        html`<p class="notice error" role="alert">
          ${say(lang, 'failed', { message: messageIn(String(error), lang) })}
        </p>`,
      complete: (audit) => {
        if (audit === null) return nothing;
        const chain =
          audit.chain === 'whole'
            ? html`<span>${say(lang, 'auditChainWhole')}</span>`
            : html`<span class="error"
                >${say(lang, 'auditChainBroken', {
                  line: audit.chain.line,
                  reason: audit.chain.reason,
                })}</span
              >`;
        return html`<div class="tools">
            <button class="button" data-action="audit-csv" @click=${() => this.#downloadAudit()}>
              ${say(lang, 'auditExport')}
            </button>
            ${chain}
          </div>
          ${
            audit.entries.length === 0
              ? html`<p class="notice">${say(lang, 'auditEmpty')}</p>`
              : html`<table class="audit">
                  <thead>
                    <tr>
                      ${AUDIT_COLUMNS.map((column) => html`<th>${column[lang]}</th>`)}
                    </tr>
                  </thead>
                  <tbody>
                    ${[...audit.entries].reverse().map(
                      (row) =>
                        html`<tr data-seq=${row.seq}>
                          ${AUDIT_COLUMNS.map(
                            ({ key }) =>
                              html`<td class=${key === 'before' || key === 'after' ? 'json' : ''}>
                                ${this.#cell(row, key)}
                              </td>`,
                          )}
                        </tr>`,
                    )}
                  </tbody>
                </table>`
          }`;
      },
    });
  }

  override render() {
    const lang = this.language;
    return html`<dialog @close=${this.#onClose} aria-label=${say(lang, 'manageAccounts')}>
      <header>
        <h2>${say(lang, 'manageAccounts')}</h2>
        <div class="seg" role="tablist">
          ${(['accounts', 'audit'] as const).map(
            (tab) =>
              html`<button
                class="button"
                role="tab"
                data-tab=${tab}
                aria-pressed=${this.tab === tab ? 'true' : 'false'}
                aria-selected=${this.tab === tab ? 'true' : 'false'}
                @click=${() => {
                  this.tab = tab;
                  this.notice = null;
                }}
              >
                ${say(lang, tab === 'accounts' ? 'accountsTab' : 'auditTab')}
              </button>`,
          )}
        </div>
        <button class="button" data-action="close" @click=${() => this.dialog?.close()}>
          ${say(lang, 'close')}
        </button>
      </header>
      <div class="body">
        ${
          this.notice === null
            ? nothing
            : html`<p class="notice ${this.notice.error ? 'error' : ''}" role="status">
                ${this.notice.text}
              </p>`
        }
        ${this.opened ? (this.tab === 'accounts' ? this.#renderAccounts() : this.#renderAudit()) : nothing}
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-accounts-panel': GtAccountsPanel;
  }
}
