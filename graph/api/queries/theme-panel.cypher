// theme-panel — a theme and the units that answer for its tasks, most leads first, for the explorer's theme panel
//
// A unit reaches a theme through the tasks under it (a task's second part counts for its task's
// theme). `leads` and `supports` count distinct tasks.
//
// The planners' theme-reach (cypher/theme-reach.cypher) answers the same question as a table, one
// row per unit with its tasks' refs; this one returns the nodes themselves, which the panel shows
// and links.
//
// Parameters:
// :param themeId => '武汉市-f64b89c6/二(一)'
//
// Columns:
// theme: the theme
// units: one map per unit: unit, leads, supports, items (maps of item, type, role, inferred)

MATCH (theme:Theme {id: $themeId})
CALL (theme) {
  OPTIONAL MATCH (task:Item)-[:UNDER*1..2]->(theme)
  OPTIONAL MATCH (unit:Unit)-[assignment:LEADS|SUPPORTS {planId: theme.planId}]->(task)
  WITH unit, task, assignment
  ORDER BY task.sortKey
  WITH unit,
       count(DISTINCT CASE type(assignment) WHEN 'LEADS' THEN task END) AS leads,
       count(DISTINCT CASE type(assignment) WHEN 'SUPPORTS' THEN task END) AS supports,
       collect({item: task, type: type(assignment), role: assignment.role, inferred: assignment.inferred}) AS items
    WHERE unit IS NOT NULL
  ORDER BY leads DESC, supports DESC, unit.name
  RETURN collect({unit: unit, leads: leads, supports: supports, items: items}) AS units
}
RETURN theme AS theme,
       units AS units
