// Signing in and out, and changing one's own password. The session is a random token in an
// HttpOnly, SameSite=Strict cookie (Secure over https); the store keeps only its hash. Every
// attempt is throttled per account and per address, and a login for an account that does not
// exist costs the same hash as one that does, so neither guessing nor probing names pays.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import { ROLE_WORDS } from '../../../contract/accounts.ts';
import type { LoginAnswer, SessionAnswer } from '../../../contract/api/session.ts';
import {
  checkPasswordStrength,
  decoyHash,
  hashPassword,
  PasswordError,
  verifyPassword,
} from '../../accounts/password.ts';
import { newToken } from '../../accounts/token.ts';
import { HttpError } from '../http-error.ts';
import { sameOrigin } from '../same-origin.ts';
import { jsonBodyOf } from '../validate.ts';
import {
  addressOf,
  auditEntry,
  SESSION_COOKIE,
  SESSION_HOURS,
  signedInOf,
  type AccountsDeps,
  type SignedIn,
} from './gate.ts';

const Login = z.object({
  name: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1_024),
});

const PasswordChange = z.object({
  current: z.string().min(1).max(1_024),
  next: z.string().min(1).max(1_024),
});

/** The account an answer shows for a request: its name, role (with words) and units. */
function shownAccount(signedIn: SignedIn | null): SessionAnswer['account'] {
  if (signedIn === null) return null;
  return {
    name: signedIn.name,
    role: signedIn.role,
    roleZh: ROLE_WORDS[signedIn.role].zh,
    roleEn: ROLE_WORDS[signedIn.role].en,
    units: [...signedIn.units],
  };
}

/**
 * An app without an accounts store (a test's, a tool's) still says who is asking: always the
 * local planner, so the web app shows what local mode shows.
 */
export function localSessionRoutes(): Hono {
  const routes = new Hono();
  routes.get('/session', (c) => {
    const answer: SessionAnswer = {
      mode: 'local',
      account: shownAccount(c.get('signedIn') ?? null),
    };
    return c.json(answer);
  });
  return routes;
}

export function sessionRoutes(deps: AccountsDeps, options: { host: string }): Hono {
  const routes = new Hono();
  const now = deps.now ?? (() => new Date());
  const writes = sameOrigin({ host: options.host });

  const startSession = (c: Context, name: string) => {
    const { token, hash } = newToken();
    const at = now();
    const expires = new Date(at.getTime() + SESSION_HOURS * 3_600_000);
    deps.store.startSession(name, hash, expires, at);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
      path: '/',
      maxAge: SESSION_HOURS * 3_600,
    });
  };

  routes.get('/session', (c) => {
    const signedIn = c.get('signedIn') ?? null;
    const mode = deps.store.count() === 0 ? 'local' : 'team';
    const answer: SessionAnswer = { mode, account: shownAccount(signedIn) };
    return c.json(answer);
  });

  routes.post('/session', writes, async (c) => {
    const { name, password } = Login.parse(await jsonBodyOf(c));
    const address = addressOf(c) ?? 'unknown';
    const wait = deps.throttle.waitFor(name, address, now().getTime());
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(
        429,
        'too_many_logins',
        `too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} min / 登录失败次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`,
      );
    }
    const account = deps.store.withHash(name);
    const ok = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
    if (account === null || !ok || account.disabled) {
      deps.throttle.failed(name, address, now().getTime());
      await deps.audit.append(
        auditEntry(c, { action: 'login-failed', target: name, before: null, after: null }),
      );
      throw new HttpError(401, 'bad_login', 'wrong name or password / 账号或密码不对');
    }
    deps.throttle.succeeded(name);
    startSession(c, name);
    c.set('signedIn', { ...account, mode: 'team', session: null });
    await deps.audit.append(
      auditEntry(c, { action: 'login', target: name, before: null, after: null }),
    );
    const answer: LoginAnswer = { name: account.name, role: account.role, units: account.units };
    return c.json(answer);
  });

  routes.delete('/session', writes, async (c) => {
    const signedIn = c.get('signedIn') ?? null;
    if (signedIn?.session) {
      deps.store.endSession(signedIn.session);
      await deps.audit.append(
        auditEntry(c, { action: 'logout', target: signedIn.name, before: null, after: null }),
      );
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  routes.post('/session/password', writes, async (c) => {
    const signedIn = signedInOf(c);
    if (signedIn.mode !== 'team') {
      throw new HttpError(409, 'local_mode', 'local mode has no passwords / 本地模式没有密码');
    }
    const { current, next } = PasswordChange.parse(await jsonBodyOf(c));
    const account = deps.store.withHash(signedIn.name);
    if (account === null || !(await verifyPassword(account.passwordHash, current))) {
      throw new HttpError(401, 'bad_login', 'the current password is wrong / 当前密码不对');
    }
    try {
      checkPasswordStrength(next);
    } catch (error) {
      if (error instanceof PasswordError) throw new HttpError(400, 'weak_password', error.message);
      throw error;
    }
    // Changing the password ends every session of the account, this one included; the planner
    // who changed it stays signed in with a new one.
    deps.store.setPassword(signedIn.name, await hashPassword(next), now());
    startSession(c, signedIn.name);
    await deps.audit.append(
      auditEntry(c, {
        action: 'change-password',
        target: signedIn.name,
        before: null,
        after: null,
      }),
    );
    return c.body(null, 204);
  });

  return routes;
}
