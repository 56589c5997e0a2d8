// Who is asking. In local mode (no account exists, loopback only) the one planner at the machine
// may do everything, as before. As soon as an account exists guatu is in team mode: every API
// route but the login itself and health needs a live session, and each write route asks `may`
// (contract/accounts.ts) whether the signed-in account may make it.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { may, type Actor, type Write } from '../../../contract/accounts.ts';
import type { AuditEntry, AuditInput, AuditLog } from '../../accounts/audit.ts';
import type { LoginThrottle } from '../../accounts/login-limits.ts';
import type { AccountStore } from '../../accounts/store.ts';
import { hashToken, looksLikeToken } from '../../accounts/token.ts';
import { HttpError } from '../http-error.ts';

export const SESSION_COOKIE = 'guatu_session';

/** A session lasts a working day; a new login starts a new one. */
export const SESSION_HOURS = 12;

export interface SignedIn extends Actor {
  name: string;
  mode: 'local' | 'team';
  /** The session's token hash (team mode), to end it at logout. */
  session: string | null;
}

declare module 'hono' {
  interface ContextVariableMap {
    signedIn: SignedIn | null;
    /** Appends to the audit log; absent without an accounts store (a test's app, a tool). */
    audit: ((entry: AuditInput) => Promise<AuditEntry>) | undefined;
  }
}

export interface AccountsDeps {
  store: AccountStore;
  audit: AuditLog;
  throttle: LoginThrottle;
  /** The clock: tests move it to expire sessions. */
  now?: () => Date;
}

const LOCAL: SignedIn = { name: 'local', role: 'admin', units: [], mode: 'local', session: null };

// Reachable without a session in team mode: the login itself and the health a monitor polls
// (it says only whether Neo4j answers).
const OPEN_PATHS = new Set(['/api/session', '/api/health']);

/** The account behind the request's session cookie, if it is live. */
export function sessionOf(c: Context, deps: AccountsDeps): SignedIn | null {
  const token = getCookie(c, SESSION_COOKIE);
  if (token === undefined || !looksLikeToken(token)) return null;
  const hash = hashToken(token);
  const live = deps.store.sessionAccount(hash, (deps.now ?? (() => new Date()))());
  if (live === null) return null;
  const { name, role, units } = live.account;
  return { name, role, units, mode: 'team', session: hash };
}

/** No accounts store at all: every request is the local planner's (a test's app, a tool). */
export function localOnly(): MiddlewareHandler {
  return async (c, next) => {
    c.set('signedIn', LOCAL);
    return next();
  };
}

export function accountsGate(deps: AccountsDeps): MiddlewareHandler {
  const now = deps.now ?? (() => new Date());
  return async (c, next) => {
    // Local mode is audited too: a log begun before the first account keeps its history.
    const appended: Promise<AuditEntry>[] = [];
    c.set('audit', (entry) => {
      const written = deps.audit.append(entry, now());
      // Handled here so a failure before the route finishes is not an unhandled rejection
      // (which ends the process); the wait below still sees it.
      written.catch(() => undefined);
      appended.push(written);
      return written;
    });
    if (deps.store.count() === 0) {
      c.set('signedIn', LOCAL);
    } else {
      const signedIn = sessionOf(c, deps);
      c.set('signedIn', signedIn);
      if (signedIn === null && !OPEN_PATHS.has(c.req.path)) {
        throw new HttpError(401, 'login_required', 'sign in to guatu first / 请先登录');
      }
    }
    await next();
    // A write is reported done only once its audit line is on disk; a line that could not be
    // written turns the answer into the error (the app's error handler says so).
    await Promise.all(appended);
  };
}

/** The signed-in account, or a 401 (a route behind the gate always has one). */
export function signedInOf(c: Context): SignedIn {
  const signedIn = c.get('signedIn');
  if (signedIn === null || signedIn === undefined) {
    throw new HttpError(401, 'login_required', 'sign in to guatu first / 请先登录');
  }
  return signedIn;
}

/** Refuses, with 403 and what the role may not do, a write the account may not make. */
export function requireWrite(
  c: Context,
  write: Write,
  itemUnits: readonly string[] = [],
): SignedIn {
  const signedIn = signedInOf(c);
  if (!may(signedIn, write, itemUnits)) {
    throw new HttpError(
      403,
      'not_allowed',
      `the account ${signedIn.name} (${signedIn.role}) may not ${write.replaceAll('-', ' ')} here / 当前账号无权进行此操作`,
    );
  }
  return signedIn;
}

/** The client's address as the socket saw it (never a header a client could forge). */
export function addressOf(c: Context): string | null {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return null;
  const incoming = env.incoming as { socket?: { remoteAddress?: string } };
  return incoming.socket?.remoteAddress ?? null;
}

/** An audit entry for this request's account, origin and address. */
export function auditEntry(
  c: Context,
  entry: Pick<AuditInput, 'action' | 'target' | 'before' | 'after'>,
): AuditInput {
  const signedIn = c.get('signedIn') ?? null;
  return {
    who: signedIn?.name ?? 'anonymous',
    role: signedIn?.role ?? 'none',
    origin: c.req.header('origin') ?? null,
    address: addressOf(c),
    ...entry,
  };
}

/**
 * Records a write in the audit log, as the account that made it: call once the write is done
 * (a refused or failed write changed nothing). `before`/`after` say what changed, e.g. a plan's
 * id, title and item count replaced; never a password or token.
 */
export function recordWrite(
  c: Context,
  entry: Pick<AuditInput, 'action' | 'target' | 'before' | 'after'>,
): void {
  // The gate waits for the line before the answer leaves (and reports a failure to write it).
  void c.get('audit')?.(auditEntry(c, entry));
}
