// single-owner-items — items resting on one unit alone
// zh: 单一单位事项:只由一个单位承担的事项
//
// unitCount: Distinct units named on the item; for a theme, distinct units reaching it through its
//   tasks.
// Here exactly one, so nobody shares the work or backs it up.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// A collective unit alone (各区人民政府) counts as one unit and is flagged.
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 单位数:事项上列出的不同单位;主题则为通过其任务涉及的不同单位。
// zh: 这里恰好一个单位,没有人分担或补位。
// zh: 单独一个集合单位(各区人民政府)算一个单位,并标出。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// planId: 规划 / Plan
//
// Columns:
// ref: Ref. — the item's printed reference
//   序号 — 事项的序号,如文件所印
// kind: Kind — indicator, task, project or requirement
//   类型 — 指标、任务、重大工程或工作要求
// item: Item — the item's title
//   事项 — 事项的标题
// unit: Unit — the one unit named on it
//   单位 — 事项上唯一列出的单位
// role: Role as printed — the role word as printed (牵头单位, 责任单位, …)
//   文件所印角色 — 文件所印的角色(牵头单位、责任单位……)
// inferred: Inferred lead — true when the unit owns the item by the rule (no lead named), not by the text
//   推定牵头 — 未列牵头单位、按规则由该单位牵头时为是
// collective: Collective — whether that unit stands for several units
//   集合单位 — 该单位是否代表多个单位
// itemId: Item id — the item's id
//   事项编号 — 事项的编号
//
// Scans the whole graph.
MATCH (item:Item {planId: $planId})
// Hinted: without it the planner sometimes scans every item of every plan instead.
USING INDEX item:Item(planId, unitCount)
WHERE item.unitCount = 1
MATCH (unit:Unit)-[assignment:LEADS|SUPPORTS]->(item)
WITH item, unit, assignment
ORDER BY item.sortKey ASC
RETURN item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       unit.name AS unit,
       assignment.role AS role,
       assignment.inferred AS inferred,
       unit.collective AS collective,
       item.id AS itemId
