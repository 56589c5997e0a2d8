// The search ranking without a database: tiers (exact > prefix > initials > substring >
// full-text), Traditional folded to Simplified, pinyin and initials, and a total, stable order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  luceneQuery,
  normaliseQuery,
  rankCandidates,
  TIER,
  type SearchCandidate,
} from '../../graph/api/search.ts';

const unit = (name: string, extra: Partial<SearchCandidate> = {}): SearchCandidate => ({
  id: `武汉市/${name}`,
  kind: 'unit',
  label: name,
  labelEn: extra.englishName ?? null,
  fullName: null,
  name,
  aliases: [],
  englishName: null,
  ref: null,
  pinyin: null,
  pinyinInitials: null,
  ...extra,
});

const item = (ref: string, title: string): SearchCandidate => ({
  id: `plan/${ref}`,
  kind: 'task',
  label: `${ref} ${title}`,
  labelEn: null,
  fullName: null,
  name: title,
  aliases: [],
  englishName: null,
  ref,
  pinyin: null,
  pinyinInitials: null,
});

const fgw = unit('市发改委', {
  fullName: '武汉市发展和改革委员会',
  englishName: 'Wuhan Municipal Development and Reform Commission',
  aliases: ['市发展改革委'],
  pinyin: 'shi fa gai wei',
  pinyinInitials: 'sfgw',
});
const kjj = unit('市科技局', {
  fullName: '武汉市科学技术局',
  englishName: 'Wuhan Municipal Science and Technology Bureau',
  pinyin: 'shi ke ji ju',
  pinyinInitials: 'skjj',
});
const jxj = unit('市经信局', {
  fullName: '武汉市经济和信息化局',
  englishName: 'Wuhan Municipal Bureau of Economy and Information Technology',
  pinyin: 'shi jing xin ju',
  pinyinInitials: 'sjxj',
});
const candidates = [
  jxj,
  item('二(一)2', '打造产业创新高地'),
  kjj,
  fgw,
  item('二(一)4', '打造科技成果转化高地'),
];

const first = (query: string, pool = candidates) => rankCandidates(query, pool)[0];

describe('rankCandidates', () => {
  it.each([
    ['fgw', 'initials'],
    ['sfgw', 'initials'],
    ['发改委', 'name'],
    ['發改委', 'name'],
    ['市发改委', 'name'],
    ['Development and Reform', 'englishName'],
    ['development and reform', 'englishName'],
    ['市发展改革委', 'alias'],
    ['武汉市发展和改革委员会', 'fullName'],
    ['shifagaiwei', 'pinyin'],
    ['shi fa gai wei', 'pinyin'],
  ])('finds 市发改委 first for %s (by %s)', (query, matched) => {
    expect(first(query)).toMatchObject({ id: '武汉市/市发改委', matched });
  });

  it('ranks exact over prefix over initials over substring over full-text', () => {
    const exact = unit('科技');
    const prefix = unit('科技局');
    const substring = unit('市科技局');
    const initials = unit('其他单位', { pinyinInitials: 'kj' });
    const fulltext = unit('毫不相干');
    const ranked = rankCandidates(
      '科技',
      [fulltext, substring, prefix, exact],
      new Map([[fulltext.id, 3]]),
    );
    expect(ranked.map((hit) => hit.label)).toEqual(['科技', '科技局', '市科技局', '毫不相干']);
    expect(ranked.map((hit) => Math.floor(hit.score / 20) * 20)).toEqual([
      TIER.exact,
      TIER.prefix,
      TIER.substring,
      TIER.fulltext,
    ]);
    const latin = rankCandidates('kj', [initials, unit('英文单位', { englishName: 'KJ Bureau' })]);
    expect(latin.map((hit) => hit.matched)).toEqual(['englishName', 'initials']);
  });

  it('finds items by title words and by their printed reference', () => {
    expect(first('成果转化')).toMatchObject({ id: 'plan/二(一)4', matched: 'title' });
    expect(first('二(一)2')).toMatchObject({ id: 'plan/二(一)2', matched: 'ref' });
  });

  it('puts a unit before an item in the same tier', () => {
    const ranked = rankCandidates('创新', [item('x', '创新高地'), unit('创新办')]);
    expect(ranked.map((hit) => hit.kind)).toEqual(['unit', 'task']);
  });

  it('leaves out what does not match, and keeps to the limit', () => {
    expect(rankCandidates('不存在的单位', candidates)).toEqual([]);
    expect(rankCandidates('   ', candidates)).toEqual([]);
    expect(rankCandidates('市', candidates, new Map(), 2)).toHaveLength(2);
  });

  it('orders any candidates the same whatever order they come in', () => {
    const name = fc.string({
      unit: fc.constantFrom('市', '发', '改', '委', '科', '技', '局'),
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 12 }), name, (names, query) => {
        const pool = names.map((each) => unit(each));
        const forward = rankCandidates(query, pool, new Map(), 50);
        const backward = rankCandidates(query, [...pool].reverse(), new Map(), 50);
        expect(backward).toEqual(forward);
        const scores = forward.map((hit) => hit.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }),
    );
  });
});

describe('normaliseQuery and luceneQuery', () => {
  it('folds Traditional and full-width input', () => {
    expect(normaliseQuery('  發改委  ').text).toBe('发改委');
    expect(normaliseQuery('ＦＧＷ').compact).toBe('fgw');
    expect(normaliseQuery('fa gai wei').latin).toBe(true);
  });

  it('escapes Lucene syntax so a reference is text', () => {
    expect(luceneQuery('二(一)1')).toBe('二\\(一\\)1');
    expect(luceneQuery('a+b:c*')).toBe('a\\+b\\:c\\*');
  });
});
