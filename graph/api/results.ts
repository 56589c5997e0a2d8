// Rows read from Neo4j as the console and named queries answer them: column names, rows of JSON
// values, whether the rows were cut, and — when the rows hold nodes or relationships — the graph
// they draw, as Cytoscape elements.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { QueryAnswer } from '../../contract/api/queries.ts';
import { toJson, type JsonValue } from '../queries/to-json.ts';
import { collectGraph, hasGraph, toElements, type FoundGraph } from './elements.ts';
import type { Rows } from './read.ts';

/**
 * The console's answer stops growing past this many bytes of rows (as UTF-8 JSON): more than a
 * planner reads in a table, and each answer's decoding and writing is work every other request
 * waits behind. At 16 MB, 20 console abusers held the server's event loop up to 340 ms and the
 * planners' p99 was 2.7x its quiet figure; at 4 MB, 190 ms and 2.2x (bench:api, abuse).
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** A record as the JSON text of its row in an answer: `{"column":value,…}`. */
export function rowText(record: Neo4jRecord): string {
  let text = '{';
  record.keys.forEach((key, at) => {
    const json = JSON.stringify(toJson(record.get(key))) ?? 'null';
    text += `${at === 0 ? '' : ','}${JSON.stringify(key)}:${json}`;
  });
  return `${text}}`;
}

/** About how many characters of an answer are written before the event loop is let go. */
const ANSWER_PIECE_CHARS = 256 * 1024;

/**
 * The answer `answerOf` gives, as JSON text in pieces of about ANSWER_PIECE_CHARS, its rows
 * already written (`rowTexts`, one per record, as `rowText` writes them). Between pieces the
 * event loop is free: a console answer of megabytes written in one JSON.stringify held every other
 * request for a tenth of a second and more (issue 16's abuse scenario, bench/api.ts).
 */
export async function* answerPieces(
  rows: Rows,
  rowTexts: readonly string[],
  found: FoundGraph = graphOfRecords(rows.records),
): AsyncGenerator<string> {
  let piece = `{"columns":${JSON.stringify(rows.keys)},"rows":[`;
  for (const [at, text] of rowTexts.entries()) {
    piece += at === 0 ? text : `,${text}`;
    if (piece.length >= ANSWER_PIECE_CHARS) {
      yield piece;
      piece = '';
      await nextTurn();
    }
  }
  const rest: Omit<QueryAnswer, 'columns' | 'rows'> = { truncated: rows.truncated };
  if (rows.truncatedBy !== undefined) rest.truncatedBy = rows.truncatedBy;
  if (hasGraph(found)) rest.graph = toElements(found.nodes.values(), found.relationships.values());
  // `{"truncated":…}` without its opening brace closes the object the rows began.
  yield `${piece}],${JSON.stringify(rest).slice(1)}`;
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
