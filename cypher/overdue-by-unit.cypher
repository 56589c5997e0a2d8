// overdue-by-unit — units ranked by overdue items: deadlines passed and the work not done
// zh: 逾期事项单位排名:完成时限已过而未完成的事项最多的单位
//
// overdue: An item is overdue when the deadline in force (a planner's latest change, else the
//   document's 完成时限) is a date before today and its status is not done; a paused item counts
//   too. 每季度 and 长期坚持 have no date to pass.
// status: An item's status is its latest progress record's, else the status its ledger prints
//   (状态: 推进中, 滞后 …); without either it has none.
// late: Late on the war map: overdue, or reported late (滞后).
// dueSoon: Not done, and the deadline falls within the next 30 days, today included.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// A unit answers for the items it leads or supports; the ranking counts both, the overdue ones it
// leads apart. Collective units are left out unless includeCollectives is true.
// zh: 逾期:现行完成时限(规划人员最近一次调整的,否则为文件所印完成时限)是今天以前的日期,且状态不是已完成;暂缓的事项同样计入。每季度、长期坚持等没有可逾期的日期。
// zh: 状态:事项最近一条进展记录的状态,否则为台账所印状态(推进中、滞后等);两者都没有则无状态。
// zh: 滞后:作战图上的滞后,即已逾期,或报送为滞后。
// zh: 30日内到期:尚未完成,且完成时限在今后 30 日内(含今天)。
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 单位对其牵头和配合的事项负责;排名两者都计,其中牵头的逾期事项另列。集合单位默认不含,除非 includeCollectives 为真。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param today => '2026-12-07'
// :param limit => 10
// :param includeCollectives => false
// Defaults: limit => 20, includeCollectives => false
// planId: 规划 / Plan
// today: 今天 / Today
// limit: 最多列出 / Rows at most
// includeCollectives: 包含集合单位 / Include collective units
//
// Columns:
// unit: Unit — the unit's short name, as the plan prints it
//   单位 — 单位简称,如文件所印
// overdue: Overdue — items it leads or supports whose deadline has passed, not done
//   已逾期 — 它牵头或配合、完成时限已过而未完成的事项数
// overdueLed: Of which led — of the overdue items, those it leads
//   其中牵头 — 逾期事项中由它牵头的
// late: Late — items late on the war map: overdue or reported late
//   滞后 — 作战图上滞后的事项数:已逾期或报送为滞后
// dueSoon: Due in 30 days — items not done whose deadline falls within 30 days
//   30日内到期 — 尚未完成、完成时限在 30 日内的事项数
// items: Items — items it leads or supports
//   事项 — 它牵头或配合的事项数
// lateShare: Late share — late items as a share of its items (0–1)
//   滞后占比 — 滞后事项占其事项的比例(0–1)
// overdueItems: Overdue items — the overdue items' references, in document order
//   逾期事项 — 逾期事项的序号,按文件顺序
// unitId: Unit id — the unit's id
//   单位编号 — 单位的编号
//
// Scans the whole graph.
MATCH (item:Item {planId: $planId})
WHERE NOT item:Theme
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
WITH item, reported, change,
     replace(replace(replace(replace(replace(coalesce(item.status, ''), ' ', ''), '　', ''), '。', ''), '.', ''), '、', '') AS printed
WITH item,
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
WITH item,
     status,
     coalesce(dueKind = 'date' AND dueDate < $today AND coalesce(status, '') <> 'done', false) AS overdue,
     coalesce(dueKind = 'date' AND dueDate >= $today
       AND date(dueDate) <= date($today) + duration({days: 30})
       AND coalesce(status, '') <> 'done', false) AS dueSoon
MATCH (unit:Unit)-[assignment:LEADS|SUPPORTS]->(item)
WITH unit, item, overdue, dueSoon, overdue OR coalesce(status = 'late', false) AS late,
     'LEADS' IN collect(type(assignment)) AS leads
ORDER BY item.sortKey ASC
WITH unit,
     count(item) AS items,
     sum(CASE WHEN overdue THEN 1 ELSE 0 END) AS overdue,
     sum(CASE WHEN overdue AND leads THEN 1 ELSE 0 END) AS overdueLed,
     sum(CASE WHEN late THEN 1 ELSE 0 END) AS late,
     sum(CASE WHEN dueSoon THEN 1 ELSE 0 END) AS dueSoon,
     collect(CASE WHEN overdue THEN item.ref END) AS overdueItems
// Once per unit, not per item it answers for: a big plan has ten times as many of those.
MATCH (unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE $includeCollectives OR NOT active.collective
RETURN unit.name AS unit,
       overdue AS overdue,
       overdueLed AS overdueLed,
       late AS late,
       dueSoon AS dueSoon,
       items AS items,
       toFloat(late) / items AS lateShare,
       overdueItems AS overdueItems,
       unit.id AS unitId
ORDER BY overdue DESC, overdueLed DESC, late DESC, dueSoon DESC, items DESC, unit ASC
LIMIT $limit
