// The coordination metrics on small plans whose answers can be worked out on paper.
import { describe, expect, it } from 'vitest';
import {
  computePlanMetrics,
  metricDefinitions,
  type ItemAssignment,
  type MetricsInput,
} from '../../graph/analyse/metrics.ts';
import { measureNetwork, seededRandom } from '../../graph/analyse/coordination.ts';

const lead = (unitId: string) => ({ unitId, edge: 'LEADS' as const });
const support = (unitId: string) => ({ unitId, edge: 'SUPPORTS' as const });

// theme T with tasks a, b (and b's second part b2); indicator c outside any theme.
const input: MetricsInput = {
  items: [
    { id: 'T', kind: 'theme', parent: null },
    { id: 'a', kind: 'task', parent: 'T' },
    { id: 'b', kind: 'task', parent: 'T' },
    { id: 'b2', kind: 'task', parent: 'b' },
    { id: 'c', kind: 'indicator', parent: null },
    { id: 'd', kind: 'project', parent: null },
  ],
  assignments: [
    { itemId: 'a', units: [lead('u1'), support('u2')] },
    { itemId: 'b', units: [lead('u2'), support('u3'), support('all')] },
    { itemId: 'b2', units: [lead('u2')] },
    { itemId: 'c', units: [lead('u4')] },
    { itemId: 'd', units: [lead('u1'), lead('u2'), lead('u4'), support('u3')] },
  ],
  units: [
    { id: 'u1', collective: false },
    { id: 'u2', collective: false },
    { id: 'u3', collective: false },
    { id: 'u4', collective: false },
    { id: 'all', collective: true },
  ],
};

describe('computePlanMetrics', () => {
  const metrics = computePlanMetrics(input);

  it('counts items led and supported, and weighs load 1 : 0.5', () => {
    expect(metrics.units.get('u2')).toMatchObject({ itemsLed: 3, itemsSupported: 1, load: 3.5 });
    expect(metrics.units.get('u3')).toMatchObject({ itemsLed: 0, itemsSupported: 2, load: 1 });
    expect(metrics.units.get('u4')).toMatchObject({ itemsLed: 2, itemsSupported: 0, load: 2 });
  });

  it('reaches a theme through tasks and their second parts, not through indicators or projects', () => {
    expect(metrics.units.get('u1')?.themesReached).toBe(1);
    expect(metrics.units.get('u4')?.themesReached).toBe(0);
    expect(metrics.themes.get('T')).toEqual({ unitCount: 4, leadUnitCount: 2 });
  });

  it('flags items with three or more leads as diffusely owned', () => {
    expect(metrics.items.get('d')).toEqual({ unitCount: 4, leadCount: 3, diffuseOwnership: true });
    expect(metrics.items.get('a')).toEqual({ unitCount: 2, leadCount: 1, diffuseOwnership: false });
    expect(metrics.items.has('T')).toBe(false);
  });

  it('counts shared items per pair, collectives included, smaller id first', () => {
    expect(metrics.pairs).toEqual([
      { a: 'all', b: 'u2', items: 1 },
      { a: 'all', b: 'u3', items: 1 },
      { a: 'u1', b: 'u2', items: 2 },
      { a: 'u1', b: 'u3', items: 1 },
      { a: 'u1', b: 'u4', items: 1 },
      { a: 'u2', b: 'u3', items: 2 },
      { a: 'u2', b: 'u4', items: 1 },
      { a: 'u3', b: 'u4', items: 1 },
    ]);
  });

  it('leaves collectives out of betweenness and communities', () => {
    expect(metrics.units.get('all')).toMatchObject({
      betweenness: null,
      community: null,
      collective: true,
    });
    expect(metrics.units.get('u1')?.community).toEqual(expect.any(Number));
  });

  it('gives the same figures whatever order the items come in', () => {
    const reversed = computePlanMetrics({
      ...input,
      assignments: [...(input.assignments as ItemAssignment[])].reverse(),
      units: [...input.units].reverse(),
    });
    expect(reversed.units).toEqual(metrics.units);
    expect(reversed.pairs).toEqual(metrics.pairs);
  });

  it('defines every stored metric in planner words', () => {
    for (const name of [
      'itemsLed',
      'itemsSupported',
      'themesReached',
      'load',
      'betweenness',
      'community',
      'unitCount',
      'leadCount',
      'diffuseOwnership',
      'leadUnitCount',
    ]) {
      expect(metricDefinitions[name as keyof typeof metricDefinitions]).toMatch(/\w{3,}/);
    }
  });
});

describe('measureNetwork', () => {
  const units = ['a', 'b', 'c', 'x', 'y', 'z'].map((id) => ({ id, collective: false }));

  it('treats shared items as strength: a strong detour beats a weak direct link', () => {
    // a–b share 1 item; a–c and c–b share 4 each. With distance = 1/items the path a–c–b
    // (0.25 + 0.25) is shorter than a–b (1), so c lies on it; were items read as distance,
    // a–b (1) would win and c would lie on nothing.
    const positions = measureNetwork(
      [
        { a: 'a', b: 'b', items: 1 },
        { a: 'a', b: 'c', items: 4 },
        { a: 'b', b: 'c', items: 4 },
      ],
      units.slice(0, 3),
    );
    // One pair (a, b) out of the (n-1)(n-2)/2 = 1 pairs not involving c.
    expect(positions.get('c')?.betweenness).toBeCloseTo(1, 10);
    expect(positions.get('a')?.betweenness).toBe(0);
  });

  it('finds two tight groups joined by one weak link, numbered by size, the same every time', () => {
    const pairs = [
      { a: 'a', b: 'b', items: 5 },
      { a: 'a', b: 'c', items: 5 },
      { a: 'b', b: 'c', items: 5 },
      { a: 'c', b: 'x', items: 1 },
      { a: 'x', b: 'y', items: 5 },
      { a: 'x', b: 'z', items: 5 },
      { a: 'y', b: 'z', items: 5 },
    ];
    const first = measureNetwork(pairs, units);
    const community = (id: string) => first.get(id)?.community;
    expect(community('a')).toBe(community('b'));
    expect(community('b')).toBe(community('c'));
    expect(community('x')).toBe(community('y'));
    expect(community('y')).toBe(community('z'));
    expect(community('a')).not.toBe(community('x'));
    // Equal sizes: the group holding the smallest id ('a') is 0.
    expect(community('a')).toBe(0);
    expect(measureNetwork(pairs, units)).toEqual(first);
    // The bridge ends carry all cross-group shortest paths.
    expect(first.get('c')?.betweenness).toBeGreaterThan(first.get('a')?.betweenness ?? 1);
  });

  it('puts a unit that shares nothing in a community of its own', () => {
    const positions = measureNetwork([{ a: 'a', b: 'b', items: 1 }], units.slice(0, 3));
    expect(positions.get('c')).toEqual({ betweenness: 0, community: 1 });
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const one = seededRandom(7);
    const two = seededRandom(7);
    const values = Array.from({ length: 1000 }, () => one());
    expect(Array.from({ length: 1000 }, () => two())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
