// The search: its ranking without a database (tiers exact > prefix > initials > substring >
// full-text, Traditional folded to Simplified, pinyin and initials, a total and stable order),
// the Lucene query and the snippets; then the route against the seed in a real Neo4j — words
// found only in item text, units only for the paths tool, Lucene syntax typed as text.
import fc from 'fast-check';
import type { Hono } from 'hono';
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  luceneQuery,
  normaliseQuery,
  queryWords,
  rankCandidates,
  snippetOf,
  TIER,
  type SearchCandidate,
  type SearchHit,
} from '../../graph/api/search.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { FGW, get, loadSeed, SEED_PLAN, seedApp } from './support.ts';

useTestNeo4j();

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

  it('makes each word a required phrase, its Lucene syntax escaped', () => {
    expect(luceneQuery('二(一)1')).toBe('"二\\(一\\)1"');
    expect(luceneQuery('a+b:c*')).toBe('"a\\+b\\:c\\*"');
    expect(luceneQuery('光谷  實驗室')).toBe('"光谷" AND "实验室"');
    expect(luceneQuery('say "hi"')).toBe('"say" AND "\\"hi\\""');
    // Operators typed are words; bare punctuation is nothing to look for.
    expect(luceneQuery('AND (')).toBe('"AND"');
    expect(luceneQuery('*')).toBe('');
    expect(queryWords(' ( ) * ')).toEqual([]);
  });
});

describe('snippetOf', () => {
  const text =
    '4.打造科技成果转化高地。提升全国技术转移枢纽功能,深入实施高校院所科技成果转化对接工程,' +
    '推动建设武汉知识产权法院,推进国家知识产权服务业集聚发展示范区建设。到2025年,发明专利授权量突破17000件。';

  const marked = (parts: ReturnType<typeof snippetOf>) =>
    (parts ?? []).map((part) => (part.match ? `[${part.text}]` : part.text)).join('');

  it('shows the words where they stand, marked, with a little text either side', () => {
    const parts = snippetOf(text, '示范区');
    expect(parts?.filter((part) => part.match).map((part) => part.text)).toEqual(['示范区']);
    expect(marked(parts)).toBe(
      '…,推进国家知识产权服务业集聚发展[示范区]建设。到2025年,发明专利授权量突破17000件。',
    );
    expect(marked(snippetOf(`${text}${'后文'.repeat(40)}`, '示范区'))).toMatch(/件。(后文)+后?…$/u);
  });

  it('marks every word typed, Traditional folded, Latin in any case', () => {
    expect(marked(snippetOf(text, '知識產權 法院'))).toMatch(/\[知识产权\]\[法院\].*\[知识产权\]/u);
    // A word far from the first gets a stretch of its own.
    expect(marked(snippetOf(text, '枢纽 17000'))).toMatch(
      /^…[^…]*\[枢纽\][^…]*…[^…]*\[17000\]件。$/u,
    );
    expect(marked(snippetOf('Supports PCT filings; pct counts.', 'pct'))).toBe(
      'Supports [PCT] filings; [pct] counts.',
    );
  });

  it('is the text as it is: markup in a plan is text, and a miss is null', () => {
    const parts = snippetOf('<img onerror=x>示范区', '示范区');
    expect(parts).toEqual([
      { text: '<img onerror=x>', match: false },
      { text: '示范区', match: true },
    ]);
    expect(snippetOf(text, '碳达峰')).toBeNull();
    expect(snippetOf(text, '*')).toBeNull();
  });
});

describe('GET /api/search on the seed', () => {
  // In the text of five items of the seed and in no title or unit name (checked below).
  const WORD = '示范区';
  let app: Hono;

  /** Items whose text holds `word`, asked of Neo4j directly. */
  async function itemsWhoseTextHas(word: string): Promise<string[]> {
    const session = getDriver().session({
      database: connection().database,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      const result = await session.run(
        `MATCH (item:Item {planId: $plan})
         WHERE item.text CONTAINS $word AND NOT item.title CONTAINS $word
         RETURN item.id AS id ORDER BY id`,
        { plan: SEED_PLAN, word },
      );
      return result.records.map((record) => String(record.get('id')));
    } finally {
      await session.close();
    }
  }

  beforeAll(async () => {
    await loadSeed(getDriver(), connection().database);
    app = seedApp(getDriver(), connection().database);
  });

  it('finds exactly the items whose text holds the words, each with the words marked', async () => {
    const expected = await itemsWhoseTextHas(WORD);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const { status, body } = await get<SearchHit[]>(app, '/api/search', {
      q: WORD,
      plan: SEED_PLAN,
      limit: 100,
    });
    expect(status).toBe(200);
    expect(body.map((hit) => hit.id).sort()).toEqual(expected);
    for (const hit of body) {
      expect(hit).toMatchObject({ kind: expect.not.stringMatching(/^unit$/), matched: 'text' });
      expect(hit.snippet?.filter((part) => part.match).map((part) => part.text)).toContain(WORD);
    }
    // Traditional typed, the same items.
    const traditional = await get<SearchHit[]>(app, '/api/search', {
      q: '示範區',
      plan: SEED_PLAN,
      limit: 100,
    });
    expect(traditional.body.map((hit) => hit.id).sort()).toEqual(expected);
  });

  it('ranks what the text holds after the names and titles that hold the words', async () => {
    const { body } = await get<SearchHit[]>(app, '/api/search', {
      q: '生态',
      plan: SEED_PLAN,
      limit: 100,
    });
    const where = body.map((hit) => hit.matched);
    const firstText = where.indexOf('text');
    expect(firstText).toBeGreaterThan(0);
    expect(
      where.slice(firstText).every((matched) => matched === 'text' || matched === 'fulltext'),
    ).toBe(true);
    expect(where.slice(0, firstText)).toContain('title');
    expect(where.slice(0, firstText)).toContain('name');
  });

  it('needs every word typed, anywhere in the text', async () => {
    const { body } = await get<SearchHit[]>(app, '/api/search', {
      q: '光谷 实验室',
      plan: SEED_PLAN,
      limit: 100,
    });
    expect(body.map((hit) => hit.id)).toEqual([`${SEED_PLAN}/二(一)1`]);
    expect(body[0]?.snippet?.filter((part) => part.match).map((part) => part.text)).toEqual(
      expect.arrayContaining(['光谷', '实验室']),
    );
  });

  it('restricted to units, finds them by initials as the main search does', async () => {
    const ask = async (q: string, kind?: string) =>
      (
        await get<SearchHit[]>(app, '/api/search', {
          q,
          plan: SEED_PLAN,
          limit: 8,
          ...(kind === undefined ? {} : { kind }),
        })
      ).body;
    expect((await ask('czj', 'unit'))[0]).toMatchObject({ label: '市财政局', exact: false });
    expect((await ask('sfj', 'unit'))[0]).toMatchObject({ label: '市司法局', matched: 'initials' });
    expect((await ask('fgw', 'unit'))[0]).toMatchObject({ id: FGW });
    expect(await ask('市发改委', 'unit')).toEqual([
      expect.objectContaining({ id: FGW, exact: true }),
    ]);
    // The same unit hits as the main search, in the same order, and no item.
    for (const q of ['sfj', '发改', '生态', 'Bureau']) {
      const units = await ask(q, 'unit');
      expect(units.length).toBeGreaterThan(0);
      expect(units.every((hit) => hit.kind === 'unit')).toBe(true);
      const main = (await ask(q)).filter((hit) => hit.kind === 'unit');
      expect(units.slice(0, main.length).map((hit) => hit.id)).toEqual(
        main.map((hit) => hit.id).slice(0, units.length),
      );
    }
    // …and items alone when asked for.
    const items = await ask(WORD, 'item');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((hit) => hit.kind !== 'unit')).toBe(true);
  });

  it.each(['AND (', '*', '"', 'a:b', '\\', '~1', 'OR', '[1 TO 5]', '(一)', 'C++', '!!'])(
    'answers Lucene syntax %j as text, with 200',
    async (q) => {
      const { status, body } = await get<unknown[]>(app, '/api/search', { q, plan: SEED_PLAN });
      expect(status).toBe(200);
      expect(Array.isArray(body)).toBe(true);
    },
  );

  it('refuses a kind it does not know', async () => {
    const { status } = await get(app, '/api/search', { q: 'fgw', kind: 'theme' });
    expect(status).toBe(400);
  });
});
