// The console's answer written in pieces (results.ts answerPieces) is, once joined, exactly the
// answer answerOf gives in one piece: the same columns, rows, caps and graph, for any rows.
import neo4j, { Record as Neo4jRecord } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { Rows } from '../../graph/api/read.ts';
import { answerOf, answerPieces, rowText } from '../../graph/api/results.ts';

const plan = (text: string) =>
  new neo4j.types.Node(
    neo4j.int(1),
    ['Plan'],
    { id: 'p', sourceText: text, itemCount: neo4j.int(185) },
    'e:1',
  );
const unit = new neo4j.types.Node(
  neo4j.int(2),
  ['Unit'],
  { id: '武汉市/市发改委', name: '市发改委' },
  'e:2',
);

function rowsOf(keys: string[], values: unknown[][], truncatedBy?: 'rows' | 'bytes'): Rows {
  return {
    keys,
    records: values.map((each) => new Neo4jRecord(keys, each)),
    truncated: truncatedBy !== undefined,
    ...(truncatedBy === undefined ? {} : { truncatedBy }),
  };
}

async function pieces(rows: Rows): Promise<string[]> {
  const out: string[] = [];
  for await (const piece of answerPieces(rows, rows.records.map(rowText))) out.push(piece);
  return out;
}

describe('a console answer in pieces', () => {
  it('joins to the answer in one piece: values, integers, nulls, nodes and the graph', async () => {
    const rows = rowsOf(
      ['p', 'n', 'name', 'nothing', 'list'],
      [
        [plan('一、总体要求'), neo4j.int(3), '市发改委', null, [neo4j.int(1), 'a']],
        [unit, 4.5, '"引号"\n换行', null, []],
      ],
    );
    const written = await pieces(rows);
    expect(written).toHaveLength(1);
    const answer = JSON.parse(written.join(''));
    expect(answer).toEqual(answerOf(rows));
    expect(answer.rows[0]).toMatchObject({ n: 3, name: '市发改委', nothing: null, list: [1, 'a'] });
    expect(answer.graph.nodes.map((node: { data: { id: string } }) => node.data.id)).toEqual(
      expect.arrayContaining(['武汉市/市发改委']),
    );
  });

  it('writes a large answer in several pieces, the cap that cut it said', async () => {
    const big = plan('十四五'.repeat(30_000));
    const rows = rowsOf(
      ['p', 'p2', 'i'],
      Array.from({ length: 40 }, (_, at) => [big, big, neo4j.int(at)]),
      'bytes',
    );
    const written = await pieces(rows);
    expect(written.length).toBeGreaterThan(10);
    const answer = JSON.parse(written.join(''));
    expect(answer).toEqual(answerOf(rows));
    expect(answer.truncatedBy).toBe('bytes');
    expect(answer.rows.map((row: { i: number }) => row.i)).toEqual([...Array(40).keys()]);
  });

  it('answers no rows as an empty list, with no graph', async () => {
    const rows = rowsOf(['n'], []);
    const answer = JSON.parse((await pieces(rows)).join(''));
    expect(answer).toEqual({ columns: ['n'], rows: [], truncated: false });
    expect(answer).toEqual(answerOf(rows));
  });
});
