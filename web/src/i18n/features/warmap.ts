// The words of the war map (作战图), its filters and legend, and the timeline (时间轴), in Chinese
// and English. Statuses keep the ledger's own words (contract/progress.ts STATUS_WORDS); the map's
// five states are named here.
import type { MapState } from '../../../../contract/api/progress-map.ts';
import { featureWords } from '../feature-words.ts';
import type { Lang } from '../messages.ts';

export const zh = {
  warmap: '作战图',
  warmapHint: '按进展状态为事项着色,单位按工作量定大小,扇形为其滞后事项占比',
  warmapLegend: '作战图',
  warmapToday: '截至 {today}',
  warmapUnitRing: '单位扇形:滞后事项占比',
  warmapLoading: '正在读取进展…',
  warmapFailed: '进展读取失败:{problem}',
  warFiltersLabel: '进展筛选',
  warFilter_overdue: '已逾期',
  warFilter_soon: '30日内到期',
  warFilter_stale: '60日未报送进展',
  warFiltersHint: '只突出符合任一所选条件的事项',
  warState_done: '已完成',
  warState_on_track: '正常推进',
  warState_late: '滞后',
  warState_not_started: '未启动',
  warState_paused: '暂缓',
  viewTimeline: '时间轴',
  timelineTitle: '按完成时限排列的事项',
  timelineGroupLabel: '分组',
  timelineByTheme: '按主题',
  timelineByUnit: '按牵头单位',
  timelineMonth: '{year}年{month}月',
  timelineRecurring: '定期(每季度等)',
  timelineOngoing: '长期',
  timelineUndated: '未定时限',
  timelineNoTheme: '主题以外',
  timelineNoLead: '未列牵头单位',
  timelineEmpty: '没有符合条件的事项',
  timelineLate: '滞后',
  timelineCount: '{n} 项',
  timelineItemLabel: '{ref} {title}:{state},完成时限 {deadline}',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  warmap: 'War map',
  warmapHint:
    'Items coloured by progress; units sized by load, their wedge the share of their items late',
  warmapLegend: 'War map',
  warmapToday: 'As of {today}',
  warmapUnitRing: 'Unit wedge: share of its items late',
  warmapLoading: 'Reading progress…',
  warmapFailed: 'Progress could not be read: {problem}',
  warFiltersLabel: 'Progress filters',
  warFilter_overdue: 'Overdue',
  warFilter_soon: 'Due in 30 days',
  warFilter_stale: 'No progress in 60 days',
  warFiltersHint: 'Only items meeting any chosen condition stand out',
  warState_done: 'Done',
  warState_on_track: 'On track',
  warState_late: 'Late',
  warState_not_started: 'Not started',
  warState_paused: 'Paused',
  viewTimeline: 'Timeline',
  timelineTitle: 'Items by deadline',
  timelineGroupLabel: 'Group',
  timelineByTheme: 'By theme',
  timelineByUnit: 'By lead unit',
  timelineMonth: '{month}/{year}',
  timelineRecurring: 'Recurring (quarterly …)',
  timelineOngoing: 'Ongoing',
  timelineUndated: 'No deadline',
  timelineNoTheme: 'Outside the themes',
  timelineNoLead: 'No lead named',
  timelineEmpty: 'No items meet the filters',
  timelineLate: 'Late',
  timelineCount: '{n} items',
  timelineItemLabel: '{ref} {title}: {state}, deadline {deadline}',
};

export type WarmapWord = keyof typeof zh;

const WORDS: Record<Lang, Record<WarmapWord, string>> = { zh, en };

/** A word of the war map, `{name}`s filled in. */
export const warmapWord = featureWords<WarmapWord>(WORDS);

/** A map state in words (`on-track` → 正常推进). */
export function mapStateWord(lang: Lang, state: MapState): string {
  return warmapWord(lang, `warState_${state.replace('-', '_')}` as WarmapWord);
}
