// indicator-trajectory — each main indicator's actual values by year against its target
// zh: 指标完成轨迹:每项主要指标逐年的实际值与目标值对比
//
// track: A year's value is judged by the target's comparator: at least (≥), above (>), at most
//   (≤), below (<) and equal as written; about (左右) within 10% of the target value. A target with
//   no number (完成省下达目标, 与经济增长同步) cannot be judged from the value alone.
// A year's value is the newest recorded for that year (a correction is a newer record). An
// indicator with no value reported yet has one row, with no year.
// zh: 是否符合目标:按目标的比较方式判断当年实际值:不低于(≥)、高于(>)、不高于(≤)、低于(<)、等于,按文件所写;“左右”为与目标值相差不超过 10%。没有数值的目标(完成省下达目标、与经济增长同步)无法仅凭实际值判断。
// zh: 每年的实际值取该年最新的一条记录(更正即为同一年份的新记录)。尚未报送任何实际值的指标列一行,年份为空。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// planId: 规划 / Plan
//
// Columns:
// ref: Ref. — the indicator's printed reference
//   序号 — 指标的序号,如文件所印
// indicator: Indicator — the indicator's title
//   指标 — 指标名称
// target: Target — the target as printed
//   目标值 — 目标值,如文件所印
// year: Year — the year the value is for
//   年份 — 实际值所属年份
// value: Value — the actual value reported for that year
//   实际值 — 该年报送的实际值
// track: On track — on track, off track, or cannot tell from the target
//   是否符合目标 — 符合目标、偏离目标或无法判断
// reportedAt: Reported — when the value was recorded
//   报送时间 — 实际值的记录时间
// itemId: Item id — the indicator's id
//   指标编号 — 指标的编号
//
// Scans the whole graph.
MATCH (:Plan {id: $planId})<-[:PART_OF]-(indicator:Indicator)
OPTIONAL MATCH (record:IndicatorValue)-[:ON]->(indicator)
WITH indicator, record
ORDER BY record.at ASC, record.seq ASC
WITH indicator, record.year AS year, last(collect(record)) AS newest
WITH indicator, year, newest,
     indicator.targetComparator AS comparator, indicator.targetValue AS goal, newest.value AS value
WITH indicator, year, value, comparator, goal, newest
ORDER BY indicator.sortKey ASC, year ASC
RETURN indicator.ref AS ref,
       indicator.title AS indicator,
       indicator.targetText AS target,
       year AS year,
       value AS value,
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
       END AS track,
       newest.at AS reportedAt,
       indicator.id AS itemId
