// Values read from the graph, in the planner's words: edge types, item kinds, unit categories,
// the reasons and flags the named queries return. The raw value stays what the API sent (JSON
// exports keep it); only what is shown and written to spreadsheets is put into words.
import { categoryName, kindName, msg, type Lang } from './messages.ts';
import { EDGE_WORDS } from './features/roles.ts';
import { STATUS_WORDS, TRACK_WORDS, type Status, type Track } from '../../../contract/progress.ts';

/** LEADS → 牵头, SUPPORTS → 配合: the one pair of words for the two edge types. */
export function edgeWord(lang: Lang, type: string): string {
  if (type === 'LEADS') return EDGE_WORDS.LEADS[lang];
  if (type === 'SUPPORTS') return EDGE_WORDS.SUPPORTS[lang];
  return type;
}

/** A lead count with its inferred part counted apart: "53(其中推定 16)"; "53" when none is. */
export function leadCountText(lang: Lang, count: number, inferred: number | null | undefined) {
  return inferred === null || inferred === undefined || inferred === 0
    ? String(count)
    : msg(lang, 'leadCountInferred', { n: count, inferred });
}

/** Why an item has no single owner (unowned-items' `reason`). */
const REASONS: Record<string, { zh: string; en: string }> = {
  'no-lead': { zh: '未列牵头单位', en: 'No lead named' },
  'collective-only': { zh: '仅由集合单位牵头', en: 'Led by collective units only' },
  delegated: { zh: '按其他文件分工', en: 'Delegated to another notice' },
};

/** Columns whose strings are item kinds (task, indicator …), read by their name. */
const KIND_COLUMN = /(^|[a-z])(kind|Kind)$/;
const CATEGORY_COLUMN = /(^|[a-z])(category|Category)$/;

/**
 * A result cell's value in words, or undefined when the value is not one of the graph's enums
 * (names, titles and numbers are shown as they are). Lists are put into words item by item.
 */
export function valueWords(lang: Lang, column: string, value: unknown): string | undefined {
  if (typeof value === 'boolean') return msg(lang, value ? 'yes' : 'no');
  if (typeof value !== 'string') return undefined;
  if (value === 'LEADS' || value === 'SUPPORTS') return edgeWord(lang, value);
  // path-between-units' `link`: the edge type, then the role word as printed.
  const typed = /^(LEADS|SUPPORTS)\s+(.+)$/.exec(value);
  if (typed !== null) return `${edgeWord(lang, typed[1] ?? '')}(${typed[2]})`;
  if (KIND_COLUMN.test(column)) return kindName(lang, value);
  if (CATEGORY_COLUMN.test(column)) return categoryName(lang, value);
  // The progress rankings' status (in-progress → 推进中) and an indicator's track.
  if (column === 'status' && value in STATUS_WORDS) return STATUS_WORDS[value as Status][lang];
  if (column === 'track' && value in TRACK_WORDS) return TRACK_WORDS[value as Track][lang];
  const reason = REASONS[value];
  if (column === 'reason' && reason !== undefined) return reason[lang];
  return undefined;
}

/** The properties a delegated-to document or an unknown node carries, named for a planner. */
const PROPERTIES: Record<string, { zh: string; en: string }> = {
  id: { zh: '编号', en: 'Id' },
  kind: { zh: '类型', en: 'Kind' },
  label: { zh: '名称', en: 'Name' },
  name: { zh: '名称', en: 'Name' },
  title: { zh: '标题', en: 'Title' },
  number: { zh: '文号', en: 'Number' },
  ref: { zh: '序号', en: 'Ref.' },
  planId: { zh: '规划', en: 'Plan' },
  issuer: { zh: '发文单位', en: 'Issuer' },
  date: { zh: '日期', en: 'Date' },
  jurisdiction: { zh: '辖区', en: 'Jurisdiction' },
  line: { zh: '行号', en: 'Line' },
  itemCount: { zh: '事项数', en: 'Items' },
  unitCount: { zh: '单位数', en: 'Units' },
  edgeCount: { zh: '分工关系数', en: 'Assignments' },
};

/** A node property's name in the planner's language; one the app does not know keeps its own. */
export function propertyName(lang: Lang, key: string): string {
  return PROPERTIES[key]?.[lang] ?? key;
}
