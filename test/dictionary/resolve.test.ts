// Resolving a plan's units against the Wuhan dictionary: UnitMention values are built by hand,
// as the parser would produce them, so these tests need neither the parser nor Neo4j.
import { describe, expect, it } from 'vitest';
import { readUnitDictionary, wuhanUnitDictionaryPath } from '../../graph/dictionary/read.ts';
import { lookupUnit, resolveUnits } from '../../graph/dictionary/resolve.ts';
import { UnitMention } from '../../graph/model/plan.ts';

const dictionary = await readUnitDictionary(wuhanUnitDictionaryPath);

function mention(key: string, name = key, extra: Partial<UnitMention> = {}): UnitMention {
  return UnitMention.parse({
    id: `武汉市/${key}`,
    key,
    name,
    collective: false,
    line: 1,
    ...extra,
  });
}

describe('lookupUnit', () => {
  it('finds an entry by its name, by an alias and by a Traditional printing', () => {
    expect(lookupUnit(dictionary, '市发改委')?.fullName).toBe('武汉市发展和改革委员会');
    expect(lookupUnit(dictionary, '市发展改革委')?.name).toBe('市发改委');
    expect(lookupUnit(dictionary, '市發改委')?.name).toBe('市发改委');
    expect(lookupUnit(dictionary, '東湖高新區')?.name).toBe('东湖高新区管委会');
    expect(lookupUnit(dictionary, '市衞健委')?.name).toBe('市卫健委');
  });

  it('ignores spacing and a trailing 〈…〉 qualifier', () => {
    expect(lookupUnit(dictionary, ' 市 教育局 ')?.name).toBe('市教育局');
    expect(lookupUnit(dictionary, '各区人民政府〈含东湖高新区,下同〉')?.name).toBe('各区人民政府');
  });

  it('finds nothing for a name it does not know', () => {
    expect(lookupUnit(dictionary, '市不存在局')).toBeUndefined();
    expect(lookupUnit(dictionary, '')).toBeUndefined();
  });
});

describe('resolveUnits', () => {
  it('matches units by name and alias, and reports an unknown unit as unmatched', () => {
    const units = [
      mention('市发改委'),
      mention('东湖高新区'),
      mention('市不存在局', '市不存在局', { line: 42 }),
    ];
    const resolution = resolveUnits(units, dictionary);

    expect(
      resolution.matched.map((match) => [match.mention.key, match.entry.name, match.via]),
    ).toEqual([
      ['市发改委', '市发改委', 'name'],
      ['东湖高新区', '东湖高新区管委会', 'alias'],
    ]);
    expect(resolution.unmatched.map((unit) => unit.key)).toEqual(['市不存在局']);
    expect(resolution.issues).toEqual([
      {
        code: 'unit-not-in-dictionary',
        severity: 'warning',
        message: '市不存在局: no entry in the 武汉市 unit dictionary; loaded as unverified',
        line: 42,
      },
    ]);
  });

  it('matches a unit printed in Traditional characters by its Simplified key', () => {
    const resolution = resolveUnits(
      [mention('市经信局', '市經信局'), mention('人行武汉分行营管部', '人行武漢分行營管部')],
      dictionary,
    );
    expect(resolution.unmatched).toEqual([]);
    expect(resolution.matched.map((match) => match.entry.fullName)).toEqual([
      '武汉市经济和信息化局',
      '中国人民银行武汉分行营业管理部',
    ]);
  });

  it('falls back on the printed name when a key was not normalised', () => {
    const resolution = resolveUnits([mention('團市委')], dictionary);
    expect(resolution.matched[0]?.entry.name).toBe('团市委');
  });

  it('gives a collective its members from the dictionary and from the document’s qualifier', () => {
    const allDistricts = mention('各区人民政府', '各区人民政府', {
      collective: true,
      qualifier: '〈含东湖高新区、武汉经开区、东湖风景区、长江新城管委会,下同〉',
      members: ['东湖高新区', '武汉经开区', '东湖风景区', '长江新城管委会', '光谷中心城'],
      line: 67,
    });
    const [match] = resolveUnits([allDistricts], dictionary).matched;
    const members = match?.members.map((member) => member.name) ?? [];
    expect(members).toHaveLength(17);
    expect(members.slice(0, 2)).toEqual(['江岸区人民政府', '江汉区人民政府']);
    expect(members).toContain('东湖高新区管委会');
    expect(members).toContain('长江新城管委会');
    expect(match?.unmatchedMembers).toEqual(['光谷中心城']);

    const resolution = resolveUnits([allDistricts], dictionary);
    expect(resolution.issues).toEqual([
      expect.objectContaining({ code: 'member-not-in-dictionary', line: 67 }),
    ]);
  });

  it('adds a qualifier member the dictionary does not list for that collective', () => {
    const concerned = mention('相关区人民政府', '相关区人民政府', {
      collective: true,
      members: ['江夏区'],
    });
    const [match] = resolveUnits([concerned], dictionary).matched;
    expect(match?.members.map((member) => member.name)).toEqual(['江夏区人民政府']);
  });

  it('resolves every unit of a plan shaped like the seed’s without a miss', () => {
    const units = dictionary.units.slice(0, 70).map((entry) => mention(entry.name));
    const resolution = resolveUnits(units, dictionary);
    expect(resolution.matched).toHaveLength(70);
    expect(resolution.unmatched).toHaveLength(0);
    expect(resolution.issues).toHaveLength(0);
  });
});
