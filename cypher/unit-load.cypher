// unit-load — units ranked by weighted load: who carries the most of the plan
//
// load: Weighted load: 1 for each item led plus 0.5 for each item supported.
// itemsLed: Items the unit leads: marked as lead, or named on an item that has no lead (it then
//   owns it).
// itemsSupported: Items the unit supports: named, but not as lead, on an item that has a lead.
// themesReached: Distinct strategic themes the unit reaches through the tasks it leads or
//   supports.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// Collective units are left out unless includeCollectives is true.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// :param includeCollectives => false
// Defaults: limit => 20, includeCollectives => false
//
// Columns:
// unit: the unit's short name, as the plan prints it
// leads: items the unit leads
// supports: items the unit supports
// themesReached: distinct strategic themes reached through the tasks it leads or supports
// load: weighted load (1 per item led + 0.5 per item supported)
// collective: whether the unit stands for several units
// unitId: the unit's id
//
// Scans the whole graph.
MATCH (unit:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE $includeCollectives OR NOT active.collective
RETURN unit.name AS unit,
       active.itemsLed AS leads,
       active.itemsSupported AS supports,
       active.themesReached AS themesReached,
       active.load AS load,
       active.collective AS collective,
       unit.id AS unitId
ORDER BY load DESC, leads DESC, unit ASC
LIMIT $limit
