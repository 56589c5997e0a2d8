// Reading query files without a database: the Cypher scanning, the header grammar, and the
// checks a caller's parameters go through before anything is sent to Neo4j.
import { isInt } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  blankCommentsAndStrings,
  finalReturnColumns,
  LiteralError,
  parametersUsed,
  parseCypherLiteral,
} from '../../graph/queries/cypher-text.ts';
import { parseQueryFile, type QueryDefinition } from '../../graph/queries/header.ts';
import { bindParams, parseParamText, QueryError } from '../../graph/queries/params.ts';

describe('parametersUsed', () => {
  it('finds each $parameter once, in order of first use', () => {
    expect(
      parametersUsed(
        'MATCH (u {id: $unit})-[r {planId: $planId}]->(i)\nWHERE i.x = $unit\nLIMIT $limit',
      ),
    ).toEqual(['unit', 'planId', 'limit']);
  });

  it('ignores $ inside comments and string literals, and reads backticked names', () => {
    const text = [
      '// :param nope => 1 and $commented',
      "MATCH (n) WHERE n.note = 'costs $5' OR n.other = \"it's $quoted\" /* $block */",
      'RETURN $`odd name` AS x',
    ].join('\n');
    expect(parametersUsed(text)).toEqual(['odd name']);
  });

  it('keeps the text the same length, line for line', () => {
    const text = "RETURN 'a\\'b' AS x // note\n/* two\nlines */ RETURN 1 AS y";
    const blanked = blankCommentsAndStrings(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.split('\n')).toHaveLength(text.split('\n').length);
    expect(blanked).not.toContain('note');
    expect(blanked).not.toContain('b');
  });
});

describe('finalReturnColumns', () => {
  it('reads the aliases of the last top-level RETURN, before ORDER BY and LIMIT', () => {
    const text = [
      'MATCH (u:Unit)',
      'CALL (u) {',
      '  MATCH (u)-[:LEADS]->(i)',
      '  RETURN count(i) AS inner',
      '}',
      'RETURN u.name AS unit, [x IN [1, 2] | x * 2] AS doubled, {a: 1, b: 2} AS map,',
      '       count { (u)-->() } AS `degree`',
      'ORDER BY unit ASC',
      'LIMIT $limit',
    ].join('\n');
    expect(finalReturnColumns(text)).toEqual({ aliases: ['unit', 'doubled', 'map', 'degree'] });
  });

  it('marks an item without AS', () => {
    expect(finalReturnColumns('MATCH (n) RETURN DISTINCT n.name AS name, n.id')).toEqual({
      aliases: ['name', null],
    });
  });

  it('is not fooled by RETURN in a string or a comment', () => {
    expect(finalReturnColumns("RETURN 1 AS a // RETURN 2 AS b\n, 'RETURN 3 AS d' AS c")).toEqual({
      aliases: ['a', 'c'],
    });
    expect(finalReturnColumns('MATCH (n) WITH n')).toBeNull();
  });
});

describe('parseCypherLiteral', () => {
  it('reads the literals a :param line can hold, telling integers from floats', () => {
    expect(parseCypherLiteral("'武汉市-f64b89c6'")).toEqual({
      value: '武汉市-f64b89c6',
      integer: false,
    });
    expect(parseCypherLiteral('"say \\"hi\\"\\n"')).toEqual({
      value: 'say "hi"\n',
      integer: false,
    });
    expect(parseCypherLiteral('20')).toEqual({ value: 20, integer: true });
    expect(parseCypherLiteral('-3')).toEqual({ value: -3, integer: true });
    expect(parseCypherLiteral('0.5')).toEqual({ value: 0.5, integer: false });
    expect(parseCypherLiteral('1e3')).toEqual({ value: 1000, integer: false });
    expect(parseCypherLiteral('FALSE')).toEqual({ value: false, integer: false });
    expect(parseCypherLiteral('null')).toEqual({ value: null, integer: false });
    expect(parseCypherLiteral("['二(一)', 2, [true]]")).toEqual({
      value: ['二(一)', 2, [true]],
      integer: false,
    });
  });

  it('says where a broken literal goes wrong', () => {
    expect(() => parseCypherLiteral("'open")).toThrow(LiteralError);
    expect(() => parseCypherLiteral('[1, 2')).toThrow(/expected "," or "]"/);
    expect(() => parseCypherLiteral('12 apples')).toThrow(/column 4/);
    expect(() => parseCypherLiteral('apples')).toThrow(/expected a string, number/);
  });
});

const GOOD = [
  '// unit-items — the items a unit answers for',
  '// zh: 单位承担的事项',
  '//',
  '// Leads and supports alike.',
  '// zh: 牵头与配合都算;',
  '//   不论角色。',
  '//',
  '// Parameters:',
  "// :param planId => 'p'",
  "// :param unit => '市发改委'",
  '// :param limit => 10',
  '// :param share => 0.5',
  "// :param refs => ['二(一)1']",
  '// Defaults: limit => 20, share => 1.0',
  '// planId: 规划 / Plan',
  '// unit: 单位 / Unit',
  '// limit: 最多列出 / Rows at most',
  '// share: 份额 / Share',
  '// refs: 序号 / References',
  '//',
  '// Columns:',
  '// ref: Ref. — the printed reference',
  '//   序号 — 文件所印的序号',
  '// title: Title — the title',
  '//   标题 — 事项的标题',
  '//',
  '// Scans the whole graph.',
  'MATCH (:Unit {name: $unit})-[r {planId: $planId}]->(item:Item)',
  'WHERE r.share >= $share AND item.ref IN $refs',
  'RETURN item.ref AS ref, item.title AS title',
  'LIMIT $limit',
].join('\n');

describe('parseQueryFile', () => {
  it('reads name, purpose, description, typed parameters, defaults and columns', () => {
    const { definition, problems } = parseQueryFile('unit-items.cypher', GOOD);
    expect(problems).toEqual([]);
    expect(definition).toMatchObject({
      name: 'unit-items',
      purpose: 'the items a unit answers for',
      purposeZh: '单位承担的事项',
      description: 'Leads and supports alike.',
      descriptionZh: '牵头与配合都算;不论角色。',
      params: [
        {
          name: 'planId',
          label: 'Plan',
          labelZh: '规划',
          example: 'p',
          type: 'string',
          required: true,
        },
        { name: 'unit', example: '市发改委', type: 'string', required: true },
        { name: 'limit', example: 10, type: 'integer', default: 20, required: false },
        { name: 'share', example: 0.5, type: 'float', default: 1, required: false },
        { name: 'refs', example: ['二(一)1'], type: 'list', required: true },
      ],
      columns: [
        {
          name: 'ref',
          label: 'Ref.',
          labelZh: '序号',
          meaning: 'the printed reference',
          meaningZh: '文件所印的序号',
        },
        {
          name: 'title',
          label: 'Title',
          labelZh: '标题',
          meaning: 'the title',
          meaningZh: '事项的标题',
        },
      ],
      scansWholeGraph: true,
      text: GOOD,
    });
  });

  it('reports a header out of step with its body, each problem with its line', () => {
    const broken = GOOD.replace('// unit-items —', '// unit-things —')
      .replace(
        "// :param unit => '市发改委'",
        "// :param unit => '市发改委'\n// :param unused => 1",
      )
      .replace("// :param planId => 'p'\n", '')
      .replace('// title: Title — the title', '// name: Title — the title')
      .replace('// Defaults: limit => 20, share => 1.0', '// Defaults: limit => 20, other => 1');
    const { problems } = parseQueryFile('unit-items.cypher', broken);
    expect(problems.map((problem) => problem.code).sort()).toEqual(
      [
        'columns-mismatch',
        'default-undeclared',
        // planId's label stays without its :param line; unused has no label.
        'label-undeclared',
        'param-unlabelled',
        'name-mismatch',
        'param-undeclared',
        'param-unused',
      ].sort(),
    );
    expect(problems.find((problem) => problem.code === 'name-mismatch')?.line).toBe(1);
    expect(problems.find((problem) => problem.code === 'param-undeclared')?.message).toContain(
      '$planId',
    );
  });

  it('refuses a file without purpose line or columns', () => {
    const { definition, problems } = parseQueryFile('x.cypher', 'MATCH (n) RETURN n AS n');
    expect(definition).toBeNull();
    expect(problems.map((problem) => problem.code)).toEqual([
      'no-purpose',
      'no-purpose-zh',
      'no-columns',
    ]);
  });

  // Planners read Chinese first: a header without its Chinese words is refused, not shown in English.
  it('refuses a header missing its Chinese title, a parameter label or a column’s Chinese', () => {
    const bare = GOOD.replace('// zh: 单位承担的事项\n', '')
      .replace('// unit: 单位 / Unit\n', '')
      .replace('//   标题 — 事项的标题\n', '');
    const { definition, problems } = parseQueryFile('unit-items.cypher', bare);
    expect(definition).toBeNull();
    expect(problems.map((problem) => problem.code).sort()).toEqual([
      'column-no-zh',
      'no-purpose-zh',
      'param-unlabelled',
    ]);
    expect(problems.find((problem) => problem.code === 'column-no-zh')?.message).toContain('title');
    expect(problems.find((problem) => problem.code === 'param-unlabelled')?.message).toContain(
      'unit',
    );
  });
});

describe('parseQueryFile for the API’s own queries', () => {
  it('lets a query no planner picks by name leave its Chinese out, the English standing in', () => {
    const plain = [
      '// node-name — a node’s name',
      '//',
      '// Parameters:',
      "// :param id => 'x'",
      '//',
      '// Columns:',
      '// name: the name',
      'MATCH (n {id: $id}) RETURN n.name AS name',
    ].join('\n');
    expect(parseQueryFile('node-name.cypher', plain).definition).toBeNull();
    const { definition, problems } = parseQueryFile('node-name.cypher', plain, {
      bilingual: false,
    });
    expect(problems).toEqual([]);
    expect(definition).toMatchObject({
      purposeZh: 'a node’s name',
      params: [{ name: 'id', label: 'id', labelZh: 'id' }],
      columns: [{ name: 'name', label: 'name', labelZh: 'name', meaningZh: 'the name' }],
    });
  });
});

describe('bindParams', () => {
  const { definition } = parseQueryFile('unit-items.cypher', GOOD) as {
    definition: QueryDefinition;
  };

  it('fills defaults and sends integers as neo4j Integers', () => {
    const bound = bindParams(definition, { planId: 'p', unit: '市发改委', refs: [] });
    expect(isInt(bound.limit)).toBe(true);
    expect(String(bound.limit)).toBe('20');
    expect(bound.share).toBe(1);
    expect(bindParams(definition, { planId: 'p', unit: 'u', refs: [], limit: 5n }).limit).toEqual(
      expect.objectContaining({ low: 5, high: 0 }),
    );
  });

  it('names a missing parameter and what it should be', () => {
    expect(() => bindParams(definition, { planId: 'p', refs: [] })).toThrow(
      'unit-items needs the parameter "unit": a string such as "市发改委"',
    );
    try {
      bindParams(definition, { planId: 'p', refs: [] });
    } catch (error) {
      expect(error).toBeInstanceOf(QueryError);
      expect(error).toMatchObject({ code: 'missing-param', subject: 'unit' });
    }
  });

  it('names an ill-typed parameter and the type expected', () => {
    const call = (limit: unknown) => () =>
      bindParams(definition, { planId: 'p', unit: 'u', refs: [], limit });
    expect(call('10')).toThrow(
      'parameter "limit" of unit-items must be an integer such as 10, not the string "10"',
    );
    expect(call(2.5)).toThrow(/must be an integer such as 10, not the number 2.5/);
    expect(() => bindParams(definition, { planId: 'p', unit: 7, refs: [] })).toThrow(
      /"unit" of unit-items must be a string/,
    );
    expect(() => bindParams(definition, { planId: 'p', unit: 'u', refs: 'x' })).toThrow(
      /"refs" .* must be a list/,
    );
  });

  it('refuses a parameter the query does not declare', () => {
    expect(() =>
      bindParams(definition, { planId: 'p', unit: 'u', refs: [], unti: 'typo' }),
    ).toThrow(
      'unit-items has no parameter "unti" (its parameters: planId, unit, limit, share, refs)',
    );
  });
});

describe('parseParamText', () => {
  const { definition } = parseQueryFile('unit-items.cypher', GOOD) as {
    definition: QueryDefinition;
  };

  it('reads typed text as the declared type', () => {
    expect(parseParamText(definition, 'unit', ' 市发改委 ')).toBe(' 市发改委 ');
    expect(String(parseParamText(definition, 'limit', '15'))).toBe('15');
    expect(parseParamText(definition, 'share', '0.25')).toBe(0.25);
    expect(parseParamText(definition, 'refs', '["二(一)1","二(一)2"]')).toEqual([
      '二(一)1',
      '二(一)2',
    ]);
  });

  it('refuses text that is not of the declared type, naming the parameter', () => {
    expect(() => parseParamText(definition, 'limit', '1.5')).toThrow(
      'parameter "limit" of unit-items must be an integer such as 10, not "1.5"',
    );
    expect(() => parseParamText(definition, 'share', 'half')).toThrow(/"share" .* float/);
    expect(() => parseParamText(definition, 'refs', '二(一)1')).toThrow(/"refs" .* list/);
    expect(() => parseParamText(definition, 'nope', '1')).toThrow(/has no parameter "nope"/);
  });
});
