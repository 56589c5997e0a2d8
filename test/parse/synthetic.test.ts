// The synthetic notice the benchmarks use: deterministic, and parsed to exactly the counts the
// generator says it wrote — so a benchmark that checks them measures a correct parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../graph/parse/parse-plan.ts';
import { syntheticNotice } from '../../bench/synthetic-notice.ts';

function counted(text: string) {
  const model = parsePlan(text);
  const edges = model.items.flatMap((i) => i.units);
  const kind = (k: string) => model.items.filter((i) => i.kind === k).length;
  return {
    model,
    counts: {
      indicators: kind('indicator'),
      themes: kind('theme'),
      tasks: kind('task'),
      projects: kind('project'),
      requirements: kind('requirement'),
      items: model.items.length,
      edges: edges.length,
      leads: edges.filter((e) => e.edge === 'LEADS').length,
      supports: edges.filter((e) => e.edge === 'SUPPORTS').length,
      inferred: edges.filter((e) => e.inferred).length,
      units: model.units.length,
      documents: model.documents.length,
    },
  };
}

describe('the synthetic notice', () => {
  it('is the same text for the same options', () => {
    const a = syntheticNotice({ items: 300, unitsPerItem: 6, seed: 9 });
    const b = syntheticNotice({ items: 300, unitsPerItem: 6, seed: 9 });
    expect(a.text).toBe(b.text);
    expect(syntheticNotice({ items: 300, unitsPerItem: 6, seed: 10 }).text).not.toBe(a.text);
  });

  it('parses to exactly the counts it was written with, and no problem', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 1500 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 1000 }),
        (items, unitsPerItem, seed) => {
          const notice = syntheticNotice({ items, unitsPerItem, seed, unitPool: 120 });
          const { model, counts } = counted(notice.text);
          expect(counts).toEqual(notice.expected);
          expect(model.issues.filter((i) => i.severity !== 'info')).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reaches a million edges at 100k items and 10 units per item', () => {
    const notice = syntheticNotice({ items: 100_000, unitsPerItem: 10, seed: 3 });
    expect(notice.expected.edges).toBeGreaterThan(900_000);
    expect(notice.expected.items).toBeGreaterThan(100_000);
    const { counts } = counted(notice.text);
    expect(counts).toEqual(notice.expected);
  });
});
