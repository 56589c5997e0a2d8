// The kept answers (graph/api/answer-cache.ts, graph/api/kept-answers.ts): keyed on the parameters
// a route reads, bounded in bytes, freed when their age runs out, and configured from the
// environment with messages that name the variable. On the run's Neo4j and the seed.
import type { Hono } from 'hono';
import type { Driver } from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerCache } from '../../graph/api/answer-cache.ts';
import { readServerConfig, ServerConfigError } from '../../graph/api/config.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { FGW, loadSeed, SEED_PLAN, seedApp, url } from './support.ts';

useTestNeo4j();

let driver: Driver;
let database: string;

beforeAll(async () => {
  driver = getDriver();
  database = connection().database;
  await loadSeed(driver, database);
});

function appWith(cache: AnswerCache): Hono {
  return seedApp(driver, database, { answers: cache });
}

async function text(app: Hono, path: string): Promise<{ status: number; body: string }> {
  const response = await app.request(path);
  return { status: response.status, body: await response.text() };
}

describe('the key', () => {
  it('leaves one entry after 1,000 requests that differ only in a parameter no route reads', async () => {
    const cache = new AnswerCache({ maxBytes: 64 * 2 ** 20, ttlMs: 60_000 });
    const app = appWith(cache);
    const first = await text(app, url('/api/node', { id: FGW }));
    expect(first.status).toBe(200);
    for (let n = 0; n < 1_000; n += 1) {
      const answer = await text(app, url('/api/node', { id: FGW, junk: n }));
      expect(answer).toEqual(first);
    }
    expect(cache.stats().entries).toBe(1);
  });

  it('keeps apart what a route does read, and ignores the order parameters come in', async () => {
    const cache = new AnswerCache({ maxBytes: 64 * 2 ** 20, ttlMs: 60_000 });
    const app = appWith(cache);
    const few = await text(app, `/api/search?q=${encodeURIComponent('发改委')}&limit=1`);
    const reordered = await text(app, `/api/search?limit=1&q=${encodeURIComponent('发改委')}`);
    const more = await text(app, `/api/search?q=${encodeURIComponent('发改委')}&limit=3`);
    expect(reordered).toEqual(few);
    expect(JSON.parse(few.body)).toHaveLength(1);
    expect(JSON.parse(more.body)).toHaveLength(3);
    // The two searches (the candidates behind them are kept apart, by the search route).
    expect(cache.stats().entries).toBe(2);
  });

  it('sees which parameters a route reads, and keeps answers apart by them alone', async () => {
    const cache = new AnswerCache({ maxBytes: 64 * 2 ** 20, ttlMs: 60_000 });
    const app = appWith(cache);
    const ask = (query: Record<string, string>) =>
      text(app, url('/api/neighbourhood', { id: FGW, ...query }));
    const leads = await ask({ types: 'LEADS' });
    const supports = await ask({ types: 'SUPPORTS' });
    expect(leads.body).not.toEqual(supports.body);
    expect(await ask({ types: 'LEADS', junk: '1', other: '2' })).toEqual(leads);
    expect(await ask({ junk: '3', types: 'SUPPORTS' })).toEqual(supports);
    expect(cache.stats().entries).toBe(2);
  });
});

describe('the byte budget', () => {
  it('never holds more than its bytes while large answers pour in', () => {
    const maxBytes = 200_000;
    const cache = new AnswerCache({ maxBytes, ttlMs: 60_000 });
    let poured = 0;
    for (let n = 0; n < 300; n += 1) {
      // 1 to 60 KB, Chinese and ASCII: three bytes a character, or one.
      const answer = (n % 2 === 0 ? '任务' : 'ab').repeat(500 + ((n * 7919) % 10_000));
      cache.set('v1', `/api/node?id=${n}`, answer);
      poured += Buffer.byteLength(answer);
      expect(cache.stats().bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(poured).toBeGreaterThan(20 * maxBytes);
    // What it holds is what it counts: the answers still there, and their keys.
    let held = 0;
    for (let n = 0; n < 300; n += 1) {
      const answer = cache.get('v1', `/api/node?id=${n}`);
      if (answer !== undefined)
        held += Buffer.byteLength(answer) + Buffer.byteLength(`v1\n/api/node?id=${n}`);
    }
    expect(held).toBe(cache.stats().bytes);
    expect(held).toBeGreaterThan(maxBytes / 2);
  });

  it('holds the API to its budget', { timeout: 180_000 }, async () => {
    const cache = new AnswerCache({ maxBytes: 8_000, ttlMs: 60_000 });
    const app = appWith(cache);
    const graph = JSON.parse(
      (await text(app, url('/api/plans/graph', { plan: SEED_PLAN }))).body,
    ) as { elements: { nodes: { data: { id: string; kind: string } }[] } };
    const units = graph.elements.nodes
      .filter((node) => node.data.kind === 'unit')
      .map((node) => node.data.id)
      .slice(0, 20);
    for (const id of units) {
      expect((await text(app, url('/api/node', { id }))).status).toBe(200);
      expect(cache.stats().bytes).toBeLessThanOrEqual(8_000);
    }
    expect(cache.stats().entries).toBeGreaterThan(0);
    expect(cache.stats().entries).toBeLessThan(units.length);
  });

  it('counts UTF-8 bytes, keys included, and leaves out an answer over the whole budget', () => {
    const cache = new AnswerCache({ maxBytes: 1_000, ttlMs: 60_000 });
    cache.set('v1', 'k', '发改委'.repeat(100));
    expect(cache.stats()).toEqual({ entries: 1, bytes: 900 + 'v1\nk'.length, maxBytes: 1_000 });
    cache.set('v1', 'big', 'x'.repeat(2_000));
    expect(cache.get('v1', 'big')).toBeUndefined();
    for (let n = 0; n < 50; n += 1) cache.set('v1', `n${n}`, 'y'.repeat(300));
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_000);
    expect(cache.stats().entries).toBe(3);
  });

  it('keeps nothing with a budget of 0', async () => {
    const cache = new AnswerCache({ maxBytes: 0, ttlMs: 60_000 });
    const app = appWith(cache);
    expect((await text(app, url('/api/node', { id: FGW }))).status).toBe(200);
    expect(cache.enabled).toBe(false);
    expect(cache.stats().entries).toBe(0);
  });
});

describe('the age limit', () => {
  it('frees expired answers on the clock it is given', () => {
    let now = 1_000_000;
    const cache = new AnswerCache({ maxBytes: 10_000, ttlMs: 60_000, now: () => now });
    cache.set('v1', 'a', '[1]');
    cache.set('v1', 'b', '[2]');
    now += 59_000;
    expect(cache.get('v1', 'a')).toBe('[1]');
    now += 1_001;
    cache.purgeExpired();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(cache.get('v1', 'b')).toBeUndefined();
  });

  it('frees them by itself, unasked, once their time is up', async () => {
    const cache = new AnswerCache({ maxBytes: 10_000, ttlMs: 20 });
    cache.set('v1', 'a', '[1]');
    expect(cache.stats().entries).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});

describe('the environment', () => {
  it('reads GUATU_ANSWER_CACHE_BYTES and GUATU_ANSWER_CACHE_TTL', () => {
    expect(readServerConfig({}).answerCache).toEqual({ maxBytes: 64 * 2 ** 20, ttlMs: 60_000 });
    expect(
      readServerConfig({ GUATU_ANSWER_CACHE_BYTES: '16m', GUATU_ANSWER_CACHE_TTL: '5' })
        .answerCache,
    ).toEqual({ maxBytes: 16 * 2 ** 20, ttlMs: 5_000 });
    expect(readServerConfig({ GUATU_ANSWER_CACHE_BYTES: '512K' }).answerCache.maxBytes).toBe(
      512 * 1024,
    );
    expect(readServerConfig({ GUATU_ANSWER_CACHE_BYTES: '0' }).answerCache.maxBytes).toBe(0);
    expect(readServerConfig({ GUATU_ANSWER_CACHE_BYTES: '' }).answerCache.maxBytes).toBe(
      64 * 2 ** 20,
    );
  });

  it.each([
    ['GUATU_ANSWER_CACHE_BYTES', 'lots'],
    ['GUATU_ANSWER_CACHE_BYTES', '-5'],
    ['GUATU_ANSWER_CACHE_TTL', '0'],
    ['GUATU_ANSWER_CACHE_TTL', '1.5'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => readServerConfig({ [name]: value })).toThrow(ServerConfigError);
    expect(() => readServerConfig({ [name]: value })).toThrow(`${name}: `);
  });
});
