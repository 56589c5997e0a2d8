// health — the plans loaded, as a cheap proof that Neo4j answers
//
// Columns:
// id: the plan's id
// title: the plan's title

MATCH (plan:Plan)
RETURN plan.id AS id,
       plan.title AS title
ORDER BY id
