// Components reach the API client through Lit context: one client, provided by <gt-app>, so a
// test or another host can hand in its own without globals.
import { createContext } from '@lit/context';
import type { ApiClient } from './client.ts';

export const apiContext = createContext<ApiClient>(Symbol('gt-api'));
