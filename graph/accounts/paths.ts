// Where accounts and the audit log are kept: beside Neo4j's folder in guatu's data folder, never
// inside Neo4j (see store.ts), readable by the account that runs guatu only.
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { DEFAULT_DATA_DIR } from '../neo4j/config.ts';

const Env = z.object({
  GUATU_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
});

export interface AccountPaths {
  accounts: string;
  audit: string;
}

export function accountPaths(env: NodeJS.ProcessEnv = process.env): AccountPaths {
  const dir = join(resolve(Env.parse(env).GUATU_DATA_DIR), 'accounts');
  return { accounts: join(dir, 'accounts.sqlite'), audit: join(dir, 'audit.log') };
}
