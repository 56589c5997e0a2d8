// Every word the interface shows, in Chinese and English. Planners read Chinese first; the English
// is for briefings with visitors. Unit names switch too (their `labelEn`), items keep the text
// as printed: the notice has no English.
import * as briefing from './features/briefing.ts';
import * as consoleWords from './features/console.ts';
import * as hotspots from './features/hotspots.ts';
import * as importWords from './features/import.ts';
import * as roles from './features/roles.ts';
import * as search from './features/search.ts';

export type Lang = 'zh' | 'en';

const zh = {
  appTitle: '挂图作战 · 任务分工图谱',
  loading: '正在加载…',
  error: '出错了',
  retry: '重试',
  searchLabel: '查找单位、任务或指标',
  searchPlaceholder: '搜索单位、任务… (按 / 聚焦)',
  searchEmpty: '没有找到匹配项',
  searchHint: '支持中文、繁体、拼音、首字母(fgw)与英文',
  language: 'English',
  languageLabel: '切换到英文',
  layoutLayered: '分层',
  layoutForce: '力导向',
  layoutLabel: '布局',
  viewGraph: '图谱',
  viewTable: '表格',
  viewLabel: '视图',
  fit: '全图',
  scopePlan: '全部',
  scopeFocus: '聚焦所选',
  scopeLabel: '范围',
  filters: '筛选',
  kinds: '类型',
  roles: '角色',
  theme: '主题',
  allThemes: '全部主题',
  categories: '单位类别',
  collectives: '集合单位',
  reset: '重置',
  legend: '图例',
  expand: '展开',
  collapse: '收起',
  hide: '隐藏',
  showHidden: '显示已隐藏 ({n})',
  revealLinks: '显示相互关系',
  more: '再显示 {n} 个',
  showOnGraph: '在图中定位',
  close: '关闭',
  counts: '{nodes} 个节点 · {edges} 条关系',
  graphLabel: '任务分工图谱:{nodes} 个节点。方向键平移,+ − 缩放,0 全图;可用表格视图逐条浏览。',
  panelLabel: '详情',
  shortName: '简称',
  fullName: '全称',
  englishName: '英文名',
  category: '类别',
  themesReached: '涉及主题',
  load: '工作量',
  items: '承担事项',
  otherItems: '指标、工程与要求',
  partners: '协同单位',
  sharedItems: '共同事项 {n} 项',
  ref: '序号',
  text: '原文',
  source: '出处',
  sourceLine: '第 {line} 行',
  reach: '涉及单位',
  tasks: '任务',
  none: '无',
  collective: '集合单位',
  unverified: '未核实',
  unitCount: '单位',
  themeCount: '主题',
  tableCaption: '当前显示的节点',
  tableName: '名称',
  tableKind: '类型',
  tableRef: '序号',
  kind_unit: '单位',
  kind_theme: '主题',
  kind_task: '任务',
  kind_indicator: '指标',
  kind_project: '重大工程',
  kind_requirement: '工作要求',
  kind_plan: '规划',
  kind_document: '文件',
  kind_other: '其他',
  cat_government_department: '政府部门',
  cat_party_organ: '党委部门',
  cat_peoples_organisation: '人民团体',
  cat_development_zone_committee: '开发区管委会',
  cat_district_government: '区政府',
  cat_vertical_agency: '垂直管理机构',
  cat_public_institution: '事业单位',
  cat_state_enterprise: '国有企业',
  cat_working_group: '工作专班',
  cat_collective: '集合单位',
  cat_unknown: '未分类',
  binding: '约束性',
  expected: '预期性',
  toolsLabel: '分析工具',
  toolHotspots: '热点',
  toolPaths: '路径',
  toolConsole: '查询',
  toolViews: '汇报',
  ...hotspots.zh,
  ...consoleWords.zh,
  ...briefing.zh,
  ...importWords.zh,
  ...roles.zh,
  ...search.zh,
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appTitle: 'Guatu · who answers for the plan',
  loading: 'Loading…',
  error: 'Something went wrong',
  retry: 'Retry',
  searchLabel: 'Find a unit, task or indicator',
  searchPlaceholder: 'Search units, tasks… (press / )',
  searchEmpty: 'No match',
  searchHint: 'Chinese, Traditional, pinyin, initials (fgw) or English',
  language: '中文',
  languageLabel: 'Switch to Chinese',
  layoutLayered: 'Layered',
  layoutForce: 'Force',
  layoutLabel: 'Layout',
  viewGraph: 'Graph',
  viewTable: 'Table',
  viewLabel: 'View',
  fit: 'Fit',
  scopePlan: 'All',
  scopeFocus: 'Focus',
  scopeLabel: 'Scope',
  filters: 'Filters',
  kinds: 'Kinds',
  roles: 'Roles',
  theme: 'Theme',
  allThemes: 'All themes',
  categories: 'Categories',
  collectives: 'Collectives',
  reset: 'Reset',
  legend: 'Legend',
  expand: 'Expand',
  collapse: 'Collapse',
  hide: 'Hide',
  showHidden: 'Show hidden ({n})',
  revealLinks: 'Reveal links',
  more: '{n} more',
  showOnGraph: 'Show on graph',
  close: 'Close',
  counts: '{nodes} nodes · {edges} links',
  graphLabel:
    'Task-division graph: {nodes} nodes. Arrows pan, + and − zoom, 0 fits; the table view lists them one by one.',
  panelLabel: 'Details',
  shortName: 'Short name',
  fullName: 'Full name',
  englishName: 'English name',
  category: 'Category',
  themesReached: 'Themes reached',
  load: 'Load',
  items: 'Items',
  otherItems: 'Indicators, projects and requirements',
  partners: 'Coordination partners',
  sharedItems: '{n} shared items',
  ref: 'Ref.',
  text: 'Text',
  source: 'Source',
  sourceLine: 'line {line}',
  reach: 'Units reaching this theme',
  tasks: 'tasks',
  none: 'None',
  collective: 'Collective',
  unverified: 'Unverified',
  unitCount: 'Units',
  themeCount: 'Themes',
  tableCaption: 'Nodes on screen',
  tableName: 'Name',
  tableKind: 'Kind',
  tableRef: 'Ref.',
  kind_unit: 'Unit',
  kind_theme: 'Theme',
  kind_task: 'Task',
  kind_indicator: 'Indicator',
  kind_project: 'Project',
  kind_requirement: 'Requirement',
  kind_plan: 'Plan',
  kind_document: 'Document',
  kind_other: 'Other',
  cat_government_department: 'Government department',
  cat_party_organ: 'Party organ',
  cat_peoples_organisation: "People's organisation",
  cat_development_zone_committee: 'Development-zone committee',
  cat_district_government: 'District government',
  cat_vertical_agency: 'Vertically managed agency',
  cat_public_institution: 'Public institution',
  cat_state_enterprise: 'State enterprise',
  cat_working_group: 'Working group',
  cat_collective: 'Collective',
  cat_unknown: 'Uncategorised',
  binding: 'Binding',
  expected: 'Expected',
  toolsLabel: 'Analysis tools',
  toolHotspots: 'Hotspots',
  toolPaths: 'Paths',
  toolConsole: 'Console',
  toolViews: 'Briefing',
  ...hotspots.en,
  ...consoleWords.en,
  ...briefing.en,
  ...importWords.en,
  ...roles.en,
  ...search.en,
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** The message in that language, `{name}` placeholders filled. */
export function msg(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}) {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A node kind's name; kinds the app does not know read as "other". */
export function kindName(lang: Lang, kind: string): string {
  const key = `kind_${kind}`;
  return key in zh ? msg(lang, key as MessageKey) : msg(lang, 'kind_other');
}

/** A unit category's name (`government-department` → 政府部门). */
export function categoryName(lang: Lang, category: string | null | undefined): string {
  const key = `cat_${(category ?? 'unknown').replace(/-/g, '_')}`;
  return key in zh ? msg(lang, key as MessageKey) : (category ?? msg(lang, 'cat_unknown'));
}

/**
 * The short badge for a unit's role on an item: the role word as printed (牵头单位 → 牵头) in
 * Chinese, its meaning in English; an owner by the rule keeps its printed word and says it was
 * made a lead by the rule (责任(推定牵头)).
 */
export function roleBadge(
  lang: Lang,
  edge: string,
  role: string | null | undefined,
  inferred: boolean | null | undefined,
): string {
  const word = (role ?? '').replace(/单位$/, '');
  const owner = edge === 'LEADS' && inferred === true;
  if (lang === 'zh') {
    if (owner)
      return word === '' ? msg(lang, 'roleOwner') : msg(lang, 'roleOwnerPrinted', { word });
    return word !== '' ? word : msg(lang, edge === 'LEADS' ? 'roleLead' : 'roleSupport');
  }
  const english: Record<string, string> = {
    责任: 'Responsible',
    配合: 'Cooperating',
    协办: 'Assisting',
    参与: 'Participating',
    主办: 'Host',
  };
  if (owner) {
    const printed = english[word];
    return printed === undefined
      ? msg(lang, 'roleOwner')
      : msg(lang, 'roleOwnerPrinted', { word: printed });
  }
  if (edge === 'LEADS') return msg(lang, 'roleLead');
  return english[word] ?? msg(lang, 'roleSupport');
}
