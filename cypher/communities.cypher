// communities — the clusters of units that work together, with their members
// zh: 协作群组:经常共同承担事项的单位群组及其成员
//
// community: The cluster of units that work together most (Louvain communities of the
//   co-assignment network); empty for collective units.
// Members are listed by weighted load, heaviest first.
// load: Weighted load: 1 for each item led plus 0.5 for each item supported.
// zh: 工作量:每牵头一项计 1,每配合一项计 0.5。
// zh: 协作群组:经常共同承担事项的单位聚成的群组(Louvain 社区划分);集合单位为空。
// zh: 成员按工作量从大到小排列。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// planId: 规划 / Plan
//
// Columns:
// community: Community — the community's number in this plan
//   群组 — 群组在本规划中的编号
// size: Units — how many units it holds
//   单位数 — 群组中的单位数
// members: Members — its units, heaviest load first
//   成员 — 群组中的单位,工作量大的在前
// load: Load — the members' weighted load added up
//   工作量 — 成员工作量之和
//
// Scans the whole graph.
MATCH (unit:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE active.community IS NOT NULL
WITH active.community AS community, unit, active
ORDER BY active.load DESC, unit.name ASC
WITH community, collect(unit.name) AS members, sum(active.load) AS load
ORDER BY size(members) DESC, load DESC, community ASC
RETURN community AS community,
       size(members) AS size,
       members AS members,
       load AS load
