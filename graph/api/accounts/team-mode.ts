// What the server opens before it listens: the accounts file, the audit log and the login
// throttle, and the one check that keeps guatu from serving a network with nobody signed in.
// Listening on loopback with no account is local mode (the one planner at the machine); any
// other address is reachable by other machines, and without an account nobody could be asked
// for a login, so guatu refuses to start and says how to make the first one.
import { isIP } from 'node:net';
import { AuditLog } from '../../accounts/audit.ts';
import { LoginThrottle } from '../../accounts/login-limits.ts';
import { accountPaths } from '../../accounts/paths.ts';
import { AccountStore } from '../../accounts/store.ts';
import type { AccountsDeps } from './gate.ts';

/** The command that makes the first account, as the refusal quotes it. */
export const FIRST_ACCOUNT_COMMAND = 'npm run user -- add NAME --role admin';

/** Whether a HOST only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

export class TeamModeError extends Error {
  override readonly name = 'TeamModeError';
}

/**
 * Why guatu must not listen on `host` with this many accounts, or null when it may: a network
 * address needs at least one account (team mode), so that every page asks for a login.
 */
export function refusalToServe(host: string, accountCount: number): string | null {
  if (accountCount > 0 || isLoopback(host)) return null;
  return [
    `guatu 不会在网络地址 ${host} 上无账号运行：请先建立一个管理员账号，再启动：`,
    `  ${FIRST_ACCOUNT_COMMAND}`,
    `（之后所有页面都需要登录；只在本机使用时，去掉 HOST 或设为 127.0.0.1。）`,
    `guatu will not listen on the network address ${host} with no account: make an administrator first, then start again:`,
    `  ${FIRST_ACCOUNT_COMMAND}`,
    `(from then on every page needs a login; to use guatu on this machine only, leave HOST unset or set it to 127.0.0.1.)`,
  ].join('\n');
}

/** Opens the accounts file and audit log under GUATU_DATA_DIR (graph/accounts/paths.ts). */
export async function openAccounts(env: NodeJS.ProcessEnv = process.env): Promise<AccountsDeps> {
  const paths = accountPaths(env);
  return {
    store: await AccountStore.open(paths.accounts),
    audit: new AuditLog(paths.audit),
    throttle: new LoginThrottle(),
  };
}

/** The accounts a server on `host` will use; a TeamModeError when it must not start at all. */
export async function accountsForServing(
  host: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AccountsDeps> {
  const accounts = await openAccounts(env);
  const refusal = refusalToServe(host, accounts.store.count());
  if (refusal !== null) {
    accounts.store.close();
    throw new TeamModeError(refusal);
  }
  return accounts;
}
