// Properties kept as text on a merge record (a unit merged away, its activity per plan, an edge
// folded into one it duplicated), so that a split can write them back exactly: Neo4j stores no
// maps, and JSON alone would turn an INTEGER into a FLOAT on the way back. Integers are written as
// {"$int": "12"}; keys are sorted, so the same properties give the same text (an edge folded
// twice is recognised as one).
import neo4j from 'neo4j-driver';
import { z } from 'zod';

export type Properties = Record<string, unknown>;

const Tagged = z.object({ $int: z.string().regex(/^-?\d+$/) }).strict();

function encodeValue(value: unknown): unknown {
  if (neo4j.isInt(value)) return { $int: value.toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  return value;
}

function decodeValue(value: unknown): unknown {
  const tagged = Tagged.safeParse(value);
  if (tagged.success) return neo4j.int(tagged.data.$int);
  if (Array.isArray(value)) return value.map(decodeValue);
  return value;
}

/** The properties as text, integers kept as integers, keys in order. */
export function encodeProperties(props: Properties): string {
  const sorted = Object.keys(props)
    .sort()
    .map((key): [string, unknown] => [key, encodeValue(props[key])]);
  return JSON.stringify(Object.fromEntries(sorted));
}

const Stored = z.record(z.string(), z.unknown());

/** Properties written by `encodeProperties`, with their Neo4j types. */
export function decodeProperties(text: string): Properties {
  const parsed = Stored.parse(JSON.parse(text));
  return Object.fromEntries(
    Object.entries(parsed).map(([key, value]): [string, unknown] => [key, decodeValue(value)]),
  );
}

/** A map of plan id → properties, as kept in one string. */
export function encodeByPlan(byPlan: ReadonlyMap<string, Properties>): string {
  const sorted = [...byPlan.keys()].sort();
  return JSON.stringify(
    Object.fromEntries(
      sorted.map((planId) => [planId, encodeProperties(byPlan.get(planId) as Properties)]),
    ),
  );
}

const ByPlan = z.record(z.string(), z.string());

export function decodeByPlan(text: string | null | undefined): Map<string, Properties> {
  if (text === null || text === undefined || text === '') return new Map();
  const parsed = ByPlan.parse(JSON.parse(text));
  return new Map(
    Object.entries(parsed).map(([planId, props]): [string, Properties] => [
      planId,
      decodeProperties(props),
    ]),
  );
}
