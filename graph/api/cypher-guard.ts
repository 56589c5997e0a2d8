// The Cypher console's guard. Neo4j Community has no read-only users, so what a browser may run is
// decided here, twice: a token-level check of the text (comments and string literals ignored, so
// `RETURN 'CREATE'` passes and `CREATE (n)` does not), then a check of the plan Neo4j makes for
// the query under EXPLAIN (its query type and every operator in the tree). Either one alone would
// do for today's queries; both together survive a gap in the other.
import { HttpError } from './http-error.ts';

/** Query texts above this are refused before anything else looks at them. */
export const MAX_QUERY_BYTES = 20 * 1024;
/** Parameters above this, measured as JSON, likewise. */
export const MAX_PARAMS_BYTES = 100 * 1024;

/** Procedures the console may call: schema introspection and the full-text index, all reads. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
]);

/**
 * Namespaces of Neo4j's built-in functions (all pure reads). A namespaced function outside them
 * comes from a plugin (apoc.cypher.run…, gds.…) and may do anything, so it is refused.
 */
export const ALLOWED_FUNCTION_NAMESPACES: ReadonlySet<string> = new Set([
  'date',
  'datetime',
  'localdatetime',
  'localtime',
  'time',
  'duration',
  'point',
  'vector',
  'graph',
  'db',
]);

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'parameter' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** Words upper-cased; quoted names without their backticks; strings with their quotes. */
  text: string;
  /** Offset in the query text, for messages. */
  offset: number;
}

/** Why a text or plan was refused; `code` is the API error code (status 422). */
export interface Rejection {
  code: 'write_rejected' | 'command_rejected' | 'procedure_rejected' | 'function_rejected';
  message: string;
}

const isWordStart = (char: string) => /[\p{L}_]/u.test(char);
const isWordPart = (char: string) => /[\p{L}\p{N}_]/u.test(char);

/**
 * Splits a query into tokens, dropping whitespace and comments. Strings and backticked names are
 * single tokens, so nothing inside them can look like a keyword. An unterminated string or
 * comment runs to the end: Neo4j will reject the text anyway, and nothing after it is a keyword.
 */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query[at] ?? '';
    const next = query[at + 1] ?? '';
    if (/\s/u.test(char)) {
      at += 1;
    } else if (char === '/' && next === '/') {
      const end = query.indexOf('\n', at);
      at = end === -1 ? query.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = query.indexOf('*/', at + 2);
      at = end === -1 ? query.length : end + 2;
    } else if (char === "'" || char === '"') {
      let end = at + 1;
      while (end < query.length && query[end] !== char) end += query[end] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', text: query.slice(at, end + 1), offset: at });
      at = end + 1;
    } else if (char === '`') {
      // A backtick inside a quoted name is written twice.
      let end = at + 1;
      while (end < query.length) {
        if (query[end] === '`' && query[end + 1] === '`') end += 2;
        else if (query[end] === '`') break;
        else end += 1;
      }
      tokens.push({ kind: 'quoted', text: query.slice(at + 1, end), offset: at });
      at = end + 1;
    } else if (char === '$') {
      let end = at + 1;
      while (end < query.length && isWordPart(query[end] ?? '')) end += 1;
      tokens.push({ kind: 'parameter', text: query.slice(at, end), offset: at });
      at = end;
    } else if (isWordStart(char)) {
      let end = at + 1;
      while (end < query.length && isWordPart(query[end] ?? '')) end += 1;
      tokens.push({ kind: 'word', text: query.slice(at, end).toUpperCase(), offset: at });
      at = end;
    } else if (/[0-9]/.test(char)) {
      let end = at + 1;
      while (end < query.length && /[0-9a-zA-Z_.]/.test(query[end] ?? '')) {
        // `1..3` in a variable-length pattern is a range, not a decimal point.
        if (query[end] === '.' && query[end + 1] === '.') break;
        end += 1;
      }
      tokens.push({ kind: 'number', text: query.slice(at, end), offset: at });
      at = end;
    } else {
      tokens.push({ kind: 'symbol', text: char, offset: at });
      at += 1;
    }
  }
  return tokens;
}

/** Clauses that write data, whatever follows them. */
const WRITE_CLAUSES = new Set([
  'CREATE',
  'MERGE',
  'SET',
  'DELETE',
  'DETACH',
  'NODETACH',
  'REMOVE',
  'FOREACH',
  'INSERT',
]);

/** Words that only ever begin administration, schema or routing commands. */
const COMMAND_WORDS = new Set([
  'USE',
  'SHOW',
  'GRANT',
  'DENY',
  'REVOKE',
  'DROP',
  'ALTER',
  'TERMINATE',
]);

/**
 * Words that begin a command only when the next word says so (`START DATABASE`), because
 * planners name variables `start` or `stop`.
 */
const COMMAND_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['START', new Set(['DATABASE', 'SERVER'])],
  ['STOP', new Set(['DATABASE', 'SERVER'])],
  ['ENABLE', new Set(['SERVER'])],
  ['RENAME', new Set(['USER', 'ROLE', 'SERVER'])],
  ['DEALLOCATE', new Set(['DATABASE', 'DATABASES'])],
  ['REALLOCATE', new Set(['DATABASE', 'DATABASES'])],
  ['DRYRUN', new Set(['REALLOCATE', 'DEALLOCATE'])],
  ['LOAD', new Set(['CSV'])],
  ['USING', new Set(['PERIODIC'])],
]);

/**
 * Whether the word at `index` is in keyword position: not a property (`n.set`), label or map key
 * (`:Set`, `{set: 1}`), alias (`AS set`) or parameter.
 */
function isKeywordPosition(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (before?.kind === 'symbol' && (before.text === '.' || before.text === ':')) return false;
  if (before?.kind === 'word' && before.text === 'AS') return false;
  if (after?.kind === 'symbol' && after.text === ':') return false;
  return true;
}

/** Reads a dotted name (`db.schema.visualization`) starting at `index`; null if none is there. */
function readDottedName(
  tokens: readonly Token[],
  index: number,
): { name: string; end: number } | null {
  const first = tokens[index];
  if (first === undefined || (first.kind !== 'word' && first.kind !== 'quoted')) return null;
  const parts = [first.kind === 'quoted' ? first.text : first.text.toLowerCase()];
  let at = index + 1;
  while (tokens[at]?.text === '.' && tokens[at]?.kind === 'symbol') {
    const part = tokens[at + 1];
    if (part === undefined || (part.kind !== 'word' && part.kind !== 'quoted')) break;
    parts.push(part.kind === 'quoted' ? part.text : part.text.toLowerCase());
    at += 2;
  }
  return { name: parts.join('.'), end: at };
}

/** The allowlisted spelling of a procedure name, matched case-insensitively as Neo4j does not. */
function allowedProcedure(name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const allowed of ALLOWED_PROCEDURES) if (allowed.toLowerCase() === lower) return allowed;
  return undefined;
}

function procedureRejection(name: string): Rejection {
  return {
    code: 'procedure_rejected',
    message: `the console only calls these procedures: ${[...ALLOWED_PROCEDURES].join(', ')}; not ${name}`,
  };
}

const onlyReads = (what: string): Rejection => ({
  code: 'write_rejected',
  message: `the console only reads: ${what} would change the graph`,
});

const commandRejection = (what: string): Rejection => ({
  code: 'command_rejected',
  message: `the console only reads the plan graph: ${what} is not allowed`,
});

/**
 * The text check. Returns the first reason to refuse the query, or null when the text only
 * reads as far as its words show.
 */
export function checkQueryText(query: string): Rejection | null {
  const tokens = tokenize(query);
  const first = tokens[0];
  if (first?.kind === 'word' && (first.text === 'EXPLAIN' || first.text === 'PROFILE')) {
    return commandRejection(
      `${first.text} (the console explains each query itself; send it without)`,
    );
  }
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token === undefined || token.kind !== 'word' || !isKeywordPosition(tokens, index)) continue;
    const word = token.text;
    const nextWord = tokens[index + 1]?.kind === 'word' ? tokens[index + 1]?.text : undefined;
    if (WRITE_CLAUSES.has(word)) {
      if (word === 'CREATE') {
        const target = nextWord ?? '';
        if (/^(INDEX|CONSTRAINT|RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR|BTREE)$/.test(target)) {
          return commandRejection(`CREATE ${target} (a schema command)`);
        }
        if (/^(USER|ROLE|DATABASE|ALIAS|COMPOSITE|SERVER|OR)$/.test(target)) {
          return commandRejection(`CREATE ${target} (an administration command)`);
        }
      }
      return onlyReads(word === 'DETACH' || word === 'NODETACH' ? `${word} DELETE` : word);
    }
    if (COMMAND_WORDS.has(word)) {
      if (word === 'USE') return commandRejection('USE (choosing another database)');
      return commandRejection(nextWord === undefined ? word : `${word} ${nextWord}`);
    }
    const pair = COMMAND_PAIRS.get(word);
    if (pair !== undefined && nextWord !== undefined && pair.has(nextWord)) {
      return commandRejection(`${word} ${nextWord}`);
    }
    if (
      word === 'TRANSACTIONS' &&
      (tokens[index - 1]?.text === 'IN' || tokens[index - 1]?.text === 'CONCURRENT')
    ) {
      return commandRejection('CALL { … } IN TRANSACTIONS');
    }
    if (word === 'CALL') {
      const name = readDottedName(tokens, index + 1);
      if (name !== null && allowedProcedure(name.name) === undefined)
        return procedureRejection(name.name);
      continue;
    }
    const name = readDottedName(tokens, index);
    if (name !== null && name.end > index + 1 && tokens[name.end]?.text === '(') {
      // A dotted name followed by `(` outside CALL is a function call.
      const namespace = name.name.split('.')[0] ?? '';
      if (!ALLOWED_FUNCTION_NAMESPACES.has(namespace)) {
        return {
          code: 'function_rejected',
          message: `the console only calls Neo4j's built-in functions, not ${name.name}`,
        };
      }
      index = name.end - 1;
    }
  }
  return null;
}

/** One operator of an EXPLAIN plan, as neo4j-driver reports it. */
export interface PlanOperator {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: readonly PlanOperator[];
}

/** Operators whose presence alone refuses the plan (their names without the `@database` suffix). */
const REFUSED_OPERATORS: ReadonlyMap<string, string> = new Map([
  ['LoadCSV', 'LOAD CSV'],
  ['TransactionForeach', 'CALL { … } IN TRANSACTIONS'],
  ['TransactionApply', 'CALL { … } IN TRANSACTIONS'],
  ['AdministrationCommand', 'an administration command'],
  ['SystemProcedureCall', 'a system procedure'],
]);

const REFUSED_OPERATOR_PREFIXES = ['Show', 'Terminate', 'Create', 'Drop', 'Alter', 'DoNothingIf'];

/** The procedure name in a ProcedureCall's details: `db.labels() :: (label :: STRING)`. */
export function procedureNameOf(operator: PlanOperator): string | null {
  const details = operator.arguments['Details'];
  if (typeof details !== 'string') return null;
  const match = /^\s*`?([\p{L}\p{N}_.`]+?)`?\s*\(/u.exec(details);
  return match?.[1]?.replaceAll('`', '') ?? null;
}

/**
 * The plan check: `queryType` from the EXPLAIN summary must be `r`, and no operator in the tree
 * may load files, run administration or schema commands, commit in batches, or call a procedure
 * off the allowlist.
 */
export function checkPlan(
  queryType: string | undefined,
  plan: PlanOperator | null | false,
): Rejection | null {
  if (queryType !== 'r') {
    if (queryType === 's') return commandRejection('a schema or administration command');
    return onlyReads(
      queryType === 'w' || queryType === 'rw' ? 'this query' : 'a query of unknown type',
    );
  }
  if (plan === null || plan === false) return commandRejection('a query Neo4j gave no plan for');
  const pending: PlanOperator[] = [plan];
  while (pending.length > 0) {
    const operator = pending.pop();
    if (operator === undefined) break;
    const [name = '', database = ''] = operator.operatorType.split('@');
    if (database === 'system') return commandRejection('a command on the system database');
    const refused = REFUSED_OPERATORS.get(name);
    if (refused !== undefined) return commandRejection(refused);
    if (REFUSED_OPERATOR_PREFIXES.some((prefix) => name.startsWith(prefix))) {
      return commandRejection(`${name} (an administration or schema operation)`);
    }
    if (name === 'ProcedureCall') {
      const procedure = procedureNameOf(operator);
      if (procedure === null || allowedProcedure(procedure) === undefined) {
        return procedureRejection(procedure ?? 'an unnamed procedure');
      }
    }
    pending.push(...operator.children);
  }
  return null;
}

/** Throws the console's 422 for a rejection; a no-op for null. */
export function refuse(rejection: Rejection | null): void {
  if (rejection !== null) throw new HttpError(422, rejection.code, rejection.message);
}

/** Size limits, checked before anything else so a huge body costs nothing more to refuse. */
export function checkSizes(query: string, params: unknown): void {
  const queryBytes = Buffer.byteLength(query, 'utf8');
  if (queryBytes > MAX_QUERY_BYTES) {
    throw new HttpError(
      413,
      'query_too_large',
      `the query text is ${queryBytes} bytes; the console takes at most ${MAX_QUERY_BYTES}`,
    );
  }
  const paramsBytes = Buffer.byteLength(JSON.stringify(params ?? {}), 'utf8');
  if (paramsBytes > MAX_PARAMS_BYTES) {
    throw new HttpError(
      413,
      'params_too_large',
      `the parameters are ${paramsBytes} bytes as JSON; the console takes at most ${MAX_PARAMS_BYTES}`,
    );
  }
}
