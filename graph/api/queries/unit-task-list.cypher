// unit-task-list — one unit's items in a plan as its 任务清单 lists them: role, theme, co-units, deadline
//
// One row per item the unit leads or supports, in document order. An item's theme is the one its
// task sits under (a task's second part reaches it through its task); a sub-project has its
// project instead; indicators, top-level projects and requirements have neither. Co-units are
// every unit the notice names on the item, in printed order, the unit itself included.
//
// Parameters:
// :param unitId => '武汉市/市发改委'
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// unit: the unit's names: name, englishName (no row when no unit has this id)
// items: one map per item: id, ref, title, kind, binding, theme, project, edge, inferred, leads, supports, deadline, dueKind, dueDate, dueEvery

MATCH (unit:Unit {id: $unitId})
CALL (unit) {
  OPTIONAL MATCH (unit)-[assignment:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
  OPTIONAL MATCH (item)-[:UNDER*1..2]->(theme:Theme)
  OPTIONAL MATCH (item)-[:PART_OF {planId: $planId}]->(project:Project)
  CALL (item) {
    OPTIONAL MATCH (lead:Unit)-[leads:LEADS {planId: $planId}]->(item)
    WITH lead, leads
    ORDER BY leads.position, lead.name
    RETURN collect(lead {.name, .englishName}) AS leads
  }
  CALL (item) {
    OPTIONAL MATCH (support:Unit)-[supports:SUPPORTS {planId: $planId}]->(item)
    WITH support, supports
    ORDER BY supports.position, support.name
    RETURN collect(support {.name, .englishName}) AS supports
  }
  WITH assignment, item, theme, project, leads, supports
  ORDER BY item.sortKey
  RETURN collect(CASE WHEN item IS NULL THEN null ELSE {
           id: item.id,
           ref: item.ref,
           title: item.title,
           kind: item.kind,
           binding: item.binding,
           theme: theme.title,
           project: project.title,
           edge: type(assignment),
           inferred: assignment.inferred,
           leads: leads,
           supports: supports,
           deadline: item.deadline,
           dueKind: item.dueKind,
           dueDate: item.dueDate,
           dueEvery: item.dueEvery
         } END) AS items
}
RETURN unit {.name, .englishName} AS unit,
       items AS items
