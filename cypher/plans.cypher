// plans — the plans loaded, with their size
//
// Every other query takes one of these ids as planId.
//
// Parameters:
//
// Columns:
// planId: the plan's id, for planId and --plan
// title: the plan's title as printed
// issuer: who issued the notice
// date: the date of issue (ISO)
// items: items in the plan (indicators, themes, tasks, projects, requirements)
// units: distinct units the plan names
// edges: unit→item assignments (LEADS and SUPPORTS)
//
// Scans the whole graph.
MATCH (plan:Plan)
RETURN plan.id AS planId,
       plan.title AS title,
       plan.issuer AS issuer,
       plan.date AS date,
       plan.itemCount AS items,
       plan.unitCount AS units,
       plan.edgeCount AS edges
ORDER BY date DESC, planId ASC
