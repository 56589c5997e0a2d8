// Without a browser or a database: how alike two titles read (the measure the server's relink
// rule is stated in), which items the attach screen proposes for a record that lost its item,
// and the 热点 picker's short titles and one-line definitions for every ranking, progress ones too.
import { describe, expect, it } from 'vitest';
import { HOTSPOT_NAMES } from '../../graph/api/routes/hotspots.ts';
import { similarWording } from '../../graph/progress/relink.ts';
import { titleLikeness } from '../../contract/title-likeness.ts';
import type { NodeData } from '../../web/src/api/schema.ts';
import { en, zh } from '../../web/src/i18n/features/hotspots.ts';
import { LEAST_LIKENESS, proposeItems } from '../../web/src/progress/propose.ts';

const node = (ref: string, kind: string, title: string, sortKey: number, plan = 'p'): NodeData => ({
  id: `${plan}/${ref}`,
  kind,
  label: `${ref} ${title}`,
  title,
  ref,
  sortKey,
});

describe('titleLikeness', () => {
  it('is the share of character pairs in common, punctuation and digits aside', () => {
    expect(titleLikeness('推进数字经济发展', '加快推进数字经济高质量发展')).toBeCloseTo(0.632, 3);
    expect(titleLikeness('打造创新人才集聚高地', '打造产业创新高地')).toBe(0.375);
    expect(titleLikeness('1.创建东湖科学城。', '创建东湖科学城')).toBe(1);
    expect(titleLikeness('一', '一')).toBe(0);
    expect(titleLikeness('数字经济', '生态环境')).toBe(0);
  });

  it('agrees with the relink rule’s threshold of a half', () => {
    for (const [a, b] of [
      ['推进数字经济发展', '加快推进数字经济高质量发展'],
      ['打造创新人才集聚高地', '打造产业创新高地'],
      ['创建东湖综合性国家科学中心', '加快东湖综合性国家科学中心建设'],
    ] as const) {
      expect(similarWording(a, b)).toBe(titleLikeness(a, b) >= 0.5);
    }
  });
});

describe('proposeItems', () => {
  const items: NodeData[] = [
    node('二(一)', 'theme', '建设国家科技创新中心', 1),
    node('二(一)2', 'task', '打造产业创新高地', 2),
    node('二(一)4', 'task', '打造科技成果转化高地', 3),
    node('二(一)5', 'task', '加快东湖综合性国家科学中心建设', 4),
    node('二(一)6', 'task', '打造产业创新高地', 5),
    node('一(一)1', 'indicator', '研发投入强度', 6),
    node('二(一)2', 'task', '打造产业创新高地', 2, 'other'),
    { id: '武汉市/市科技局', kind: 'unit', label: '市科技局' },
  ];

  it('ranks the plan’s items by likeness, then in document order, leaving out weak ones', () => {
    const proposals = proposeItems(
      { kind: 'progress', itemTitle: '打造创新人才集聚高地' },
      'p',
      items,
    );
    expect(proposals.map((p) => [p.ref, Math.round(p.likeness * 1000)])).toEqual([
      ['二(一)2', 375],
      ['二(一)6', 375],
      ['二(一)4', 222],
    ]);
    expect(proposals.every((p) => p.likeness >= LEAST_LIKENESS)).toBe(true);
  });

  it('proposes the like-worded item first, themes and other plans never', () => {
    const [first, ...rest] = proposeItems(
      { kind: 'deadline', itemTitle: '创建东湖综合性国家科学中心' },
      'p',
      items,
    );
    expect(first).toEqual({
      id: 'p/二(一)5',
      ref: '二(一)5',
      title: '加快东湖综合性国家科学中心建设',
      kind: 'task',
      likeness: 20 / 26,
    });
    expect(rest.some((p) => p.kind === 'theme' || !p.id.startsWith('p/'))).toBe(false);
  });

  it('offers an indicator’s value indicators only, and nothing for a record with no title', () => {
    expect(
      proposeItems({ kind: 'indicator', itemTitle: '研发投入强度(%)' }, 'p', items).map(
        (p) => p.ref,
      ),
    ).toEqual(['一(一)1']);
    expect(proposeItems({ kind: 'indicator', itemTitle: '打造产业创新高地' }, 'p', items)).toEqual(
      [],
    );
    expect(proposeItems({ kind: 'progress', itemTitle: null }, 'p', items)).toEqual([]);
  });

  it('proposes at most the count asked', () => {
    expect(
      proposeItems({ kind: 'progress', itemTitle: '打造创新高地' }, 'p', items, 2),
    ).toHaveLength(2);
  });
});

describe('the 热点 picker’s words', () => {
  it('gives every ranking a short title and a definition, in Chinese and English', () => {
    for (const name of HOTSPOT_NAMES) {
      const key = name.replace(/[^A-Za-z0-9]/g, '_');
      for (const words of [zh, en] as Record<string, string>[]) {
        expect(words[`hotspotsTitle_${key}`], `${name} title`).toMatch(/\S/);
        expect(words[`hotspotsDef_${key}`], `${name} definition`).toMatch(/\S/);
      }
      // Short: it names the ranking in a picker; the definition says the rest.
      const title = (zh as Record<string, string>)[`hotspotsTitle_${key}`] ?? '';
      expect([...title].length, `${name} title length`).toBeLessThanOrEqual(10);
    }
    expect(zh.hotspotsTitle_overdue_by_unit).toBe('逾期单位');
    expect(en.hotspotsTitle_indicators_off_track).toBe('Indicators off track');
  });
});
