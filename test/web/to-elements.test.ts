// What the canvas shows for a view of a plan, decided without a browser: the filters, the focus
// scope, expansions, the labels drawn, and what a selection lights up.
import { describe, expect, it } from 'vitest';
import { indexElements, reachOf, assignmentsOf, themeOf } from '../../web/src/graph/plan-index.ts';
import {
  clip,
  commonEnglishPrefix,
  shownGraph,
  toElements,
  unitLabel,
  type CyEdge,
  type CyNode,
  type ShownGraph,
} from '../../web/src/graph/to-elements.ts';
import { DEFAULT_VIEW, type ViewState } from '../../web/src/state/view.ts';
import {
  DISTRICTS,
  FGW,
  INDICATOR,
  JXJ,
  KJJ,
  PARTY,
  plan,
  planNodeIds,
  PROJECT,
  SUB_1,
  SUB_2,
  TASK_A1,
  TASK_A2,
  TASK_A2_PART,
  TASK_B1,
  THEME_A,
  THEME_B,
} from './fixture.ts';

const index = indexElements(plan);

function nodeData(id: string) {
  const node = index.nodes.get(id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
}
const none = new Map<string, ShownGraph>();

function show(patch: Partial<ViewState>, expansions = none, at = index): ShownGraph {
  return shownGraph(at, planNodeIds, expansions, { ...DEFAULT_VIEW, ...patch });
}

const ids = (graph: ShownGraph) => graph.nodes.map((node) => node.id).sort();
const edgeTypes = (graph: ShownGraph) => graph.edges.map((edge) => edge.type).sort();

describe('what the view shows', () => {
  it('shows the whole plan by default', () => {
    const shown = show({});
    expect(shown.nodes).toHaveLength(plan.nodes.length);
    expect(shown.edges).toHaveLength(plan.edges.length);
  });

  it('keeps only named leads with the lead role, and drops units left with nothing', () => {
    const shown = show({ roles: ['lead'] });
    expect(shown.edges.filter((e) => e.type === 'SUPPORTS')).toEqual([]);
    expect(shown.edges.filter((e) => e.inferred === true)).toEqual([]);
    expect(
      shown.edges
        .filter((e) => e.type === 'LEADS')
        .map((e) => e.target)
        .sort(),
    ).toEqual([INDICATOR, TASK_A1, TASK_A2, PROJECT, SUB_2].sort());
    // 科技局 only supports or owns by the rule; 各区 the same.
    expect(ids(shown)).not.toContain(KJJ);
    expect(ids(shown)).not.toContain(DISTRICTS);
    expect(ids(shown)).toContain(FGW);
    // Items stay: the plan's structure does not depend on who is shown.
    expect(ids(shown)).toContain(TASK_B1);
  });

  it('tells owners by the rule apart from named leads', () => {
    const owners = show({ roles: ['owner'] });
    expect(
      owners.edges
        .filter((e) => e.type === 'LEADS')
        .map((e) => e.source)
        .sort(),
    ).toEqual([DISTRICTS, FGW, KJJ].sort());
  });

  it('narrows to a theme: its tasks, second parts included, and the units on them', () => {
    const shown = show({ theme: THEME_A });
    expect(ids(shown)).toEqual(
      [DISTRICTS, FGW, JXJ, KJJ, TASK_A1, TASK_A2, TASK_A2_PART, THEME_A].sort(),
    );
    expect(edgeTypes(shown)).toEqual([
      'LEADS',
      'LEADS',
      'LEADS',
      'SUPPORTS',
      'SUPPORTS',
      'UNDER',
      'UNDER',
      'UNDER',
    ]);
  });

  it('switches collectives, categories and kinds off', () => {
    expect(ids(show({ collectives: false }))).not.toContain(DISTRICTS);
    expect(ids(show({ hiddenCategories: ['party-organ'] }))).not.toContain(PARTY);
    const noProjects = show({ kinds: ['unit', 'theme', 'task', 'indicator', 'requirement'] });
    expect(ids(noProjects).filter((id) => id.includes('三'))).toEqual([]);
    expect(noProjects.edges.some((e) => e.target === PROJECT || e.source === SUB_1)).toBe(false);
  });

  it('hides what the planner hid, but always shows the selection', () => {
    expect(ids(show({ hidden: [FGW] }))).not.toContain(FGW);
    expect(ids(show({ hidden: [FGW], selected: FGW }))).toContain(FGW);
    expect(ids(show({ collectives: false, selected: DISTRICTS }))).toContain(DISTRICTS);
  });

  it('in focus scope shows the selection and its neighbours only', () => {
    const shown = show({ scope: 'focus', selected: KJJ });
    expect(ids(shown)).toEqual([KJJ, TASK_A1, TASK_B1].sort());
    expect(edgeTypes(shown)).toEqual(['LEADS', 'SUPPORTS']);
  });

  it('adds what an expansion found, and reveals the links among what is shown on request', () => {
    const coordination = { id: 'c', source: FGW, target: JXJ, type: 'COORDINATES_WITH', items: 3 };
    const expansion: ShownGraph = { nodes: [nodeData(JXJ), nodeData(FGW)], edges: [coordination] };
    const expansions = new Map([[FGW, expansion]]);
    const withExtra = indexElements(plan, { nodes: [], edges: [{ data: coordination }] });
    const focus = show(
      { scope: 'focus', selected: KJJ, expanded: [{ id: FGW, limit: 20 }] },
      expansions,
      withExtra,
    );
    expect(ids(focus)).toEqual([FGW, JXJ, KJJ, TASK_A1, TASK_B1, INDICATOR, SUB_1, SUB_2].sort());
    // The star edges only: 科技局's two, and everything at 发改委.
    expect(focus.edges.some((e) => e.source === JXJ && e.target === SUB_2)).toBe(false);
    expect(focus.edges.some((e) => e.type === 'COORDINATES_WITH')).toBe(true);
    const linked = show(
      { scope: 'focus', selected: KJJ, expanded: [{ id: FGW, limit: 20 }], links: true },
      expansions,
      withExtra,
    );
    expect(linked.edges.some((e) => e.source === JXJ && e.target === SUB_2)).toBe(true);
    // In the whole plan, an expansion adds its links to what is there.
    const whole = show({ expanded: [{ id: FGW, limit: 20 }] }, expansions, withExtra);
    expect(whole.edges).toHaveLength(plan.edges.length + 1);
  });
});

describe('what the canvas draws', () => {
  const prefix = commonEnglishPrefix(
    plan.nodes.flatMap((n) => (n.data.englishName ? [n.data.englishName] : [])),
  );

  it('drops the words most English names share', () => {
    expect(prefix).toBe('Wuhan Municipal ');
    expect(commonEnglishPrefix(['A B C', 'D E F'])).toBe('');
    const fgw = nodeData(FGW);
    expect(unitLabel(fgw, 'en', prefix)).toBe('发改 Bureau');
    expect(unitLabel(fgw, 'zh', prefix)).toBe('发改');
  });

  it('clips by character, not by UTF-16 unit', () => {
    expect(clip('创建东湖综合性国家科学中心', 6)).toBe('创建东湖综…');
    expect(clip('短', 6)).toBe('短');
    expect([...clip('𠀀𠀀𠀀𠀀', 3)]).toHaveLength(3);
  });

  it('labels, sizes and classes each element from its data', () => {
    const shown = show({});
    const positions = new Map([[FGW, { x: 1, y: 2 }]]);
    const elements = toElements(shown, {
      lang: 'en',
      englishPrefix: prefix,
      positions,
      layered: true,
    });
    const byId = new Map(elements.map((e) => [e.data.id, e]));
    const fgw = byId.get(FGW) as CyNode;
    expect(fgw.data.display).toBe('发改 Bureau');
    expect(fgw.position).toEqual({ x: 1, y: 2 });
    expect(fgw.classes).toBe('layered');
    expect(fgw.data.size).toBeGreaterThan((byId.get(KJJ) as CyNode).data.size);
    const districts = byId.get(DISTRICTS) as CyNode;
    expect(districts.data.category).toBe('collective');
    expect(districts.data.collective).toBe(true);
    expect(districts.classes).toBe('layered latin');
    const theme = byId.get(THEME_A) as CyNode;
    expect(theme.data.display).toBe('二(一)\ntitle 二(一)');
    const owner = byId.get(`${KJJ}|LEADS|${TASK_B1}`) as CyEdge;
    expect(owner.data.inferred).toBe(true);
    expect((byId.get(`${TASK_A1}|UNDER|${THEME_A}`) as CyEdge).data.inferred).toBe(false);
    expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(plan.nodes.length);
  });
});

describe('the outline and what a selection reaches', () => {
  it('finds an item’s theme through its parents', () => {
    expect(themeOf(index, TASK_A2_PART)).toBe(THEME_A);
    expect(themeOf(index, TASK_B1)).toBe(THEME_B);
    expect(themeOf(index, SUB_1)).toBeNull();
  });

  it('lists an item’s units, leads first in printed order', () => {
    expect(assignmentsOf(index, TASK_A1).map((a) => [a.unit.id, a.edge.type])).toEqual([
      [FGW, 'LEADS'],
      [KJJ, 'SUPPORTS'],
      [DISTRICTS, 'SUPPORTS'],
    ]);
  });

  it('walks from a unit through its items to the themes and projects they serve', () => {
    const reach = reachOf(index, KJJ);
    expect(reach.has(TASK_A1)).toBe(true);
    expect(reach.has(THEME_A)).toBe(true);
    expect(reach.has(THEME_B)).toBe(true);
    expect(reach.has(FGW)).toBe(false);
    const fgw = reachOf(index, FGW);
    expect(fgw.has(PROJECT)).toBe(true);
    expect(fgw.has(`${SUB_1}|PART_OF|${PROJECT}`)).toBe(true);
  });

  it('walks from a theme down to its tasks and the units on them', () => {
    const reach = reachOf(index, THEME_A);
    for (const id of [TASK_A1, TASK_A2, TASK_A2_PART, FGW, KJJ, JXJ, DISTRICTS]) {
      expect(reach.has(id)).toBe(true);
    }
    expect(reach.has(TASK_B1)).toBe(false);
    expect(reach.has(PARTY)).toBe(false);
  });

  it('walks from an item to its units and up to its theme', () => {
    const reach = reachOf(index, TASK_A2_PART);
    expect([...reach].filter((id) => index.nodes.has(id)).sort()).toEqual(
      [DISTRICTS, TASK_A2, TASK_A2_PART, THEME_A].sort(),
    );
  });
});
