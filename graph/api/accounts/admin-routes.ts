// Accounts and the audit log, for administrators: list, add, change a role or units, disable,
// set a new password; read or export the audit log. Each change is itself audited.
import { Hono } from 'hono';
import * as z from 'zod';
import { Role, ROLE_WORDS } from '../../../contract/accounts.ts';
import { AccountList, AccountRow, type AuditAnswer } from '../../../contract/api/session.ts';
import { AUDIT_COLUMNS, auditActionWord, auditWhoWord } from '../../../contract/audit.ts';
import { checkPasswordStrength, hashPassword, PasswordError } from '../../accounts/password.ts';
import { AccountError, AccountName } from '../../accounts/store.ts';
import { HttpError } from '../http-error.ts';
import { sameOrigin } from '../same-origin.ts';
import { jsonBodyOf } from '../validate.ts';
import { auditEntry, requireWrite, type AccountsDeps } from './gate.ts';

const NewAccount = z.object({
  name: AccountName,
  role: Role,
  units: z.array(z.string().trim().min(1)).max(50).default([]),
  password: z.string().max(1_024),
});

const AccountChange = z
  .object({
    role: z.optional(Role),
    units: z.array(z.string().trim().min(1)).max(50).optional(),
    disabled: z.boolean().optional(),
    password: z.string().max(1_024).optional(),
  })
  .strict();

const AuditFormat = z.object({ format: z.enum(['json', 'csv']).default('json') });

async function checkedHash(password: string): Promise<string> {
  try {
    checkPasswordStrength(password);
  } catch (error) {
    if (error instanceof PasswordError) throw new HttpError(400, 'weak_password', error.message);
    throw error;
  }
  return hashPassword(password);
}

function asHttp(error: unknown): never {
  if (error instanceof AccountError) {
    if (error.code === 'exists') throw new HttpError(409, 'account_exists', error.message);
    if (error.code === 'unknown') throw new HttpError(404, 'unknown_account', error.message);
  }
  throw error;
}

const csvCell = (value: unknown): string => {
  const text = typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function adminRoutes(deps: AccountsDeps, options: { host: string }): Hono {
  const routes = new Hono();
  const writes = sameOrigin({ host: options.host });

  routes.get('/accounts', (c) => {
    requireWrite(c, 'manage-accounts');
    return c.json(AccountList.parse(deps.store.accounts()));
  });

  routes.post('/accounts', writes, async (c) => {
    requireWrite(c, 'manage-accounts');
    const input = NewAccount.parse(await jsonBodyOf(c));
    if (input.role === 'liaison' && input.units.length === 0) {
      throw new HttpError(
        400,
        'units_required',
        'a liaison needs its units / 单位联络员需要指定单位',
      );
    }
    try {
      const account = deps.store.add({ ...input, passwordHash: await checkedHash(input.password) });
      await deps.audit.append(
        auditEntry(c, {
          action: 'add-account',
          target: account.name,
          before: null,
          after: { role: account.role, units: account.units },
        }),
      );
      return c.json(AccountRow.parse(account), 201);
    } catch (error) {
      return asHttp(error);
    }
  });

  routes.patch('/accounts/:name', writes, async (c) => {
    const signedIn = requireWrite(c, 'manage-accounts');
    const name = c.req.param('name');
    const change = AccountChange.parse(await jsonBodyOf(c));
    const before = deps.store.account(name);
    if (before === null) throw new HttpError(404, 'unknown_account', `there is no account ${name}`);
    if (
      name === signedIn.name &&
      (change.disabled === true || (change.role && change.role !== 'admin'))
    ) {
      // Otherwise the last administrator could lock everyone out of account management.
      throw new HttpError(
        409,
        'own_account',
        'an administrator cannot demote or disable itself / 不能停用或降级自己的账号',
      );
    }
    try {
      if (change.role !== undefined || change.units !== undefined) {
        deps.store.setRole(name, change.role ?? before.role, change.units ?? before.units);
      }
      if (change.disabled !== undefined) deps.store.setDisabled(name, change.disabled);
      if (change.password !== undefined) {
        deps.store.setPassword(name, await checkedHash(change.password));
      }
    } catch (error) {
      return asHttp(error);
    }
    const after = deps.store.account(name);
    await deps.audit.append(
      auditEntry(c, {
        action: 'change-account',
        target: name,
        before: { role: before.role, units: before.units, disabled: before.disabled },
        after: {
          role: after?.role,
          units: after?.units,
          disabled: after?.disabled,
          password: change.password === undefined ? undefined : 'changed',
        },
      }),
    );
    return c.json(after);
  });

  routes.get('/audit', (c) => {
    requireWrite(c, 'read-audit');
    const { format } = AuditFormat.parse(c.req.query());
    const entries = deps.audit.entries();
    const broken = deps.audit.verify();
    if (format === 'json') {
      const answer: AuditAnswer = { entries, chain: broken === null ? 'whole' : broken };
      return c.json(answer);
    }
    // For the office's own records: Chinese headers, roles and actions in words.
    const roleWord = (role: string) => {
      const known = Role.safeParse(role);
      return known.success ? ROLE_WORDS[known.data].zh : role;
    };
    const lines = [
      AUDIT_COLUMNS.map((column) => column.zh).join(','),
      ...entries.map((e) =>
        [
          e.seq,
          e.at,
          auditWhoWord(e.who, 'zh'),
          roleWord(e.role),
          auditActionWord(e.action, 'zh'),
          e.target,
          e.before,
          e.after,
          e.origin,
          e.address,
        ]
          .map(csvCell)
          .join(','),
      ),
    ];
    const day = (deps.now ?? (() => new Date()))().toISOString().slice(0, 10);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="guatu-audit-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`挂图审计日志-${day}.csv`)}`,
    );
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  return routes;
}
