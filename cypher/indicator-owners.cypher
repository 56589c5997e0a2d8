// indicator-owners — each main indicator with its target and the units answering for it
//
// Binding (约束性) indicators come before expected (预期性) ones, in the order printed. An
// indicator naming only 责任单位 has no lead printed: its units own it and are listed as leads.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// ref: the indicator's printed reference
// binding: true for a binding (约束性) indicator, false for an expected (预期性) one
// indicator: the indicator's title
// target: the target as printed (大于14.5%, 7%左右, 完成省下达目标)
// leads: the units leading it, in the order printed
// supports: the units supporting it, in the order printed
// itemId: the indicator's id
//
// Scans the whole graph.
MATCH (:Plan {id: $planId})<-[:PART_OF]-(indicator:Indicator)
CALL (indicator) {
  OPTIONAL MATCH (unit:Unit)-[assignment:LEADS|SUPPORTS]->(indicator)
  WITH unit, assignment
  ORDER BY assignment.position ASC
  WITH collect([type(assignment), unit.name]) AS named
  RETURN [pair IN named WHERE pair[0] = 'LEADS' | pair[1]] AS leads,
         [pair IN named WHERE pair[0] = 'SUPPORTS' | pair[1]] AS supports
}
WITH indicator, leads, supports
ORDER BY indicator.sortKey ASC
RETURN indicator.ref AS ref,
       indicator.binding AS binding,
       indicator.title AS indicator,
       indicator.targetText AS target,
       leads AS leads,
       supports AS supports,
       indicator.id AS itemId
