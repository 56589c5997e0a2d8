// npm run query -- NAME [--param key=value ...] [--format table|json|csv] [--limit N] [--plan ID]
// npm run query -- --list
// Runs one of the planners' queries (cypher/*.cypher) and prints its rows: an aligned table, a
// JSON array or a CSV file Excel opens with the Chinese intact. The query and its parameters are
// checked against the file's header before Neo4j is even started. Exit 0: rows printed (perhaps
// none); 1: Neo4j or the query failed; 2: wrong usage, unknown query, or a parameter missing,
// unknown or of the wrong type.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureSeedLoaded } from '../load/seed.ts';
import { closeDriver, getDriver } from '../neo4j/database.ts';
import { ensureNeo4j, explainFailure, type Neo4jRuntime } from '../neo4j/runtime.ts';
import { formatCsv, formatJson, formatTable, displayWidth } from '../queries/format.ts';
import type { QueryDefinition } from '../queries/header.ts';
import { bindParams, parseParamText, QueryError } from '../queries/params.ts';
import { getQuery, queries } from '../queries/registry.ts';
import { runQuery } from '../queries/run.ts';

export const USAGE = [
  'usage: npm run query -- NAME [--param key=value ...] [--format table|json|csv] [--limit N] [--plan ID] [--wide]',
  '       npm run query -- --list',
  '',
  '  --param key=value  a parameter of the query (see --list and the cypher/NAME.cypher header)',
  '  --plan ID          the plan to query (planId); default: the only plan loaded',
  "  --limit N          rows wanted: sets the query's own limit, or cuts the output at N rows",
  '  --format F         table (default), json (an array of rows) or csv (UTF-8 with BOM)',
  '  --wide             in a table, show long cells whole instead of cutting them at 60 columns',
].join('\n');

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** Exit status of a usage or parameter problem. */
const USAGE_ERROR = 2;
const TABLE_CELL_WIDTH = 60;

export type Invocation =
  | { kind: 'list' }
  | { kind: 'help' }
  | {
      kind: 'run';
      definition: QueryDefinition;
      /** Parameters as typed, read as their declared types; planId may still be missing. */
      params: Record<string, unknown>;
      format: Format;
      /** Cut the output at this many rows (for queries without a limit of their own). */
      rowLimit: number | undefined;
      wide: boolean;
    };

/** Thrown for arguments the command cannot use; the message is for the person typing. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Reads the arguments and checks them against the query's header: everything that can be wrong
 * without a database is found here. Throws UsageError or QueryError.
 */
export function readArguments(args: readonly string[]): Invocation {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        param: { type: 'string', multiple: true, short: 'p' },
        format: { type: 'string', short: 'f' },
        limit: { type: 'string' },
        plan: { type: 'string' },
        wide: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.list === true) return { kind: 'list' };
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'which query? (npm run query -- --list shows them)'
        : `one query at a time, got ${positionals.join(' ')}`,
    );
  }
  const definition = getQuery(positionals[0] as string);

  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be table, json or csv, not "${format}"`);
  }

  const params: Record<string, unknown> = {};
  for (const pair of values.param ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--param needs key=value, got "${pair}"`);
    const name = pair.slice(0, equals);
    if (Object.hasOwn(params, name)) throw new UsageError(`--param ${name} given twice`);
    params[name] = parseParamText(definition, name, pair.slice(equals + 1));
  }

  const declares = (name: string) => definition.params.some((param) => param.name === name);
  if (values.plan !== undefined) {
    if (!declares('planId')) throw new UsageError(`${definition.name} does not take a plan`);
    if (Object.hasOwn(params, 'planId'))
      throw new UsageError('give the plan once: --plan or --param planId');
    params.planId = values.plan;
  }

  let rowLimit: number | undefined;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) {
      throw new UsageError(
        `--limit needs a whole number of rows, e.g. --limit 10, not "${values.limit}"`,
      );
    }
    if (declares('limit') && !Object.hasOwn(params, 'limit')) {
      params.limit = parseParamText(definition, 'limit', values.limit);
    } else {
      rowLimit = Number(values.limit);
    }
  }

  // Every parameter but the plan can be checked now; the plan may default to the only one loaded.
  bindParams(
    definition,
    declares('planId') && !Object.hasOwn(params, 'planId') ? { ...params, planId: '' } : params,
  );
  return {
    kind: 'run',
    definition,
    params,
    format: format as Format,
    rowLimit,
    wide: values.wide === true,
  };
}

/** One line per query: its name and purpose, names aligned. */
export function listQueries(definitions: readonly QueryDefinition[]): string {
  const width = Math.max(...definitions.map((definition) => displayWidth(definition.name)));
  return definitions
    .map((definition) => `${definition.name.padEnd(width)}  ${definition.purpose}`)
    .join('\n');
}

/** The only plan loaded, when planId was not given; a UsageError when there are none or several. */
async function defaultPlan(): Promise<string> {
  const { rows } = await runQuery(getDriver(), 'plans');
  if (rows.length === 1) return String(rows[0]?.planId);
  if (rows.length === 0) throw new UsageError('no plan is loaded (npm run load loads one)');
  const choices = rows.map((row) => `  ${String(row.planId)}  ${String(row.title)}`).join('\n');
  throw new UsageError(`several plans are loaded; choose one with --plan ID:\n${choices}`);
}

function render(
  invocation: Extract<Invocation, { kind: 'run' }>,
  result: Awaited<ReturnType<typeof runQuery>>,
): string {
  const { columns, rows } = result;
  switch (invocation.format) {
    case 'json':
      return `${formatJson(columns, rows)}\n`;
    case 'csv':
      return formatCsv(columns, rows);
    case 'table': {
      const table = formatTable(columns, rows, {
        maxCellWidth: invocation.wide ? undefined : TABLE_CELL_WIDTH,
      });
      const count = `${rows.length} row${rows.length === 1 ? '' : 's'}`;
      const more = result.truncated ? `, more not shown (raise --limit)` : '';
      return `${table}\n(${count}${more})\n`;
    }
  }
}

async function main(args: readonly string[]): Promise<number> {
  let invocation: Invocation;
  try {
    invocation = readArguments(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return USAGE_ERROR;
    }
    if (error instanceof QueryError) {
      console.error(error.message);
      return USAGE_ERROR;
    }
    throw error;
  }
  if (invocation.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (invocation.kind === 'list') {
    console.log(listQueries(queries()));
    return 0;
  }

  const say = (line: string) => console.error(`[query] ${line}`);
  let runtime: Neo4jRuntime | undefined;
  try {
    runtime = await ensureNeo4j(undefined, { log: say });
    await ensureSeedLoaded(getDriver(), { log: say });
    const params = { ...invocation.params };
    if (invocation.definition.params.some((param) => param.name === 'planId')) {
      params.planId ??= await defaultPlan();
    }
    const result = await runQuery(getDriver(), invocation.definition.name, params, {
      limit: invocation.rowLimit,
    });
    process.stdout.write(render(invocation, result));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof QueryError) {
      console.error(error.message);
      return USAGE_ERROR;
    }
    console.error(explainFailure(error));
    return 1;
  } finally {
    await closeDriver();
    await runtime?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
