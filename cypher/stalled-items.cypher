// stalled-items — items not done, ranked by how long since progress was last reported
// zh: 久未报送进展事项:尚未完成、最久没有报送进展的事项
//
// silentDays: Days from the latest progress record to today; an item never reported counts from
//   the plan's date of issue (a plan that prints none leaves it blank, listed last). Items done
//   are left out; themes are headings, not work.
// status: An item's status is its latest progress record's, else the status its ledger prints
//   (状态: 推进中, 滞后 …); without either it has none.
// zh: 未报送天数:从最近一条进展记录到今天的天数;从未报送的事项从规划印发日期起算(文件未印日期的留空,排在最后)。已完成的事项不列;主题是标题,不是工作,也不列。
// zh: 状态:事项最近一条进展记录的状态,否则为台账所印状态(推进中、滞后等);两者都没有则无状态。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param today => '2026-12-07'
// :param limit => 10
// Defaults: limit => 20
// planId: 规划 / Plan
// today: 今天 / Today
// limit: 最多列出 / Rows at most
//
// Columns:
// ref: Ref. — the item's printed reference
//   序号 — 事项的序号,如文件所印
// kind: Kind — indicator, task, project or requirement
//   类型 — 指标、任务、重大工程或工作要求
// item: Item — the item's title
//   事项 — 事项的标题
// leadUnits: Lead units — the leads, in the order printed
//   牵头单位 — 牵头的单位,按文件顺序
// status: Status — the latest status reported, else the ledger's
//   状态 — 最近报送的状态,否则为台账所印状态
// lastReported: Last reported — the day of the latest progress record; blank if never
//   最近报送 — 最近一条进展记录的日期;从未报送则留空
// silentDays: Days silent — days since the latest report, or since the plan's date if never
//   未报送天数 — 距最近报送的天数,从未报送则距规划印发日期
// itemId: Item id — the item's id
//   事项编号 — 事项的编号
//
// Scans the whole graph.
MATCH (plan:Plan {id: $planId})
MATCH (item:Item {planId: $planId})
WHERE NOT item:Theme
CALL (item) {
  OPTIONAL MATCH (record:Progress)-[:ON]->(item)
  WITH record
  ORDER BY record.at DESC, record.seq DESC
  LIMIT 1
  RETURN record.status AS reported, record.at AS reportedAt
}
// The ledger's words as contract/progress.ts statusOfText reads them.
WITH plan, item, reported, reportedAt,
     replace(replace(replace(replace(replace(coalesce(item.status, ''), ' ', ''), '　', ''), '。', ''), '.', ''), '、', '') AS printed
WITH plan, item, reportedAt,
     coalesce(reported,
       CASE
         WHEN printed =~ '未启动|未开始|尚未启动|未开展' THEN 'not-started'
         WHEN printed =~ '未完成|滞后|进度滞后|延期|逾期|逾期未完成|落后' THEN 'late'
         WHEN printed =~ '暂缓|暂停|缓办|中止' THEN 'paused'
         WHEN printed =~ '已完成|完成|已办结|办结|已落实|已销号|销号' THEN 'done'
         WHEN printed =~ '推进中|正在推进|进行中|在建|持续推进|序时推进|按序时推进|正常推进|已启动' THEN 'in-progress'
       END) AS status
WHERE coalesce(status, '') <> 'done'
WITH item, status,
     CASE WHEN reportedAt IS NULL THEN null ELSE substring(reportedAt, 0, 10) END AS lastReported,
     coalesce(substring(reportedAt, 0, 10), plan.date) AS since
WITH item, status, lastReported,
     CASE WHEN since IS NULL THEN null ELSE duration.inDays(date(since), date($today)).days END AS silentDays
// Descending order puts nulls first: a plan with no date lists its never-reported items last.
ORDER BY coalesce(silentDays, -1) DESC, item.sortKey ASC
LIMIT $limit
CALL (item) {
  OPTIONAL MATCH (lead:Unit)-[assignment:LEADS]->(item)
  WITH lead, assignment
  ORDER BY assignment.position ASC
  RETURN collect(lead.name) AS leadUnits
}
RETURN item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       leadUnits AS leadUnits,
       status AS status,
       lastReported AS lastReported,
       silentDays AS silentDays,
       item.id AS itemId
