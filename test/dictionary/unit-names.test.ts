// The general unit-name table (seeds/unit-names-cn.json) against itself and against the Wuhan
// dictionary, the category read from a name's form, and identifyUnit / identifyPlanUnits, the
// entry point the loader and the import review call.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generalUnitNames,
  generalUnitNamesPath,
  parseUnitNames,
} from '../../graph/dictionary/general.ts';
import { identifyPlanUnits, identifyUnit } from '../../graph/dictionary/identify.ts';
import { readUnitDictionary, wuhanUnitDictionaryPath } from '../../graph/dictionary/read.ts';
import { lookupUnit, resolveUnits, UnitDictionaryError } from '../../graph/dictionary/resolve.ts';
import { categoryFromForm } from '../../graph/dictionary/unit-form.ts';
import { UnitMention } from '../../graph/model/plan.ts';
import { unitKey } from '../../graph/parse/normalise.ts';

const WUHAN = '武汉市';
const wuhan = await readUnitDictionary(wuhanUnitDictionaryPath);
const rawTable: unknown = JSON.parse(readFileSync(generalUnitNamesPath, 'utf8'));
const { table } = generalUnitNames();

describe('seeds/unit-names-cn.json', () => {
  it('is valid, and knows a few dozen bodies at each level', () => {
    expect(table.local.length).toBeGreaterThanOrEqual(60);
    expect(table.party.length).toBeGreaterThanOrEqual(15);
    expect(table.national.length).toBeGreaterThanOrEqual(60);
  });

  it('maps each canonical form to itself, after a level, a place or nothing', () => {
    for (const stem of table.local) {
      for (const place of ['市', '省', '区', '县', '江岸区']) {
        expect(unitKey(place + stem.name), place + stem.name).toBe(place + stem.name);
      }
      expect(unitKey(`市${stem.name}`, WUHAN)).toBe(`市${stem.name}`);
    }
    for (const stem of table.party) {
      expect(unitKey(`市委${stem.name}`)).toBe(`市委${stem.name}`);
      expect(unitKey(`县委${stem.name}`)).toBe(`县委${stem.name}`);
    }
    for (const entry of table.national) expect(unitKey(entry.name), entry.name).toBe(entry.name);
  });

  it('maps every printing of a stem to that stem’s canonical form', () => {
    for (const stem of table.local) {
      for (const form of [stem.full, ...stem.forms]) {
        expect(unitKey(`市${form}`), form).toBe(`市${stem.name}`);
        expect(unitKey(`武汉市${form}`, WUHAN), form).toBe(`市${stem.name}`);
      }
    }
    for (const stem of table.party) {
      for (const form of [stem.full, ...stem.forms]) {
        expect(unitKey(`中共武汉市委${form}`, WUHAN), form).toBe(`市委${stem.name}`);
      }
      for (const form of stem.levelForms) expect(unitKey(`市${form}`)).toBe(`市委${stem.name}`);
    }
    for (const entry of table.national) {
      for (const form of [entry.fullName, ...entry.forms]) expect(unitKey(form)).toBe(entry.name);
    }
  });

  it('refuses a printing that would name two bodies, saying where', () => {
    const broken = structuredClone(rawTable) as { local: Array<{ forms: string[] }> };
    // 发展改革委 is 发改委's; giving it to the next stem too makes a key a guess.
    broken.local[1]?.forms.push('发展改革委');
    let error: unknown;
    try {
      parseUnitNames(broken, 'seeds/unit-names-test.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnitDictionaryError);
    expect((error as UnitDictionaryError).message).toContain('seeds/unit-names-test.json');
    expect((error as UnitDictionaryError).problems).toEqual([
      expect.objectContaining({
        field: 'local[1].forms[1]',
        message: 'expected "发展改革委" to name one body; it is already a form of 发改委',
      }),
    ]);
  });

  it('refuses an entry with no category or a misspelt one', () => {
    const broken = structuredClone(rawTable) as { local: Array<{ category: string }> };
    if (broken.local[0]) broken.local[0].category = 'ministry';
    expect(() => parseUnitNames(broken, 'x.json')).toThrow(/local\[0\]\.category/u);
  });
});

describe('the general table and the Wuhan dictionary', () => {
  it('keys every name the Wuhan dictionary prints as itself', () => {
    for (const entry of wuhan.units) {
      expect(unitKey(entry.name), entry.name).toBe(entry.name);
      expect(unitKey(entry.name, WUHAN), entry.name).toBe(entry.name);
    }
  });

  it('merges no two entries of the Wuhan dictionary', () => {
    const keys = wuhan.units.map((entry) => unitKey(entry.name, WUHAN));
    expect(new Set(keys).size).toBe(wuhan.units.length);
  });

  it('keys each Wuhan alias and full name to a form that finds its own entry', () => {
    for (const entry of wuhan.units) {
      for (const form of [...entry.aliases, entry.fullName]) {
        expect(lookupUnit(wuhan, unitKey(form, WUHAN))?.name, form).toBe(entry.name);
      }
    }
  });

  it('finds a Wuhan entry from a printing only the general table knows', () => {
    expect(lookupUnit(wuhan, '市应急局')?.name).toBe('市应急管理局');
    expect(lookupUnit(wuhan, '武汉市发展和改革委员会')?.name).toBe('市发改委');
    expect(lookupUnit(wuhan, '市交通局')?.name).toBe('市交通运输局');
    expect(lookupUnit(wuhan, '中共武汉市委统一战线工作部')).toBeUndefined();
    const mention = UnitMention.parse({
      id: '武汉市/市发展和改革委员会',
      key: '市发展和改革委员会',
      name: '市发展和改革委员会',
      collective: false,
      line: 3,
    });
    const resolution = resolveUnits([mention], wuhan);
    expect(resolution.matched.map((match) => [match.entry.name, match.via])).toEqual([
      ['市发改委', 'canonical'],
    ]);
  });
});

describe('categoryFromForm', () => {
  it.each([
    ['市委组织部', 'party-organ'],
    ['中共某某县委办公室', 'party-organ'],
    ['市纪委监委', 'party-organ'],
    ['市某某局', 'government-department'],
    ['市某某委员会', 'government-department'],
    ['区某某办公室', 'government-department'],
    ['团区委', 'peoples-organisation'],
    ['市归国华侨联合会', 'peoples-organisation'],
    ['某某高新区管委会', 'development-zone-committee'],
    ['某某经开区', 'development-zone-committee'],
    ['某某区人民政府', 'district-government'],
    ['各区人民政府', 'collective'],
    ['市安委会各成员单位', 'collective'],
    ['国家税务总局某某县税务局', 'vertical-agency'],
    ['某某海关', 'vertical-agency'],
    ['人民银行某某市分行', 'vertical-agency'],
    ['国家统计局某某调查队', 'vertical-agency'],
    ['市某某中心', 'public-institution'],
    ['市某某研究院', 'public-institution'],
    ['某某城市投资集团有限公司', 'state-enterprise'],
    ['市供电公司', 'state-enterprise'],
    ['市某某工作领导小组办公室', 'working-group'],
    ['市某某建设指挥部', 'working-group'],
  ])('%s → %s', (name, category) => {
    expect(categoryFromForm(name)).toBe(category);
  });

  it('gives no category where the form says nothing, or names a court or a congress', () => {
    expect(categoryFromForm('某某')).toBeNull();
    expect(categoryFromForm('市中级人民法院')).toBeNull();
    expect(categoryFromForm('市人民检察院')).toBeNull();
    expect(categoryFromForm('市人大常委会')).toBeNull();
    expect(categoryFromForm('市政协')).toBeNull();
  });
});

describe('identifyUnit', () => {
  it('answers from the plan’s own dictionary first, whatever the printing', () => {
    expect(
      identifyUnit('武汉市发展和改革委员会', { jurisdiction: WUHAN, dictionary: wuhan }),
    ).toEqual({
      key: '市发改委',
      canonical: '市发改委',
      fullName: '武汉市发展和改革委员会',
      englishName: lookupUnit(wuhan, '市发改委')?.englishName,
      category: 'government-department',
      collective: false,
      known: 'dictionary',
    });
    expect(identifyUnit('市应急局', { jurisdiction: WUHAN, dictionary: wuhan })).toMatchObject({
      key: '市应急管理局',
      canonical: '市应急管理局',
      known: 'dictionary',
    });
  });

  it('uses another jurisdiction’s dictionary for nothing', () => {
    const unit = identifyUnit('市发改委', { jurisdiction: '示例市', dictionary: wuhan });
    expect(unit).toEqual({
      key: '市发改委',
      canonical: '市发改委',
      fullName: '示例市发展和改革委员会',
      englishName: 'Municipal Development and Reform Commission',
      category: 'government-department',
      collective: false,
      known: 'general',
    });
  });

  it('builds a full name only where the place is certain', () => {
    expect(identifyUnit('省发改委', { jurisdiction: '示例市' }).fullName).toBeUndefined();
    expect(identifyUnit('市委组织部', { jurisdiction: '示例市' }).fullName).toBe(
      '中共示例市委组织部',
    );
    expect(identifyUnit('团市委', { jurisdiction: '示例市' }).fullName).toBe('共青团示例市委员会');
    expect(identifyUnit('市税务局', { jurisdiction: '示例市' }).fullName).toBe(
      '国家税务总局示例市税务局',
    );
    expect(identifyUnit('江岸区发改局').fullName).toBe('江岸区发展和改革局');
    expect(identifyUnit('工信部')).toMatchObject({
      key: '工业和信息化部',
      fullName: '工业和信息化部',
      englishName: 'Ministry of Industry and Information Technology',
      known: 'general',
    });
  });

  it('keeps an unknown name as its key, with a category from its form when it has one', () => {
    expect(identifyUnit('市投资促进中心', { jurisdiction: '示例市' })).toEqual({
      key: '市投资促进中心',
      canonical: '市投资促进中心',
      category: 'public-institution',
      collective: false,
      known: 'form',
    });
    expect(identifyUnit('各區人民政府')).toMatchObject({
      key: '各区人民政府',
      canonical: '各區人民政府',
      category: 'collective',
      collective: true,
      known: 'form',
    });
    expect(identifyUnit('某某')).toMatchObject({ key: '某某', category: null, known: 'unknown' });
  });
});

describe('identifyPlanUnits', () => {
  it('reports the units no dictionary knows once, in one info issue', () => {
    const identities = identifyPlanUnits(
      [
        { name: '市发改委', line: 3 },
        { name: '市发展和改革委员会', line: 4 },
        { name: '市投资促进中心', line: 5 },
        { name: '市营商办', line: 6 },
        { name: '市投资促进中心', line: 9 },
      ],
      { jurisdiction: '示例市' },
    );
    expect(identities.units.map((unit) => [unit.key, unit.name, unit.line, unit.known])).toEqual([
      ['市发改委', '市发改委', 3, 'general'],
      ['市投资促进中心', '市投资促进中心', 5, 'form'],
      ['市营商办', '市营商办', 6, 'form'],
    ]);
    expect(identities.unlisted).toEqual(['市投资促进中心', '市营商办']);
    expect(identities.issue).toEqual({
      code: 'units-not-in-dictionary',
      severity: 'info',
      message: '2 units no dictionary knows, loaded as unverified: 市投资促进中心、市营商办',
      zh: '2 个单位不在单位词典中，按未核实载入：市投资促进中心、市营商办',
      line: null,
    });
  });

  it('says nothing when every unit is known', () => {
    const names = wuhan.units.slice(0, 70).map((entry) => ({ name: entry.name, line: 1 }));
    const identities = identifyPlanUnits(names, { jurisdiction: WUHAN, dictionary: wuhan });
    expect(identities.units).toHaveLength(70);
    expect(identities.units.every((unit) => unit.known === 'dictionary')).toBe(true);
    expect(identities.issue).toBeNull();
  });
});
