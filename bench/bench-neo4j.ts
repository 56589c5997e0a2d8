// The Neo4j a bench talks to: the server NEO4J_URI names, or a throwaway local one in a temporary
// folder, its connection put where everything built on config() reads it.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig, type LocalServer } from '../graph/neo4j/config.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/neo4j/launcher.ts';
import { freePort } from '../graph/neo4j/ports.ts';

export async function neo4jForBench(say: (line: string) => void): Promise<{
  stop: () => Promise<void>;
  home: string | null;
  /** The local instance and its settings; null with NEO4J_URI. */
  local: { neo4j: LocalNeo4j; server: LocalServer } | null;
}> {
  if (process.env['NEO4J_URI']) return { stop: async () => {}, home: null, local: null };
  const dataDir = await mkdtemp(join(tmpdir(), 'guatu-bench-'));
  const configured = readConfig({
    GUATU_DATA_DIR: dataDir,
    GUATU_NEO4J_PORT: String(await freePort()),
    GUATU_NEO4J_PASSWORD: `guatu-bench-${randomBytes(6).toString('hex')}`,
    GUATU_NEO4J_PAGECACHE: '128m',
  });
  if (configured.mode !== 'local') throw new Error('expected a local configuration');
  let local: LocalNeo4j;
  try {
    local = await startLocalNeo4j(configured.local, { log: say });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  // Everything built on config() reads these; set before the driver is first asked for.
  process.env['NEO4J_URI'] = configured.connection.uri;
  process.env['NEO4J_USERNAME'] = configured.connection.username;
  process.env['NEO4J_PASSWORD'] = configured.connection.password;
  process.env['NEO4J_DATABASE'] = configured.connection.database;
  return {
    home: local.home,
    local: { neo4j: local, server: configured.local },
    stop: async () => {
      await local.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
