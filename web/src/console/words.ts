// A named query in the planner's language: its title, description, parameter labels and result
// columns, as its cypher/ header gives them in Chinese and English. Raw names (`themesReached`,
// `planId`) are what scripts use; a planner reads 涉及主题 and 规划. Pure.
import type { QueryColumnInfo, QueryInfo, QueryParamInfo } from '../api/schema.ts';
import type { Lang } from '../i18n/messages.ts';

const pick = (lang: Lang, zh: string | null | undefined, en: string | null | undefined) =>
  (lang === 'zh' ? zh : en) ?? en ?? zh ?? undefined;

export function queryTitle(lang: Lang, query: Pick<QueryInfo, 'purpose' | 'purposeZh'>): string {
  return pick(lang, query.purposeZh, query.purpose) ?? query.purpose;
}

export function queryDescription(
  lang: Lang,
  query: Pick<QueryInfo, 'description' | 'descriptionZh'>,
): string {
  return pick(lang, query.descriptionZh, query.description) ?? '';
}

export function paramLabel(lang: Lang, param: Pick<QueryParamInfo, 'name' | 'label' | 'labelZh'>) {
  return pick(lang, param.labelZh, param.label) ?? param.name;
}

/**
 * A result column's label and meaning. A column the query does not declare (the planner's own
 * Cypher) is shown by its name: it is the planner's own word.
 */
export function columnWords(
  lang: Lang,
  columns: readonly QueryColumnInfo[],
  name: string,
): { label: string; meaning: string } {
  const column = columns.find((each) => each.name === name);
  if (column === undefined) return { label: name, meaning: '' };
  return {
    label: pick(lang, column.labelZh, column.label) ?? name,
    meaning: pick(lang, column.meaningZh, column.meaning) ?? '',
  };
}
