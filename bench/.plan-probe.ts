import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { preparePlan, sha256Hex } from '../graph/load/rows.ts';
import { ensureSchema } from '../graph/load/schema.ts';
import { writePlan } from '../graph/load/write-plan.ts';
import { startLocalNeo4j } from '../graph/neo4j/launcher.ts';
import { freePort } from '../graph/neo4j/ports.ts';
import { parsePlan } from '../graph/parse/parse-plan.ts';
import { syntheticNotice } from './synthetic-notice.ts';
const dataDir = await mkdtemp(join(tmpdir(), 'guatu-probe-'));
const local = { port: await freePort(), password: 'probe-pass', dataDir, heap: '3g', pageCache: '512m', transactionTimeoutSeconds: 3600, transactionMemory: '2g' };
const server = await startLocalNeo4j(local);
const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', local.password));
try {
  await ensureSchema(driver, 'neo4j');
  const prep = (items: number, seed: number) => { const n = syntheticNotice({ items, unitsPerItem: 10, seed, sentences: 1 }); return preparePlan(parsePlan(n.text), null, { name: 'x', text: n.text, sha256: sha256Hex(n.text) }); };
  const a = prep(10000, 42);
  console.log('first', Math.round((await writePlan(driver, a, { database: 'neo4j' })).durationMs));
  const s = driver.session();
  const show = (op: any, d = 0): void => { console.log(' '.repeat(d) + op.operatorType, JSON.stringify(op.arguments?.Details ?? '')); for (const c of op.children) show(c, d + 2); };
  for (const q of [
    `EXPLAIN UNWIND $rows AS row MATCH (child:Item {id: row.from}) MATCH (parent:Item {id: row.to}) CREATE (child)-[:UNDER {planId: $planId}]->(parent)`,
    `EXPLAIN UNWIND $rows AS row MATCH (u:Unit {id: row.unit}) MATCH (i:Item {id: row.item}) CREATE (u)-[:LEADS {planId: $planId, role: row.props.role, inferred: row.props.inferred, position: row.props.position}]->(i)`,
  ]) show((await s.run(q, { rows: [], planId: 'x' })).summary.plan);
  await s.close();
  const b = prep(20000, 43);
  let last = performance.now();
  const w = await writePlan(driver, b, { database: 'neo4j', onBatch: (step, rows) => { const now = performance.now(); if (/LEADS|UNDER/.test(step)) console.log(step, rows, Math.round(now - last)); last = now; } });
  console.log('second', Math.round(w.durationMs), w.phasesMs);
} finally { await driver.close(); await server.stop(); await rm(dataDir, { recursive: true, force: true }); }
