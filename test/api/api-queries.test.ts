// The API's own lookups (graph/api/queries/*.cypher) read through the registry's loader, whose
// header check keeps each file's parameters and columns equal to its body; their rows parsed by
// one schema each, equal to the header's columns; no name shared with a planner's query of cypher/
// unless it is that query; and the pure helpers the routes lean on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_QUERIES_DIR, apiQueryDefinitions } from '../../graph/api/context.ts';
import { HttpError, onError, toErrorBody } from '../../graph/api/http-error.ts';
import { parseRows } from '../../graph/api/read.ts';
import { withoutExplain } from '../../graph/api/routes/cypher.ts';
import { sourceLines } from '../../graph/api/routes/source.ts';
import { LOOKUP_ROWS, type LookupName } from '../../graph/api/rows.ts';
import { CYPHER_DIR, loadQueries } from '../../graph/queries/registry.ts';

const record = (row: Record<string, unknown>) =>
  new neo4j.types.Record(Object.keys(row), Object.values(row));

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
      'plan-summaries',
      'search-candidates',
      'search-fulltext',
      'theme-panel',
      'unit-panel',
      'unit-paths',
      'unit-task-list',
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
    expect(params('unit-panel')).toEqual(['unitId', 'planId']);
  });

  it("shares no file name with cypher/ unless it is the planners' query itself", () => {
    const planners = new Set(readdirSync(CYPHER_DIR));
    const clashes = readdirSync(API_QUERIES_DIR)
      .filter((file) => file.endsWith('.cypher') && planners.has(file))
      .filter(
        (file) =>
          readFileSync(join(API_QUERIES_DIR, file), 'utf8') !==
          readFileSync(join(CYPHER_DIR, file), 'utf8'),
      );
    expect(clashes).toEqual([]);
  });

  it('parses each lookup by a schema whose fields are the columns of its header', () => {
    const definitions = apiQueryDefinitions();
    for (const [name, schema] of Object.entries(LOOKUP_ROWS)) {
      expect(existsSync(join(API_QUERIES_DIR, `${name}.cypher`)), name).toBe(true);
      expect(schema instanceof z.core.$ZodObject, name).toBe(true);
      const fields = schema instanceof z.core.$ZodObject ? Object.keys(schema._zod.def.shape) : [];
      const columns = definitions.get(name)?.columns.map((column) => column.name) ?? [];
      expect(fields.sort(), name).toEqual(columns.sort());
    }
  });
});

describe('parseRows', () => {
  const name: LookupName = 'unit-panel';
  const unit = new neo4j.types.Node(neo4j.int(1), ['Unit'], { id: 'u', name: '市发改委' }, 'e:u');
  const good = {
    unit,
    metrics: null,
    items: [],
    partners: [{ unit, items: neo4j.int(3) }],
    collectives: [],
    plans: [],
    viaCollectives: { items: neo4j.int(0), collectives: [] },
  };

  it("turns the driver's values into JSON and checks them: integers become numbers", () => {
    const [row] = parseRows(name, [record(good)], LOOKUP_ROWS[name]);
    expect(row?.unit).toEqual({
      elementId: 'e:u',
      labels: ['Unit'],
      properties: { id: 'u', name: '市发改委' },
    });
    expect(row?.partners).toEqual([{ unit: row?.unit, items: 3 }]);
  });

  it('makes a row of another shape a 500 that names the query and the field', () => {
    const bad = { ...good, items: [{ item: unit, theme: null, type: 'OWNS', role: null }] };
    let thrown: unknown;
    try {
      parseRows(name, [record(good), record(bad)], LOOKUP_ROWS[name]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    const { status, body } = toErrorBody(thrown);
    expect(status).toBe(500);
    expect(body.error.code).toBe('bad_row');
    expect(body.error.message).toContain('unit-panel');
    expect(body.error.message).toContain('row 2');
    expect(body.error.message).toContain('items.0.type');
    expect(body.error.message).toContain('items.0.inferred');
  });

  it('answers the client with that 500, not a crash further in', async () => {
    const app = new Hono();
    app.get('/broken', (c) =>
      c.json(
        parseRows(
          'theme-panel',
          [record({ theme: 'not a node', units: [] })],
          LOOKUP_ROWS['theme-panel'],
        ),
      ),
    );
    app.onError(onError);
    const response = await app.request('/broken');
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_row');
    expect(body.error.message).toMatch(/^the query theme-panel returned a row of another shape/);
    expect(body.error.message).toContain('theme');
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
