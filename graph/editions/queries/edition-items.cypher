// edition-items — a loaded plan's items as a comparison of editions reads them
//
// One row per item of the plan (themes included), in document order: its number, title, kind, the
// item it sits under, and its units by role in printed order. A unit's key is the loader's: the
// dictionary's canonical name when the dictionary knows the unit, else its name normalised.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// id: the item's id
// kind: indicator, theme, task, project or requirement
// ref: the printed number, e.g. 二(一)1
// title: the item's title
// parentId: the id of the item it sits under, or null
// units: one map per unit: name, key, edge (LEADS or SUPPORTS)

MATCH (item:Item {planId: $planId})
RETURN item.id AS id,
       item.kind AS kind,
       item.ref AS ref,
       item.title AS title,
       item.parentId AS parentId,
       COLLECT {
         MATCH (unit:Unit)-[assignment:LEADS|SUPPORTS {planId: $planId}]->(item)
         RETURN {name: unit.name, key: unit.key, edge: type(assignment)} AS unit
         ORDER BY assignment.position, unit.name
       } AS units
ORDER BY item.sortKey
