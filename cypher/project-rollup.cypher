// project-rollup — each major project with the units of its sub-items rolled up
//
// A major project (重大工程) carries units itself or through its sub-items; here both count.
// A unit leading any part of the project is among its leads; the others named are supports.
// A project handed to another notice shows that notice and no units.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// ref: the project's printed reference
// column: the column (专栏N) of the plan outline it comes from
// project: the project's title
// subItems: how many sub-items it has
// units: distinct units named on the project or any of its sub-items
// leads: units leading the project or any sub-item
// supports: units named only as support
// delegatedTo: the notice it is delegated to, if any
// itemId: the project's id
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
