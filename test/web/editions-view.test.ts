// The comparison of editions' pure parts, without a browser or a database: the address it keeps,
// the two editions it starts with, the changed words of a title, the order of its rows, and the
// graph marked with what changed (ghosts placed under their old theme, lost roles drawn).
import { describe, expect, it } from 'vitest';
import type { EditionComparison, EditionItem, ItemChange } from '../../contract/api/editions.ts';
import type { PlanSummary } from '../../contract/api/plans.ts';
import {
  defaultEditions,
  readCompareView,
  writeCompareView,
} from '../../web/src/editions/compare-view.ts';
import {
  editionElements,
  GHOST_PREFIX,
  markEditions,
} from '../../web/src/editions/edition-graph.ts';
import { sortedRows } from '../../web/src/editions/rows.ts';
import { titleMarks } from '../../web/src/editions/title-marks.ts';
import type { CyNode } from '../../web/src/graph/to-elements.ts';
import {
  edges,
  FGW,
  JXJ,
  KJJ,
  nodes,
  PLAN,
  TASK_A1,
  TASK_A2,
  TASK_B1,
  THEME_A,
} from './fixture.ts';

const plan = (id: string, title: string, date: string | null): PlanSummary => ({
  id,
  title,
  issuer: null,
  date,
  jurisdiction: '示例市',
  itemCount: null,
  unitCount: null,
  edgeCount: null,
  sourceSha256: null,
});

describe('the comparison in the address', () => {
  it('reads back what it writes, and leaves a closed comparison out', () => {
    const query = new URLSearchParams();
    writeCompareView(
      { compare: { from: '示例市-a1', to: '示例市-b2' }, compareOn: 'graph' },
      query,
    );
    expect(query.toString()).toBe(
      new URLSearchParams({ compare: '示例市-a1..示例市-b2', cmpon: 'graph' }).toString(),
    );
    expect(readCompareView(query)).toEqual({
      compare: { from: '示例市-a1', to: '示例市-b2' },
      compareOn: 'graph',
    });
    const closed = new URLSearchParams();
    writeCompareView({ compare: null, compareOn: 'graph' }, closed);
    expect(closed.toString()).toBe('');
  });

  it('ignores a half-written pair', () => {
    for (const raw of ['a..', '..b', 'ab', '']) {
      expect(readCompareView(new URLSearchParams({ compare: raw, cmpon: 'graph' }))).toEqual({
        compare: null,
        compareOn: 'table',
      });
    }
  });
});

describe('the editions a comparison starts with', () => {
  it('takes the two newest of one series, older first', () => {
    const plans = [
      plan('p2023', '示例市2023年市政府重点工作督办台账', '2023-02-01'),
      plan('special', '示例市数字经济发展专项规划任务分工方案', '2024-05-01'),
      plan('p2024', '示例市2024年市政府重点工作督办台账', '2024-02-01'),
      plan('p2022', '示例市2022年市政府重点工作督办台账', '2022-02-01'),
    ];
    expect(defaultEditions(plans)).toEqual({ from: 'p2023', to: 'p2024' });
  });

  it('takes the two newest when no two plans are of one series, and nothing with one plan', () => {
    const plans = [
      plan('a', '示例市数字经济发展专项规划任务分工方案', '2024-05-01'),
      plan('b', '示例市2024年市政府重点工作督办台账', '2024-02-01'),
      plan('c', '示例市交通强市建设实施方案', null),
    ];
    expect(defaultEditions(plans)).toEqual({ from: 'b', to: 'a' });
    expect(defaultEditions(plans.slice(0, 1))).toBeNull();
  });
});

describe('the changed words of a title', () => {
  it('marks what the new title left out and what it added', () => {
    expect(titleMarks('打造科技成果转化高地', '加快打造科技成果转化新高地')).toEqual({
      from: [{ text: '打造科技成果转化高地', changed: false }],
      to: [
        { text: '加快', changed: true },
        { text: '打造科技成果转化', changed: false },
        { text: '新', changed: true },
        { text: '高地', changed: false },
      ],
    });
    expect(titleMarks('推进数字政府建设', '推进智慧城市建设')).toEqual({
      from: [
        { text: '推进', changed: false },
        { text: '数字政府', changed: true },
        { text: '建设', changed: false },
      ],
      to: [
        { text: '推进', changed: false },
        { text: '智慧城市', changed: true },
        { text: '建设', changed: false },
      ],
    });
  });
});

const item = (
  ref: string,
  title: string,
  parent: EditionItem['parent'] = null,
  kind: EditionItem['kind'] = 'task',
  planId = PLAN,
): EditionItem => ({ id: `${planId}/${ref}`, kind, ref, title, parent });

const row = (change: Partial<ItemChange>): ItemChange => ({
  changes: [],
  match: null,
  likeness: null,
  from: null,
  to: null,
  units: [],
  candidates: [],
  ...change,
});

const THEME = { ref: '二(一)', title: 'title 二(一)' };
const ADDED = row({ changes: ['added'], to: item('二(一)1', 'title 二(一)1', THEME) });
const UNITS = row({
  changes: ['units'],
  match: 'same',
  likeness: 1,
  from: item('二(一)2', 'title 二(一)2', THEME, 'task', 'old'),
  to: item('二(一)2', 'title 二(一)2', THEME),
  units: [
    { unitId: FGW, name: '发改', change: 'lead-lost' },
    { unitId: JXJ, name: '经信', change: 'lead-gained' },
  ],
});
const REMOVED = row({
  changes: ['removed'],
  from: item('二(一)9', '已删除的任务', THEME, 'task', 'old'),
  units: [{ unitId: KJJ, name: '科技', change: 'lead-lost' }],
});
const AMBIGUOUS = row({
  changes: ['removed'],
  from: item('二(二)9', '另一项任务', { ref: '二(二)', title: 'title 二(二)' }, 'task', 'old'),
  candidates: [{ ref: '二(二)1', title: 'title 二(二)1', likeness: 0.7 }],
});
const LIKELY = row({
  changes: ['renumbered'],
  match: 'likely',
  likeness: 0.7,
  from: item('二(二)3', 'title 二(二)1x', null, 'task', 'old'),
  to: item('二(二)1', 'title 二(二)1'),
});

const comparison = (items: ItemChange[]): EditionComparison => ({
  from: { source: 'plan', planId: 'old', title: 'old', date: null, items: 10, file: null },
  to: { source: 'plan', planId: PLAN, title: 'new', date: null, items: 10, file: null },
  thresholds: { reworded: 0.5, likely: 0.6 },
  counts: {
    matched: 0,
    unchanged: 0,
    added: 0,
    removed: 0,
    reworded: 0,
    renumbered: 0,
    moved: 0,
    units: 0,
    likely: 0,
    ambiguous: 0,
  },
  items,
  units: [],
});

describe('the rows in order', () => {
  it('puts the least certain first, then the certain pairings, then items of one edition', () => {
    const rows = [ADDED, UNITS, REMOVED, AMBIGUOUS, LIKELY];
    expect(sortedRows(rows, 'certainty')).toEqual([AMBIGUOUS, LIKELY, UNITS, ADDED, REMOVED]);
    expect(sortedRows(rows, 'change')).toEqual([ADDED, REMOVED, AMBIGUOUS, LIKELY, UNITS]);
    expect(sortedRows(rows, 'document')).toEqual(rows);
  });
});

describe('the newer edition marked on the graph', () => {
  const shown = { nodes, edges };
  const marked = markEditions(shown, comparison([UNITS, REMOVED, ADDED]));
  const ghost = `${GHOST_PREFIX}old/二(一)9`;

  it('marks added and changed items and the units whose roles changed', () => {
    const classes = Object.fromEntries(marked.classes);
    expect(classes[TASK_A1]).toEqual(['ed-added']);
    expect(classes[TASK_A2]).toEqual(['ed-changed']);
    expect(classes[TASK_B1]).toBeUndefined();
    expect(classes[FGW]).toEqual(['ed-unit']);
    expect(classes[JXJ]).toEqual(['ed-unit']);
    expect(classes[KJJ]).toEqual(['ed-unit']);
    // The lead gained is a line of the newer edition; the lead lost is drawn back.
    expect(classes[`${JXJ}|LEADS|${TASK_A2}`]).toEqual(['ed-added']);
    expect(classes[`${GHOST_PREFIX}${FGW}|LEADS|${TASK_A2}`]).toEqual(['ed-removed']);
  });

  it('draws a removed item as a ghost of its kind under its old theme, after its tasks', () => {
    const drawn = marked.shown.nodes.find((node) => node.id === ghost);
    expect(drawn).toMatchObject({ kind: 'task', title: '已删除的任务', parentId: THEME_A });
    const siblings = nodes.filter((node) => node.parentId === THEME_A);
    expect(drawn?.sortKey).toBeGreaterThan(Math.max(...siblings.map((n) => n.sortKey ?? 0)));
    const ghostEdges = marked.shown.edges.filter((edge) => edge.id.startsWith(GHOST_PREFIX));
    expect(ghostEdges.map((edge) => `${edge.source} ${edge.type} ${edge.target}`).sort()).toEqual(
      [`${FGW} LEADS ${TASK_A2}`, `${KJJ} LEADS ${ghost}`, `${ghost} UNDER ${THEME_A}`].sort(),
    );
  });

  it('lays the ghost out in its theme’s column, with its mark before its label', () => {
    const elements = editionElements(marked, {
      lang: 'zh',
      englishPrefix: '',
      layout: 'layered',
      aspect: 1.45,
    });
    const node = (id: string) =>
      elements.find(
        (element): element is CyNode => element.data.id === id && element.group === 'nodes',
      );
    expect(node(ghost)?.classes).toContain('ed-removed');
    expect(node(ghost)?.data['display']).toMatch(/^－/u);
    expect(node(TASK_A1)?.data['display']).toMatch(/^＋/u);
    expect(node(TASK_A2)?.data['display']).toMatch(/^～/u);
    expect(node(ghost)?.position?.x).toBe(node(TASK_A1)?.position?.x);
    expect(node(ghost)?.position?.y).toBeGreaterThan(node(TASK_A2)?.position?.y ?? Infinity);
  });

  it('leaves a ghost out when the view leaves its theme out', () => {
    const outOfTheme = new Set([THEME_A, TASK_A1, TASK_A2, `${PLAN}/二(一)2之二`]);
    const filtered = {
      nodes: nodes.filter((node) => !outOfTheme.has(node.id)),
      edges: edges.filter((edge) => !outOfTheme.has(edge.source) && !outOfTheme.has(edge.target)),
    };
    const shownNow = markEditions(filtered, comparison([REMOVED]));
    expect(shownNow.shown.nodes.some((node) => node.id === ghost)).toBe(false);
    expect(shownNow.shown.edges.some((edge) => edge.target === ghost)).toBe(false);
  });

  it('finds a removed item’s theme when the theme itself was removed', () => {
    const themeGone = row({
      changes: ['removed'],
      from: item('二(三)', '旧主题', null, 'theme', 'old'),
    });
    const under = row({
      changes: ['removed'],
      from: item('二(三)1', '旧主题下的任务', { ref: '二(三)', title: '旧主题' }, 'task', 'old'),
    });
    const both = markEditions(shown, comparison([themeGone, under]));
    const task = both.shown.nodes.find((node) => node.id === `${GHOST_PREFIX}old/二(三)1`);
    expect(task?.parentId).toBe(`${GHOST_PREFIX}old/二(三)`);
  });
});
