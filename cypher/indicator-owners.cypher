// indicator-owners — each main indicator with its target and the units answering for it
// zh: 指标责任单位:每项主要指标的目标值及负责单位
//
// Binding (约束性) indicators come before expected (预期性) ones, in the order printed. An
// indicator naming only 责任单位 has no lead printed: its units own it and are listed as leads.
// zh: 约束性指标在前,预期性指标在后,按文件顺序。只列责任单位的指标没有印出牵头单位:按规则由所列单位牵头,列在牵头单位中。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// planId: 规划 / Plan
//
// Columns:
// ref: Ref. — the indicator's printed reference
//   序号 — 指标的序号,如文件所印
// binding: Binding — true for a binding (约束性) indicator, false for an expected (预期性) one
//   约束性 — 约束性指标为是,预期性指标为否
// indicator: Indicator — the indicator's title
//   指标 — 指标名称
// target: Target — the target as printed (大于14.5%, 7%左右, 完成省下达目标)
//   目标值 — 目标值,如文件所印(大于14.5%、7%左右、完成省下达目标)
// leads: Lead units — the units leading it, in the order printed
//   牵头单位 — 牵头的单位,按文件顺序
// supports: Supporting units — the units supporting it, in the order printed
//   配合单位 — 配合的单位,按文件顺序
// itemId: Item id — the indicator's id
//   指标编号 — 指标的编号
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
