// The loader's use case: a document (file or text) → parse → resolve its units against the
// dictionary of its jurisdiction → metrics → one atomic write → verified counts → a report.
// Nothing touches the database until the document has parsed without errors.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Neo4jError, type Driver } from 'neo4j-driver';
import { readUnitDictionary } from '../dictionary/read.ts';
import type { UnitDictionary } from '../dictionary/schema.ts';
import { PlanModel, type ParseIssue } from '../model/plan.ts';
import { readDocument } from '../parse/parse-document.ts';
import { parsePlan } from '../parse/parse-plan.ts';
import { DEFAULT_LIMITS } from '../parse/read/blocks.ts';
import { isTransactionMemory, loadFailure } from './failure.ts';
import {
  expectedCounts,
  preparePlan,
  sha256Hex,
  type PlanCounts,
  type PlanSource,
  type UnverifiedUnit,
} from './rows.ts';
import { ensureSchema } from './schema.ts';
import { finishInterruptedLoads } from './staging.ts';
import { loadedSource, writePlan, type WriteOptions, type WriteReport } from './write-plan.ts';

/** Where the documents loaded by default, and the unit dictionaries, live. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** The document has errors: nothing was written. */
export class PlanParseError extends Error {
  override readonly name = 'PlanParseError';
  constructor(
    readonly source: string,
    readonly issues: readonly ParseIssue[],
  ) {
    const lines = issues.map(
      (issue) =>
        `  ${source}${issue.line === null ? '' : `:${issue.line}`}: [${issue.code}] ${issue.message}`,
    );
    super(`the document has errors:\n${lines.join('\n')}`);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The words for a file over the readers' size limit, in both languages. */
export function tooLargeMessage(
  path: string,
  size: number,
  limit: number = DEFAULT_LIMITS.maxBytes,
) {
  return (
    `${path}: 文件过大（${mb(size)}），上限为 ${mb(limit)}，未读取 / ` +
    `${mb(size)}, larger than the ${mb(limit)} a notice may have; not read`
  );
}

/** The file is larger than a notice may be: refused from its size, before it is read. */
export class PlanFileTooLargeError extends Error {
  override readonly name = 'PlanFileTooLargeError';
  constructor(
    readonly source: string,
    readonly size: number,
  ) {
    super(tooLargeMessage(source, size));
  }
}

/** The database holds this plan from a different text; replacing it must be asked for. */
export class PlanChangedError extends Error {
  override readonly name = 'PlanChangedError';
  constructor(
    readonly source: string,
    readonly planId: string,
    readonly loadedSha256: string,
    readonly newSha256: string,
  ) {
    super(
      `plan ${planId} is already loaded from a different text ` +
        `(sha256 ${loadedSha256.slice(0, 12)}…, this file ${newSha256.slice(0, 12)}…); ` +
        'load it with --replace to replace it',
    );
  }
}

export interface LoadOptions extends Omit<WriteOptions, 'database'> {
  database: string;
  /** Replace a plan already loaded from a different text (the same text is always skipped unless `force`). */
  replace?: boolean;
  /** Rewrite even when the same text is loaded (idempotence checks; `--replace` on the same file). */
  force?: boolean;
  /** Unit dictionaries to choose from by jurisdiction; default: every seeds/units-*.json. */
  dictionaries?: readonly UnitDictionary[];
}

export interface Timings {
  parseMs: number;
  prepareMs: number;
  writeMs: number;
}

export type LoadOutcome =
  | {
      status: 'loaded' | 'replaced';
      source: string;
      planId: string;
      title: string;
      expected: PlanCounts;
      write: WriteReport;
      /** Units the dictionary does not know: loaded with verified false. */
      unverified: UnverifiedUnit[];
      /** Warnings and notes from parsing and from resolving units. */
      issues: ParseIssue[];
      timings: Timings;
    }
  | { status: 'already-loaded'; source: string; planId: string; title: string };

let cachedDictionaries: Promise<UnitDictionary[]> | undefined;

/** Every `units-*.json` in `dir`, validated; one per jurisdiction. */
export async function readDictionaries(dir: string = SEEDS_DIR): Promise<UnitDictionary[]> {
  const names = (await readdir(dir)).filter((name) => /^units-.+\.json$/u.test(name)).sort();
  return Promise.all(names.map((name) => readUnitDictionary(join(dir, name))));
}

/** The dictionaries of seeds/, read and validated once per process. */
export function seedDictionaries(): Promise<UnitDictionary[]> {
  cachedDictionaries ??= readDictionaries();
  return cachedDictionaries;
}

const schemaReady = new WeakMap<Driver, Set<string>>();

async function schemaOnce(driver: Driver, database: string): Promise<void> {
  const done = schemaReady.get(driver) ?? new Set<string>();
  if (done.has(database)) return;
  await ensureSchema(driver, database);
  // What a load cut short by a crash left (an abandoned draft, an old version not yet deleted)
  // is removed before this process loads anything: "at the next start".
  await finishInterruptedLoads(driver, database);
  done.add(database);
  schemaReady.set(driver, done);
}

/** Loads a document given as text; `sourceName` names it in messages and on the Plan node. */
export async function loadPlanText(
  driver: Driver,
  text: string,
  sourceName: string,
  options: LoadOptions,
): Promise<LoadOutcome> {
  return load(
    driver,
    { name: sourceName, text, sha256: sha256Hex(text) },
    () => parsePlan(text),
    options,
  );
}

/**
 * Loads a document file of any format the parser reads (text, Word, Excel, CSV, web page, PDF);
 * its checksum is of the bytes as stored.
 */
export async function loadPlanFile(
  driver: Driver,
  path: string,
  options: LoadOptions,
): Promise<LoadOutcome> {
  // The size from the directory first: a 200 MB file is refused before it takes any memory.
  const { size } = await stat(path);
  if (size > DEFAULT_LIMITS.maxBytes) throw new PlanFileTooLargeError(path, size);
  const bytes = await readFile(path);
  const reading = performance.now();
  const { model, lines } = await readDocument(bytes, { name: basename(path) });
  const readMs = performance.now() - reading;
  // The text kept for "show source" is the document as read, so line numbers agree.
  const text = lines.map((line) => line.text).join('\n');
  const source = { name: basename(path), text, sha256: sha256Hex(bytes) };
  return load(driver, source, () => model, options, path, readMs);
}

/**
 * Loads a model already read from a file (the explorer's import reads once for the review and
 * keeps the model); `source.text` is the document as read, line n of it the model's line n.
 */
export async function loadPlanModel(
  driver: Driver,
  model: PlanModel,
  source: PlanSource,
  options: LoadOptions,
): Promise<LoadOutcome> {
  // A model that comes from outside this process's parser (edited, or sent) is checked here.
  return load(driver, source, () => PlanModel.parse(model), options);
}

/**
 * The load itself. `parse` returns a model the schema has checked: the parser validates what it
 * returns (once, in slices — graph/parse/parse-plan.ts), so the loader does not check it again.
 */
async function load(
  driver: Driver,
  source: { name: string; text: string; sha256: string },
  parse: () => PlanModel,
  options: LoadOptions,
  path: string = source.name,
  /** Time spent reading the document before `parse` (which then only hands the model over). */
  readMs = 0,
): Promise<LoadOutcome> {
  const t0 = performance.now();
  const model = parse();
  const errors = model.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new PlanParseError(path, errors);
  const t1 = performance.now();

  const { id: planId, title } = model.plan;
  // Before the "already loaded" answer too: a database loaded by an earlier version gets the
  // indexes this one adds (and the queries' index hints rely on).
  await schemaOnce(driver, options.database);
  const loaded = await loadedSource(driver, options.database, planId);
  if (loaded !== null && !options.force) {
    if (loaded === source.sha256) return { status: 'already-loaded', source: path, planId, title };
    if (!options.replace) throw new PlanChangedError(path, planId, loaded, source.sha256);
  }

  const dictionaries = options.dictionaries ?? (await seedDictionaries());
  const dictionary =
    dictionaries.find((candidate) => candidate.jurisdiction === model.plan.jurisdiction) ?? null;
  const prepared = preparePlan(model, dictionary, source);
  const expected = expectedCounts(prepared);
  const t2 = performance.now();

  let write: WriteReport;
  try {
    write = await writeWithRetry(driver, prepared, options);
  } catch (error) {
    throw loadFailure(error);
  }
  return {
    status: write.replaced ? 'replaced' : 'loaded',
    source: path,
    planId,
    title,
    expected,
    write,
    unverified: prepared.unverified,
    issues: [...model.issues, ...prepared.issues],
    timings: { parseMs: readMs + t1 - t0, prepareMs: t2 - t1, writeMs: write.durationMs },
  };
}

/** Attempts at a write that failed for a transient reason (a deadlock with a concurrent load). */
const WRITE_ATTEMPTS = 3;

// Two plans of one jurisdiction loading at once lock the same Unit nodes in different orders;
// Neo4j breaks such a deadlock by failing one transaction, which was rolled back whole, so
// running it again is safe.
async function writeWithRetry(
  driver: Driver,
  prepared: ReturnType<typeof preparePlan>,
  options: LoadOptions,
): Promise<WriteReport> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writePlan(driver, prepared, options);
    } catch (error) {
      // Neo4j calls a transaction over its memory cap transient; the same write would only
      // fail again, after as long.
      const transient =
        error instanceof Neo4jError && error.retriable && !isTransactionMemory(error);
      if (!transient || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}

/** The documents loaded by default: every `.txt` in seeds/, in name order. */
export async function seedDocuments(dir: string = SEEDS_DIR): Promise<string[]> {
  return (await readdir(dir))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name));
}
