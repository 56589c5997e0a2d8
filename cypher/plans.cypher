// plans — the plans loaded, with their size
// zh: 已载入的规划及其规模
//
// Every other query takes one of these ids as planId.
// zh: 其他查询都以其中一个编号作为 planId。
//
// Parameters:
//
// Columns:
// planId: Plan id — the plan's id, for planId and --plan
//   规划编号 — 规划的编号,用于 planId 和 --plan
// title: Title — the plan's title as printed
//   标题 — 规划标题,如文件所印
// issuer: Issuer — who issued the notice
//   发文单位 — 发文单位
// date: Date — the date of issue (ISO)
//   日期 — 发文日期(ISO 格式)
// items: Items — items in the plan (indicators, themes, tasks, projects, requirements)
//   事项数 — 规划中的事项(指标、主题、任务、重大工程、工作要求)
// units: Units — distinct units the plan names
//   单位数 — 规划列出的不同单位
// edges: Assignments — unit→item assignments (LEADS and SUPPORTS)
//   分工关系数 — 单位到事项的分工关系(牵头与配合)
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
