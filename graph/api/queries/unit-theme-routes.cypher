// unit-theme-routes — every route from a unit to a theme: the unit, a task it leads or supports, the theme
//
// A task's second part reaches the theme through its task.
//
// Parameters:
// :param unitId => '武汉市/市发改委'
// :param themeId => '武汉市-f64b89c6/二(一)'
//
// Columns:
// path: one route, unit → task → theme

MATCH (theme:Theme {id: $themeId})
MATCH route = (:Unit {id: $unitId})-[link:LEADS|SUPPORTS]->(:Item)-[:UNDER*1..2]->(theme)
  WHERE link.planId = theme.planId
WITH route
ORDER BY last(nodes(route)).sortKey, nodes(route)[1].sortKey
RETURN route AS path
