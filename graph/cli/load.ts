// npm run load -- [FILE ...] [--replace] [--batch-size N] [--help]
// Loads task-division notices of any format the parser reads into Neo4j (default: every .txt
// in seeds/), each plan in one
// transaction, and prints per plan what the database now holds. A plan already loaded from the
// same text is skipped; one loaded from a different text is replaced only with --replace
// (which also reloads an unchanged one). Files over the readers' size limit are refused from
// their size, before they are read. Exit 0: all loaded or skipped; 1: some plan failed
// (nothing of it changed); 2: wrong usage.
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { LoadOutcome } from '../load/load-plan.ts';
import { LoadFailedError, loadFailure } from '../load/failure.ts';
import {
  loadPlanFile,
  PlanChangedError,
  PlanFileTooLargeError,
  PlanParseError,
  seedDocuments,
  tooLargeMessage,
} from '../load/load-plan.ts';
import { ITEM_LABELS, RELATIONSHIP_TYPES, type PlanCounts } from '../load/rows.ts';
import { LoadVerificationError } from '../load/verify.ts';
import { DEFAULT_LIMITS } from '../parse/read/blocks.ts';
import { closeDriver, connection, getDriver } from '../neo4j/database.ts';
import { relinkLines } from '../progress/relink-lines.ts';
import { ensureNeo4j, explainFailure, type Neo4jRuntime } from '../neo4j/runtime.ts';

export const USAGE = 'usage: npm run load -- [FILE ...] [--replace] [--batch-size N] [--help]';

const limitMb = Math.round(DEFAULT_LIMITS.maxBytes / 1024 / 1024);

export const HELP = [
  USAGE,
  '',
  '把任务分工方案载入图数据库。/ Loads task-division notices into the graph database.',
  '',
  '  FILE            .txt .docx .doc .xlsx .csv .html .pdf; default: every .txt in seeds/',
  `                  每个文件不超过 ${limitMb} MB，超过的按大小直接拒绝，不读取。`,
  `                  At most ${limitMb} MB each: a larger file is refused from its size, unread.`,
  '  --replace       replace a plan already loaded from a different text (also reloads the same one)',
  '  --batch-size N  rows per write statement (default 10000); each batch is a transaction',
  '  --help          this text',
  '',
  'Each plan is written beside the one loaded, then switched to in one transaction: readers see',
  'the old version or the new one, whole; a load cut short leaves the old one as it was.',
  '每个计划先在旧版本旁分批写入，再在一个事务中切换：读者只会看到完整的旧版本或新版本；',
  '导入中途中断时旧版本保持不变，未写完的部分在下次导入时清除。',
  'Exit status: 0 loaded or skipped, 1 some plan not loaded (the database is as it was), 2 wrong usage.',
].join('\n');

export interface Invocation {
  files: string[];
  replace: boolean;
  batchSize: number | undefined;
}

/** The arguments, or a message saying what is wrong with them. */
export function readArguments(
  args: readonly string[],
): Invocation | { error: string } | { help: true } {
  if (args.includes('--help') || args.includes('-h')) return { help: true };
  const files: string[] = [];
  let replace = false;
  let batchSize: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--replace') replace = true;
    else if (arg === '--batch-size') {
      const value = Number(args[i + 1]);
      if (!Number.isInteger(value) || value < 1) {
        return { error: '--batch-size needs a whole number of rows, e.g. --batch-size 10000' };
      }
      batchSize = value;
      i += 1;
    } else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  return { files, replace, batchSize };
}

const seconds = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;

/** Counts as a planner reads them: nodes by label, then relationships by type. */
export function formatCounts(counts: PlanCounts): string[] {
  const kinds = Object.values(ITEM_LABELS)
    .map((label) => `${label} ${counts.labels[label] ?? 0}`)
    .join(', ');
  const nodes = [
    `Plan ${counts.labels.Plan ?? 0}`,
    `Item ${counts.labels.Item ?? 0} (${kinds})`,
    `Unit ${counts.labels.Unit ?? 0}`,
    `Document ${counts.labels.Document ?? 0}`,
  ];
  const relationships = RELATIONSHIP_TYPES.map((type) => `${type} ${counts.relationships[type]}`);
  return [`  nodes          ${nodes.join(' · ')}`, `  relationships  ${relationships.join(' · ')}`];
}

export function formatOutcome(outcome: LoadOutcome): string[] {
  const head = `${outcome.source}: ${outcome.title} (${outcome.planId})`;
  if (outcome.status === 'already-loaded') {
    return [`${head}`, '  already loaded from this same text; --replace reloads it'];
  }
  const { timings, write } = outcome;
  const lines = [
    head,
    `  ${outcome.status} in ${seconds(timings.parseMs + timings.prepareMs + timings.writeMs)} ` +
      `(parse ${seconds(timings.parseMs)}, units and metrics ${seconds(timings.prepareMs)}, ` +
      `write ${seconds(timings.writeMs)} in ${write.batches} batches, switched in one transaction)`,
    ...formatCounts(write.counts),
    ...relinkLines(write.records),
  ];
  lines.push(
    outcome.unverified.length === 0
      ? '  unverified units: none'
      : `  unverified units: ${outcome.unverified.map((unit) => `${unit.name} (line ${unit.line})`).join('、')}`,
  );
  const warnings = outcome.issues.filter((issue) => issue.severity === 'warning');
  if (warnings.length > 0) {
    lines.push(`  warnings: ${warnings.length}`);
    for (const issue of warnings) {
      lines.push(
        `    ${issue.line === null ? '' : `line ${issue.line}: `}[${issue.code}] ${issue.message}`,
      );
    }
  }
  return lines;
}

function explain(error: unknown): string {
  if (error instanceof PlanParseError || error instanceof PlanChangedError) return error.message;
  if (error instanceof PlanFileTooLargeError) return error.message;
  if (error instanceof LoadVerificationError) return error.message;
  return explainFailure(error);
}

/** Why `file` cannot be loaded (missing, a directory, too large), or null when it can be read. */
export async function checkFile(file: string): Promise<string | null> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `${file}: no such file (找不到文件)`
      : `${file}: cannot be read (无法读取): ${code ?? String(error)}`;
  }
  if (!info.isFile()) return `${file}: not a file (不是文件)`;
  if (info.size > DEFAULT_LIMITS.maxBytes) return tooLargeMessage(file, info.size);
  return null;
}

async function main(args: readonly string[]): Promise<number> {
  const invocation = readArguments(args);
  if ('help' in invocation) {
    console.log(HELP);
    return 0;
  }
  if ('error' in invocation) {
    console.error(`${invocation.error}\n${USAGE}`);
    return 2;
  }
  const files = invocation.files.length > 0 ? invocation.files : await seedDocuments();
  const say = (line: string) => console.error(`[load] ${line}`);
  // Files are checked before Neo4j starts: a typo should not cost a database start-up.
  const unreadable = (await Promise.all(files.map(checkFile))).filter((m) => m !== null);
  if (unreadable.length > 0) {
    for (const message of unreadable) console.error(message);
    return 1;
  }

  let runtime: Neo4jRuntime | undefined;
  let failed = 0;
  try {
    runtime = await ensureNeo4j(undefined, { log: say });
    const driver = getDriver();
    const database = connection().database;
    for (const file of files) {
      try {
        const outcome = await loadPlanFile(driver, file, {
          database,
          replace: invocation.replace,
          force: invocation.replace,
          batchSize: invocation.batchSize,
        });
        console.log(formatOutcome(outcome).join('\n'));
      } catch (error) {
        failed += 1;
        // A database failure says in its own words what was written, and what was not.
        const failure = loadFailure(error);
        if (failure instanceof LoadFailedError) console.error(`${file}:\n${failure.message}`);
        else console.error(`${file}: not loaded, the database is as it was: ${explain(failure)}`);
      }
    }
  } catch (error) {
    console.error(explain(error));
    return 1;
  } finally {
    await closeDriver();
    await runtime?.stop();
  }
  return failed === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(explainFailure(error));
      process.exitCode = 1;
    },
  );
}
