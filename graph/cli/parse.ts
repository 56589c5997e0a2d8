// npm run parse -- FILE [--json]
// Reads a task-division notice in any format guatu reads (text, Word, Excel, CSV, a saved web
// page, PDF — told from the bytes) and prints what the parser made of it: a summary a planner can
// check against the document, or (--json) the model itself. Exit 0: parsed without errors;
// 1: the document has errors or cannot be read; 2: wrong usage.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { PlanModel } from '../model/plan.ts';
import { parseDocument } from '../parse/parse-document.ts';
import { positionLabel } from '../parse/position.ts';

export const USAGE = 'usage: npm run parse -- FILE [--json]';

export interface Invocation {
  file: string;
  json: boolean;
}

/** The arguments, or a message saying what is wrong with them. */
export function readArguments(args: readonly string[]): Invocation | { error: string } {
  let file: string | null = null;
  let json = false;
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` };
    else if (file !== null) return { error: 'one file at a time' };
    else file = arg;
  }
  return file === null ? { error: 'no file given' } : { file, json };
}

function count<T>(values: readonly T[], keep: (value: T) => boolean): number {
  let n = 0;
  for (const v of values) if (keep(v)) n++;
  return n;
}

/** A readable summary of a model: plan, counts per kind, edges, units, issues with lines. */
export function summarise(model: PlanModel): string {
  const { plan, items, units, documents, issues } = model;
  const out: string[] = [];
  out.push(`plan          ${plan.title}`);
  out.push(`id            ${plan.id}`);
  out.push(`issuer        ${plan.issuer ?? '—'}`);
  out.push(`date          ${plan.date ?? '—'}`);
  out.push(`jurisdiction  ${plan.jurisdiction}`);
  if (model.source) {
    const { format, encoding, bytes } = model.source;
    out.push(`read as       ${format}${encoding ? ` (${encoding})` : ''}, ${bytes} bytes`);
  }
  out.push('');

  const of = (kind: string) => items.filter((i) => i.kind === kind);
  const indicators = of('indicator');
  const projects = of('project');
  const tasks = of('task');
  out.push(`items         ${items.length}`);
  out.push(
    `  indicators  ${indicators.length} (${count(indicators, (i) => i.binding === true)} binding, ` +
      `${count(indicators, (i) => i.binding === false)} expected, ` +
      `${count(indicators, (i) => i.target !== undefined)} with a target)`,
  );
  out.push(`  themes      ${of('theme').length}`);
  out.push(`  tasks       ${tasks.length} (${count(tasks, (i) => /之/.test(i.ref))} second parts)`);
  out.push(
    `  projects    ${projects.length} (${count(projects, (i) => i.parent === null)} major, ` +
      `${count(projects, (i) => i.parent !== null)} sub-items, ` +
      `${count(projects, (i) => i.delegatedTo !== undefined)} delegated)`,
  );
  out.push(`  requirements ${of('requirement').length}`);

  const edges = items.flatMap((i) => i.units);
  const leads = count(edges, (e) => e.edge === 'LEADS');
  const inferred = count(edges, (e) => e.inferred);
  out.push(
    `edges         ${edges.length}: ${leads} LEADS (${inferred} inferred: owners by the rule), ` +
      `${edges.length - leads} SUPPORTS`,
  );
  out.push(
    `items owned by the rule (no lead named): ${count(items, (i) => i.units.length > 0 && i.units.every((u) => u.inferred))}`,
  );
  out.push('');

  const led = new Map<string, number>();
  const supported = new Map<string, number>();
  for (const e of edges) {
    const map = e.edge === 'LEADS' ? led : supported;
    map.set(e.key, (map.get(e.key) ?? 0) + 1);
  }
  out.push(
    `units         ${units.length} distinct (${count(units, (u) => u.collective)} collective)`,
  );
  const width = Math.max(0, ...units.map((u) => u.name.length));
  for (const u of units) {
    const flags = [
      u.collective ? 'collective' : '',
      u.members ? `members: ${u.members.join('、')}` : '',
    ]
      .filter((f) => f.length > 0)
      .join('; ');
    out.push(
      `  ${u.name.padEnd(width, '\u3000')}  leads ${String(led.get(u.key) ?? 0).padStart(3)}  ` +
        `supports ${String(supported.get(u.key) ?? 0).padStart(3)}  line ${u.line}` +
        (flags ? `  [${flags}]` : ''),
    );
  }
  if (documents.length > 0) {
    out.push('');
    out.push(`documents     ${documents.length} (projects delegated to other notices)`);
    for (const d of documents)
      out.push(`  ${d.number ?? '(no number)'}  《${d.title}》  line ${d.line}`);
  }
  out.push('');
  const errors = count(issues, (i) => i.severity === 'error');
  const warnings = count(issues, (i) => i.severity === 'warning');
  out.push(
    `issues        ${issues.length} (${errors} errors, ${warnings} warnings, ${issues.length - errors - warnings} info)`,
  );
  for (const i of issues) {
    const where = i.source
      ? positionLabel(i.source, 'en')
      : i.line === null
        ? 'document'
        : `line ${i.line}`;
    out.push(`  ${where.padEnd(9)}  ${i.severity.padEnd(7)}  ${i.code}: ${i.message}`);
    if (i.zh !== undefined) out.push(`  ${''.padEnd(9)}  ${''.padEnd(7)}  ${i.zh}`);
  }
  return out.join('\n');
}

export async function main(args: readonly string[]): Promise<number> {
  const invocation = readArguments(args);
  if ('error' in invocation) {
    process.stderr.write(`${invocation.error}\n${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(invocation.file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cannot read ${invocation.file}: ${reason}\n`);
    return 1;
  }
  const model = await parseDocument(bytes, { name: invocation.file });
  process.stdout.write(invocation.json ? `${JSON.stringify(model)}\n` : `${summarise(model)}\n`);
  return model.issues.some((i) => i.severity === 'error') ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Piped into head or less: a closed pipe is the reader's choice, not a failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
