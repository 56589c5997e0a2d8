// The planners' queries, read from `cypher/*.cypher`: the one place the API, the command line and
// the tests get query text from. Reading files is all it does; the header is read by header.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQueryFile, type QueryDefinition, type QueryFileProblem } from './header.ts';
import { QueryError } from './params.ts';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/** One or more query files whose header is broken or does not match its body. */
export class QueryFileError extends Error {
  override readonly name = 'QueryFileError';
  constructor(readonly problems: readonly (QueryFileProblem & { file: string })[]) {
    super(
      `Broken query files:\n  ${problems
        .map(
          (problem) =>
            `${problem.file}${problem.line === null ? '' : `:${problem.line}`}: ${problem.message}`,
        )
        .join('\n  ')}`,
    );
  }
}

/**
 * Every `.cypher` file of `dir`, read and checked; sorted by name. Throws on any problem. The
 * planners' queries (cypher/) must say everything in Chinese as well as English; others may not.
 */
export function loadQueries(
  dir: string = CYPHER_DIR,
  bilingual = resolve(dir) === resolve(CYPHER_DIR),
): QueryDefinition[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort();
  const definitions: QueryDefinition[] = [];
  const problems: (QueryFileProblem & { file: string })[] = [];
  for (const file of files) {
    const parsed = parseQueryFile(file, readFileSync(join(dir, file), 'utf8'), { bilingual });
    problems.push(...parsed.problems.map((problem) => ({ ...problem, file })));
    if (parsed.definition !== null) definitions.push(parsed.definition);
  }
  if (problems.length > 0) throw new QueryFileError(problems);
  return definitions;
}

let cached: QueryDefinition[] | undefined;

/** The project's queries, read once per process. */
export function queries(): readonly QueryDefinition[] {
  cached ??= loadQueries();
  return cached;
}

/** The query called `name`; a QueryError (`unknown-query`) listing the known names otherwise. */
export function getQuery(name: string): QueryDefinition {
  const found = queries().find((definition) => definition.name === name);
  if (found === undefined) {
    const known = queries()
      .map((definition) => definition.name)
      .join(', ');
    throw new QueryError(
      'unknown-query',
      `No query called "${name}". Known queries: ${known}`,
      name,
    );
  }
  return found;
}
