// Editions compared without a database: the seed against copies of itself with known edits, the
// pairing rule's certainty words, and two properties of any pair of editions (an edition compared
// with itself shows nothing; swapping the editions swaps added and removed, gains and losses).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemChange, UnitChange } from '../../contract/api/editions.ts';
import { titleLikeness } from '../../contract/title-likeness.ts';
import {
  alikePairs,
  compareEditions,
  LIKELY_LIKENESS,
  REWORDED_LIKENESS,
} from '../../graph/editions/compare.ts';
import type { Edition, EditionItemInput } from '../../graph/editions/edition.ts';
import { reviewEdition } from '../../graph/editions/review-edition.ts';
import { seedDictionaries } from '../../graph/load/load-plan.ts';
import type { PlanModel } from '../../graph/model/plan.ts';
import { similarWording } from '../../graph/progress/relink.ts';
import { parsed, seedText } from '../load/support.ts';

const seed = parsed(seedText);

/** The seed's text with `edits` applied, each replacing text that must be there exactly once. */
function edited(...edits: [string | RegExp, string][]): PlanModel {
  let text = seedText;
  for (const [before, after] of edits) {
    const found = typeof before === 'string' ? text.split(before).length - 1 : 1;
    if (found !== 1 || (typeof before !== 'string' && !before.test(text))) {
      throw new Error(`the seed does not hold ${String(before)} exactly once`);
    }
    text = text.replace(before, after);
  }
  return parsed(text);
}

/** One line per changed item: what changed, how sure, refs before → after. */
const summary = (rows: readonly ItemChange[]) =>
  rows.map(
    (row) =>
      `${row.changes.join('+')} ${row.match ?? '-'} ${row.from?.ref ?? '∅'} → ${row.to?.ref ?? '∅'}`,
  );

const TASK_4 = '4.打造科技成果转化高地。';
const INDICATOR_11 = '11.每千人口拥有3岁以下婴幼儿托位数达到3个。(责任单位:市卫健委)\n\n';
const ADDED = '5.建设新型研发机构集群。(牵头单位:市科技局;责任单位:市发改委)\n\n';

describe('the seed against a copy with three edits', () => {
  const copy = edited(
    // One added item: a fifth task under the first theme.
    ['(二)构建现代产业体系', `${ADDED}(二)构建现代产业体系`],
    // One removed: the eleventh expected indicator (the twelfth keeps its printed number).
    [INDICATOR_11, ''],
    // One lead changed: 一(一)1 is led by 市科技局 instead of 市教育局.
    ['(牵头单位:市教育局;责任单位:市人社局)', '(牵头单位:市科技局;责任单位:市人社局)'],
  );
  const diff = compareEditions(seed, copy);

  it('reports exactly those three', () => {
    expect(summary(diff.items)).toEqual([
      'units same 一(一)1 → 一(一)1',
      'removed - 一(二)11 → ∅',
      'added - ∅ → 二(一)5',
    ]);
    expect(diff.counts).toEqual({
      matched: seed.items.length - 1,
      unchanged: seed.items.length - 2,
      added: 1,
      removed: 1,
      reworded: 0,
      renumbered: 0,
      moved: 0,
      units: 1,
      likely: 0,
      ambiguous: 0,
    });
  });

  it('says which units gained or lost which role, item by item and in total', () => {
    const [lead, removed, added] = diff.items;
    expect(lead?.units).toEqual([
      { unitId: '武汉市/市教育局', name: '市教育局', change: 'lead-lost' },
      { unitId: '武汉市/市科技局', name: '市科技局', change: 'lead-gained' },
    ]);
    // 市卫健委 owned the indicator alone: an owner by the rule is a lead.
    expect(removed?.units).toEqual([
      { unitId: '武汉市/市卫健委', name: '市卫健委', change: 'lead-lost' },
    ]);
    expect(added?.to).toEqual({
      id: `${copy.plan.id}/二(一)5`,
      kind: 'task',
      ref: '二(一)5',
      title: '建设新型研发机构集群',
      parent: { ref: '二(一)', title: '坚持创新第一动力' },
    });
    expect(added?.units.map((unit) => `${unit.name} ${unit.change}`)).toEqual([
      '市科技局 lead-gained',
      '市发改委 support-gained',
    ]);
    expect(diff.units).toEqual([
      {
        unitId: '武汉市/市科技局',
        names: ['市科技局'],
        leadsGained: 2,
        leadsLost: 0,
        supportsGained: 0,
        supportsLost: 0,
      },
      {
        unitId: '武汉市/市卫健委',
        names: ['市卫健委'],
        leadsGained: 0,
        leadsLost: 1,
        supportsGained: 0,
        supportsLost: 0,
      },
      {
        unitId: '武汉市/市发改委',
        names: ['市发改委'],
        leadsGained: 0,
        leadsLost: 0,
        supportsGained: 1,
        supportsLost: 0,
      },
      {
        unitId: '武汉市/市教育局',
        names: ['市教育局'],
        leadsGained: 0,
        leadsLost: 1,
        supportsGained: 0,
        supportsLost: 0,
      },
    ]);
  });

  it('the other way round: added and removed swap, gains and losses swap', () => {
    const back = compareEditions(copy, seed);
    expect(summary(back.items)).toEqual([
      'units same 一(一)1 → 一(一)1',
      'removed - 二(一)5 → ∅',
      'added - ∅ → 一(二)11',
    ]);
    expect(back.units.find((unit) => unit.unitId === '武汉市/市科技局')?.leadsLost).toBe(2);
  });
});

describe('pairing and how sure it is', () => {
  it('pairs a reworded title by its number and a renumbered one by its title', () => {
    // As test/progress/reload.test.ts edits it: 二(一)1 dropped, 二(一)2 reworded, 二(一)4 → 5.
    const copy = edited(
      [/^1\.创建东湖综合性国家科学中心。.*\n/mu, ''],
      ['2.打造产业创新高地。', '2.加快打造产业创新高地。'],
      [TASK_4, '5.打造科技成果转化高地。'],
    );
    const diff = compareEditions(seed, copy);
    expect(summary(diff.items)).toEqual([
      'removed - 二(一)1 → ∅',
      'reworded reworded 二(一)2 → 二(一)2',
      'renumbered renumbered 二(一)4 → 二(一)5',
    ]);
    const [, reworded, renumbered] = diff.items;
    expect(reworded?.to?.title).toBe('加快打造产业创新高地');
    expect(reworded?.likeness).toBe(0.88);
    expect(renumbered?.likeness).toBe(1);
  });

  it('follows a task moved to another theme, and pairs reworded-and-renumbered on wording alone', () => {
    const talent = /^3\.打造创新人才集聚高地。.*\n\n/mu.exec(seedText)?.[0] ?? '';
    const copy = edited(
      // 二(一)3 leaves the first theme for the second, as its fifth task.
      [talent, ''],
      ['(三)推进经济社会数字化转型', `5${talent.slice(1)}(三)推进经济社会数字化转型`],
      // 二(二)3 renumbered 6 and reworded at once.
      ['3.加快发展现代服务业。', '6.加快发展现代服务业体系。'],
    );
    const diff = compareEditions(seed, copy);
    expect(summary(diff.items)).toEqual([
      'renumbered+moved renumbered 二(一)3 → 二(二)5',
      'reworded+renumbered likely 二(二)3 → 二(二)6',
    ]);
    const [moved, likely] = diff.items;
    expect(moved?.from?.parent?.ref).toBe('二(一)');
    expect(moved?.to?.parent).toEqual({ ref: '二(二)', title: '构建现代产业体系' });
    expect(likely?.likeness).toBeGreaterThanOrEqual(LIKELY_LIKENESS);
    expect(diff.counts.likely).toBe(1);
  });

  it('never pairs an item with one of two alike candidates: both are listed', () => {
    const copy = edited(
      [TASK_4, '5.打造科技成果转化新高地。'],
      [
        '(二)构建现代产业体系',
        '6.打造科技成果转化高地建设。(牵头单位:市科技局)\n\n(二)构建现代产业体系',
      ],
    );
    const diff = compareEditions(seed, copy);
    expect(summary(diff.items)).toEqual([
      'removed - 二(一)4 → ∅',
      'added - ∅ → 二(一)5',
      'added - ∅ → 二(一)6',
    ]);
    expect(diff.items[0]?.candidates.map((candidate) => candidate.ref)).toEqual([
      '二(一)6',
      '二(一)5',
    ]);
    expect(diff.items[1]?.candidates.map((candidate) => candidate.ref)).toEqual(['二(一)4']);
    expect(diff.counts.ambiguous).toBe(3);
  });

  it('holds back a title printed on two items of an edition instead of picking one', () => {
    const copy = edited(
      [TASK_4, '5.打造科技成果转化高地。'],
      [
        '(二)构建现代产业体系',
        '6.打造科技成果转化高地。(牵头单位:市科技局)\n\n(二)构建现代产业体系',
      ],
    );
    const diff = compareEditions(seed, copy);
    // As a progress record on 二(一)4 would be kept unattached: which of the two is it?
    expect(summary(diff.items)).toEqual([
      'removed - 二(一)4 → ∅',
      'added - ∅ → 二(一)5',
      'added - ∅ → 二(一)6',
    ]);
    expect(diff.items.map((row) => row.candidates.map((c) => `${c.ref} ${c.likeness}`))).toEqual([
      ['二(一)5 1', '二(一)6 1'],
      ['二(一)4 1'],
      ['二(一)4 1'],
    ]);
  });

  it('uses the reworded threshold of the progress relink rule', () => {
    const pairs: [string, string][] = [
      ['推进数字经济发展', '加快推进数字经济高质量发展'],
      ['打造产业创新高地', '加快打造产业创新高地'],
      ['打造产业创新高地', '构建现代产业体系'],
      ['实施城市更新行动', '推进城市更新'],
    ];
    for (const [a, b] of pairs) {
      expect(titleLikeness(a, b) >= REWORDED_LIKENESS, `${a} / ${b}`).toBe(similarWording(a, b));
    }
  });
});

describe('a file read for import', () => {
  it('names its units as the loader would, so an alias is the same unit', async () => {
    // 东湖高新区 is the dictionary's alias of 东湖高新区管委会: two keys to the parser, one unit loaded.
    const copy = edited(['市经信局,东湖高新区管委会', '市经信局,东湖高新区']);
    expect(summary(compareEditions(seed, copy).items)).toEqual(['units same 三(三)1 → 三(三)1']);
    const dictionaries = await seedDictionaries();
    const loaded = compareEditions(
      reviewEdition(seed, dictionaries),
      reviewEdition(copy, dictionaries),
    );
    expect(loaded.items).toEqual([]);
  });
});

// Small editions whose titles share characters often, so every round of the pairing is reached.
const CHARS = ['推', '进', '建', '设', '发', '展', '城', '市'];
const KINDS = ['task', 'theme', 'indicator'] as const;
const UNITS = ['市发改委', '市科技局', '市财政局', '各区人民政府'];

const arbitraryItem = fc.record({
  kind: fc.constantFrom(...KINDS),
  title: fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 6 }),
  parent: fc.option(fc.nat(20), { nil: null }),
  units: fc.array(
    fc.record({
      name: fc.constantFrom(...UNITS),
      edge: fc.constantFrom('LEADS' as const, 'SUPPORTS' as const),
    }),
    { maxLength: 3 },
  ),
});

const arbitraryEdition = (planId: string) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 14 })
    .chain((refs) =>
      fc.tuple(
        fc.constant(refs),
        fc.array(arbitraryItem, { minLength: refs.length, maxLength: refs.length }),
      ),
    )
    .map(([refs, drawn]): Edition => {
      const items: EditionItemInput[] = drawn.map((item, index) => {
        const ref = String(refs[index]);
        // A parent is an item before this one, as in a document.
        const parentRef = item.parent === null || index === 0 ? null : refs[item.parent % index];
        return {
          id: `${planId}/${ref}`,
          kind: item.kind,
          ref,
          title: item.title,
          parent: parentRef === null || parentRef === undefined ? null : `${planId}/${parentRef}`,
          units: item.units.map(({ name, edge }) => ({ name, key: name, edge })),
        };
      });
      return {
        plan: { id: planId, title: planId, issuer: null, date: null, jurisdiction: '武汉市' },
        items,
      };
    });

/** A newer edition made from `older` by edits: items dropped, retitled, renumbered, reassigned, added. */
const arbitraryRevision = (older: Edition) =>
  fc
    .tuple(
      fc.array(
        fc.record({
          keep: fc.integer({ min: 0, max: 4 }),
          suffix: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 2 }),
          renumber: fc.boolean(),
          units: fc.option(
            arbitraryItem.map((item) => item.units),
            { nil: undefined },
          ),
        }),
        { minLength: older.items.length, maxLength: older.items.length },
      ),
      fc.array(arbitraryItem, { maxLength: 4 }),
    )
    .map(([edits, added]): Edition => {
      const planId = 'b';
      const refOf = new Map<string, string>();
      const items: EditionItemInput[] = [];
      older.items.forEach((item, index) => {
        const edit = edits[index];
        if (edit === undefined || edit.keep === 0) return;
        const ref = edit.renumber ? String(100 + index) : item.ref;
        refOf.set(item.id, ref);
        items.push({
          ...item,
          id: `${planId}/${ref}`,
          ref,
          title: edit.keep === 1 ? `${item.title}${edit.suffix}` : item.title,
          units:
            edit.keep === 2 && edit.units !== undefined
              ? edit.units.map(({ name, edge }) => ({ name, key: name, edge }))
              : item.units,
        });
      });
      for (const item of items) {
        const old = older.items.find(
          (candidate) => `${planId}/${refOf.get(candidate.id)}` === item.id,
        );
        const parentRef =
          old?.parent === null || old === undefined ? undefined : refOf.get(old.parent);
        item.parent = parentRef === undefined ? null : `${planId}/${parentRef}`;
      }
      added.forEach((item, index) => {
        items.push({
          id: `${planId}/${200 + index}`,
          kind: item.kind,
          ref: String(200 + index),
          title: item.title,
          parent: null,
          units: item.units.map(({ name, edge }) => ({ name, key: name, edge })),
        });
      });
      return { plan: { ...older.plan, id: planId, title: planId }, items };
    });

const arbitraryPair = fc.oneof(
  fc.tuple(arbitraryEdition('a'), arbitraryEdition('b')),
  arbitraryEdition('a').chain((older) => fc.tuple(fc.constant(older), arbitraryRevision(older))),
);

describe('titles alike by wording', () => {
  it('the prefix filter finds every pair that measuring all pairs finds', () => {
    fc.assert(
      fc.property(arbitraryPair, fc.constantFrom(0.5, 0.6, 0.8), ([older, newer], threshold) => {
        const all = (items: readonly EditionItemInput[]) => [...items.keys()];
        const expected: [number, number][] = [];
        older.items.forEach((a, i) =>
          newer.items.forEach((b, j) => {
            if (a.kind === b.kind && titleLikeness(a.title, b.title) >= threshold) {
              expected.push([i, j]);
            }
          }),
        );
        expect(
          alikePairs(older.items, all(older.items), newer.items, all(newer.items), threshold),
        ).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

const SWAPPED_UNIT: Record<UnitChange['change'], UnitChange['change']> = {
  'lead-gained': 'lead-lost',
  'lead-lost': 'lead-gained',
  'support-gained': 'support-lost',
  'support-lost': 'support-gained',
};

/** A row as the comparison the other way round must have it, in a form that sorts. */
function swapped(row: ItemChange): string {
  return canonical({
    ...row,
    changes: row.changes
      .map((change) => (change === 'added' ? 'removed' : change === 'removed' ? 'added' : change))
      .sort(),
    from: row.to,
    to: row.from,
    units: row.units.map((unit) => ({ ...unit, change: SWAPPED_UNIT[unit.change] })),
  });
}

function canonical(row: ItemChange): string {
  return JSON.stringify({
    ...row,
    changes: [...row.changes].sort(),
    units: row.units.map((unit) => `${unit.unitId} ${unit.name} ${unit.change}`).sort(),
  });
}

describe('any two editions', () => {
  it('an edition compared with itself shows nothing', () => {
    fc.assert(
      fc.property(arbitraryEdition('a'), (edition) => {
        const diff = compareEditions(edition, edition);
        expect(diff.items).toEqual([]);
        expect(diff.units).toEqual([]);
        expect(diff.counts.unchanged).toBe(edition.items.length);
      }),
      { numRuns: 300 },
    );
  });

  it('swapping the editions swaps added and removed, gains and losses', () => {
    fc.assert(
      fc.property(arbitraryPair, ([older, newer]) => {
        const forth = compareEditions(older, newer);
        const back = compareEditions(newer, older);
        expect(back.items.map(canonical).sort()).toEqual(forth.items.map(swapped).sort());
        expect(back.counts).toEqual({
          ...forth.counts,
          added: forth.counts.removed,
          removed: forth.counts.added,
        });
        const totals = (diff: typeof forth) =>
          diff.units.map((unit) => [
            unit.unitId,
            unit.leadsGained,
            unit.leadsLost,
            unit.supportsGained,
            unit.supportsLost,
          ]);
        expect(totals(back).sort()).toEqual(
          totals(forth)
            .map(([id, lg, ll, sg, sl]) => [id, ll, lg, sl, sg])
            .sort(),
        );
      }),
      { numRuns: 300 },
    );
  });
});
