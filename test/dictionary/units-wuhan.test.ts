// The real dictionary file against the real seed: every unit the plan names has an entry, and
// the entries a briefing leans on say what they should.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readUnitDictionary, wuhanUnitDictionaryPath } from '../../graph/dictionary/read.ts';
import { lookupUnit } from '../../graph/dictionary/resolve.ts';
import { unitNameKey } from '../../graph/dictionary/schema.ts';

const seed = readFileSync(
  fileURLToPath(new URL('../../seeds/wuhan-14th-fyp-task-division.txt', import.meta.url)),
  'utf8',
);

/**
 * The unit names of the seed's unit lists, in order of first mention. Deliberately simpler than
 * the parser: drop 〈…〉 qualifiers, take what follows each role word up to the closing
 * parenthesis or the end of the line, split on the list separators.
 */
function unitNamesOfSeed(text: string): string[] {
  const names: string[] = [];
  const withoutQualifiers = text.replace(/〈[^〉]*〉/gu, '');
  for (const match of withoutQualifiers.matchAll(/(?:牵头单位|责任单位|参与单位):([^)\n]*)/gu)) {
    for (const part of (match[1] ?? '').split(/[;,、]/u)) {
      const name = part
        .replace(/^(?:牵头单位|责任单位|参与单位):/u, '')
        .replace(/。$/u, '')
        .trim();
      if (name !== '' && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

const dictionary = await readUnitDictionary(wuhanUnitDictionaryPath);
const seedNames = unitNamesOfSeed(seed);

describe('seeds/units-wuhan.json', () => {
  it('is valid and belongs to 武汉市', () => {
    expect(dictionary.jurisdiction).toBe('武汉市');
    expect(dictionary.units.length).toBeGreaterThanOrEqual(70);
  });

  it('has an entry, under its printed name, for each of the 70 units the seed names', () => {
    expect(seedNames).toHaveLength(70);
    expect(seedNames).toContain('各区人民政府');
    expect(seedNames).not.toContain(
      '各区人民政府〈含东湖高新区、武汉经开区、东湖风景区、长江新城管委会,下同〉',
    );
    for (const name of seedNames) {
      expect(lookupUnit(dictionary, name)?.name, name).toBe(name);
    }
  });

  it('lists the seed units first, in the order the document first names them', () => {
    expect(dictionary.units.slice(0, 70).map((entry) => entry.name)).toEqual(seedNames);
  });

  it('gives 市发改委 its full and English names and its category', () => {
    const entry = lookupUnit(dictionary, '市发改委');
    expect(entry).toMatchObject({
      name: '市发改委',
      fullName: '武汉市发展和改革委员会',
      englishName: 'Wuhan Municipal Development and Reform Commission',
      category: 'government-department',
      collective: false,
      verified: true,
    });
  });

  it('knows the full names of the party, zone, bank and tax units the brief names', () => {
    const fullName = (name: string) => lookupUnit(dictionary, name)?.fullName;
    expect(fullName('市委组织部')).toBe('中共武汉市委组织部');
    expect(fullName('市人社局')).toBe('武汉市人力资源和社会保障局');
    expect(fullName('东湖高新区管委会')).toBe('武汉东湖新技术开发区管理委员会');
    expect(fullName('人行武汉分行营管部')).toBe('中国人民银行武汉分行营业管理部');
    expect(fullName('市税务局')).toBe('国家税务总局武汉市税务局');
    expect(lookupUnit(dictionary, '市委组织部')?.englishName).toBe(
      'Organization Department of the CPC Wuhan Municipal Committee',
    );
    expect(lookupUnit(dictionary, '市税务局')?.category).toBe('vertical-agency');
    expect(lookupUnit(dictionary, '市委组织部')?.category).toBe('party-organ');
    expect(lookupUnit(dictionary, '市总工会')?.category).toBe('peoples-organisation');
    expect(lookupUnit(dictionary, '武汉旅游体育有限公司')?.category).toBe('state-enterprise');
  });

  it('resolves the development zones printed without 管委会 through their aliases', () => {
    expect(lookupUnit(dictionary, '东湖高新区')?.name).toBe('东湖高新区管委会');
    expect(lookupUnit(dictionary, '武汉经开区')?.name).toBe('武汉经开区管委会');
    expect(lookupUnit(dictionary, '东湖风景区')?.name).toBe('东湖风景区管委会');
    expect(lookupUnit(dictionary, '东湖高新区')?.category).toBe('development-zone-committee');
  });

  it('makes 各区人民政府 a collective of the 13 districts and the qualifier’s four zones', () => {
    const entry = lookupUnit(dictionary, '各区人民政府');
    expect(entry?.collective).toBe(true);
    expect(entry?.category).toBe('collective');
    expect(entry?.members).toHaveLength(17);
    expect(entry?.members).toContain('江岸区人民政府');
    expect(entry?.members).toContain('新洲区人民政府');
    expect(entry?.members).toContain('东湖高新区管委会');
    expect(entry?.members).toContain('长江新城管委会');
    expect(entry?.note).toContain('〈含东湖高新区、武汉经开区、东湖风景区、长江新城管委会,下同〉');
    const districts = dictionary.units.filter((unit) => unit.category === 'district-government');
    expect(districts).toHaveLength(13);
  });

  it('flags every collective, and notes why its members are missing where they are', () => {
    const collectives = dictionary.units.filter((entry) => entry.collective).map((e) => e.name);
    expect(collectives).toEqual([
      '市政府各有关部门',
      '各区人民政府',
      '市委退役军人事务工作领导小组其他成员单位',
      '市委国家安全委员会各成员单位',
      '相关区人民政府',
      '市老旧小区改造工作领导小组成员单位',
    ]);
    for (const name of collectives.filter((n) => n !== '各区人民政府')) {
      const entry = lookupUnit(dictionary, name);
      expect(entry?.members, name).toEqual([]);
      expect(entry?.note, name).toBeTruthy();
    }
  });

  it('explains every entry it does not vouch for', () => {
    const unverified = dictionary.units.filter((entry) => !entry.verified);
    expect(unverified.length).toBeGreaterThan(0);
    for (const entry of unverified) expect(entry.note, entry.name).toMatch(/\S{8,}/u);
  });

  it('prints every name and alias in its normalised form, so keys and names agree', () => {
    for (const entry of dictionary.units) {
      for (const form of [entry.name, ...entry.aliases]) expect(unitNameKey(form)).toBe(form);
    }
  });
});
