// A small plan with deadlines of every kind and progress recorded on known days, shared by the
// war map's API, query and browser tests. Today is 2026-12-07 (the tests' clock); what each item
// should be on the map then is written beside it.
import type { Driver } from 'neo4j-driver';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import type { ProgressUpdate } from '../../contract/progress.ts';

export const WAR_MAP_TEXT = `武汉市2026年重点工作任务分工方案

一、扩大有效投资

序号\t主要任务\t牵头单位\t配合单位\t完成时限
1\t建设智慧停车管理平台\t市发改委\t市财政局\t2026年12月8日
2\t推进城镇老旧小区改造\t市住建局\t市财政局、市发改委\t2026年11月30日
3\t实施河湖水系连通工程\t市水务局\t市生态环境局\t2026年12月31日

二、优化营商环境

序号\t主要任务\t牵头单位\t配合单位\t完成时限
4\t落实结构性减税降费政策\t市税务局\t市财政局\t长期坚持
5\t开展安全生产隐患排查\t市应急局\t市发改委\t每季度
6\t新建公办幼儿园5所\t市教育局\t市财政局\t2026年6月30日
`;

export const WAR_MAP_PLAN = '武汉市-03df12e0';
export const item = (ref: string) => `${WAR_MAP_PLAN}/${ref}`;
export const THEME_INVEST = item('一');
export const THEME_BUSINESS = item('二');
export const FGW = '武汉市/市发改委';
export const CZJ = '武汉市/市财政局';

/** Noon in Wuhan on 2026-12-07, and on later days: the tests' clock. */
export const at = (day: string) => new Date(`${day}T04:00:00Z`);
export const TODAY = '2026-12-07';

/** The records, oldest first, and what each item is on the map on TODAY. */
export const RECORDS: readonly { ref: string; day: string; update: ProgressUpdate }[] = [
  // 6: done before its deadline — done, never stale.
  { ref: '6', day: '2026-06-28', update: { status: 'done', percent: 100, note: '已竣工验收' } },
  // 2: in progress, but due 11-30 and last heard of in September — late and stale.
  { ref: '2', day: '2026-09-01', update: { status: 'in-progress', percent: 50 } },
  // 4: ongoing work paused — paused.
  { ref: '4', day: '2026-11-20', update: { status: 'paused', note: '政策调整' } },
  // 1: due tomorrow, in progress — on track and due soon.
  { ref: '1', day: '2026-12-01', update: { status: 'in-progress', percent: 40, note: '已招标' } },
  // 5: quarterly, no date to pass, but reported late — late, not overdue.
  { ref: '5', day: '2026-12-05', update: { status: 'late', note: '排查进度滞后' } },
  // 3: nothing reported — not started, due soon (12-31), stale.
];

/** Loads the plan (again, if asked) and writes the records. */
export async function loadWarMapPlan(driver: Driver, database: string): Promise<void> {
  await loadPlanText(driver, WAR_MAP_TEXT, 'war-map.txt', { database, force: true });
  await removeWarMapProgress(driver, database);
  for (const { ref, day, update } of RECORDS) {
    await recordProgress(driver, database, {
      itemId: item(ref),
      update,
      by: 'local',
      source: 'update',
      now: at(day),
    });
  }
}

export async function removeWarMapProgress(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run(
      'MATCH (p) WHERE (p:Progress OR p:DeadlineChange) AND p.planId = $planId DETACH DELETE p',
      { planId: WAR_MAP_PLAN },
    );
  } finally {
    await session.close();
  }
}
