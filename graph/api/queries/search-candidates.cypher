// search-candidates — the units and items the search box can find in the given plans
//
// Parameters:
// :param planIds => ['武汉市-f64b89c6']
//
// Columns:
// id: the node's id
// kind: unit, or the item's kind
// name: a unit's short name, an item's title
// fullName: a unit's full name, or null
// englishName: a unit's English name, or null
// aliases: a unit's other names
// ref: an item's printed reference, or null
// pinyin: a unit's pinyin, syllables spaced, or null
// pinyinInitials: a unit's pinyin initials, or null

CALL () {
  MATCH (unit:Unit)-[:ACTIVE_IN]->(plan:Plan)
    WHERE plan.id IN $planIds
  WITH DISTINCT unit
  RETURN unit.id AS id,
         'unit' AS kind,
         unit.name AS name,
         unit.fullName AS fullName,
         unit.englishName AS englishName,
         coalesce(unit.aliases, []) AS aliases,
         null AS ref,
         unit.pinyin AS pinyin,
         unit.pinyinInitials AS pinyinInitials
  UNION ALL
  MATCH (item:Item)
    WHERE item.planId IN $planIds
  RETURN item.id AS id,
         item.kind AS kind,
         item.title AS name,
         null AS fullName,
         null AS englishName,
         [] AS aliases,
         item.ref AS ref,
         null AS pinyin,
         null AS pinyinInitials
}
RETURN id AS id,
       kind AS kind,
       name AS name,
       fullName AS fullName,
       englishName AS englishName,
       aliases AS aliases,
       ref AS ref,
       pinyin AS pinyin,
       pinyinInitials AS pinyinInitials
