// theme-reach — every unit connected to a strategic theme, leads before supports
//
// A unit reaches a theme through the tasks under it (a task’s unnumbered second part included)
//   that it leads or supports.
// The theme is named by its printed reference (二(一)) or its id.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param theme => '二(一)'
//
// Columns:
// themeRef: the theme's printed reference
// theme: the theme's title
// unit: the unit's short name
// leads: tasks of the theme the unit leads
// supports: tasks of the theme the unit supports
// collective: whether the unit stands for several units
// items: the tasks, by printed reference
// unitId: the unit's id
MATCH (theme:Theme {planId: $planId})
WHERE theme.ref = $theme OR theme.id = $theme
MATCH (unit:Unit)-[assignment:LEADS|SUPPORTS]->(task:Task)-[:UNDER]->{1,2}(theme)
WITH theme, unit, assignment, task
ORDER BY task.sortKey ASC
WITH theme,
     unit,
     count(CASE type(assignment) WHEN 'LEADS' THEN 1 END) AS leads,
     count(CASE type(assignment) WHEN 'SUPPORTS' THEN 1 END) AS supports,
     collect(task.ref) AS items
ORDER BY leads DESC, supports DESC, unit.name ASC
RETURN theme.ref AS themeRef,
       theme.title AS theme,
       unit.name AS unit,
       leads AS leads,
       supports AS supports,
       unit.collective AS collective,
       items AS items,
       unit.id AS unitId
