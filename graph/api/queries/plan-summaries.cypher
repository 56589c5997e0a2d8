// plan-summaries — every plan loaded, with its counts and checksum, in order of issue
//
// Columns:
// id: the plan's id
// title: the plan's title as printed
// issuer: the issuing office, or null
// date: date of issue (ISO), or null
// jurisdiction: the jurisdiction whose units the plan assigns
// itemCount: items of the plan (indicators, themes, tasks, projects, requirements)
// unitCount: distinct units named by the plan
// edgeCount: unit→item assignments (LEADS and SUPPORTS)
// sourceSha256: checksum of the text the plan was loaded from: changes when the plan is replaced

MATCH (plan:Plan)
RETURN plan.id AS id,
       plan.title AS title,
       plan.issuer AS issuer,
       plan.date AS date,
       plan.jurisdiction AS jurisdiction,
       plan.itemCount AS itemCount,
       plan.unitCount AS unitCount,
       plan.edgeCount AS edgeCount,
       plan.sourceSha256 AS sourceSha256
ORDER BY date, id
