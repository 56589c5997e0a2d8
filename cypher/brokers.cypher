// brokers — units ranked by betweenness in the co-assignment network: the go-betweens
//
// betweenness: How often the unit lies on the shortest chains of co-assignment between two other
//   units (0–1); collective units are left out.
// Two units are linked when they share an item; the more items they share, the shorter the link.
// community: The cluster of units that work together most (Louvain communities of the
//   co-assignment network); empty for collective units.
// coordinatesWith: Items two units share, whatever their roles.
// itemsLed: Items the unit leads: marked as lead, or named on an item that has no lead (it then
//   owns it).
// itemsSupported: Items the unit supports: named, but not as lead, on an item that has a lead.
// load: Weighted load: 1 for each item led plus 0.5 for each item supported.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// Defaults: limit => 20
//
// Columns:
// unit: the unit's short name
// betweenness: normalised betweenness centrality, 0–1
// community: the cluster of units it works with most (see communities)
// partners: distinct units it shares at least one item with
// leads: items it leads
// supports: items it supports
// unitId: the unit's id
//
// Scans the whole graph.
MATCH (unit:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE active.betweenness IS NOT NULL
WITH unit, active
ORDER BY active.betweenness DESC, active.load DESC, unit.name ASC
LIMIT $limit
RETURN unit.name AS unit,
       active.betweenness AS betweenness,
       active.community AS community,
       COUNT {
         (unit)-[:COORDINATES_WITH {planId: $planId}]-(partner:Unit)
         WHERE NOT partner.collective
       } AS partners,
       active.itemsLed AS leads,
       active.itemsSupported AS supports,
       unit.id AS unitId
