// Components reach the API client through Lit context: one client, provided by <gt-app>, so a
// test or another host can hand in its own without globals.
import { createContext } from '@lit/context';
import type { SessionAccount } from '../../../contract/api/session.ts';
import type { ApiClient } from './client.ts';

export const apiContext = createContext<ApiClient>(Symbol('gt-api'));

/**
 * Who is signed in, provided by <gt-app> once /api/session has answered: in local mode the one
 * planner at the machine (an administrator), in team mode the account; null until known and while
 * nobody is signed in. Ask `may(account, write, unitIds)` (contract/accounts.ts) before showing
 * a button; the server asks the same rule again on every write.
 */
export const accountContext = createContext<SignedIn | null>(Symbol('gt-account'));
export type SignedIn = SessionAccount & { mode: 'local' | 'team' };
