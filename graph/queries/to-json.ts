// Values read from Neo4j turned into plain JSON, for the command line, the HTTP API and anything
// else that writes rows out. Pure. Integers become numbers while they are exact, strings beyond;
// temporal values become their ISO-8601 text; nodes, relationships and paths plain objects.
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
  type Node,
  type Relationship,
} from 'neo4j-driver';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// Type aliases, not interfaces: only these are assignable to JsonValue's index signature.
export type JsonNode = {
  elementId: string;
  labels: string[];
  properties: Record<string, JsonValue>;
};

export type JsonRelationship = {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, JsonValue>;
};

export type JsonPath = {
  nodes: JsonNode[];
  relationships: JsonRelationship[];
};

function properties(value: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) out[key] = toJson(item);
  return out;
}

function node(value: Node): JsonNode {
  return {
    elementId: value.elementId,
    labels: [...value.labels],
    properties: properties(value.properties),
  };
}

function relationship(value: Relationship): JsonRelationship {
  return {
    elementId: value.elementId,
    type: value.type,
    startNodeElementId: value.startNodeElementId,
    endNodeElementId: value.endNodeElementId,
    properties: properties(value.properties),
  };
}

function integer(value: bigint): number | string {
  const asNumber = Number(value);
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}

/** Any value a Neo4j record holds, as JSON; objects it does not know are walked key by key. */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  // NaN and the infinities have no JSON form; their names keep them from passing for null.
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return integer(value);
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isNode(value)) return node(value);
  if (isRelationship(value)) return relationship(value);
  if (isUnboundRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      properties: properties(value.properties),
    };
  }
  if (isPath(value)) {
    const path: JsonPath = {
      nodes: [node(value.start), ...value.segments.map((segment) => node(segment.end))],
      relationships: value.segments.map((segment) => relationship(segment.relationship)),
    };
    return path;
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isPoint(value)) {
    const point: Record<string, JsonValue> = { srid: toJson(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') return properties(value as Record<string, unknown>);
  return String(value);
}
