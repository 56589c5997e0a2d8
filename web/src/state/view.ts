// What the planner is looking at, as one value: selection, filters, layout, language, what was
// expanded or hidden. It lives in the URL's query string so a link shows a colleague the same
// view; defaults are left out, so the plain address is the whole plan.
import { PLAN_PARAM } from '../../../contract/api/plan-graph-url.ts';
import type { Lang } from '../i18n/messages.ts';
import { DEFAULT_WARMAP_VIEW, readWarmapView, writeWarmapView, type WarmapView } from './warmap.ts';
import { DEFAULT_MATRIX_VIEW, readMatrixView, writeMatrixView, type MatrixView } from './matrix.ts';
import {
  DEFAULT_PLANS_SCOPE_VIEW,
  readPlansScopeView,
  writePlansScopeView,
  type PlansScopeView,
} from './plans-scope.ts';
import {
  DEFAULT_COMPARE_VIEW,
  readCompareView,
  writeCompareView,
  type CompareView,
} from '../editions/compare-view.ts';

export type Layout = 'layered' | 'force';
export type Scope = 'plan' | 'focus';
export type Role = 'lead' | 'owner' | 'support';
/** The tool open in the side panel: rankings, paths, the Cypher console, saved views. */
export type Tool = 'hotspots' | 'paths' | 'console' | 'views';
export const TOOLS: readonly Tool[] = ['hotspots', 'paths', 'console', 'views'];

/** Kinds a planner can switch on and off; other kinds (documents, …) always show when fetched. */
export const FILTER_KINDS = [
  'unit',
  'theme',
  'indicator',
  'task',
  'project',
  'requirement',
] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

export const ROLES: readonly Role[] = ['lead', 'owner', 'support'];

/** How many neighbours an expansion shows at first; "N more" raises it. */
export const EXPAND_LIMIT = 20;
export const EXPAND_MAX = 500;

export interface Expansion {
  id: string;
  limit: number;
}

export interface ViewState extends WarmapView, CompareView, MatrixView, PlansScopeView {
  plan: string | null;
  selected: string | null;
  layout: Layout;
  lang: Lang;
  /** The whole plan, or only the selection and what was expanded from it. */
  scope: Scope;
  kinds: readonly FilterKind[];
  roles: readonly Role[];
  /** Theme id: only its tasks and the units on them. */
  theme: string | null;
  /** Unit categories switched off. */
  hiddenCategories: readonly string[];
  collectives: boolean;
  expanded: readonly Expansion[];
  hidden: readonly string[];
  /** In focus scope, draw every known link among the nodes shown, not only the expansions'. */
  links: boolean;
  table: boolean;
  tool: Tool | null;
  /** Heat styling: units sized and coloured by this metric (a unit's metric name), or none. */
  metric: string | null;
  /** Ids lit on the canvas by a ranking row, a path or a console result; the rest fades. */
  marked: readonly string[];
  /**
   * The ranking whose row is lit, and that row's key (its units' names, `市发改委|市经信局`): the
   * address names the row, not the dozens of ids it lights, which are worked out again on opening.
   */
  hot: string | null;
  row: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  plan: null,
  selected: null,
  layout: 'layered',
  lang: 'zh',
  scope: 'plan',
  kinds: FILTER_KINDS,
  roles: ROLES,
  theme: null,
  hiddenCategories: [],
  collectives: true,
  expanded: [],
  hidden: [],
  links: false,
  table: false,
  tool: null,
  metric: null,
  marked: [],
  hot: null,
  row: null,
  ...DEFAULT_WARMAP_VIEW,
  ...DEFAULT_COMPARE_VIEW,
  ...DEFAULT_MATRIX_VIEW,
  ...DEFAULT_PLANS_SCOPE_VIEW,
};

const isFilterKind = (value: string): value is FilterKind =>
  (FILTER_KINDS as readonly string[]).includes(value);
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** A vocabulary list, in the vocabulary's order, duplicates dropped. */
function pick<T extends string>(
  raw: string | null,
  all: readonly T[],
  keep: (v: string) => v is T,
) {
  if (raw === null) return all;
  const chosen = new Set(raw.split(',').filter(keep));
  return all.filter((value) => chosen.has(value));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

// An expansion travels as `id`, or `limit*id` when its limit is not the default (or when the id
// itself could be read as one: ids hold slashes, brackets and Chinese, a count and star is rare).
const COUNTED = /^(\d{1,4})\*(.+)$/;

function readExpansion(raw: string): Expansion | null {
  const match = COUNTED.exec(raw);
  if (match === null) return raw === '' ? null : { id: raw, limit: EXPAND_LIMIT };
  const limit = Math.min(EXPAND_MAX, Math.max(1, Number(match[1])));
  return { id: match[2] ?? '', limit };
}

/** The view a query string describes; anything unreadable falls back to its default. */
export function readView(search: string): ViewState {
  const query = new URLSearchParams(search);
  const layout = query.get('layout');
  const lang = query.get('lang');
  const hot = query.get('hot') || null;
  const row = hot === null ? null : query.get('row') || null;
  const lit = hot !== null && row !== null;
  const expanded = new Map<string, Expansion>();
  for (const raw of query.getAll('exp')) {
    const expansion = readExpansion(raw);
    if (expansion !== null) expanded.set(expansion.id, expansion);
  }
  return {
    plan: query.get(PLAN_PARAM) || null,
    selected: query.get('sel') || null,
    layout: layout === 'force' ? 'force' : 'layered',
    lang: lang === 'en' ? 'en' : 'zh',
    scope: query.get('scope') === 'focus' ? 'focus' : 'plan',
    kinds: pick(query.get('kinds'), FILTER_KINDS, isFilterKind),
    roles: pick(query.get('roles'), ROLES, isRole),
    theme: query.get('theme') || null,
    hiddenCategories: unique((query.get('nocat') ?? '').split(',')).sort(),
    collectives: query.get('coll') !== '0',
    expanded: [...expanded.values()],
    hidden: unique(query.getAll('hide')),
    links: query.get('links') === '1',
    table: query.get('table') === '1',
    // A lit ranking row opens the rankings, where its details are listed (`tool=` keeps them shut).
    tool:
      TOOLS.find((tool) => tool === query.get('tool')) ??
      (lit && !query.has('tool') ? 'hotspots' : null),
    metric: query.get('metric') || null,
    // A row's ids are worked out again from its key; old links listing them (`mark=`) still light.
    marked: lit ? [] : unique(query.getAll('mark')),
    hot: lit ? hot : null,
    row: lit ? row : null,
    ...readWarmapView(query),
    ...readCompareView(query),
    ...readMatrixView(query),
    ...readPlansScopeView(query),
  };
}

/** The query string (without `?`) for a view; only what differs from the defaults. */
export function writeView(view: ViewState): string {
  const query = new URLSearchParams();
  if (view.plan !== null) query.set(PLAN_PARAM, view.plan);
  if (view.selected !== null) query.set('sel', view.selected);
  if (view.layout !== DEFAULT_VIEW.layout) query.set('layout', view.layout);
  if (view.lang !== DEFAULT_VIEW.lang) query.set('lang', view.lang);
  if (view.scope !== DEFAULT_VIEW.scope) query.set('scope', view.scope);
  if (view.kinds.length !== FILTER_KINDS.length) query.set('kinds', view.kinds.join(','));
  if (view.roles.length !== ROLES.length) query.set('roles', view.roles.join(','));
  if (view.theme !== null) query.set('theme', view.theme);
  if (view.hiddenCategories.length > 0) {
    query.set('nocat', [...view.hiddenCategories].sort().join(','));
  }
  if (!view.collectives) query.set('coll', '0');
  for (const { id, limit } of view.expanded) {
    const plain = limit === EXPAND_LIMIT && !COUNTED.test(id);
    query.append('exp', plain ? id : `${limit}*${id}`);
  }
  for (const id of view.hidden) query.append('hide', id);
  if (view.links) query.set('links', '1');
  if (view.table) query.set('table', '1');
  const lit = view.hot !== null && view.row !== null;
  if (view.tool !== null && !(lit && view.tool === 'hotspots')) query.set('tool', view.tool);
  if (view.tool === null && lit) query.set('tool', '');
  if (view.metric !== null) query.set('metric', view.metric);
  if (lit) {
    query.set('hot', view.hot ?? '');
    query.set('row', view.row ?? '');
  } else {
    for (const id of view.marked) query.append('mark', id);
  }
  writeWarmapView(view, query);
  writeCompareView(view, query);
  writeMatrixView(view, query);
  writePlansScopeView(view, query);
  // A row's key joins names with `|`, which a query may hold as it is: 市发改委|市经信局 reads
  // better in a shared link than %7C.
  return query.toString().replaceAll('%7C', '|');
}

/** A toggled member of a list, keeping the vocabulary's order when one is given. */
export function toggle<T extends string>(list: readonly T[], value: T, order?: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return order === undefined ? next : order.filter((v) => next.includes(v));
}
