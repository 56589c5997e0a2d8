// The unit panel's figures over every plan that names the unit (units/gt-unit-plans.ts).
import { featureWords } from '../feature-words.ts';

const zh = {
  unitPlansTitle: '全部规划',
  unitPlansHint:
    '已载入的规划中有 {count} 份点名该单位:每份的数字与该规划的工作量排名相同,合计即“全部规划工作量”排名中它的一行。点规划名切换到该规划。',
  unitPlansPlan: '规划',
  unitPlansTotal: '合计({count} 份)',
  unitPlansShown: '当前查看',
  unitPlansOpen: '切换到这份规划,仍选中该单位',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof zh, string> = {
  unitPlansTitle: 'All plans',
  unitPlansHint:
    '{count} of the loaded plans name this unit: each plan’s figures are its unit-load ranking’s; the total is the unit’s row in “Load over all plans”. Click a plan to switch to it.',
  unitPlansPlan: 'Plan',
  unitPlansTotal: 'Total ({count} plans)',
  unitPlansShown: 'shown',
  unitPlansOpen: 'Switch to this plan, the unit still chosen',
};

export type UnitPlansWord = keyof typeof zh;

/** A word of the feature, `{name}`s filled in. */
export const unitPlansWord = featureWords<UnitPlansWord>({ zh, en });
