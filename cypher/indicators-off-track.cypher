// indicators-off-track — main indicators whose latest actual value misses the target
// zh: 偏离目标的指标:最近一年实际值未达目标的主要指标
//
// track: The latest year's value is judged by the target's comparator: at least (≥), above (>), at
//   most (≤), below (<) and equal as written; about (左右) within 10% of the target value. A target
//   with no number (完成省下达目标) cannot be judged from the value alone.
// Indicators off track come first, then those that cannot be judged, then those with no value
// reported yet, then those on track; binding (约束性) indicators before expected ones.
// zh: 是否符合目标:按目标的比较方式判断最近一年的实际值:不低于(≥)、高于(>)、不高于(≤)、低于(<)、等于,按文件所写;“左右”为与目标值相差不超过 10%。没有数值的目标(完成省下达目标)无法仅凭实际值判断。
// zh: 偏离目标的指标在前,其次为无法判断的、尚未报送实际值的,符合目标的在后;约束性指标排在预期性指标之前。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// Defaults: limit => 50
// planId: 规划 / Plan
// limit: 最多列出 / Rows at most
//
// Columns:
// ref: Ref. — the indicator's printed reference
//   序号 — 指标的序号,如文件所印
// indicator: Indicator — the indicator's title
//   指标 — 指标名称
// binding: Binding — true for a binding (约束性) indicator
//   约束性 — 约束性指标为是
// target: Target — the target as printed
//   目标值 — 目标值,如文件所印
// year: Latest year — the latest year with a value reported
//   最近年份 — 报送了实际值的最近年份
// value: Value — the value reported for that year
//   实际值 — 该年报送的实际值
// track: On track — on track, off track, or cannot tell; blank when nothing is reported
//   是否符合目标 — 符合目标、偏离目标或无法判断;未报送则留空
// offTrackYears: Years off track — years whose value missed the target
//   偏离年数 — 实际值未达目标的年数
// leads: Lead units — the units leading it, in the order printed
//   牵头单位 — 牵头的单位,按文件顺序
// itemId: Item id — the indicator's id
//   指标编号 — 指标的编号
//
// Scans the whole graph.
MATCH (:Plan {id: $planId})<-[:PART_OF]-(indicator:Indicator)
OPTIONAL MATCH (record:IndicatorValue)-[:ON]->(indicator)
WITH indicator, record
ORDER BY record.at ASC, record.seq ASC
WITH indicator, record.year AS year, last(collect(record)) AS newest
WITH indicator, year, newest.value AS value,
     indicator.targetComparator AS comparator, indicator.targetValue AS goal
WITH indicator, year, value,
     CASE
       WHEN value IS NULL THEN null
       WHEN goal IS NULL OR comparator IS NULL THEN 'unknown'
       WHEN comparator = '>=' THEN CASE WHEN value >= goal THEN 'on-track' ELSE 'off-track' END
       WHEN comparator = '>' THEN CASE WHEN value > goal THEN 'on-track' ELSE 'off-track' END
       WHEN comparator = '<=' THEN CASE WHEN value <= goal THEN 'on-track' ELSE 'off-track' END
       WHEN comparator = '<' THEN CASE WHEN value < goal THEN 'on-track' ELSE 'off-track' END
       WHEN comparator = '=' THEN CASE WHEN abs(value - goal) < 1e-9 THEN 'on-track' ELSE 'off-track' END
       WHEN comparator = '~' THEN CASE WHEN abs(value - goal) <= abs(goal) * 0.1 THEN 'on-track' ELSE 'off-track' END
       ELSE 'unknown'
     END AS track
ORDER BY year ASC
WITH indicator,
     last(collect({year: year, value: value, track: track})) AS latest,
     sum(CASE WHEN track = 'off-track' THEN 1 ELSE 0 END) AS offTrackYears
CALL (indicator) {
  OPTIONAL MATCH (lead:Unit)-[assignment:LEADS]->(indicator)
  WITH lead, assignment
  ORDER BY assignment.position ASC
  RETURN collect(lead.name) AS leads
}
WITH indicator, latest, offTrackYears, leads
ORDER BY CASE latest.track
           WHEN 'off-track' THEN 0
           WHEN 'unknown' THEN 1
           WHEN 'on-track' THEN 3
           ELSE 2
         END ASC,
         offTrackYears DESC,
         CASE WHEN indicator.binding THEN 0 ELSE 1 END ASC,
         indicator.sortKey ASC
LIMIT $limit
RETURN indicator.ref AS ref,
       indicator.title AS indicator,
       indicator.binding AS binding,
       indicator.targetText AS target,
       latest.year AS year,
       latest.value AS value,
       latest.track AS track,
       offTrackYears AS offTrackYears,
       leads AS leads,
       indicator.id AS itemId
