// The console guard's text check and plan check, without a database: what is refused, what is
// let through, and that nothing inside a string or a comment counts.
import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  checkQueryText,
  checkSizes,
  MAX_PARAMS_BYTES,
  MAX_QUERY_BYTES,
  procedureNameOf,
  tokenize,
  type PlanOperator,
} from '../../graph/api/cypher-guard.ts';
import { HttpError } from '../../graph/api/http-error.ts';
import { ConsoleGate } from '../../graph/api/console/gate.ts';
import { regexRisk } from '../../graph/api/console/regex-safety.ts';
import {
  checkBodyNesting,
  checkExpensive,
  checkQueryNesting,
  jsonNesting,
  MAX_QUERY_NESTING,
  stringValue,
} from '../../graph/api/console/shape.ts';

const codeOf = (query: string) => checkQueryText(query)?.code ?? null;

describe('tokenize', () => {
  it('keeps strings, quoted names and comments out of the words', () => {
    const tokens = tokenize(
      'MATCH (n) // CREATE (m)\n/* DELETE n */ RETURN \'SET x\', "MERGE", n.`REMOVE` AS `DROP`',
    );
    const words = tokens.filter((token) => token.kind === 'word').map((token) => token.text);
    expect(words).toEqual(['MATCH', 'N', 'RETURN', 'N', 'AS']);
    expect(tokens.filter((token) => token.kind === 'string').map((token) => token.text)).toEqual([
      "'SET x'",
      '"MERGE"',
    ]);
    expect(tokens.filter((token) => token.kind === 'quoted').map((token) => token.text)).toEqual([
      'REMOVE',
      'DROP',
    ]);
  });

  it('reads escaped quotes inside strings and doubled backticks inside names', () => {
    const tokens = tokenize("RETURN 'it\\'s CREATE' AS `a``b`, 1..3");
    expect(tokens.map((token) => [token.kind, token.text])).toEqual([
      ['word', 'RETURN'],
      ['string', "'it\\'s CREATE'"],
      ['word', 'AS'],
      ['quoted', 'a``b'],
      ['symbol', ','],
      ['number', '1'],
      ['symbol', '.'],
      ['symbol', '.'],
      ['number', '3'],
    ]);
  });
});

describe('checkQueryText', () => {
  it.each([
    ['CREATE (n)', 'write_rejected'],
    ['MERGE (u:Unit {id: "x"})', 'write_rejected'],
    ['MATCH (u:Unit) SET u.name = "x"', 'write_rejected'],
    ['MATCH (u:Unit) DELETE u', 'write_rejected'],
    ['match (u:Unit) detach delete u', 'write_rejected'],
    ['MATCH (u:Unit) REMOVE u.name', 'write_rejected'],
    ['UNWIND [1] AS x FOREACH (y IN [x] | CREATE (:X))', 'write_rejected'],
    ['CALL { CREATE (n) } IN TRANSACTIONS', 'write_rejected'],
    [
      'MATCH (n) CALL (n) { RETURN 1 AS one } IN TRANSACTIONS OF 10 ROWS RETURN one',
      'command_rejected',
    ],
    [
      'MATCH (n) CALL (n) { RETURN 1 AS one } IN 2 CONCURRENT TRANSACTIONS RETURN one',
      'command_rejected',
    ],
    ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'command_rejected'],
    ['USE system MATCH (n) RETURN n', 'command_rejected'],
    ['SHOW USERS', 'command_rejected'],
    ['SHOW DATABASES', 'command_rejected'],
    ["CREATE USER bob SET PASSWORD 'abcdefghij'", 'command_rejected'],
    ['CREATE ROLE planner', 'command_rejected'],
    ['CREATE DATABASE other', 'command_rejected'],
    ['DROP DATABASE neo4j', 'command_rejected'],
    ['ALTER USER neo4j SET PASSWORD "abcdefghij"', 'command_rejected'],
    ['GRANT ROLE admin TO bob', 'command_rejected'],
    ['DENY READ {*} ON GRAPH * TO bob', 'command_rejected'],
    ['REVOKE ROLE admin FROM bob', 'command_rejected'],
    ['START DATABASE neo4j', 'command_rejected'],
    ['STOP DATABASE neo4j', 'command_rejected'],
    ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'command_rejected'],
    ['CREATE INDEX probe FOR (n:Unit) ON (n.key)', 'command_rejected'],
    ['CREATE TEXT INDEX probe FOR (n:Unit) ON (n.key)', 'command_rejected'],
    ['CREATE CONSTRAINT probe FOR (n:Unit) REQUIRE n.id IS UNIQUE', 'command_rejected'],
    ['DROP CONSTRAINT unit_id', 'command_rejected'],
    ['DROP INDEX unit_name', 'command_rejected'],
    ['EXPLAIN MATCH (n) RETURN n', 'command_rejected'],
    ['PROFILE MATCH (n) RETURN n', 'command_rejected'],
    ['CALL dbms.components()', 'procedure_rejected'],
    ["CALL apoc.help('x')", 'procedure_rejected'],
    ['CALL db.createLabel("X")', 'procedure_rejected'],
    ['CALL gds.graph.list()', 'procedure_rejected'],
    ['CALL `dbms`.`components`()', 'procedure_rejected'],
    [
      'RETURN apoc.cypher.runFirstColumnSingle("CREATE (n) RETURN n", {}) AS x',
      'function_rejected',
    ],
    ['RETURN APOC.text.join(["a"], ",") AS x', 'function_rejected'],
  ])('refuses %s (%s)', (query, code) => {
    expect(codeOf(query)).toBe(code);
  });

  it.each([
    'MATCH (u:Unit) RETURN u.name LIMIT 3',
    'CALL db.labels()',
    'CALL db.labels() YIELD label RETURN label',
    "RETURN 'CREATE (n)' AS s",
    'RETURN "DETACH DELETE" AS s // CREATE (n)',
    '/* SET */ MATCH (n:Unit {name: "市发改委"}) RETURN n',
    'MATCH (n) RETURN n.set AS set, n.create AS `create`',
    'MATCH (n:Set) RETURN {create: 1, delete: 2} AS m',
    'WITH 1 AS start, 2 AS stop RETURN start + stop AS total',
    "MATCH (u:Unit) WHERE u.name STARTS WITH '市' RETURN u.name AS name",
    'MATCH (n) CALL (n) { RETURN count(*) AS c } RETURN c',
    'MATCH (n) CALL { WITH n RETURN 1 AS one } RETURN one',
    'RETURN point.distance(point({x: 0, y: 0}), point({x: 3, y: 4})) AS d, date.truncate("month", date()) AS m',
    "CALL db.index.fulltext.queryNodes('unit_search', 'fgw') YIELD node RETURN node",
    'MATCH p = shortestPath((a:Unit)-[*..4]-(b:Unit)) RETURN p LIMIT 1',
    'MATCH (a)-[:LEADS*1..3]->(b) RETURN count(*) AS c',
  ])('lets through %s', (query) => {
    expect(checkQueryText(query)).toBeNull();
  });
});

const operator = (
  operatorType: string,
  details?: string,
  children: PlanOperator[] = [],
): PlanOperator => ({
  operatorType,
  arguments: details === undefined ? {} : { Details: details },
  children,
});

describe('checkPlan', () => {
  const reads = operator('ProduceResults@neo4j', 'n', [operator('AllNodesScan@neo4j', 'n')]);

  it('lets a read-only plan through', () => {
    expect(checkPlan('r', reads)).toBeNull();
  });

  it('refuses any query type but r', () => {
    expect(checkPlan('w', reads)?.code).toBe('write_rejected');
    expect(checkPlan('rw', reads)?.code).toBe('write_rejected');
    expect(checkPlan('s', reads)?.code).toBe('command_rejected');
    expect(checkPlan(undefined, reads)?.code).toBe('write_rejected');
  });

  it('refuses LOAD CSV, batched transactions and commands anywhere in the tree', () => {
    const nested = (inner: PlanOperator) =>
      operator('ProduceResults@neo4j', 'x', [operator('Apply@neo4j', '', [reads, inner])]);
    expect(checkPlan('r', nested(operator('LoadCSV@neo4j', 'line')))?.message).toContain(
      'LOAD CSV',
    );
    expect(
      checkPlan('r', nested(operator('TransactionApply@neo4j', 'IN TRANSACTIONS')))?.code,
    ).toBe('command_rejected');
    expect(checkPlan('r', nested(operator('ShowProcedures@neo4j')))?.code).toBe('command_rejected');
    expect(checkPlan('r', nested(operator('TerminateTransactions@neo4j')))?.code).toBe(
      'command_rejected',
    );
    expect(checkPlan('r', operator('AdministrationCommand@system'))?.code).toBe('command_rejected');
  });

  it('lets allowlisted procedures through and refuses the rest by the name in the details', () => {
    const call = (details: string) =>
      operator('ProduceResults@neo4j', 'x', [operator('ProcedureCall@neo4j', details)]);
    expect(checkPlan('r', call('db.labels() :: (label :: STRING)'))).toBeNull();
    expect(checkPlan('r', call('db.schema.visualization() :: (nodes :: LIST<NODE>)'))).toBeNull();
    expect(checkPlan('r', call('dbms.components() :: (name :: STRING)'))?.code).toBe(
      'procedure_rejected',
    );
    expect(checkPlan('r', call('db.ping() :: (success :: BOOLEAN)'))?.code).toBe(
      'procedure_rejected',
    );
    expect(checkPlan('r', operator('ProcedureCall@neo4j'))?.code).toBe('procedure_rejected');
  });

  it('reads the procedure name from the details', () => {
    expect(
      procedureNameOf(
        operator('ProcedureCall@neo4j', 'db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)'),
      ),
    ).toBe('db.index.fulltext.queryNodes');
  });
});

describe('checkSizes', () => {
  const statusOf = (run: () => void) => {
    try {
      run();
      return null;
    } catch (error) {
      return error instanceof HttpError ? [error.status, error.code] : error;
    }
  };

  it('takes a query of exactly 20 KB and parameters of exactly 100 KB', () => {
    expect(statusOf(() => checkSizes('x'.repeat(MAX_QUERY_BYTES), {}))).toBeNull();
    // {"p":"…"} is 8 bytes of JSON around the string.
    expect(
      statusOf(() => checkSizes('RETURN 1', { p: 'x'.repeat(MAX_PARAMS_BYTES - 8) })),
    ).toBeNull();
  });

  it('refuses one byte more, counting UTF-8 bytes, not characters', () => {
    expect(statusOf(() => checkSizes('x'.repeat(MAX_QUERY_BYTES + 1), {}))).toEqual([
      413,
      'query_too_large',
    ]);
    // 发 is three bytes in UTF-8.
    expect(statusOf(() => checkSizes('发'.repeat(MAX_QUERY_BYTES / 3 + 1), {}))).toEqual([
      413,
      'query_too_large',
    ]);
    expect(statusOf(() => checkSizes('RETURN 1', { p: 'x'.repeat(MAX_PARAMS_BYTES - 7) }))).toEqual(
      [413, 'params_too_large'],
    );
  });
});

describe('regexRisk', () => {
  it('flags repeated groups that repeat or alternate, and back-references', () => {
    for (const pattern of [
      '(.*a){20}b',
      '(a+)+$',
      '(a*)*',
      '((ab)*c)+',
      '(?:x+y?)*',
      '(a|ab)*c',
      '(?i)(\\w+\\s?)+!',
      '(a)\\1',
      '(?<x>a)\\k<x>',
      '([a-z]+)*',
    ]) {
      expect(regexRisk(pattern), pattern).not.toBeNull();
    }
  });

  it('lets what planners write to find names through', () => {
    for (const pattern of [
      '.*发改委.*',
      '^(市|区).*局$',
      '(?i)wuhan.*',
      '[0-9]{4}-[0-9]{2}',
      '(ab){3}',
      '(abc)?d+',
      '[(+*)]+',
      '\\(a+\\)+',
      '\\Q(a+)+\\E',
      'a{1,1}(b)*',
    ]) {
      expect(regexRisk(pattern), pattern).toBeNull();
    }
  });
});

describe('the shape checks', () => {
  const expensive = (query: string, params: Record<string, unknown> = {}) => {
    try {
      checkExpensive(tokenize(query), params);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      return `${(error as HttpError).status} ${(error as HttpError).code}`;
    }
  };

  it('refuses the attacks of issue 16 and lets ordinary queries through', () => {
    expect(expensive(`RETURN '${'a'.repeat(40)}!' =~ '(.*a){20}b'`)).toBe('422 expensive_rejected');
    expect(expensive("RETURN size(reduce(s='', x IN range(1,10000000) | s + 'aaaa'))")).toBe(
      '422 expensive_rejected',
    );
    expect(expensive("RETURN size(reduce(s='', x IN range(1,600000) | s + 'aaaa'))")).toBe(
      '422 expensive_rejected',
    );
    expect(expensive('RETURN [x IN range(1, 2000000) | x] AS xs')).toBe('422 expensive_rejected');
    expect(expensive('UNWIND range(0, $n) AS i RETURN i', { n: 5_000_000 })).toBe(
      '422 expensive_rejected',
    );
    expect(expensive("MATCH (u:Unit) WHERE u.name =~ '.*发改委.*' RETURN u")).toBeNull();
    expect(expensive('MATCH (u:Unit) WHERE u.name =~ $p RETURN u', { p: '(?i).*局' })).toBeNull();
    expect(expensive('MATCH (u:Unit) WHERE u.name =~ $p RETURN u', { p: '(x+)+y' })).toBe(
      '422 expensive_rejected',
    );
    expect(expensive("MATCH (u) WHERE u.name =~ '(a' + '+)+' RETURN u")).toBe(
      '422 expensive_rejected',
    );
    expect(expensive('UNWIND range(1, 1000000) AS i RETURN count(i)')).toBeNull();
    expect(
      expensive("MATCH p = (a)-[*..3]-(b) RETURN reduce(s = '', n IN nodes(p) | s + n.name)"),
    ).toBeNull();
    expect(expensive("RETURN reduce(s = '', x IN range(1, 100) | s + toString(x))")).toBeNull();
    expect(expensive("RETURN reduce(s = '', x IN range(1, size($xs)) | s + 'a')", { xs: [] })).toBe(
      '422 expensive_rejected',
    );
    expect(expensive('RETURN reduce(t = 0, x IN range(1, 100000) | t + x)')).toBeNull();
    expect(expensive("RETURN 'range(1,99999999)' AS text, n.range AS r")).toBeNull();
  });

  it('reads Cypher string escapes as Neo4j does', () => {
    expect(stringValue("'\\\\d+\\''")).toBe("\\d+'");
    expect(stringValue('"\\u0041\\n"')).toBe('A\n');
  });

  it('refuses brackets nested past the limit, in the query and in the body', () => {
    const deep = `RETURN ${'('.repeat(6_000)}1${')'.repeat(6_000)}`;
    expect(() => checkQueryNesting(tokenize(deep))).toThrowError(
      expect.objectContaining({ status: 400, code: 'query_too_deep' }),
    );
    const ok = `RETURN ${'['.repeat(MAX_QUERY_NESTING)}1${']'.repeat(MAX_QUERY_NESTING)}`;
    expect(() => checkQueryNesting(tokenize(ok))).not.toThrow();
    // The body's own object, params, and two lists; the brackets inside the string do not count.
    expect(jsonNesting('{"query": "[[[[", "params": {"a": [[1]]}}')).toBe(4);
    const body = `{"query": "RETURN $p", "params": {"p": ${'['.repeat(40_000)}${']'.repeat(40_000)}}}`;
    expect(() => checkBodyNesting(body)).toThrowError(
      expect.objectContaining({ status: 400, code: 'params_too_deep' }),
    );
  });
});

describe('ConsoleGate', () => {
  it('holds at most the global and per-client numbers, and frees places on release', () => {
    const gate = new ConsoleGate({ global: 3, perClient: 2 });
    const a1 = gate.enter('a');
    const a2 = gate.enter('a');
    expect(gate.enter('a')).toBe('too_many_queries');
    const b1 = gate.enter('b');
    expect(gate.enter('c')).toBe('console_busy');
    expect(gate.running).toBe(3);
    for (const release of [a1, a2, b1]) {
      expect(typeof release).toBe('function');
      if (typeof release === 'function') {
        release();
        release();
      }
    }
    expect(gate.running).toBe(0);
    expect(typeof gate.enter('a')).toBe('function');
  });
});
