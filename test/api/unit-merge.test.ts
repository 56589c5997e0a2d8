// Units merged and split over the API, on the seed in a real Neo4j: a merge moves every edge of
// one unit onto the other and the rankings add up; it survives a re-load of the seed; a split
// gives back exactly the graph before; writes are a planner's, same-origin, JSON, audited; every
// refusal has its code.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MergeAnswer, MergesAnswer } from '../../contract/api/unit-merge.ts';
import { AuditLog } from '../../graph/accounts/audit.ts';
import { LoginThrottle } from '../../graph/accounts/login-limits.ts';
import { hashPassword } from '../../graph/accounts/password.ts';
import { AccountStore } from '../../graph/accounts/store.ts';
import { SESSION_COOKIE, type AccountsDeps } from '../../graph/api/accounts/gate.ts';
import { loadPlanFile, seedDocuments } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { splitMerge } from '../../graph/units/merge.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { FGW, KJJ, loadSeed, SEED_PLAN, seedApp, type ErrorAnswer } from './support.ts';

useTestNeo4j();
const driver = () => getDriver();
const database = () => connection().database;

const HOST = '127.0.0.1:8080';
const ORIGIN = `http://${HOST}`;
const PASSWORD = 'correct horse battery';
/** 市科技局 merged into 市发改委: two units that share items and each have items of their own. */
const A = KJJ;
const B = FGW;
const COLLECTIVE = '武汉市/各区人民政府';
const OTHER = '武汉市/市经信局';
let dir: string;
let accounts: AccountsDeps;
let team: Hono;
let planner = '';
let viewer = '';

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const session = driver().session({ database: database() });
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** A value as text, Neo4j integers apart from floats (a split must give back the same types). */
function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return Object.fromEntries(entries.map(([key, v]) => [key, plain(v)]));
  }
  return typeof value === 'number' ? `float:${value}` : value;
}

/** Every relationship (type, ends, properties) and every unit and item with its properties. */
async function fingerprint(): Promise<string[]> {
  const edges = await cypher(
    `MATCH (s)-[r]->(e)
     RETURN type(r) AS type, s.id AS start, e.id AS end, properties(r) AS props`,
  );
  const nodes = await cypher(
    `MATCH (n) WHERE n:Unit OR n:Item OR n:Plan
     RETURN labels(n) AS labels, properties(n) AS props`,
  );
  return [
    ...edges.map((row) => JSON.stringify(plain(row))),
    ...nodes.map((row) => JSON.stringify(plain(row))),
  ].sort();
}

/** What differs between two fingerprints, for a readable failure. */
function difference(before: string[], after: string[]) {
  const a = new Set(before);
  const b = new Set(after);
  return {
    missing: before.filter((line) => !b.has(line)).slice(0, 5),
    extra: after.filter((line) => !a.has(line)).slice(0, 5),
  };
}

interface Call {
  body?: unknown;
  cookie?: string;
  /** false: a write without the header and origin a page of guatu sends. */
  sameOrigin?: boolean;
  contentType?: string;
}

async function call<T>(method: string, path: string, init: Call = {}) {
  const headers: Record<string, string> = { Host: HOST };
  if (method !== 'GET') {
    headers['Content-Type'] = init.contentType ?? 'application/json';
    if (init.sameOrigin !== false) {
      headers['X-Guatu-Request'] = '1';
      headers['Origin'] = ORIGIN;
    }
  }
  if (init.cookie) headers['Cookie'] = `${SESSION_COOKIE}=${init.cookie}`;
  const response = await team.request(`http://${HOST}${path}`, {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function login(name: string): Promise<string> {
  const response = await team.request(`http://${HOST}/api/session`, {
    method: 'POST',
    headers: {
      Host: HOST,
      Origin: ORIGIN,
      'X-Guatu-Request': '1',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return /guatu_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
}

interface RankingRow {
  unitId: string;
  leads: number;
  supports: number;
  themesReached: number;
  load: number;
}

/** The unit-load ranking as a planner reads it (the named query, through the API). */
async function ranking(): Promise<Map<string, RankingRow>> {
  const answer = await call<{ rows: RankingRow[] }>('POST', '/api/queries/unit-load', {
    cookie: planner,
    body: { params: { planId: SEED_PLAN, limit: 1000 } },
  });
  expect(answer.status).toBe(200);
  return new Map(answer.body.rows.map((row) => [row.unitId, row]));
}

/** What A and B carry together, each item once: led by either, else supported by either. */
async function together(): Promise<Omit<RankingRow, 'unitId'>> {
  const [row] = await cypher(
    `MATCH (u:Unit) WHERE u.id IN [$a, $b]
     WITH collect(u) AS units
     WITH units,
          COLLECT { UNWIND units AS u MATCH (u)-[:LEADS {planId: $plan}]->(i) RETURN DISTINCT i.id } AS led,
          COLLECT { UNWIND units AS u MATCH (u)-[:SUPPORTS {planId: $plan}]->(i) RETURN DISTINCT i.id } AS supported,
          COLLECT {
            UNWIND units AS u
            MATCH (u)-[:LEADS|SUPPORTS {planId: $plan}]->(:Item)-[:UNDER*1..4]->(t:Theme)
            RETURN DISTINCT t.id
          } AS themes
     RETURN size(led) AS leads, size([i IN supported WHERE NOT i IN led]) AS supports,
            size(themes) AS themesReached`,
    { a: A, b: B, plan: SEED_PLAN },
  );
  const leads = Number(row?.['leads']);
  const supports = Number(row?.['supports']);
  return {
    leads,
    supports,
    themesReached: Number(row?.['themesReached']),
    load: leads + supports / 2,
  };
}

async function reloadSeed(): Promise<void> {
  const [seed] = await seedDocuments();
  if (seed === undefined) throw new Error('no seed document');
  const outcome = await loadPlanFile(driver(), seed, { database: database(), force: true });
  expect(outcome.status).toBe('replaced');
}

beforeAll(async () => {
  await loadSeed(driver(), database());
  dir = await mkdtemp(join(tmpdir(), 'guatu-unit-merge-'));
  accounts = {
    store: await AccountStore.open(join(dir, 'accounts.sqlite')),
    audit: new AuditLog(join(dir, 'audit.log')),
    throttle: new LoginThrottle({ perAccount: 100, perAddress: 100, windowMs: 60_000 }),
  };
  const hash = await hashPassword(PASSWORD);
  accounts.store.add({ name: 'li', role: 'viewer', units: [], passwordHash: hash });
  accounts.store.add({ name: 'wang', role: 'planner', units: [], passwordHash: hash });
  team = seedApp(driver(), database(), { host: '127.0.0.1', accounts });
  planner = await login('wang');
  viewer = await login('li');
});

afterAll(async () => {
  // Whatever a failed test left merged is split, so the next suites find the seed as loaded.
  const left = await cypher('MATCH (m:UnitMerge) RETURN m.id AS id');
  for (const { id } of left) {
    const session = driver().session({ database: database() });
    try {
      await session.executeWrite((tx) => splitMerge(tx, { merge: String(id) }));
    } finally {
      await session.close();
    }
  }
  accounts.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('POST /api/units/merge and /api/units/split', () => {
  it('refuses a viewer, a cross-origin post, a body that is not JSON, and bad bodies, with codes', async () => {
    const body = { from: A, into: B };
    const refused = await call<ErrorAnswer>('POST', '/api/units/merge', { cookie: viewer, body });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_allowed');
    const crossOrigin = await call<ErrorAnswer>('POST', '/api/units/merge', {
      cookie: planner,
      body,
      sameOrigin: false,
    });
    expect(crossOrigin.status).toBe(403);
    const asText = await call<ErrorAnswer>('POST', '/api/units/merge', {
      cookie: planner,
      body,
      contentType: 'text/plain',
    });
    expect(asText.status).toBe(415);

    const codeOf = async (path: string, sent: unknown) => {
      const answer = await call<ErrorAnswer>('POST', path, { cookie: planner, body: sent });
      return [answer.status, answer.body.error.code, answer.body.error.message];
    };
    expect((await codeOf('/api/units/merge', { from: A }))[0]).toBe(400);
    expect(await codeOf('/api/units/merge', { from: A, into: A })).toEqual([
      422,
      'unit_merge_self',
      expect.stringContaining('不能将单位合并到其自身'),
    ]);
    expect(
      (await codeOf('/api/units/merge', { from: '武汉市/没有这个局', into: B })).slice(0, 2),
    ).toEqual([404, 'unknown_unit']);
    expect((await codeOf('/api/units/merge', { from: A, into: COLLECTIVE })).slice(0, 2)).toEqual([
      422,
      'unit_merge_collective',
    ]);
    expect((await codeOf('/api/units/split', { merge: 'no-such-merge' })).slice(0, 2)).toEqual([
      404,
      'unknown_merge',
    ]);
    expect((await codeOf('/api/units/split', {}))[0]).toBe(400);
    // Nothing was written by any of them.
    expect(await cypher('MATCH (m:UnitMerge) RETURN m')).toEqual([]);
    expect(accounts.audit.entries().filter((e) => e.action.endsWith('-units'))).toEqual([]);
  });

  it('merges, survives a re-load of the seed, and splits back to exactly the graph before', async () => {
    const before = await fingerprint();
    const expected = await together();
    const [aName] = await cypher('MATCH (u:Unit {id: $id}) RETURN u.name AS name', { id: A });
    const fromName = String(aName?.['name']);

    // A dry run counts and writes nothing.
    const dry = await call<MergeAnswer>('POST', '/api/units/merge', {
      cookie: planner,
      body: { from: A, into: B, dryRun: true },
    });
    expect(dry.status).toBe(200);
    expect(dry.body.dryRun).toBe(true);
    expect(dry.body.moved.leads + dry.body.moved.supports).toBeGreaterThan(0);
    expect(await fingerprint()).toEqual(before);

    const merged = await call<MergeAnswer>('POST', '/api/units/merge', {
      cookie: planner,
      body: { from: A, into: B, note: '同一单位' },
    });
    expect(merged.status).toBe(201);
    expect(merged.body.moved).toEqual(dry.body.moved);
    const [edgesOfA] = await cypher(
      `MATCH (:Item {planId: $plan})<-[r:LEADS|SUPPORTS]-(:Unit {id: $a}) RETURN count(r) AS n`,
      { a: A, plan: SEED_PLAN },
    );
    expect(Number(edgesOfA?.['n'])).toBe(0);
    expect(merged.body.moved.leads + merged.body.moved.supports).toBe(
      dry.body.moved.leads + dry.body.moved.supports,
    );

    const checkMerged = async () => {
      const rows = await ranking();
      expect(rows.has(A)).toBe(false);
      expect(rows.get(B)).toMatchObject(expected);
      // Each moved edge says whose it was, and the name as printed.
      const [marked] = await cypher(
        `MATCH (:Unit {id: $b})-[r:LEADS|SUPPORTS {mergedFrom: $a}]->() RETURN count(r) AS n, collect(DISTINCT r.asPrinted) AS names`,
        { a: A, b: B },
      );
      expect(Number(marked?.['n'])).toBeGreaterThan(0);
      expect(marked?.['names']).toEqual([fromName]);
      // Where both were named on an item, B's edge is not doubled: A's is folded into it.
      const [folded] = await cypher(
        `MATCH (:Unit {id: $b})-[r:LEADS|SUPPORTS]->(i:Item)
         WITH i, count(r) AS edges, sum(size(coalesce(r.absorbed, []))) AS absorbed
         RETURN max(edges) AS most, sum(absorbed) AS absorbed`,
        { b: B },
      );
      expect(Number(folded?.['absorbed'])).toBeGreaterThan(0);
      expect(Number(folded?.['most'])).toBeLessThanOrEqual(2);
      // The search finds B by A's name.
      const hits = await call<{ id: string }[]>(
        'GET',
        `/api/search?${new URLSearchParams({ q: fromName, kind: 'unit' }).toString()}`,
        { cookie: planner },
      );
      expect(hits.body.map((hit) => hit.id)).toContain(B);
      expect(hits.body.map((hit) => hit.id)).not.toContain(A);
    };
    await checkMerged();

    const audit = accounts.audit.entries().filter((e) => e.action === 'merge-units');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ who: 'wang', role: 'planner', target: A });
    expect(audit[0]?.after).toMatchObject({ into: B, note: '同一单位' });

    // Refusals once merged: the other way round is a cycle; A again is already merged.
    const cycle = await call<ErrorAnswer>('POST', '/api/units/merge', {
      cookie: planner,
      body: { from: B, into: A },
    });
    expect([cycle.status, cycle.body.error.code]).toEqual([409, 'unit_merge_cycle']);
    const again = await call<ErrorAnswer>('POST', '/api/units/merge', {
      cookie: planner,
      body: { from: A, into: B },
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'unit_already_merged']);
    // Merges are one level deep: nothing into A, which is merged; B, which has A, is not merged on.
    const intoMerged = await call<ErrorAnswer>('POST', '/api/units/merge', {
      cookie: planner,
      body: { from: OTHER, into: A },
    });
    expect([intoMerged.status, intoMerged.body.error.code]).toEqual([409, 'unit_merged_elsewhere']);
    const chained = await call<ErrorAnswer>('POST', '/api/units/merge', {
      cookie: planner,
      body: { from: B, into: OTHER },
    });
    expect([chained.status, chained.body.error.code]).toEqual([409, 'unit_has_merges']);

    // The seed loaded again names A as printed; the kept merge applies in the same transaction.
    await reloadSeed();
    await checkMerged();
    const listed = await call<MergesAnswer>(
      'GET',
      `/api/units/merges?unit=${encodeURIComponent(B)}`,
      {
        cookie: viewer,
      },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.merges).toEqual([
      expect.objectContaining({ id: merged.body.merge.id, from: A, into: B, fromName, by: 'wang' }),
    ]);

    const split = await call<MergeAnswer>('POST', '/api/units/split', {
      cookie: planner,
      body: { merge: merged.body.merge.id },
    });
    expect(split.status).toBe(200);
    expect(split.body.moved).toEqual(merged.body.moved);
    const after = await fingerprint();
    expect(difference(before, after)).toEqual({ missing: [], extra: [] });
    expect(after).toEqual(before);
    expect((await ranking()).has(A)).toBe(true);

    const splitAudit = accounts.audit.entries().filter((e) => e.action === 'split-units');
    expect(splitAudit).toEqual([expect.objectContaining({ who: 'wang', target: A })]);
    const gone = await call<ErrorAnswer>('POST', '/api/units/split', {
      cookie: planner,
      body: { from: A },
    });
    expect([gone.status, gone.body.error.code]).toEqual([404, 'unknown_merge']);
  });
});
