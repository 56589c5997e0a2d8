// Broken dictionary files are refused, and the message leads the editor to the file, the entry
// and the field, saying what was expected.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUnitDictionary } from '../../graph/dictionary/read.ts';
import { parseUnitDictionary, UnitDictionaryError } from '../../graph/dictionary/resolve.ts';

const fgw = {
  name: '市发改委',
  fullName: '武汉市发展和改革委员会',
  englishName: 'Wuhan Municipal Development and Reform Commission',
  category: 'government-department',
  aliases: ['市发展改革委'],
  verified: true,
};
const jyj = {
  name: '市教育局',
  fullName: '武汉市教育局',
  englishName: 'Wuhan Municipal Education Bureau',
  category: 'government-department',
  verified: true,
};
const jianAn = {
  name: '江岸区人民政府',
  fullName: '武汉市江岸区人民政府',
  englishName: "People's Government of Jiang'an District, Wuhan",
  category: 'district-government',
  verified: true,
};
const allDistricts = {
  name: '各区人民政府',
  fullName: '武汉市各区人民政府',
  englishName: "People's Governments of All Districts of Wuhan",
  category: 'collective',
  collective: true,
  members: ['江岸区人民政府'],
  verified: true,
};

function without(entry: Record<string, unknown>, field: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => key !== field));
}

function file(units: unknown[]) {
  return { jurisdiction: '武汉市', source: 'test', units };
}

/** The error `parseUnitDictionary` throws for `json`, or a failure if it throws none. */
function rejection(json: unknown, source = 'seeds/units-test.json'): UnitDictionaryError {
  try {
    parseUnitDictionary(json, source);
  } catch (error) {
    if (error instanceof UnitDictionaryError) return error;
    throw error;
  }
  throw new Error('expected the dictionary to be rejected');
}

describe('parseUnitDictionary', () => {
  it('accepts a well-formed file and fills in the defaults', () => {
    const dictionary = parseUnitDictionary(file([fgw, jyj, jianAn, allDistricts]), 'x.json');
    expect(dictionary.units.map((unit) => unit.name)).toEqual([
      '市发改委',
      '市教育局',
      '江岸区人民政府',
      '各区人民政府',
    ]);
    expect(dictionary.units[1]).toMatchObject({ aliases: [], collective: false });
    expect(dictionary.units[1]?.members).toBeUndefined();
  });

  it('rejects a duplicate name, naming the file, both entries and the field', () => {
    const error = rejection(file([fgw, jyj, { ...jyj, fullName: '武汉市教育局(重复)' }]));
    expect(error.message).toContain('seeds/units-test.json');
    expect(error.message).toContain('units[2] (市教育局), field "name"');
    expect(error.message).toContain('already used by units[1] (市教育局)');
    expect(error.problems).toEqual([
      expect.objectContaining({ index: 2, entry: '市教育局', field: 'name' }),
    ]);
  });

  it('rejects a name that differs from another only in Traditional characters', () => {
    const error = rejection(file([fgw, { ...jyj, name: '市發改委' }]));
    expect(error.problems[0]).toMatchObject({ index: 1, entry: '市發改委', field: 'name' });
  });

  it('rejects an alias that is another entry’s name or alias', () => {
    const byName = rejection(file([fgw, { ...jyj, aliases: ['市发改委'] }]));
    expect(byName.message).toContain('units[1] (市教育局), field "aliases[0]"');
    expect(byName.message).toContain('"市发改委" is already used by units[0] (市发改委)');

    const byAlias = rejection(file([fgw, { ...jyj, aliases: ['市发展改革委'] }]));
    expect(byAlias.problems[0]).toMatchObject({ index: 1, field: 'aliases[0]' });
  });

  it('rejects an unknown category and says which ones it accepts', () => {
    const error = rejection(file([fgw, { ...jyj, category: 'ministry' }]));
    expect(error.message).toContain('units[1] (市教育局), field "category"');
    expect(error.message).toContain('"government-department"');
    expect(error.problems[0]?.field).toBe('category');
  });

  it('rejects a missing englishName', () => {
    const error = rejection(file([fgw, without(jyj, 'englishName')]));
    expect(error.message).toContain('units[1] (市教育局), field "englishName"');
    expect(error.message).toMatch(/expected string/u);
  });

  it('rejects an empty or blank name', () => {
    expect(rejection(file([{ ...jyj, name: '' }])).problems[0]).toMatchObject({
      index: 0,
      entry: null,
      field: 'name',
    });
    expect(rejection(file([{ ...jyj, name: '   ' }])).message).toContain('field "name"');
  });

  it('rejects members on a unit that is not collective, and a collective without members', () => {
    const members = rejection(file([jianAn, { ...jyj, members: ['江岸区人民政府'] }]));
    expect(members.message).toContain('units[1] (市教育局), field "members"');

    const missing = rejection(file([jianAn, without(allDistricts, 'members')]));
    expect(missing.problems[0]).toMatchObject({ entry: '各区人民政府', field: 'members' });
  });

  it('rejects a collective flag that disagrees with the category', () => {
    const error = rejection(file([jianAn, { ...allDistricts, collective: false }]));
    expect(error.problems.map((problem) => problem.field)).toContain('collective');
    const single = rejection(file([{ ...jyj, collective: true }]));
    expect(single.problems[0]).toMatchObject({ entry: '市教育局', field: 'collective' });
  });

  it('rejects a member that is not an entry of the dictionary', () => {
    const error = rejection(file([jianAn, { ...allDistricts, members: ['江岸区'] }]));
    expect(error.message).toContain('units[1] (各区人民政府), field "members[0]"');
  });

  it('rejects an unverified entry without a note, and a misspelt field', () => {
    expect(rejection(file([{ ...jyj, verified: false }])).problems[0]?.field).toBe('note');
    const misspelt = rejection(file([{ ...jyj, englishname: 'x' }]));
    expect(misspelt.message).toContain('englishname');
  });

  it('reports every problem at once, not just the first', () => {
    const error = rejection(
      file([
        { ...fgw, category: 'ministry' },
        { ...jyj, fullName: '' },
      ]),
    );
    expect(error.problems.map((problem) => [problem.index, problem.field])).toEqual([
      [0, 'category'],
      [1, 'fullName'],
    ]);
  });

  it('rejects a file that is not a dictionary at all', () => {
    expect(rejection([]).problems[0]).toMatchObject({ index: null, field: null });
    expect(rejection({ jurisdiction: '武汉市', source: 'x', units: [] }).message).toContain(
      'field "units"',
    );
  });
});

describe('readUnitDictionary', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'guatu-dictionary-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads a valid file', async () => {
    const path = join(folder, 'good.json');
    await writeFile(path, JSON.stringify(file([fgw, jyj])));
    const dictionary = await readUnitDictionary(path);
    expect(dictionary.units.map((unit) => unit.fullName)).toEqual([
      '武汉市发展和改革委员会',
      '武汉市教育局',
    ]);
  });

  it('names the file and the JSON error when the text is not JSON', async () => {
    const path = join(folder, 'broken.json');
    await writeFile(path, '{"jurisdiction": "武汉市", "units": [}');
    const error = await readUnitDictionary(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnitDictionaryError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/not valid JSON: .*JSON/u);
  });

  it('names the file and the field when the JSON is not a valid dictionary', async () => {
    const path = join(folder, 'invalid.json');
    await writeFile(path, JSON.stringify(file([{ ...jyj, category: 'ministry' }])));
    await expect(readUnitDictionary(path)).rejects.toThrow(
      `${path}: invalid unit dictionary\n  - units[0] (市教育局), field "category"`,
    );
  });

  it('names the file when it cannot be read', async () => {
    const path = join(folder, 'missing.json');
    await expect(readUnitDictionary(path)).rejects.toThrow(`${path}: invalid unit dictionary`);
    await expect(readUnitDictionary(path)).rejects.toThrow(/cannot read: .*ENOENT/u);
  });
});
