// cross-theme-units — units spanning the most strategic themes
//
// themesReached: Distinct strategic themes the unit reaches through the tasks it leads or
//   supports.
// itemsLed: Items the unit leads: marked as lead, or named on an item that has no lead (it then
//   owns it).
// itemsSupported: Items the unit supports: named, but not as lead, on an item that has a lead.
// load: Weighted load: 1 for each item led plus 0.5 for each item supported.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// Collective units are left out unless includeCollectives is true. unit-to-goals lists the
// themes of one unit.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// :param includeCollectives => false
// Defaults: limit => 20, includeCollectives => false
//
// Columns:
// unit: the unit's short name
// themesReached: distinct themes reached through the tasks it leads or supports
// leads: items it leads
// supports: items it supports
// unitId: the unit's id
//
// Scans the whole graph.
MATCH (unit:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE ($includeCollectives OR NOT active.collective)
  AND active.themesReached > 0
RETURN unit.name AS unit,
       active.themesReached AS themesReached,
       active.itemsLed AS leads,
       active.itemsSupported AS supports,
       unit.id AS unitId
ORDER BY themesReached DESC, active.load DESC, unit ASC
LIMIT $limit
