// nodes-by-element-id — nodes by Neo4j's element ids: the ends of relationships a result named without their nodes
//
// Parameters:
// :param elementIds => ['4:bbdd8930-f49e-4cfd-bac8-a0796cd8154b:21']
//
// Columns:
// node: one node per element id found

MATCH (node)
  WHERE elementId(node) IN $elementIds
RETURN node AS node
