// Rows → Cytoscape elements, without a database or a browser: kinds, labels, stable edge ids,
// metrics on units, and edges without both ends left out.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { collectGraph, edgeIdOf, toElements, unitMetricsById } from '../../graph/api/elements.ts';
import type { JsonNode, JsonRelationship } from '../../graph/queries/to-json.ts';

const unit: JsonNode = {
  elementId: 'e:1',
  labels: ['Unit'],
  properties: {
    id: '武汉市/市发改委',
    name: '市发改委',
    englishName: 'Wuhan Municipal Development and Reform Commission',
    collective: false,
    searchText: 'shi fa gai wei',
    pinyin: 'shi fa gai wei',
  },
};
const task: JsonNode = {
  elementId: 'e:2',
  labels: ['Item', 'Task'],
  properties: {
    id: 'p/二(一)1',
    ref: '二(一)1',
    title: '创建东湖综合性国家科学中心',
    planId: 'p',
    parentId: 'p/二(一)',
  },
};
const plan: JsonNode = {
  elementId: 'e:3',
  labels: ['Plan'],
  properties: { id: 'p', title: '任务分工方案', sourceText: '…the whole document…' },
};
const leads: JsonRelationship = {
  elementId: 'r:1',
  type: 'LEADS',
  startNodeElementId: 'e:1',
  endNodeElementId: 'e:2',
  properties: { planId: 'p', role: '牵头单位', inferred: false },
};
const dangling: JsonRelationship = {
  elementId: 'r:2',
  type: 'SUPPORTS',
  startNodeElementId: 'e:9',
  endNodeElementId: 'e:2',
  properties: { planId: 'p' },
};

describe('toElements', () => {
  const metrics = unitMetricsById([
    {
      unitId: '武汉市/市发改委',
      planId: 'p',
      load: 63.5,
      itemsLed: 53,
      itemsSupported: 21,
      themesReached: 9,
    },
  ]);
  const elements = toElements([unit, task, plan, unit], [leads, dangling, leads], metrics);

  it('gives each node its id, kind and label, and each unit its English label and figures', () => {
    expect(elements.nodes.map((node) => [node.data.id, node.data.kind, node.data.label])).toEqual([
      ['武汉市/市发改委', 'unit', '市发改委'],
      ['p/二(一)1', 'task', '创建东湖综合性国家科学中心'],
      ['p', 'plan', '任务分工方案'],
    ]);
    expect(elements.nodes[0]?.data).toMatchObject({
      labelEn: 'Wuhan Municipal Development and Reform Commission',
      load: 63.5,
      itemsLed: 53,
      collective: false,
    });
    expect(elements.nodes[1]?.data).toMatchObject({
      ref: '二(一)1',
      planId: 'p',
      parentId: 'p/二(一)',
    });
  });

  it('leaves out bulky and internal properties', () => {
    expect(elements.nodes[2]?.data).not.toHaveProperty('sourceText');
    expect(elements.nodes[0]?.data).not.toHaveProperty('searchText');
    expect(elements.nodes[0]?.data).not.toHaveProperty('planId');
  });

  it('joins edges by node ids, once, with a stable id, and drops those missing an end', () => {
    expect(elements.edges).toEqual([
      {
        data: {
          id: edgeIdOf('武汉市/市发改委', 'LEADS', 'p/二(一)1', 'p'),
          source: '武汉市/市发改委',
          target: 'p/二(一)1',
          type: 'LEADS',
          planId: 'p',
          role: '牵头单位',
          inferred: false,
        },
      },
    ]);
  });
});

describe('collectGraph', () => {
  it('finds nodes and relationships in driver values, paths, lists and maps', () => {
    const a = new neo4j.types.Node(neo4j.int(1), ['Unit'], { id: 'u' }, 'e:a');
    const b = new neo4j.types.Node(neo4j.int(2), ['Item', 'Task'], { id: 'i' }, 'e:b');
    const r = new neo4j.types.Relationship(
      neo4j.int(3),
      neo4j.int(1),
      neo4j.int(2),
      'LEADS',
      {},
      'r:ab',
      'e:a',
      'e:b',
    );
    const path = new neo4j.types.Path(a, b, [new neo4j.types.PathSegment(a, r, b)]);
    const found = collectGraph([path, [a], { nested: { deeper: b } }, 'text', 3]);
    expect([...found.nodes.keys()].sort()).toEqual(['e:a', 'e:b']);
    expect([...found.relationships.keys()]).toEqual(['r:ab']);
    const elements = toElements(found.nodes.values(), found.relationships.values());
    expect(elements.edges[0]?.data).toMatchObject({ source: 'u', target: 'i', type: 'LEADS' });
  });
});
