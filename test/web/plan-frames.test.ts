// 全部规划 drawn, without a browser or a database: the union of plans' graphs (one node per unit,
// figures added up), the layered layout's blocks per plan with the shared units beside them, the
// plan frames the canvas draws around each plan's items, and the plan a unit's panel counts in.
import { describe, expect, it } from 'vitest';
import type { EdgeData, Elements, NodeData } from '../../contract/api/elements.ts';
import { unionOfPlanGraphs } from '../../graph/api/plans-union.ts';
import { mainPlanOf } from '../../web/src/graph/all-plans.ts';
import { layeredPositions } from '../../web/src/graph/layered-layout.ts';
import { indexElements } from '../../web/src/graph/plan-index.ts';
import { drawnPlans, PLAN_FRAME, planFrameId } from '../../web/src/graph/plan-frame.ts';
import { nodeSize, toElements } from '../../web/src/graph/to-elements.ts';

const unit = (id: string, figures: Record<string, number> = {}): NodeData => ({
  id,
  kind: 'unit',
  label: id,
  name: id,
  ...figures,
});
const item = (id: string, planId: string, kind = 'task', parentId?: string): NodeData => ({
  id,
  kind,
  label: id,
  title: id,
  planId,
  sortKey: Number(id.replace(/\D/g, '')),
  ...(parentId === undefined ? {} : { parentId }),
});
const lead = (source: string, target: string, planId: string): EdgeData => ({
  id: `${source}|LEADS|${target}|${planId}`,
  source,
  target,
  type: 'LEADS',
  planId,
});
const graph = (nodes: NodeData[], edges: EdgeData[]): Elements => ({
  nodes: nodes.map((data) => ({ data })),
  edges: edges.map((data) => ({ data })),
});

// Two plans: 发改委 answers in both, 科技局 only in the first, 数据局 only in the second.
const first = graph(
  [
    unit('发改委', { itemsLed: 2, load: 2, betweenness: 0.4 }),
    unit('科技局', { itemsLed: 1, load: 1 }),
    item('a-theme1', 'A', 'theme'),
    item('a-task2', 'A', 'task', 'a-theme1'),
    item('a-task3', 'A', 'task', 'a-theme1'),
  ],
  [lead('发改委', 'a-task2', 'A'), lead('发改委', 'a-task3', 'A'), lead('科技局', 'a-task3', 'A')],
);
const second = graph(
  [
    unit('发改委', { itemsLed: 1, load: 1.5, betweenness: 0.1 }),
    unit('数据局', { itemsLed: 1, load: 1 }),
    item('b-theme1', 'B', 'theme'),
    item('b-task2', 'B', 'task', 'b-theme1'),
  ],
  [lead('发改委', 'b-task2', 'B'), lead('数据局', 'b-task2', 'B')],
);
const union = unionOfPlanGraphs([first, second]);
const nodes = union.nodes.map(({ data }) => data);
const edges = union.edges.map(({ data }) => data);

describe('the union of plans’ graphs', () => {
  it('has each unit once, its figures summed, and every item and edge of both', () => {
    expect(nodes.map((node) => node.id)).toEqual([
      '发改委',
      '科技局',
      'a-theme1',
      'a-task2',
      'a-task3',
      '数据局',
      'b-theme1',
      'b-task2',
    ]);
    expect(edges).toHaveLength(5);
    const fgw = nodes[0];
    expect(fgw?.itemsLed).toBe(3);
    expect(fgw?.load).toBe(3.5);
    expect(fgw?.['planCount']).toBe(2);
    // One plan's centrality is not the whole's.
    expect(fgw?.['betweenness']).toBeUndefined();
    expect(nodes[1]?.['planCount']).toBe(1);
    // The plans' own answers are left as they were.
    expect(first.nodes[0]?.data.itemsLed).toBe(2);
  });
});

describe('the layered layout over plans', () => {
  const positions = layeredPositions(nodes, edges, nodeSize);
  const y = (id: string) => positions.get(id)?.y ?? Number.NaN;
  const x = (id: string) => positions.get(id)?.x ?? Number.NaN;

  it('stacks each plan’s items in a block of its own, the first plan on top', () => {
    expect(positions.size).toBe(nodes.length);
    const lastOfA = Math.max(y('a-theme1'), y('a-task2'), y('a-task3'));
    const firstOfB = Math.min(y('b-theme1'), y('b-task2'));
    expect(firstOfB).toBeGreaterThan(lastOfA + 100);
  });

  it('puts the units left of every item, a unit both plans name between their blocks', () => {
    const items = nodes.filter((node) => node.kind !== 'unit').map((node) => x(node.id));
    for (const id of ['发改委', '科技局', '数据局']) expect(x(id)).toBeLessThan(Math.min(...items));
    expect(y('科技局')).toBeLessThan(y('发改委'));
    expect(y('发改委')).toBeLessThan(y('数据局'));
  });

  it('leaves one plan’s graph as it was laid out, a node of no plan beside it', () => {
    const one = first.nodes.map(({ data }) => data);
    const document: NodeData = { id: 'doc', kind: 'document', label: 'doc' };
    const withDocument = layeredPositions([...one, document], [], nodeSize);
    const alone = layeredPositions(one, [], nodeSize);
    for (const node of one) expect(withDocument.get(node.id)).toEqual(alone.get(node.id));
  });
});

describe('the plan frames on the canvas', () => {
  const plans = drawnPlans([
    {
      id: 'A',
      title: '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
      jurisdiction: '武汉市',
    },
    { id: 'B', title: '武汉市2023年政府工作报告重点工作任务分工方案', jurisdiction: '武汉市' },
  ]);

  it('names each plan by its short title, with the date where two share it', () => {
    expect(plans.map((plan) => plan.name)).toEqual(['武汉十四五分工', '武汉2023政府工作报告分工']);
    const editions = drawnPlans([
      {
        id: 'A',
        title: '武汉市2023年政府工作报告重点工作任务分工方案',
        jurisdiction: '武汉市',
        date: '2023-02-20',
      },
      {
        id: 'B',
        title: '武汉市2023年政府工作报告重点工作任务分工方案',
        jurisdiction: '武汉市',
        date: '2023-05-01',
      },
    ]);
    expect(editions.map((plan) => plan.name)).toEqual([
      '武汉2023政府工作报告分工 · 2023-02-20',
      '武汉2023政府工作报告分工 · 2023-05-01',
    ]);
  });

  it('frames each plan’s items, frames first, units in none', () => {
    const drawn = toElements(
      { nodes, edges },
      { lang: 'zh', englishPrefix: '', layered: true, plans },
    );
    const drawnNodes = drawn.filter((element) => element.group === 'nodes');
    expect(
      drawnNodes.slice(0, 2).map((node) => [node.data.id, node.data.kind, node.data.display]),
    ).toEqual([
      [planFrameId('A'), PLAN_FRAME, '武汉十四五分工'],
      [planFrameId('B'), PLAN_FRAME, '武汉2023政府工作报告分工'],
    ]);
    for (const node of drawnNodes.slice(2)) {
      const plan = node.data['planId'];
      expect(node.data['parent'], node.data.id).toBe(
        node.data.kind === 'unit' ? undefined : planFrameId(String(plan)),
      );
    }
  });

  it('frames only the plans with something shown, and nothing when one plan is drawn', () => {
    // 全部规划 narrowed to one plan's theme: that plan's frame still says whose items they are.
    const narrowed = toElements(
      { nodes: first.nodes.map(({ data }) => data), edges: [] },
      { lang: 'zh', englishPrefix: '', layered: true, plans },
    );
    expect(
      narrowed.filter((element) => element.data.kind === PLAN_FRAME).map((f) => f.data.id),
    ).toEqual([planFrameId('A')]);
    const single = toElements({ nodes, edges }, { lang: 'zh', englishPrefix: '', layered: true });
    expect(single.some((element) => 'parent' in element.data)).toBe(false);
    expect(single.some((element) => element.data.kind === PLAN_FRAME)).toBe(false);
  });
});

describe('the plan a unit’s panel counts in', () => {
  const index = indexElements(union);
  it('is the plan where the unit answers for most, else the first', () => {
    const order = [{ id: 'A' }, { id: 'B' }];
    expect(mainPlanOf(index, '发改委', order)).toBe('A');
    expect(mainPlanOf(index, '数据局', order)).toBe('B');
    expect(mainPlanOf(index, 'nobody', order)).toBe('A');
  });
});

describe('the force layout over plans', () => {
  it('draws no frames: fcose and the glide move nodes one by one', () => {
    const plans = [
      { id: 'A', name: 'A' },
      { id: 'B', name: 'B' },
    ];
    const drawn = toElements(
      { nodes, edges },
      { lang: 'zh', englishPrefix: '', layered: false, plans },
    );
    expect(drawn.some((element) => element.data.kind === PLAN_FRAME)).toBe(false);
    expect(drawn.some((element) => 'parent' in element.data)).toBe(false);
  });
});
