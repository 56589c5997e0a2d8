// A caller's parameters checked against what a query's header declares, before anything reaches
// Neo4j. Pure. The errors name the parameter and what was expected, for the person who typed it.
import neo4j, { isInt, type Integer } from 'neo4j-driver';
import type { ParamType, QueryDefinition, QueryParam } from './header.ts';

export type QueryErrorCode = 'unknown-query' | 'missing-param' | 'unknown-param' | 'wrong-type';

/** A request the registry refuses: unknown query, or parameters that do not fit its header. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    readonly code: QueryErrorCode,
    message: string,
    /** The query or parameter the message is about. */
    readonly subject: string,
  ) {
    super(message);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${value}`;
  if (isInt(value)) return `the integer ${value.toString()}`;
  return `a ${typeof value}`;
}

/** The value as Neo4j should receive it, or undefined when it does not have the declared type. */
function asType(type: ParamType, value: unknown): unknown {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'float':
      if (isInt(value)) return value.toNumber();
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'integer':
      // The driver sends every JS number as a float, and LIMIT refuses a float: integers travel
      // as neo4j Integers.
      if (isInt(value)) return value;
      if (typeof value === 'bigint') return neo4j.int(value);
      return typeof value === 'number' && Number.isSafeInteger(value)
        ? neo4j.int(value)
        : undefined;
    case 'list':
      return Array.isArray(value) ? value : undefined;
  }
}

function expected(param: QueryParam): string {
  const article = param.type === 'integer' ? 'an' : 'a';
  return `${article} ${param.type} such as ${JSON.stringify(param.example)}`;
}

/**
 * The parameters to send for `definition`: each declared one from `given` or its default, with the
 * declared type. Throws a QueryError naming the first parameter that is missing, ill-typed or
 * unknown (in that order of checking: unknown names first, so a typo is reported as such).
 */
export function bindParams(
  definition: QueryDefinition,
  given: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const declared = new Set(definition.params.map((param) => param.name));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) {
      const known = definition.params.map((param) => param.name).join(', ') || 'none';
      throw new QueryError(
        'unknown-param',
        `${definition.name} has no parameter "${name}" (its parameters: ${known})`,
        name,
      );
    }
  }
  const bound: Record<string, unknown> = {};
  for (const param of definition.params) {
    const value = Object.hasOwn(given, param.name) ? given[param.name] : param.default;
    if (value === undefined) {
      throw new QueryError(
        'missing-param',
        `${definition.name} needs the parameter "${param.name}": ${expected(param)}`,
        param.name,
      );
    }
    // A parameter whose default is null is one the query reads as "not given" (`$planIds IS NULL
    // OR …`): null is its value, whatever the type of its example.
    if (value === null && param.default === null) {
      bound[param.name] = null;
      continue;
    }
    const typed = asType(param.type, value);
    if (typed === undefined) {
      throw new QueryError(
        'wrong-type',
        `parameter "${param.name}" of ${definition.name} must be ${expected(param)}, not ${describe(value)}`,
        param.name,
      );
    }
    bound[param.name] = typed;
  }
  return bound;
}

/**
 * A parameter typed on a command line or in a query string, read as the declared type: strings
 * stay as typed, numbers and booleans are parsed, lists are JSON. Throws a QueryError
 * (`wrong-type`) when the text cannot be that type.
 */
export function parseParamText(
  definition: QueryDefinition,
  name: string,
  raw: string,
): string | number | boolean | unknown[] | Integer {
  const param = definition.params.find((known) => known.name === name);
  if (param === undefined) {
    const known = definition.params.map((each) => each.name).join(', ') || 'none';
    throw new QueryError(
      'unknown-param',
      `${definition.name} has no parameter "${name}" (its parameters: ${known})`,
      name,
    );
  }
  const wrong = () =>
    new QueryError(
      'wrong-type',
      `parameter "${name}" of ${definition.name} must be ${expected(param)}, not ${JSON.stringify(raw)}`,
      name,
    );
  const text = raw.trim();
  switch (param.type) {
    case 'string':
      return raw;
    case 'boolean':
      if (/^(true|yes|1)$/i.test(text)) return true;
      if (/^(false|no|0)$/i.test(text)) return false;
      throw wrong();
    case 'integer':
      if (!/^-?\d+$/.test(text)) throw wrong();
      return neo4j.int(text);
    case 'float': {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) throw wrong();
      return value;
    }
    case 'list': {
      try {
        const value: unknown = JSON.parse(text);
        if (Array.isArray(value)) return value;
      } catch {
        // reported below, with the parameter's name
      }
      throw wrong();
    }
  }
}
