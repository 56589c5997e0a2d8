// The general unit-name table shipped in seeds/, read once on first use. Synchronous because the
// parser keys units while it reads (graph/parse/normalise.ts) and the parser has no async step;
// the file is small and read once per process.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatPath, UnitDictionaryError } from './errors.ts';
import { compileUnitNames, UnitNames, type UnitNamer } from './unit-names.ts';

export const generalUnitNamesPath = fileURLToPath(
  new URL('../../seeds/unit-names-cn.json', import.meta.url),
);

/** Validates a parsed table; every problem is named by its path (`local[3].forms[1]`). */
export function parseUnitNames(json: unknown, source: string): UnitNames {
  const result = UnitNames.safeParse(json);
  if (result.success) return result.data;
  throw new UnitDictionaryError(
    source,
    result.error.issues.map((issue) => ({
      index: null,
      entry: null,
      field: formatPath(issue.path),
      message: issue.message,
    })),
  );
}

let general: UnitNamer | undefined;

/** The compiled general table. A broken file is a broken install: it throws, with the path. */
export function generalUnitNames(): UnitNamer {
  if (general !== undefined) return general;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(generalUnitNamesPath, 'utf8').replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new UnitDictionaryError(generalUnitNamesPath, [
      {
        index: null,
        entry: null,
        field: null,
        message: `cannot read: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  general = compileUnitNames(parseUnitNames(json, generalUnitNamesPath));
  return general;
}
