// The words of a comparison of editions, in Chinese and English: how sure a pairing is, what
// changed, a unit's change of role, and the tables' headers. Here because both sides print them:
// the server its CSV (graph/editions/csv.ts), the browser its table
// (web/src/i18n/features/editions.ts builds on these).
import type { ItemChangeKind, MatchCertainty, UnitChangeKind } from './api/editions.ts';

export type EditionLang = 'zh' | 'en';

type Words<K extends string> = Record<K, { zh: string; en: string }>;

/** How sure a pairing is, as a short word and as the rule behind it. */
export const CERTAINTY_WORDS: Words<MatchCertainty> = {
  same: { zh: '一致', en: 'Same' },
  renumbered: { zh: '编号变更', en: 'Renumbered' },
  reworded: { zh: '措辞调整', en: 'Reworded' },
  likely: { zh: '疑似对应', en: 'Likely' },
};

export const CERTAINTY_RULES: Words<MatchCertainty> = {
  same: { zh: '编号、标题均一致', en: 'Same number and title' },
  renumbered: {
    zh: '标题一致,编号不同(两版中各仅一项为此标题)',
    en: 'Same title under another number (the only item so titled in each edition)',
  },
  reworded: {
    zh: '编号一致,标题相近(相同字对过半)',
    en: 'Same number, titles alike (at least half their character pairs in common)',
  },
  likely: {
    zh: '编号不同,仅标题相近(互为唯一候选),请核对;进展记录不随之迁移',
    en: 'Another number, alike by wording only (each the other’s only candidate): check it; progress records do not follow it',
  },
};

export const CHANGE_WORDS: Words<ItemChangeKind> = {
  added: { zh: '新增', en: 'Added' },
  removed: { zh: '删除', en: 'Removed' },
  reworded: { zh: '措辞调整', en: 'Reworded' },
  renumbered: { zh: '编号变更', en: 'Renumbered' },
  moved: { zh: '调整归属', en: 'Moved' },
  units: { zh: '责任单位变化', en: 'Units changed' },
};

export const UNIT_CHANGE_WORDS: Words<UnitChangeKind> = {
  'lead-gained': { zh: '新增牵头', en: 'Lead gained' },
  'lead-lost': { zh: '不再牵头', en: 'Lead lost' },
  'support-gained': { zh: '新增配合', en: 'Support gained' },
  'support-lost': { zh: '不再配合', en: 'Support lost' },
};

export const KIND_WORDS: Words<'indicator' | 'theme' | 'task' | 'project' | 'requirement'> = {
  indicator: { zh: '指标', en: 'Indicator' },
  theme: { zh: '主题', en: 'Theme' },
  task: { zh: '任务', en: 'Task' },
  project: { zh: '重大工程', en: 'Project' },
  requirement: { zh: '工作要求', en: 'Requirement' },
};

/** The changed items' table, column by column. */
export const ITEM_COLUMNS = {
  changes: { zh: '变化', en: 'Change' },
  match: { zh: '对应依据', en: 'Match' },
  likeness: { zh: '标题相似度', en: 'Title likeness' },
  kind: { zh: '类型', en: 'Kind' },
  fromRef: { zh: '原编号', en: 'Old number' },
  fromTitle: { zh: '原标题', en: 'Old title' },
  fromParent: { zh: '原所属', en: 'Old theme' },
  toRef: { zh: '新编号', en: 'New number' },
  toTitle: { zh: '新标题', en: 'New title' },
  toParent: { zh: '新所属', en: 'New theme' },
  units: { zh: '单位变化', en: 'Units' },
  candidates: { zh: '可能对应', en: 'Might be' },
} as const;
export type ItemColumn = keyof typeof ITEM_COLUMNS;

/** The units' totals table, column by column. */
export const UNIT_COLUMNS = {
  unit: { zh: '单位', en: 'Unit' },
  leadsGained: { zh: '新增牵头', en: 'Leads gained' },
  leadsLost: { zh: '不再牵头', en: 'Leads lost' },
  supportsGained: { zh: '新增配合', en: 'Supports gained' },
  supportsLost: { zh: '不再配合', en: 'Supports lost' },
} as const;
export type UnitColumn = keyof typeof UNIT_COLUMNS;

/** A likeness as a planner reads it: 0.88 → 88%. */
export const percent = (likeness: number) => `${Math.round(likeness * 100)}%`;

/** What a downloaded comparison is called: 武汉十四五分工-版本对比-2026-12-07.csv. */
export const EDITIONS_FILE_WORD: Record<EditionLang, string> = {
  zh: '版本对比',
  en: 'editions-compared',
};
