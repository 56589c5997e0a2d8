// Signing in, the signed-in account, and the administrators' accounts and audit log
// (graph/api/accounts/): one definition the server builds its answers by and the web app parses.
import * as z from 'zod/mini';
import { Role } from '../accounts.ts';

/** The account a session belongs to; in local mode the one planner at the machine (`local`). */
export const SessionAccount = z.object({
  name: z.string(),
  role: Role,
  roleZh: z.string(),
  roleEn: z.string(),
  units: z.array(z.string()),
});
export type SessionAccount = z.infer<typeof SessionAccount>;

/** GET /api/session: local or team mode, and who is signed in (null: nobody, in team mode). */
export const SessionAnswer = z.object({
  mode: z.enum(['local', 'team']),
  account: z.nullable(SessionAccount),
});
export type SessionAnswer = z.infer<typeof SessionAnswer>;

/** POST /api/session: the account just signed in. */
export const LoginAnswer = z.object({
  name: z.string(),
  role: Role,
  units: z.array(z.string()),
});
export type LoginAnswer = z.infer<typeof LoginAnswer>;

/** An account as administrators see it (never its password hash). */
export const AccountRow = z.object({
  name: z.string(),
  role: Role,
  units: z.array(z.string()),
  disabled: z.boolean(),
  created: z.string(),
  updated: z.string(),
});
export type AccountRow = z.infer<typeof AccountRow>;
export const AccountList = z.array(AccountRow);

/** One line of the audit log: who, when, what, before → after. */
export const AuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  who: z.string(),
  role: z.string(),
  action: z.string(),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  origin: z.nullable(z.string()),
  address: z.nullable(z.string()),
});
export type AuditRow = z.infer<typeof AuditRow>;

/** GET /api/audit: the entries, oldest first, and whether their hash chain is whole. */
export const AuditAnswer = z.object({
  entries: z.array(AuditRow),
  chain: z.union([z.literal('whole'), z.object({ line: z.number(), reason: z.string() })]),
});
export type AuditAnswer = z.infer<typeof AuditAnswer>;
