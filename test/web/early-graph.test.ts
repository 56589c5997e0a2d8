// The graph asked for before the app is built must be the very request ApiClient then makes for
// it, or the early answer would be left unclaimed and the graph asked for twice; and it is handed
// out once, to a GET of that URL only. Without a browser: fetch is a stand-in here.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../web/src/api/client.ts';
import { graphUrl, startEarlyGraph, takeEarlyResponse } from '../../web/src/api/early-graph.ts';

const client = new ApiClient();

describe('the graph asked for early', () => {
  const fetch = vi.fn(async () => new Response('{}'));
  vi.stubGlobal('fetch', fetch);
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('is asked at the URL ApiClient asks for the same plan', () => {
    for (const plan of [null, '武汉市-f64b89c6', 'a plan/with & odd=chars?', "(it's) ~ *!", '%+']) {
      expect(graphUrl(plan)).toBe(client.url('/plans/graph', { plan }));
    }
  });

  it('asks once for the plan in the address, and hands the answer to that GET only, once', async () => {
    const search = `?plan=${encodeURIComponent('武汉市-f64b89c6')}&lang=en`;
    startEarlyGraph(search);
    startEarlyGraph(search);
    expect(fetch).toHaveBeenCalledTimes(1);
    const url = client.url('/plans/graph', { plan: '武汉市-f64b89c6' });
    // No header of its own, so that the page's preload of the same URL answers it.
    expect(fetch.mock.calls[0]).toEqual([url, { method: 'GET' }]);
    expect(takeEarlyResponse(client.url('/plans/graph', { plan: null }))).toBeNull();
    expect(takeEarlyResponse(url, { method: 'POST' })).toBeNull();
    const answer = takeEarlyResponse(url, { method: 'GET' });
    expect(answer).not.toBeNull();
    expect(await (await answer)?.json()).toEqual({});
    expect(takeEarlyResponse(url, { method: 'GET' })).toBeNull();
  });

  it('is what ApiClient reads when it asks for that graph', async () => {
    // A fresh module: its one early request not yet made nor taken.
    vi.resetModules();
    const early = await import('../../web/src/api/early-graph.ts');
    const { ApiClient: FreshClient } = await import('../../web/src/api/client.ts');
    const graph = { plan: 'p', elements: { nodes: [], edges: [] } };
    fetch.mockImplementationOnce(async () => Response.json(graph));
    early.startEarlyGraph('');
    const calls = fetch.mock.calls.length;
    expect(await new FreshClient().planGraph(null)).toEqual(graph);
    // Answered by the early request: ApiClient made none of its own.
    expect(fetch.mock.calls.length).toBe(calls);
  });
});
