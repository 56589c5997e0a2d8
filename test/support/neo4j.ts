// What tests need around Neo4j: the run's connection, and a look at processes and sockets
// through /proc, to check that nothing outlives a test and nothing listens where it should not.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, inject } from 'vitest';
import type { Connection } from '../../graph/neo4j/config.ts';
import type { Driver } from 'neo4j-driver';
import { closeDriver } from '../../graph/neo4j/database.ts';

/** The run's Neo4j (started by test/global-setup.ts, or NEO4J_URI). */
export function testConnection(): Connection {
  return inject('neo4j');
}

/**
 * Call at the top of a test file that uses graph/neo4j/database.ts: the worker's environment
 * already points config() at the run's Neo4j; this closes the driver when the file is done.
 */
export function useTestNeo4j(): Connection {
  afterAll(closeDriver);
  return testConnection();
}

/** True while `pid` is a live process; an exited one still waiting to be reaped counts as gone. */
export function isRunning(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // The state letter follows the command name, which is in parentheses and may hold spaces.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

/** Resolves true once `pid` is gone, false if it is still running after `timeoutMs`. */
export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isRunning(pid);
}

/** Live processes whose command line contains `text` (a unique temp path, say). */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (commandLine.includes(text) && isRunning(Number(entry))) pids.push(Number(entry));
    } catch {
      // It exited while we looked.
    }
  }
  return pids;
}

/** `/proc/net/tcp*` addresses are hex, each 32-bit word in host (little-endian) order. */
function decodeAddress(hex: string): string {
  const [address = '', port = ''] = hex.split(':');
  const words = (address.match(/.{8}/g) ?? []).map((word) =>
    (word.match(/../g) ?? []).reverse().map((byte) => parseInt(byte, 16)),
  );
  const bytes = words.flat();
  const isV4Mapped =
    bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff;
  const v4 = bytes.length === 4 ? bytes : isV4Mapped ? bytes.slice(12) : null;
  const host =
    v4 !== null
      ? v4.join('.')
      : `[${words.map((w) => w.map((b) => b.toString(16).padStart(2, '0')).join('')).join(':')}]`;
  return `${host}:${parseInt(port, 16)}`;
}

/** The TCP addresses `pid` is listening on, e.g. `["127.0.0.1:7687"]`, sorted. */
export function listeningAddresses(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // Closed while we looked.
    }
  }
  const listening: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [, local, , state, , , , , , inode] = fields;
      if (state === '0A' && inode !== undefined && inodes.has(inode) && local !== undefined) {
        listening.push(decodeAddress(local));
      }
    }
  }
  return listening.sort();
}

/**
 * Removes every plan but the seed, so a test file that loads extra plans leaves the shared test
 * database as the API and browser suites expect it: the seed alone.
 */
export async function removePlansOtherThanSeed(driver: Driver): Promise<void> {
  const session = driver.session({ database: testConnection().database });
  try {
    await session.executeWrite(async (tx) => {
      const plans = await tx.run('MATCH (p:Plan) WHERE p.id <> $seed RETURN p.id AS id', {
        seed: SEED_PLAN_ID,
      });
      for (const record of plans.records) {
        const id = record.get('id') as string;
        await tx.run('MATCH ()-[r]->() WHERE r.planId = $id DELETE r', { id });
        await tx.run('MATCH (i:Item {planId: $id}) DETACH DELETE i', { id });
        await tx.run('MATCH (p:Plan {id: $id}) DETACH DELETE p', { id });
      }
      // What a load cut short left beside any plan (graph/load/staging.ts).
      await tx.run('MATCH (n:ItemDraft|ItemRetired|PlanDraft) DETACH DELETE n');
      await tx.run('MATCH (u:Unit) WHERE NOT (u)--() DELETE u');
    });
  } finally {
    await session.close();
  }
}

const SEED_PLAN_ID = '武汉市-f64b89c6';
