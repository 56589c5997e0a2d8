// path-between-units — the shortest connection between two units through shared items
// zh: 单位间路径:两个单位之间经由共同事项的最短联系
//
// Each step goes from a unit to an item it leads or supports, and on to another unit named on that
//   item.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// Collective units are not stepped through: everyone shares items with 各区人民政府, so a chain through
//   it says nothing about who works with whom.
// The units are named by id, short name or alias. No row: the two are not connected in this plan.
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 每一步从一个单位走到它牵头或配合的事项,再走到该事项上列出的另一个单位。
// zh: 不经过集合单位:各区人民政府与几乎所有单位都有共同事项,经由它的联系说明不了谁与谁合作。
// zh: 单位可用编号、简称或别名指定。没有结果:两者在本规划中没有联系。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param from => '市发改委'
// :param to => '市文明办'
// planId: 规划 / Plan
// from: 起点单位 / From unit
// to: 终点单位 / To unit
//
// Columns:
// step: Step — position on the path, from 0 (the first unit)
//   步 — 在路径上的位置,第一个单位为 0
// kind: Kind — unit, or the item's kind (indicator, task, project, requirement)
//   类型 — 单位,或事项的类型(指标、任务、重大工程、工作要求)
// name: Name — the unit's short name, or the item's printed reference
//   名称 — 单位简称,或事项的序号
// title: Title — the item's title; the unit's full name
//   标题 — 事项的标题;单位的全称
// link: Link — how this node joins the previous one (LEADS or SUPPORTS, and the role as printed)
//   关系 — 与上一个节点的关系(牵头或配合,及文件所印的角色)
// id: Id — the node's id
//   编号 — 节点的编号
MATCH (plan:Plan {id: $planId})
MATCH (origin:Unit {jurisdiction: plan.jurisdiction})
WHERE origin.id = $from OR origin.name = $from OR $from IN origin.aliases
MATCH (destination:Unit {jurisdiction: plan.jurisdiction})
WHERE destination.id = $to OR destination.name = $to OR $to IN destination.aliases
MATCH path = shortestPath((origin)-[:LEADS|SUPPORTS*..12]-(destination))
WHERE all(link IN relationships(path) WHERE link.planId = $planId)
  // Units and the plan's items only: a load in progress writes items labelled ItemDraft whose
  // edges carry the same planId.
  AND all(node IN nodes(path) WHERE node:Unit OR node:Item)
  AND all(node IN nodes(path)
          WHERE node = origin OR node = destination OR NOT coalesce(node.collective, false))
UNWIND range(0, length(path)) AS step
WITH step,
     nodes(path)[step] AS node,
     CASE WHEN step = 0 THEN null ELSE relationships(path)[step - 1] END AS link
RETURN step AS step,
       CASE WHEN node:Unit THEN 'unit' ELSE node.kind END AS kind,
       coalesce(node.name, node.ref) AS name,
       coalesce(node.title, node.fullName) AS title,
       CASE WHEN link IS NULL THEN null ELSE type(link) + ' ' + link.role END AS link,
       node.id AS id
ORDER BY step ASC
