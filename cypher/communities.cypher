// communities — the clusters of units that work together, with their members
//
// community: The cluster of units that work together most (Louvain communities of the
//   co-assignment network); empty for collective units.
// Members are listed by weighted load, heaviest first.
// load: Weighted load: 1 for each item led plus 0.5 for each item supported.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// community: the community's number in this plan
// size: how many units it holds
// members: its units, heaviest load first
// load: the members' weighted load added up
//
// Scans the whole graph.
MATCH (unit:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE active.community IS NOT NULL
WITH active.community AS community, unit, active
ORDER BY active.load DESC, unit.name ASC
WITH community, collect(unit.name) AS members, sum(active.load) AS load
ORDER BY size(members) DESC, load DESC, community ASC
RETURN community AS community,
       size(members) AS size,
       members AS members,
       load AS load
