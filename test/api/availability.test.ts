// The API while a supervisor says its database is away (graph/api/availability.ts), in process:
// the routes that read the graph answer 503 `database_unavailable` in both languages with
// Retry-After, health says down without asking, the lists read from cypher/ still answer, and all
// is as before the moment the database is back. On the run's Neo4j and the seed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseAvailability } from '../../graph/api/availability.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { FGW, loadSeed, seedApp, url } from './support.ts';

useTestNeo4j();

let database: DatabaseAvailability = { state: 'up' };
const app = () => seedApp(getDriver(), connection().database, { availability: () => database });

beforeAll(async () => {
  await loadSeed(getDriver(), connection().database);
});

describe('a supervised database that is away', () => {
  it('answers 503 database_unavailable, in Chinese and English, with when to try again', async () => {
    const api = app();
    database = { state: 'restarting', retryInMs: 3_500 };
    for (const path of [
      url('/api/search', { q: 'fgw' }),
      url('/api/node', { id: FGW }),
      '/api/plans',
      '/api/hotspots/unit-load',
    ]) {
      const answer = await api.request(path);
      expect(answer.status, path).toBe(503);
      expect(answer.headers.get('Retry-After')).toBe('4');
      expect(await answer.json()).toEqual({
        error: {
          code: 'database_unavailable',
          message:
            'The database is temporarily unavailable; guatu is reconnecting. Try again shortly.',
          messageZh: '数据库暂时不可用，正在重新连接，请稍后再试。',
        },
      });
    }
    const consoleAnswer = await api.request('/api/cypher', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'RETURN 1 AS one' }),
    });
    expect(consoleAnswer.status).toBe(503);
  });

  it('says so on health, and still lists the rankings and named queries', async () => {
    const api = app();
    database = { state: 'restarting' };
    const health = await api.request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ neo4j: 'down', plans: [] });
    expect((await api.request('/api/hotspots')).status).toBe(200);
    expect((await api.request('/api/queries')).status).toBe(200);
  });

  it('answers as before once it is back', async () => {
    const api = app();
    database = { state: 'restarting' };
    expect((await api.request(url('/api/node', { id: FGW }))).status).toBe(503);
    database = { state: 'up' };
    expect((await api.request(url('/api/node', { id: FGW }))).status).toBe(200);
    expect(await (await api.request('/api/health')).json()).toMatchObject({ neo4j: 'up' });
  });
});
