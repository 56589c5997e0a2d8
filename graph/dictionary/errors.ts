// The one error a dictionary file can raise: which file, which entry, which field, what was
// expected. Shared by the Wuhan-style dictionaries and the general name table.

/** One thing wrong with a dictionary file, located as precisely as the input allows. */
export interface UnitDictionaryProblem {
  /** Index into `units`, when the problem is inside one entry. */
  index: number | null;
  /** That entry's name as written in the file, when it has one. */
  entry: string | null;
  /** The field at fault, as a path below the entry (or below the file): `englishName`, `aliases[1]`. */
  field: string | null;
  /** What was expected, and what was found. */
  message: string;
}

export class UnitDictionaryError extends Error {
  override readonly name = 'UnitDictionaryError';
  readonly source: string;
  readonly problems: readonly UnitDictionaryProblem[];

  constructor(source: string, problems: readonly UnitDictionaryProblem[]) {
    const lines = problems.map((problem) => `  - ${describeProblem(problem)}`);
    super(`${source}: invalid unit dictionary\n${lines.join('\n')}`);
    this.source = source;
    this.problems = problems;
  }
}

function describeProblem(problem: UnitDictionaryProblem): string {
  const where: string[] = [];
  if (problem.index !== null) {
    where.push(
      problem.entry === null
        ? `units[${problem.index}]`
        : `units[${problem.index}] (${problem.entry})`,
    );
  }
  if (problem.field !== null) where.push(`field "${problem.field}"`);
  return where.length === 0 ? problem.message : `${where.join(', ')}: ${problem.message}`;
}

/** A zod issue path as a planner reads it: `units[3].aliases[1]`. */
export function formatPath(path: readonly PropertyKey[]): string | null {
  let text = '';
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  }
  return text === '' ? null : text;
}
