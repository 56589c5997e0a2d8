// From model and dictionary to rows, without a database: unit identity, properties, the counts
// the writer will verify against, and the batching that keeps memory bounded.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { readUnitDictionary, wuhanUnitDictionaryPath } from '../../graph/dictionary/read.ts';
import type { Item, PlanModel, UnitMention } from '../../graph/model/plan.ts';
import {
  assignmentRows,
  batches,
  expectedCounts,
  itemRows,
  PlanModelError,
  preparePlan,
  sha256Hex,
} from '../../graph/load/rows.ts';
import { parsed, seedText } from './support.ts';

const dictionary = await readUnitDictionary(wuhanUnitDictionaryPath);
const seed = parsed(seedText);
const source = { name: 'seed.txt', text: seedText, sha256: sha256Hex(seedText) };
const prepared = preparePlan(seed, dictionary, source);

function tinyPlan(items: Item[], units: UnitMention[]): PlanModel {
  return {
    plan: { id: '武汉市-tiny', title: '小计划', issuer: null, date: null, jurisdiction: '武汉市' },
    items,
    units,
    documents: [],
    issues: [],
  };
}

const unit = (key: string, extra: Partial<UnitMention> = {}): UnitMention => ({
  id: `武汉市/${key}`,
  key,
  name: key,
  collective: false,
  line: 3,
  ...extra,
});

const task = (ref: string, units: Item['units'], parent: string | null = null): Item => ({
  id: `武汉市-tiny/${ref}`,
  kind: 'task',
  ref,
  title: ref,
  text: ref,
  line: 3,
  parent,
  units,
});

describe('expectedCounts on the seed', () => {
  const counts = expectedCounts(prepared);
  const kinds = (kind: string) => seed.items.filter((item) => item.kind === kind).length;

  it('has one node per item of each kind, as the model has', () => {
    expect(counts.labels).toMatchObject({
      Plan: 1,
      Item: seed.items.length,
      Indicator: kinds('indicator'),
      Theme: kinds('theme'),
      Task: kinds('task'),
      Project: kinds('project'),
      Requirement: kinds('requirement'),
      Document: seed.documents.length,
    });
    expect(counts.labels).toMatchObject({ Item: 185, Indicator: 20, Theme: 15, Document: 2 });
  });

  it('has one LEADS or SUPPORTS per unit named on an item', () => {
    let leads = 0;
    let supports = 0;
    for (const item of seed.items) {
      for (const named of item.units) {
        if (named.edge === 'LEADS') leads += 1;
        else supports += 1;
      }
    }
    expect(counts.relationships.LEADS).toBe(leads);
    expect(counts.relationships.SUPPORTS).toBe(supports);
    expect(leads + supports).toBeGreaterThan(680);
  });

  it('hangs every task UNDER its parent and everything else PART_OF', () => {
    expect(counts.relationships.UNDER).toBe(kinds('task'));
    expect(counts.relationships.PART_OF).toBe(seed.items.length - kinds('task'));
    expect(counts.relationships.DELEGATED_TO).toBe(2);
  });

  it('counts the units the plan names and the known members of its collectives', () => {
    expect(counts.relationships.ACTIVE_IN).toBe(seed.units.length);
    expect(seed.units.length).toBe(70);
    // Members of 各区人民政府 in the dictionary that no unit list of the seed names.
    const named = new Set(prepared.activeUnitIds);
    const districts = dictionary.units.find((entry) => entry.name === '各区人民政府');
    const membersOnly = (districts?.members ?? []).filter((name) => !named.has(`武汉市/${name}`));
    expect(membersOnly).toContain('江岸区人民政府');
    expect(counts.labels.Unit).toBe(70 + membersOnly.length);
    // 17 from the dictionary, and the 4 the document's 〈含…〉 qualifier names.
    expect(counts.relationships.MEMBER_OF).toBe((districts?.members ?? []).length + 4);
  });
});

describe('preparePlan', () => {
  it('keys a unit the dictionary knows by its canonical name', () => {
    // The qualifier prints 东湖高新区, an alias of 东湖高新区管委会: one node, not two.
    expect(prepared.documentMembers).toContainEqual({
      member: '武汉市/东湖高新区管委会',
      collective: '武汉市/各区人民政府',
    });
    expect(prepared.units.some((row) => row.id === '武汉市/东湖高新区')).toBe(false);
  });

  it('gives units their dictionary names, pinyin and search text', () => {
    const ndrc = prepared.units.find((row) => row.id === '武汉市/市发改委');
    expect(ndrc?.props).toMatchObject({
      name: '市发改委',
      fullName: '武汉市发展和改革委员会',
      englishName: 'Wuhan Municipal Development and Reform Commission',
      category: 'government-department',
      aliases: ['市发展改革委'],
      verified: true,
      inDictionary: true,
      collective: false,
      pinyin: 'shi fa gai wei',
      pinyinInitials: 'sfgw',
    });
    const searchText = String(ndrc?.props.searchText).split('\n');
    expect(searchText).toEqual(
      expect.arrayContaining(['市发改委', '市发展改革委', 'fgw', 'fagaiwei', 'sfgw']),
    );
    expect(prepared.unverified).toEqual([]);
  });

  it('loads a unit the dictionary lacks as unverified, and reports it', () => {
    const model = tinyPlan(
      [
        task('1', [
          { name: '市测试局', key: '市测试局', role: '负责', edge: 'LEADS', inferred: true },
        ]),
      ],
      [unit('市测试局'), unit('各测试单位', { collective: true })],
    );
    const tiny = preparePlan(model, dictionary, { name: 't', text: '', sha256: '' });
    expect(tiny.unverified.map((row) => row.name)).toEqual(['市测试局', '各测试单位']);
    // Unknown to every dictionary, the name's form (…局) still says what kind of unit it is.
    expect(tiny.units.find((row) => row.id === '武汉市/市测试局')?.props).toMatchObject({
      name: '市测试局',
      fullName: null,
      category: 'government-department',
      verified: false,
      inDictionary: false,
    });
    expect(tiny.units.find((row) => row.id === '武汉市/各测试单位')?.props.category).toBe(
      'collective',
    );
  });

  it('does not apply a dictionary of another jurisdiction', () => {
    const model = tinyPlan([], [unit('市发改委')]);
    const other = { ...dictionary, jurisdiction: '示例市' };
    const tiny = preparePlan(model, other, { name: 't', text: '', sha256: '' });
    // Not the Wuhan dictionary's entry: the general name table's reading, in this plan's city.
    expect(tiny.units[0]?.props).toMatchObject({
      inDictionary: false,
      verified: false,
      fullName: '武汉市发展和改革委员会',
      category: 'government-department',
    });
  });

  it('records a unit printed twice on one item once, as lead', () => {
    const model = tinyPlan(
      [
        task('1', [
          {
            name: '市发改委',
            key: '市发改委',
            role: '责任单位',
            edge: 'SUPPORTS',
            inferred: false,
          },
          { name: '市教育局', key: '市教育局', role: '牵头单位', edge: 'LEADS', inferred: false },
          {
            name: '市发展改革委',
            key: '市发展改革委',
            role: '牵头单位',
            edge: 'LEADS',
            inferred: false,
          },
        ]),
      ],
      [unit('市发改委'), unit('市教育局'), unit('市发展改革委')],
    );
    const tiny = preparePlan(model, dictionary, { name: 't', text: '', sha256: '' });
    const leads = [...assignmentRows(tiny, 'LEADS')];
    expect(leads.map((row) => [row.unit, row.props.role, Number(row.props.position)])).toEqual([
      ['武汉市/市发改委', '牵头单位', 1],
      ['武汉市/市教育局', '牵头单位', 2],
    ]);
    expect([...assignmentRows(tiny, 'SUPPORTS')]).toEqual([]);
    expect(tiny.metrics.units.get('武汉市/市发改委')).toMatchObject({
      itemsLed: 1,
      itemsSupported: 0,
    });
  });

  it('refuses a model whose items point at parents, documents or units it does not have', () => {
    const model = tinyPlan(
      [
        task(
          '1',
          [{ name: '市甲局', key: '市甲局', role: '负责', edge: 'LEADS', inferred: true }],
          'nowhere',
        ),
        { ...task('2', []), delegatedTo: 'document/none' },
      ],
      [],
    );
    try {
      preparePlan(model, dictionary, { name: 't', text: '', sha256: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanModelError);
      expect((error as PlanModelError).issues.map((issue) => issue.code).sort()).toEqual([
        'unit-not-listed',
        'unknown-document',
        'unknown-parent',
      ]);
    }
  });
});

describe('item rows', () => {
  it('carry Neo4j integers for lines, sort keys and counts, and the metrics', () => {
    const [first] = [...itemRows(prepared, 'indicator')];
    expect(first?.props.ref).toBe('一(一)1');
    expect(neo4j.isInt(first?.props.line)).toBe(true);
    expect(Number(first?.props.line)).toBe(21);
    expect(neo4j.isInt(first?.props.sortKey)).toBe(true);
    expect(neo4j.isInt(first?.props.unitCount)).toBe(true);
    expect(Number(first?.props.unitCount)).toBe(2);
    expect(first?.props.diffuseOwnership).toBe(false);
    expect(first?.props.binding).toBe(true);
  });

  it('give themes their reach instead of their own leads', () => {
    const [theme] = [...itemRows(prepared, 'theme')];
    expect(theme?.props).not.toHaveProperty('leadCount');
    expect(Number(theme?.props.leadUnitCount)).toBeGreaterThan(0);
  });
});

describe('batches', () => {
  it('pulls only as many rows as one batch needs', () => {
    let pulled = 0;
    function* endless() {
      for (;;) {
        pulled += 1;
        yield pulled;
      }
    }
    const iterator = batches(endless(), 3);
    expect(iterator.next().value).toEqual([1, 2, 3]);
    expect(pulled).toBe(3);
    expect([...batches([1, 2, 3, 4], 3)]).toEqual([[1, 2, 3], [4]]);
  });
});
