// unit-profile — one unit's items, by theme and role
// zh: 单位事项清单:一个单位承担的事项,按主题和角色
//
// The unit is named by its id, its short name or any alias (市发改委, 市发展改革委, 武汉市/市发改委).
// Tasks are grouped under their strategic theme; indicators, projects and requirements have none.
// Items the unit leads: marked as lead, or named on an item that has no lead (it then owns it).
// zh: 单位可用编号、简称或任一别名指定(市发改委、市发展改革委、武汉市/市发改委)。
// zh: 任务归在其战略主题下;指标、重大工程和工作要求没有主题。
// zh: 牵头事项数:被列为牵头单位的事项,加上未列牵头单位、按规则由所列单位牵头的事项。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param unit => '市发改委'
// planId: 规划 / Plan
// unit: 单位 / Unit
//
// Columns:
// unit: Unit — the unit's short name
//   单位 — 单位简称
// themeRef: Theme ref. — the theme's printed reference, e.g. 二(一); empty for items outside the themes
//   主题序号 — 主题的序号,如二(一);主题以外的事项为空
// theme: Theme — the theme's title
//   主题 — 主题的标题
// edge: Role — LEADS or SUPPORTS
//   角色 — 牵头或配合
// role: Role as printed — the role word as printed (牵头单位, 责任单位, …)
//   文件所印角色 — 文件所印的角色(牵头单位、责任单位……)
// inferred: Inferred lead — true when the unit owns the item by the rule (no lead named), not by the text
//   推定牵头 — 未列牵头单位、按规则由该单位牵头时为是
// ref: Ref. — the item's printed reference
//   序号 — 事项的序号,如文件所印
// kind: Kind — indicator, task, project or requirement
//   类型 — 指标、任务、重大工程或工作要求
// item: Item — the item's title
//   事项 — 事项的标题
// itemId: Item id — the item's id
//   事项编号 — 事项的编号
MATCH (plan:Plan {id: $planId})
MATCH (unit:Unit {jurisdiction: plan.jurisdiction})
WHERE unit.id = $unit OR unit.name = $unit OR $unit IN unit.aliases
MATCH (unit)-[assignment:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
OPTIONAL MATCH (item)-[:UNDER]->{1,2}(theme:Theme)
WITH unit, theme, assignment, item
ORDER BY coalesce(theme.sortKey, item.sortKey) ASC, type(assignment) ASC, item.sortKey ASC
RETURN unit.name AS unit,
       theme.ref AS themeRef,
       theme.title AS theme,
       type(assignment) AS edge,
       assignment.role AS role,
       assignment.inferred AS inferred,
       item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       item.id AS itemId
