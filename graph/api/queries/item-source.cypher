// item-source — an item's provenance: its plan's source text, the line it starts on, its printed text
//
// Parameters:
// :param id => '武汉市-f64b89c6/二(一)1'
//
// Columns:
// planId: the plan the item belongs to
// line: 1-based line of the source where the item starts
// text: the item's text as printed
// sourceText: the plan's whole source document

MATCH (item:Item {id: $id})
MATCH (plan:Plan {id: item.planId})
RETURN item.planId AS planId,
       item.line AS line,
       item.text AS text,
       plan.sourceText AS sourceText
