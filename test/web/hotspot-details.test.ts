// What stands behind a ranking row, without a browser: the key a row is named by in the address,
// the ids it lights (a unit with its items, a pair with the items it shares), and the tables of
// details built from unit profiles and an item's neighbourhood.
import { describe, expect, it } from 'vitest';
import type { ProfileItem, UnitProfile } from '../../web/src/api/schema.ts';
import {
  compareDetail,
  documentOrder,
  groupsOf,
  itemDetails,
  memberDetails,
  pairDetails,
  unitDetails,
  type DetailRow,
} from '../../web/src/hotspots/details.ts';
import { findRow, namesRow, rowKey, rowSubject } from '../../web/src/hotspots/row-key.ts';
import { rowMarks } from '../../web/src/hotspots/row-marks.ts';

const P = 'plan';
const item = (
  ref: string,
  edge: 'LEADS' | 'SUPPORTS',
  extra: Partial<ProfileItem> = {},
): ProfileItem => ({
  id: `${P}/${ref}`,
  ref,
  title: `事项${ref}`,
  kind: 'task',
  edge,
  role: edge === 'LEADS' ? '牵头单位' : '配合单位',
  inferred: false,
  ...extra,
});

function profile(
  name: string,
  themes: { ref: string; items: ProfileItem[] }[],
  otherItems: ProfileItem[] = [],
): UnitProfile {
  // Built loosely and read through the app's own schema, whichever fields it asks for.
  return {
    plan: P,
    unit: { id: `市/${name}`, kind: 'unit', label: name, name },
    metrics: null,
    themes: themes.map((theme) => ({
      theme: { id: `${P}/${theme.ref}`, ref: theme.ref, title: `主题${theme.ref}` },
      items: theme.items,
    })),
    otherItems,
    partners: [],
    memberOf: [],
    plans: [],
    viaCollectives: { items: 0, collectives: [] },
  } as UnitProfile;
}

describe('a ranking row’s key', () => {
  const columns = ['unitA', 'unitB', 'sharedItems', 'unitAId', 'unitBId'];
  const pair = {
    unitA: '市发改委',
    unitB: '市经信局',
    sharedItems: 39,
    unitAId: 'a',
    unitBId: 'b',
  };

  it('names a row by what it is about, in the planner’s words', () => {
    expect(rowSubject(pair)).toBe('pair');
    expect(rowKey(pair, columns)).toBe('市发改委|市经信局');
    expect(rowKey({ unit: '市发改委', load: 63.5, unitId: 'x' }, ['unit', 'load'])).toBe(
      '市发改委',
    );
    expect(rowKey({ ref: '二(一)1', item: '…', itemId: 'p/二(一)1' }, ['ref', 'item'])).toBe(
      '二(一)1',
    );
    expect(rowKey({ community: 3, members: ['a', 'b'] }, ['community', 'members'])).toBe('3');
    expect(rowSubject({ community: 3, members: ['a'] })).toBe('members');
    // A ranking of no known shape: its first column.
    expect(rowKey({ name: 'x', n: 1 }, ['name', 'n'])).toBe('x');
  });

  it('finds the row again, a pair in either order, and nothing for a key no row has', () => {
    const other = { ...pair, unitB: '市科技局', unitBId: 'c' };
    expect(findRow([other, pair], columns, '市发改委|市经信局')).toBe(pair);
    expect(findRow([other, pair], columns, '市经信局|市发改委')).toBe(pair);
    expect(namesRow({ unit: 'a|b', unitId: 'x' }, ['unit'], 'b|a')).toBe(false);
    expect(findRow([other], columns, '市发改委|市经信局')).toBeUndefined();
  });
});

describe('the ids a row lights', () => {
  const unit = (id: string) => ({ id, kind: 'unit', label: id, name: id });
  const task = (id: string) => ({ id, kind: 'task', label: id });
  const edge = (source: string, type: string, target: string) => ({
    id: `${source}|${type}|${target}`,
    source,
    target,
    type,
  });
  const shown = {
    nodes: [
      unit('A'),
      unit('B'),
      task('t1'),
      task('t2'),
      task('t3'),
      { id: 'T', kind: 'theme', label: 'T' },
    ],
    edges: [
      edge('A', 'LEADS', 't1'),
      edge('A', 'SUPPORTS', 't2'),
      edge('B', 'LEADS', 't2'),
      edge('B', 'LEADS', 't3'),
      edge('t1', 'UNDER', 'T'),
    ],
  };

  it('lights a unit with every item it leads or supports, and the assignments', () => {
    expect(rowMarks({ unit: 'A', load: 1.5, unitId: 'A' }, shown).sort()).toEqual(
      ['A', 't1', 't2', 'A|LEADS|t1', 'A|SUPPORTS|t2'].sort(),
    );
  });

  it('lights a pair with the items both hold', () => {
    const marks = rowMarks({ unitA: 'A', unitB: 'B', unitAId: 'A', unitBId: 'B' }, shown);
    expect(marks.sort()).toEqual(['A', 'B', 't2', 'A|SUPPORTS|t2', 'B|LEADS|t2'].sort());
  });

  it('lights an item with the units it names, not their other items', () => {
    const marks = rowMarks({ ref: 't3', leadUnits: ['B'], itemId: 't3' }, shown);
    expect(marks.sort()).toEqual(['B', 't3', 'B|LEADS|t3'].sort());
  });
});

describe('the details of a row', () => {
  const a = profile(
    '甲',
    [
      { ref: '二(一)', items: [item('二(一)1', 'LEADS'), item('二(一)2', 'SUPPORTS')] },
      { ref: '二(二)', items: [item('二(二)1', 'LEADS', { inferred: true, role: '责任单位' })] },
    ],
    [item('1', 'SUPPORTS', { kind: 'indicator' })],
  );
  const b = profile(
    '乙',
    [{ ref: '二(一)', items: [item('二(一)2', 'LEADS'), item('二(一)3', 'LEADS')] }],
    [item('1', 'LEADS', { kind: 'indicator' }), item('1', 'SUPPORTS', { kind: 'indicator' })],
  );
  // The indicator stands first in the document, the themes after it.
  const order = documentOrder([
    { id: `${P}/1`, kind: 'indicator', label: '1', sortKey: 1 },
    { id: `${P}/二(一)`, kind: 'theme', label: '', sortKey: 10 },
    { id: `${P}/二(一)1`, kind: 'task', label: '', sortKey: 11 },
    { id: `${P}/二(一)2`, kind: 'task', label: '', sortKey: 12 },
    { id: `${P}/二(二)`, kind: 'theme', label: '', sortKey: 20 },
    { id: `${P}/二(二)1`, kind: 'task', label: '', sortKey: 21 },
  ]);

  it('lists the items two units share in document order, each unit’s role on them', () => {
    const table = pairDetails(a, b, order);
    expect(table.rows.map((row) => [row['ref'], row['roleA'], row['roleB'], row['theme']])).toEqual(
      [
        // Held twice by 乙 (lead and support): once, as its lead.
        ['1', 'support', 'lead', null],
        ['二(一)2', 'support', 'lead', '主题二(一)'],
      ],
    );
    expect(table.rows[1]).toMatchObject({ printedRoleA: '配合单位', printedRoleB: '牵头单位' });
    expect(table.columns.filter((c) => c.shown).map((c) => c.name)).toEqual([
      'ref',
      'item',
      'theme',
      'roleA',
      'roleB',
    ]);
  });

  it('lists a unit’s items under its themes in document order, owners by the rule apart', () => {
    const table = unitDetails(a, order);
    expect(table.grouped).toBe(true);
    const groups = groupsOf(table.rows).map((group) => [
      group.key,
      group.rows.map((row) => `${String(row['ref'])}:${String(row['role'])}`),
    ]);
    expect(groups).toEqual([
      ['二(一)', ['二(一)1:lead', '二(一)2:support']],
      ['二(二)', ['二(二)1:owner']],
      ['', ['1:support']],
    ]);
  });

  it('keeps the profile’s order for items the plan as drawn does not hold', () => {
    const table = unitDetails(a, documentOrder([]));
    expect(table.rows.map((row) => row['ref'])).toEqual(['二(一)1', '二(一)2', '二(二)1', '1']);
  });

  it('lists the units on an item, leads first, then supports', () => {
    const table = itemDetails('i', {
      nodes: [
        { data: { id: 'i', kind: 'task', label: 'i' } },
        { data: { id: 'u1', kind: 'unit', label: '乙', name: '乙' } },
        { data: { id: 'u2', kind: 'unit', label: '甲', name: '甲' } },
        { data: { id: 'u3', kind: 'unit', label: '各区', name: '各区', collective: true } },
      ],
      edges: [
        { data: { id: 'e1', source: 'u1', target: 'i', type: 'SUPPORTS', position: 0 } },
        {
          data: {
            id: 'e2',
            source: 'u2',
            target: 'i',
            type: 'LEADS',
            position: 1,
            role: '牵头单位',
          },
        },
        {
          data: { id: 'e3', source: 'u3', target: 'i', type: 'LEADS', inferred: true, position: 2 },
        },
        { data: { id: 'e4', source: 'i', target: 'T', type: 'UNDER' } },
      ],
    });
    expect(table.rows.map((row) => [row['unit'], row['role'], row['collective']])).toEqual([
      ['甲', 'lead', false],
      ['各区', 'owner', true],
      ['乙', 'support', false],
    ]);
  });

  it('lists a group’s members with their figures, as the ranking orders them', () => {
    const table = memberDetails(
      ['乙', '甲'],
      [
        {
          id: 'u1',
          kind: 'unit',
          label: '甲',
          name: '甲',
          itemsLed: 3,
          itemsSupported: 1,
          load: 3.5,
        },
      ],
    );
    expect(table.rows.map((row) => [row['unit'], row['load']])).toEqual([
      ['乙', null],
      ['甲', 3.5],
    ]);
  });

  it('sorts references and themes in document order, roles lead first, blanks apart', () => {
    const table = pairDetails(a, b, order);
    const column = (name: string) => {
      const found = table.columns.find((c) => c.name === name);
      if (found === undefined) throw new Error(`no column ${name}`);
      return found;
    };
    const collator = new Intl.Collator('zh-CN');
    const words = (c: { name: string }, row: DetailRow) => String(row[c.name] ?? '');
    const [first, second] = table.rows as [DetailRow, DetailRow];
    expect(compareDetail(column('ref'), first, second, words, collator)).toBeLessThan(0);
    expect(compareDetail(column('roleB'), first, second, words, collator)).toBe(0);
    expect(compareDetail(column('roleA'), second, first, words, collator)).toBe(0);
    // No theme: after every theme.
    expect(compareDetail(column('theme'), first, second, words, collator)).toBeGreaterThan(0);
  });
});
