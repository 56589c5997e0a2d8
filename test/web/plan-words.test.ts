// The facts and words a planner reads, without a browser: the table view's counts are the plan's
// whatever is drawn (issue 13: in a focused view 一(一)2 was exported as 参与 0 though the plan
// gives it four supporting units); one pair of words, 牵头 and 配合, for the two edge types, with
// inferred leads counted apart; enum values (LEADS, task, true) in words in spreadsheets, raw in
// JSON.
import { describe, expect, it } from 'vitest';
import type { EdgeData, NodeData } from '../../web/src/api/schema.ts';
import { columnWords, paramLabel, queryTitle } from '../../web/src/console/words.ts';
import { tableInWords, toCsv } from '../../web/src/export/table-data.ts';
import {
  tableViewInWords,
  tableViewRaw,
  tableViewRows,
} from '../../web/src/export/table-view-data.ts';
import { indexElements } from '../../web/src/graph/plan-index.ts';
import { EDGE_WORDS } from '../../web/src/i18n/features/roles.ts';
import { msg, roleBadge, type MessageKey } from '../../web/src/i18n/messages.ts';
import { edgeWord, leadCountText, propertyName, valueWords } from '../../web/src/i18n/words.ts';

// 一(一)2 as the seed prints it (l.23): 牵头单位:市发改委;责任单位:市经信局、市生态环境局、市城建局、
// 市交通运输局. And 一(一)8, which names only 责任单位:市发改委 — an owner by the rule.
const unit = (name: string, itemsLed: number, itemsSupported: number): NodeData => ({
  id: `武汉市/${name}`,
  kind: 'unit',
  label: name,
  name,
  itemsLed,
  itemsSupported,
  load: itemsLed + itemsSupported / 2,
});
const FGW = unit('市发改委', 2, 0);
const SUPPORTERS = ['市经信局', '市生态环境局', '市城建局', '市交通运输局'].map((name) =>
  unit(name, 0, 1),
);
const ITEM_2: NodeData = {
  id: 'p/一(一)2',
  kind: 'indicator',
  label: '单位地区生产总值能源消耗降低',
  title: '单位地区生产总值能源消耗降低',
  ref: '一(一)2',
  sortKey: 2,
  unitCount: 5,
  leadCount: 1,
};
const ITEM_8: NodeData = {
  id: 'p/一(一)8',
  kind: 'indicator',
  label: '森林覆盖率',
  title: '森林覆盖率',
  ref: '一(一)8',
  sortKey: 8,
  unitCount: 1,
  leadCount: 1,
};
const edge = (
  source: NodeData,
  type: string,
  target: NodeData,
  role: string,
  position: number,
  inferred = false,
) =>
  ({
    id: `${source.id}|${type}|${target.id}`,
    source: source.id,
    target: target.id,
    type,
    role,
    inferred,
    position,
  }) satisfies EdgeData;
// Read back in no particular order, as the API may send them: the table lists them as printed.
const EDGES = [
  ...SUPPORTERS.map((supporter, at) =>
    edge(supporter, 'SUPPORTS', ITEM_2, '责任单位', at + 1),
  ).toReversed(),
  edge(FGW, 'LEADS', ITEM_2, '牵头单位', 0),
  edge(FGW, 'LEADS', ITEM_8, '责任单位', 0, true),
];
const INDEX = indexElements({
  nodes: [FGW, ...SUPPORTERS, ITEM_2, ITEM_8].map((data) => ({ data })),
  edges: EDGES.map((data) => ({ data })),
});

describe('the table view', () => {
  // Focused on 市发改委: it and its two items are drawn, the four supporting units are not.
  const focused = [FGW, ITEM_2, ITEM_8];

  it("counts an item's units over the whole plan, not over what is drawn", () => {
    const rows = tableViewRows(focused, INDEX, 'zh');
    const item2 = rows.find((row) => row.ref === '一(一)2');
    expect(item2).toMatchObject({ leads: 1, inferredLeads: 0, supports: 4 });
    expect(item2?.units).toEqual([
      '市发改委*',
      '市经信局',
      '市生态环境局',
      '市城建局',
      '市交通运输局',
    ]);
    expect(rows.find((row) => row.ref === '一(一)8')).toMatchObject({
      leads: 1,
      inferredLeads: 1,
      supports: 0,
    });
    expect(rows.find((row) => row.id === FGW.id)).toMatchObject({
      leads: 2,
      inferredLeads: 1,
      supports: 0,
    });
  });

  it('takes the API’s plan-wide figures where the node carries them', () => {
    // Without the plan's edges the figures still hold; only the inferred part and names need them.
    const rows = tableViewRows(focused, indexElements(), 'zh');
    expect(rows.find((row) => row.ref === '一(一)2')).toMatchObject({ leads: 1, supports: 4 });
    expect(rows.find((row) => row.id === FGW.id)).toMatchObject({ leads: 2, supports: 0 });
  });

  it('exports headers that say the counts are the plan’s, kinds in words; JSON raw', () => {
    const rows = tableViewRows(focused, INDEX, 'zh');
    const csv = toCsv(tableViewInWords(rows, 'zh'));
    const [header, ...lines] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      '类型,序号,名称,牵头(全规划),其中推定牵头,配合(全规划),相关单位(全规划),id',
    );
    expect(lines).toContain(
      '指标,一(一)2,单位地区生产总值能源消耗降低,1,0,4,市发改委*、市经信局、市生态环境局、市城建局、市交通运输局,p/一(一)2',
    );
    const raw = tableViewRaw(rows);
    expect(raw.columns).toEqual([
      'kind',
      'ref',
      'name',
      'leads',
      'inferredLeads',
      'supports',
      'units',
      'id',
    ]);
    expect(raw.rows.find((row) => row['id'] === ITEM_2.id)).toMatchObject({
      kind: 'indicator',
      supports: 4,
    });
    expect(tableViewInWords(rows, 'en').columns).toEqual([
      'Kind',
      'Ref.',
      'Name',
      'Leads (whole plan)',
      'of which inferred',
      'Supports (whole plan)',
      'Units (whole plan)',
      'id',
    ]);
  });
});

describe('one vocabulary', () => {
  const KEYS: MessageKey[] = [
    'leads',
    'supports',
    'roleLead',
    'roleSupport',
    'roleOwner',
    'edgeLead',
    'edgeSupport',
    'edgeOwner',
    'tableLeads',
    'tableSupports',
    'supportUnits',
    'leadUnits',
    'loadHint',
    'sizeHint',
    'reachHint',
    'heat_itemsSupported',
    'hotspotsDef_unit_load',
    'hotspotsDef_coordination_pairs',
    'hotspotsDef_cross_theme_units',
  ];

  it('names the two edge types 牵头 and 配合 everywhere, never 参与 or 责任', () => {
    for (const key of KEYS) {
      expect(msg('zh', key), key).not.toMatch(/参与|责任/);
      expect(msg('zh', key), key).toMatch(/牵头|配合/);
    }
    expect([msg('zh', 'leads'), msg('zh', 'supports')]).toEqual(['牵头', '配合']);
    expect([msg('zh', 'roleLead'), msg('zh', 'roleSupport')]).toEqual(['牵头', '配合']);
    expect([msg('zh', 'edgeLead'), msg('zh', 'edgeSupport')]).toEqual(['牵头', '配合']);
    expect([edgeWord('zh', 'LEADS'), edgeWord('zh', 'SUPPORTS')]).toEqual([
      EDGE_WORDS.LEADS.zh,
      EDGE_WORDS.SUPPORTS.zh,
    ]);
    expect([edgeWord('en', 'LEADS'), edgeWord('en', 'SUPPORTS')]).toEqual(['Leads', 'Supports']);
  });

  it('keeps the role word as printed on items, and says when a lead is inferred', () => {
    expect(roleBadge('zh', 'SUPPORTS', '责任单位', false)).toBe('责任');
    expect(roleBadge('zh', 'LEADS', '牵头单位', false)).toBe('牵头');
    expect(roleBadge('zh', 'LEADS', '责任单位', true)).toBe('责任(推定牵头)');
    expect(roleBadge('en', 'LEADS', '责任单位', true)).toBe('Responsible (inferred lead)');
  });

  it('counts inferred leads apart', () => {
    expect(leadCountText('zh', 53, 16)).toBe('53(其中推定 16)');
    expect(leadCountText('en', 53, 16)).toBe('53 (of which 16 inferred)');
    expect(leadCountText('zh', 38, 0)).toBe('38');
  });
});

describe('enum values in words', () => {
  it('puts edge types, kinds, reasons and flags into words, and leaves names alone', () => {
    expect(valueWords('zh', 'edgeA', 'LEADS')).toBe('牵头');
    expect(valueWords('zh', 'collectiveRole', 'SUPPORTS')).toBe('配合');
    expect(valueWords('zh', 'kind', 'task')).toBe('任务');
    expect(valueWords('zh', 'goalKind', 'indicator')).toBe('指标');
    expect(valueWords('en', 'kind', 'project')).toBe('Project');
    expect(valueWords('zh', 'reason', 'no-lead')).toBe('未列牵头单位');
    expect(valueWords('zh', 'inferred', true)).toBe('是');
    expect(valueWords('zh', 'link', 'SUPPORTS 责任单位')).toBe('配合(责任单位)');
    expect(valueWords('zh', 'unit', '市发改委')).toBeUndefined();
    expect(valueWords('zh', 'leads', 53)).toBeUndefined();
  });

  it('names a document’s properties for a planner, keeping unknown ones as they are', () => {
    expect(propertyName('zh', 'number')).toBe('文号');
    expect(propertyName('en', 'number')).toBe('Number');
    expect(propertyName('zh', 'somethingNew')).toBe('somethingNew');
  });

  it('writes spreadsheets in words under the columns’ labels', () => {
    const table = {
      columns: ['ref', 'kind', 'edgeA', 'edgeB'],
      rows: [{ ref: '二(一)1', kind: 'task', edgeA: 'LEADS', edgeB: 'SUPPORTS' }],
    };
    const labels: Record<string, string> = { ref: '序号', kind: '类型', edgeA: '单位甲角色' };
    const csv = toCsv(tableInWords(table, 'zh', (column) => labels[column] ?? column));
    expect(csv).toBe('\uFEFF序号,类型,单位甲角色,edgeB\r\n二(一)1,任务,牵头,配合\r\n');
  });
});

describe('a named query in the planner’s language', () => {
  const query = {
    name: 'shared-items',
    purpose: 'the items two units share',
    purposeZh: '共同事项',
    params: [{ name: 'unitA', label: 'Unit A', labelZh: '单位甲', type: 'string', required: true }],
    columns: [
      {
        name: 'edgeA',
        label: 'Role of unit A',
        labelZh: '单位甲角色',
        meaning: 'LEADS or SUPPORTS',
        meaningZh: '牵头或配合',
      },
    ],
  };

  it('reads its title, labels and column meanings in the interface language', () => {
    expect(queryTitle('zh', query)).toBe('共同事项');
    expect(queryTitle('en', query)).toBe('the items two units share');
    expect(paramLabel('zh', query.params[0] ?? { name: '' })).toBe('单位甲');
    expect(columnWords('zh', query.columns, 'edgeA')).toEqual({
      label: '单位甲角色',
      meaning: '牵头或配合',
    });
    expect(columnWords('en', query.columns, 'edgeA').label).toBe('Role of unit A');
    // The planner's own Cypher: its columns are its own words.
    expect(columnWords('zh', query.columns, 'n')).toEqual({ label: 'n', meaning: '' });
  });
});
