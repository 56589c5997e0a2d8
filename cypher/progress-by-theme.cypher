// progress-by-theme — each strategic theme's tasks by status, the themes furthest behind first
// zh: 分主题进展:每个战略主题下任务的状态分布,进度最落后的主题在前
//
// behind: A task is behind when it is late on the war map: overdue (the deadline in force has
//   passed and it is not done; a paused task counts too), or reported late (滞后). A task not
//   started whose deadline has passed is behind; one not started with time left is not.
// behindShare: Tasks behind as a share of the theme's tasks; a theme's tasks include their
//   second parts (之二).
// status: A task's status is its latest progress record's, else the status its ledger prints
//   (状态: 推进中, 滞后 …); without either it counts as not started.
// zh: 落后:作战图上的滞后,即已逾期(现行完成时限已过而未完成,暂缓的也计入),或报送为滞后。已过完成时限仍未启动的任务计为落后;未启动但尚未到期的不计。
// zh: 落后占比:落后任务占该主题任务的比例;主题的任务包括任务的第二部分(之二)。
// zh: 状态:任务最近一条进展记录的状态,否则为台账所印状态(推进中、滞后等);两者都没有的计为未启动。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param today => '2026-12-07'
// :param limit => 10
// Defaults: limit => 50
// planId: 规划 / Plan
// today: 今天 / Today
// limit: 最多列出 / Rows at most
//
// Columns:
// ref: Ref. — the theme's printed reference
//   序号 — 主题的序号,如文件所印
// theme: Theme — the theme's title
//   主题 — 主题的标题
// tasks: Tasks — the theme's tasks
//   任务 — 主题下的任务数
// done: Done — tasks done
//   已完成 — 已完成的任务数
// inProgress: In progress — tasks in progress
//   推进中 — 推进中的任务数
// notStarted: Not started — tasks not started, or with no status yet
//   未启动 — 未启动或尚无状态的任务数
// paused: Paused — tasks paused
//   暂缓 — 暂缓的任务数
// behind: Behind — tasks overdue or reported late
//   落后 — 已逾期或报送为滞后的任务数
// behindShare: Behind share — tasks behind as a share of the theme's tasks (0–1)
//   落后占比 — 落后任务占主题任务的比例(0–1)
// themeId: Theme id — the theme's id
//   主题编号 — 主题的编号
//
// Scans the whole graph.
MATCH (theme:Theme {planId: $planId})
OPTIONAL MATCH (item:Task)-[:UNDER*1..2]->(theme)
CALL (item) {
  OPTIONAL MATCH (record:Progress)-[:ON]->(item)
  WITH record
  ORDER BY record.at DESC, record.seq DESC
  LIMIT 1
  RETURN record.status AS reported
}
CALL (item) {
  OPTIONAL MATCH (change:DeadlineChange)-[:ON]->(item)
  WITH change
  ORDER BY change.at DESC, change.seq DESC
  LIMIT 1
  RETURN change
}
// The ledger's words as contract/progress.ts statusOfText reads them.
WITH theme, item, reported, change,
     replace(replace(replace(replace(replace(coalesce(item.status, ''), ' ', ''), '　', ''), '。', ''), '.', ''), '、', '') AS printed
WITH theme, item,
     coalesce(reported,
       CASE
         WHEN printed =~ '未启动|未开始|尚未启动|未开展' THEN 'not-started'
         WHEN printed =~ '未完成|滞后|进度滞后|延期|逾期|逾期未完成|落后' THEN 'late'
         WHEN printed =~ '暂缓|暂停|缓办|中止' THEN 'paused'
         WHEN printed =~ '已完成|完成|已办结|办结|已落实|已销号|销号' THEN 'done'
         WHEN printed =~ '推进中|正在推进|进行中|在建|持续推进|序时推进|按序时推进|正常推进|已启动' THEN 'in-progress'
       END) AS status,
     CASE WHEN change IS NULL THEN item.dueKind ELSE change.dueKind END AS dueKind,
     CASE WHEN change IS NULL THEN item.dueDate ELSE change.dueDate END AS dueDate
WITH theme, item, status,
     coalesce(dueKind = 'date' AND dueDate < $today AND coalesce(status, '') <> 'done', false) AS overdue
WITH theme,
     count(item) AS tasks,
     sum(CASE WHEN item IS NOT NULL AND status = 'done' THEN 1 ELSE 0 END) AS done,
     sum(CASE WHEN item IS NOT NULL AND status = 'in-progress' THEN 1 ELSE 0 END) AS inProgress,
     sum(CASE WHEN item IS NOT NULL AND coalesce(status, 'not-started') = 'not-started' THEN 1 ELSE 0 END) AS notStarted,
     sum(CASE WHEN item IS NOT NULL AND status = 'paused' THEN 1 ELSE 0 END) AS paused,
     sum(CASE WHEN overdue OR coalesce(status = 'late', false) THEN 1 ELSE 0 END) AS behind
WITH theme, tasks, done, inProgress, notStarted, paused, behind,
     CASE WHEN tasks = 0 THEN 0.0 ELSE toFloat(behind) / tasks END AS behindShare
ORDER BY behindShare DESC, behind DESC, theme.sortKey ASC
LIMIT $limit
RETURN theme.ref AS ref,
       theme.title AS theme,
       tasks AS tasks,
       done AS done,
       inProgress AS inProgress,
       notStarted AS notStarted,
       paused AS paused,
       behind AS behind,
       behindShare AS behindShare,
       theme.id AS themeId
