// unit-profile — one unit's items, by theme and role
//
// The unit is named by its id, its short name or any alias (市发改委, 市发展改革委, 武汉市/市发改委).
// Tasks are grouped under their strategic theme; indicators, projects and requirements have none.
// Items the unit leads: marked as lead, or named on an item that has no lead (it then owns it).
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param unit => '市发改委'
//
// Columns:
// unit: the unit's short name
// themeRef: the theme's printed reference, e.g. 二(一); empty for items outside the themes
// theme: the theme's title
// edge: LEADS or SUPPORTS
// role: the role word as printed (牵头单位, 责任单位, …)
// inferred: true when the unit owns the item by the rule (no lead named), not by the text
// ref: the item's printed reference
// kind: indicator, task, project or requirement
// item: the item's title
// itemId: the item's id
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
