// unit-to-goals — the themes and indicators a unit answers for, and through which items
//
// A unit reaches a strategic theme through the tasks under it that it leads or supports, and an
// indicator by being named on it. The unit is named by its id, short name or any alias.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param unit => '市发改委'
//
// Columns:
// unit: the unit's short name
// goalKind: theme or indicator
// goalRef: the theme's or indicator's printed reference
// goal: its title
// target: the indicator's target as printed; empty for a theme
// leads: items toward this goal the unit leads
// supports: items toward this goal the unit supports
// items: the items it reaches the goal through, as "ref title"
MATCH (plan:Plan {id: $planId})
MATCH (unit:Unit {jurisdiction: plan.jurisdiction})
WHERE unit.id = $unit OR unit.name = $unit OR $unit IN unit.aliases
MATCH (unit)-[assignment:LEADS|SUPPORTS {planId: $planId}]->(item:Task|Indicator)
OPTIONAL MATCH (item)-[:UNDER]->{1,2}(theme:Theme)
WITH unit, coalesce(theme, item) AS goal, assignment, item
ORDER BY goal.sortKey ASC, item.sortKey ASC
WITH unit,
     goal,
     count(CASE type(assignment) WHEN 'LEADS' THEN 1 END) AS leads,
     count(CASE type(assignment) WHEN 'SUPPORTS' THEN 1 END) AS supports,
     collect(item.ref + ' ' + item.title) AS items
ORDER BY goal.sortKey ASC
RETURN unit.name AS unit,
       goal.kind AS goalKind,
       goal.ref AS goalRef,
       goal.title AS goal,
       goal.targetText AS target,
       leads AS leads,
       supports AS supports,
       items AS items
