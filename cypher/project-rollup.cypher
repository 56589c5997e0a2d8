// project-rollup — each major project with the units of its sub-items rolled up
// zh: 重大工程汇总:每项重大工程及其子项的单位
//
// A major project (重大工程) carries units itself or through its sub-items; here both count.
// A unit leading any part of the project is among its leads; the others named are supports.
// A project handed to another notice shows that notice and no units.
// zh: 重大工程的单位列在工程本身或其子项上,这里两者都算。
// zh: 牵头工程任何部分的单位列为牵头,其余列出的单位为配合。
// zh: 按其他文件分工的工程列出该文件,没有单位。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// planId: 规划 / Plan
//
// Columns:
// ref: Ref. — the project's printed reference
//   序号 — 工程的序号,如文件所印
// column: Column — the column (专栏N) of the plan outline it comes from
//   专栏 — 出自规划纲要的哪个专栏(专栏N)
// project: Project — the project's title
//   重大工程 — 工程的标题
// subItems: Sub-items — how many sub-items it has
//   子项数 — 子项的数量
// units: Units — distinct units named on the project or any of its sub-items
//   单位数 — 工程及其子项上列出的不同单位数
// leads: Lead units — units leading the project or any sub-item
//   牵头单位 — 牵头工程或任一子项的单位
// supports: Supporting units — units named only as support
//   配合单位 — 只作为配合列出的单位
// delegatedTo: Delegated to — the notice it is delegated to, if any
//   按文件分工 — 工程转由其分工的文件(如有)
// itemId: Item id — the project's id
//   工程编号 — 工程的编号
//
// Scans the whole graph.
MATCH (:Plan {id: $planId})<-[:PART_OF]-(project:Project)
CALL (project) {
  OPTIONAL MATCH (part:Project)-[:PART_OF]->(project)
  WITH collect(part) AS parts
  UNWIND [project] + parts AS piece
  OPTIONAL MATCH (unit:Unit)-[assignment:LEADS|SUPPORTS]->(piece)
  WITH size(parts) AS subItems,
       unit,
       collect(type(assignment)) AS edges,
       min(piece.sortKey) AS firstPiece,
       min(assignment.position) AS firstPosition
  ORDER BY firstPiece ASC, firstPosition ASC
  // collect() skips nulls: a project with no units gives empty lists, not [null].
  RETURN subItems,
         count(unit) AS units,
         collect(CASE WHEN 'LEADS' IN edges THEN unit.name END) AS leads,
         collect(CASE WHEN NOT 'LEADS' IN edges THEN unit.name END) AS supports
}
OPTIONAL MATCH (project)-[:DELEGATED_TO]->(document:Document)
WITH project, subItems, units, leads, supports, document
ORDER BY project.sortKey ASC
RETURN project.ref AS ref,
       project.column AS column,
       project.title AS project,
       subItems AS subItems,
       units AS units,
       leads AS leads,
       supports AS supports,
       document.number AS delegatedTo,
       project.id AS itemId
