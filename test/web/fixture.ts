// A small plan in the API's elements JSON, shaped like the seed: two themes with tasks (one
// with a second part), an indicator, a major project with sub-items, a collective unit, a lead
// named and an owner by the rule. Used by the mapping and layout tests, which need no browser.
import type { EdgeData, Elements, NodeData } from '../../web/src/api/schema.ts';

export const PLAN = 'p';

const unit = (key: string, load: number, extra: Partial<NodeData> = {}): NodeData => ({
  id: `市/${key}`,
  kind: 'unit',
  label: key,
  name: key,
  labelEn: `Wuhan Municipal ${key} Bureau`,
  englishName: `Wuhan Municipal ${key} Bureau`,
  category: 'government-department',
  collective: false,
  load,
  ...extra,
});

const item = (
  kind: string,
  ref: string,
  sortKey: number,
  parentId: string | null,
  extra: Partial<NodeData> = {},
): NodeData => ({
  id: `${PLAN}/${ref}`,
  kind,
  label: `title ${ref}`,
  title: `title ${ref}`,
  ref,
  sortKey,
  parentId,
  ...extra,
});

export const THEME_A = `${PLAN}/二(一)`;
export const THEME_B = `${PLAN}/二(二)`;
export const TASK_A1 = `${PLAN}/二(一)1`;
export const TASK_A2 = `${PLAN}/二(一)2`;
export const TASK_A2_PART = `${PLAN}/二(一)2之二`;
export const TASK_B1 = `${PLAN}/二(二)1`;
export const INDICATOR = `${PLAN}/一(一)1`;
export const PROJECT = `${PLAN}/三(一)`;
export const SUB_1 = `${PLAN}/三(一)1`;
export const SUB_2 = `${PLAN}/三(一)2`;
export const FGW = '市/发改';
export const JXJ = '市/经信';
export const KJJ = '市/科技';
export const DISTRICTS = '市/各区人民政府';
export const PARTY = '市/宣传部';

export const nodes: NodeData[] = [
  unit('发改', 10),
  unit('经信', 4),
  unit('科技', 2.5),
  unit('各区人民政府', 3, {
    collective: true,
    category: 'collective',
    labelEn: 'All district governments',
    englishName: 'All district governments',
  }),
  unit('宣传部', 1, { category: 'party-organ', labelEn: 'Publicity Department' }),
  item('indicator', '一(一)1', 1, null, { binding: true }),
  item('theme', '二(一)', 2, null),
  item('task', '二(一)1', 3, THEME_A),
  item('task', '二(一)2', 4, THEME_A),
  item('task', '二(一)2之二', 5, TASK_A2),
  item('theme', '二(二)', 6, null),
  item('task', '二(二)1', 7, THEME_B),
  item('project', '三(一)', 8, null),
  item('project', '三(一)1', 9, PROJECT),
  item('project', '三(一)2', 10, PROJECT),
];

const assign = (
  source: string,
  target: string,
  type: 'LEADS' | 'SUPPORTS',
  inferred = false,
): EdgeData => ({
  id: `${source}|${type}|${target}`,
  source,
  target,
  type,
  role: type === 'LEADS' && !inferred ? '牵头单位' : '责任单位',
  inferred,
});

const outline = (source: string, target: string, type: 'UNDER' | 'PART_OF'): EdgeData => ({
  id: `${source}|${type}|${target}`,
  source,
  target,
  type,
});

export const edges: EdgeData[] = [
  assign(FGW, INDICATOR, 'LEADS'),
  assign(JXJ, INDICATOR, 'SUPPORTS'),
  assign(FGW, TASK_A1, 'LEADS'),
  assign(KJJ, TASK_A1, 'SUPPORTS'),
  assign(DISTRICTS, TASK_A1, 'SUPPORTS'),
  assign(JXJ, TASK_A2, 'LEADS'),
  assign(DISTRICTS, TASK_A2_PART, 'LEADS', true),
  assign(KJJ, TASK_B1, 'LEADS', true),
  assign(PARTY, PROJECT, 'LEADS'),
  assign(FGW, SUB_1, 'LEADS', true),
  assign(JXJ, SUB_2, 'SUPPORTS'),
  assign(FGW, SUB_2, 'LEADS'),
  outline(TASK_A1, THEME_A, 'UNDER'),
  outline(TASK_A2, THEME_A, 'UNDER'),
  outline(TASK_A2_PART, TASK_A2, 'UNDER'),
  outline(TASK_B1, THEME_B, 'UNDER'),
  outline(SUB_1, PROJECT, 'PART_OF'),
  outline(SUB_2, PROJECT, 'PART_OF'),
];

export const plan: Elements = {
  nodes: nodes.map((data) => ({ data })),
  edges: edges.map((data) => ({ data })),
};

export const planNodeIds = nodes.map((node) => node.id);
