// Rows read from Neo4j as the console and named queries answer them: column names, rows of JSON
// values, whether the rows were cut, and — when the rows hold nodes or relationships — the graph
// they draw, as Cytoscape elements.
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { QueryAnswer } from '../../contract/api/queries.ts';
import { toJson, type JsonValue } from '../queries/to-json.ts';
import { collectGraph, hasGraph, toElements, type FoundGraph } from './elements.ts';
import type { Rows } from './read.ts';

/** The console's answer stops growing past this many bytes of rows (as UTF-8 JSON). */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** What a record weighs in an answer's rows: its JSON as UTF-8, the size the client receives. */
export function recordBytes(record: Neo4jRecord): number {
  // Measured per value so no one string ever holds more than a single value's JSON.
  let bytes = 2;
  for (const key of record.keys) {
    const json = JSON.stringify(toJson(record.get(key))) ?? 'null';
    bytes += Buffer.byteLength(json, 'utf8') + Buffer.byteLength(JSON.stringify(key), 'utf8') + 2;
  }
  return bytes;
}

/** Element ids of relationship ends that the found graph lacks. */
export function missingEnds(found: FoundGraph): string[] {
  const missing = new Set<string>();
  for (const relationship of found.relationships.values()) {
    for (const end of [relationship.startNodeElementId, relationship.endNodeElementId]) {
      if (!found.nodes.has(end)) missing.add(end);
    }
  }
  return [...missing];
}

/** The nodes and relationships held anywhere in the records. */
export function graphOfRecords(records: readonly Neo4jRecord[]): FoundGraph {
  const found = collectGraph([]);
  for (const record of records) collectGraph(record.values(), found);
  return found;
}

export function answerOf(
  rows: Rows,
  found: FoundGraph = graphOfRecords(rows.records),
): QueryAnswer {
  const answer: QueryAnswer = {
    columns: rows.keys,
    rows: rows.records.map((record) => {
      const row: Record<string, JsonValue> = {};
      for (const key of rows.keys) row[key] = toJson(record.get(key));
      return row;
    }),
    truncated: rows.truncated,
  };
  if (rows.truncatedBy !== undefined) answer.truncatedBy = rows.truncatedBy;
  if (hasGraph(found))
    answer.graph = toElements(found.nodes.values(), found.relationships.values());
  return answer;
}
