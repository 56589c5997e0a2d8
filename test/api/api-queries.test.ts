// The API's own lookups (graph/api/queries/*.cypher) read through the registry's loader, whose
// header check keeps each file's parameters and columns equal to its body; and the pure helpers
// the routes lean on.
import { describe, expect, it } from 'vitest';
import { API_QUERIES_DIR, apiQueryDefinitions } from '../../graph/api/context.ts';
import { withoutExplain } from '../../graph/api/routes/cypher.ts';
import { sourceLines } from '../../graph/api/routes/source.ts';
import { loadQueries } from '../../graph/queries/registry.ts';

describe('graph/api/queries', () => {
  it('loads every lookup with an honest header', () => {
    const names = loadQueries(API_QUERIES_DIR).map((definition) => definition.name);
    expect(names).toEqual([
      'health',
      'item-source',
      'neighbourhood',
      'node-by-id',
      'nodes-by-element-id',
      'plan-graph',
      'plans',
      'search-candidates',
      'search-fulltext',
      'theme-reach',
      'unit-paths',
      'unit-profile',
      'unit-theme-routes',
    ]);
  });

  it('declares the parameters the routes send', () => {
    const params = (name: string) =>
      apiQueryDefinitions()
        .get(name)
        ?.params.map((param) => param.name);
    expect(params('neighbourhood')).toEqual(['id', 'depth', 'types', 'limit', 'planId']);
    expect(params('unit-paths')).toEqual(['fromId', 'toId', 'planIds', 'collectives', 'limit']);
    expect(params('search-fulltext')).toEqual(['query', 'planIds', 'limit']);
    expect(params('unit-profile')).toEqual(['unitId', 'planId']);
  });
});

describe('sourceLines', () => {
  const source = ['标题', '', '(一)主题', '1.第一项。', '续行', '2.第二项。'].join('\n');

  it('gives the item its lines and the context either side, clipped at the ends', () => {
    expect(sourceLines('p', source, 4, '1.第一项。\n续行', 1)).toEqual({
      planId: 'p',
      line: 4,
      endLine: 5,
      lines: [
        { number: 3, text: '(一)主题' },
        { number: 4, text: '1.第一项。' },
        { number: 5, text: '续行' },
        { number: 6, text: '2.第二项。' },
      ],
    });
    expect(sourceLines('p', source, 1, '标题', 3).lines.map((line) => line.number)).toEqual([
      1, 2, 3, 4,
    ]);
  });
});

describe('withoutExplain', () => {
  it("moves Neo4j's positions back to the query as typed", () => {
    expect(withoutExplain("Invalid input 'x' (line 2, column 7 (offset: 14))")).toBe(
      "Invalid input 'x' (line 1, column 7 (offset: 6))",
    );
  });
});
