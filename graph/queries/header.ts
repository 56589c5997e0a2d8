// A `cypher/*.cypher` file's header, read into the query definition the registry, the API and the
// command line share. Pure: file name and text in, definition and problems out.
//
// The header is the comment block at the top of the file:
//
//   // unit-load — units ranked by weighted load, collectives left out unless asked
//   // zh: 单位工作量排名:谁承担了规划中最多的事项
//   //
//   // Weighted load: 1 for each item led plus 0.5 for each item supported.
//   // zh: 工作量:每牵头一项计 1,每配合一项计 0.5。
//   //
//   // Parameters:
//   // :param planId => '武汉市-f64b89c6'
//   // :param limit => 10
//   // Defaults: limit => 20
//   // planId: 规划 / Plan
//   // limit: 最多列出 / Rows at most
//   //
//   // Columns:
//   // unit: Unit — the unit's short name
//   //   单位 — 单位简称
//   //
//   // Scans the whole graph.
//
// The `:param` lines are Neo4j Browser commands, so pasting them makes the file run as-is there.
// Planners read Chinese first: line 2 is the title in Chinese, `zh:` lines of the prose are its
// Chinese, each parameter has a label in both languages (`name: 中文 / English`), and each column
// a label and meaning in both (`name: Label — meaning`, then an indented `中文名 — 含义`).
import { z } from 'zod';
import {
  finalReturnColumns,
  parametersUsed,
  parseCypherLiteral,
  LiteralError,
} from './cypher-text.ts';

export const ParamType = z.enum(['string', 'integer', 'float', 'boolean', 'list']);
export type ParamType = z.infer<typeof ParamType>;

const Literal: z.ZodType<unknown> = z.json();

export const QueryParam = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  /** What a form calls the parameter, in English and in Chinese. */
  label: z.string().min(1),
  labelZh: z.string().min(1),
  /** The header's example, as a JSON value; it runs on the seed plan. */
  example: Literal,
  type: ParamType,
  /** Used when the caller leaves the parameter out; parameters without one are required. */
  default: Literal.optional(),
  required: z.boolean(),
});
export type QueryParam = z.infer<typeof QueryParam>;

export const QueryColumn = z.object({
  name: z.string().min(1),
  /** A column header's words, English and Chinese: `themesReached` means nothing to a planner. */
  label: z.string().min(1),
  labelZh: z.string().min(1),
  meaning: z.string().min(1),
  meaningZh: z.string().min(1),
});
export type QueryColumn = z.infer<typeof QueryColumn>;

export const QueryDefinition = z.object({
  /** The file name without `.cypher`. */
  name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The header's first line, after the name: the question the query answers. */
  purpose: z.string().min(1),
  /** The purpose in Chinese: the header's second line. */
  purposeZh: z.string().min(1),
  /** Prose between the purpose and the parameters: definitions of the figures it reads. */
  description: z.string(),
  /** The same prose in Chinese (its `zh:` lines). */
  descriptionZh: z.string(),
  params: z.array(QueryParam),
  columns: z.array(QueryColumn).min(1),
  /** True when the header says the query reads every node or relationship of some kind. */
  scansWholeGraph: z.boolean(),
  /** The whole file, header included: it runs as-is. */
  text: z.string().min(1),
});
export type QueryDefinition = z.infer<typeof QueryDefinition>;

/** A problem with a query file; `line` is 1-based, or null for the file as a whole. */
export interface QueryFileProblem {
  code: string;
  message: string;
  line: number | null;
}

const PURPOSE = /^\/\/\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s+—\s+(.+)$/;
const PARAM = /^\/\/\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+)$/;
const DEFAULTS = /^\/\/\s*Defaults:\s*(.+)$/;
const COLUMN = /^\/\/\s*([A-Za-z_][A-Za-z0-9_]*):\s+(.+?)\s+—\s+(.+)$/;
/** A column's Chinese line: indented, under its English one. */
const COLUMN_ZH = /^\/\/\s{2,}(\S.*?)\s+—\s+(.+)$/;
const PARAM_LABEL = /^\/\/\s*([A-Za-z_][A-Za-z0-9_]*):\s+(.+?)\s+\/\s+(.+)$/;
const ZH = /^\/\/\s*zh:\s*(.+)$/;
/** A column of a query that need not be bilingual: `name: meaning`. */
const COLUMN_PLAIN = /^\/\/\s*([A-Za-z_][A-Za-z0-9_]*):\s+(.+)$/;
const SCANS = /^\/\/\s*Scans the whole graph\.\s*$/;

/** The type a caller's value must have, read from how the example is written. */
function typeOf(value: unknown, integer: boolean): ParamType | null {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return integer ? 'integer' : 'float';
  if (Array.isArray(value)) return 'list';
  return null;
}

/** `name => value, name => value`: split at each `, name =>` so commas inside values survive. */
function splitDefaults(text: string): { name: string; literal: string }[] | null {
  const starts = [...text.matchAll(/(?:^|,)\s*([A-Za-z_][A-Za-z0-9_]*)\s*=>/g)];
  if (starts.length === 0) return null;
  return starts.map((match, position) => {
    const valueStart = (match.index ?? 0) + match[0].length;
    const valueEnd = starts[position + 1]?.index ?? text.length;
    return { name: match[1] ?? '', literal: text.slice(valueStart, valueEnd).trim() };
  });
}

/**
 * Reads one query file. The definition is null when the header is unusable; every problem found
 * is listed, with its line, whether or not a definition could be built.
 */
export function parseQueryFile(
  fileName: string,
  text: string,
  /**
   * Whether the header must carry its Chinese words. The planners' queries (cypher/) must: the
   * explorer shows them. The API's own queries, which no planner picks by name, may leave them
   * out; their English then stands in.
   */
  { bilingual = true }: { bilingual?: boolean } = {},
): { definition: QueryDefinition | null; problems: QueryFileProblem[] } {
  const problems: QueryFileProblem[] = [];
  const problem = (code: string, message: string, line: number | null) =>
    problems.push({ code, message, line });
  const lines = text.split(/\r?\n/);
  const expectedName = fileName.replace(/^.*[\\/]/, '').replace(/\.cypher$/, '');

  // The header runs up to the first line that is neither a comment nor blank.
  let headerEnd = 0;
  while (headerEnd < lines.length && /^\s*(\/\/.*)?$/.test(lines[headerEnd] ?? '')) headerEnd += 1;
  const header = lines.slice(0, headerEnd).map((line) => line.trim());
  const body = lines.slice(headerEnd).join('\n');

  const purposeMatch = PURPOSE.exec(header[0] ?? '');
  if (purposeMatch === null) {
    problem('no-purpose', 'expected line 1 to read "// name — purpose"', 1);
  } else if (purposeMatch[1] !== expectedName) {
    problem(
      'name-mismatch',
      `expected the name "${expectedName}" (the file name), got "${purposeMatch[1]}"`,
      1,
    );
  }

  const purposeZh = ZH.exec(header[1] ?? '')?.[1]?.trim();
  if (purposeZh === undefined && bilingual) {
    problem('no-purpose-zh', 'expected line 2 to read "// zh: 中文标题"', 2);
  }

  type Section = 'description' | 'parameters' | 'columns';
  let section: Section = 'description';
  const description: string[] = [];
  const descriptionZh: string[] = [];
  // Which language an indented continuation line of the prose continues.
  let prose: string[] = description;
  const params: Omit<QueryParam, 'label' | 'labelZh'>[] = [];
  const paramLabels = new Map<string, { zh: string; en: string; line: number }>();
  const defaults = new Map<string, { value: unknown; line: number }>();
  type Column = Omit<QueryColumn, 'labelZh' | 'meaningZh'> & Partial<QueryColumn>;
  const columns: Column[] = [];
  let scansWholeGraph = false;

  header.slice(purposeZh === undefined ? 1 : 2).forEach((line, offset) => {
    const lineNumber = offset + (purposeZh === undefined ? 2 : 3);
    const content = line.replace(/^\/\/\s?/, '');
    if (line === '' || content.trim() === '') return;
    if (SCANS.test(line)) {
      scansWholeGraph = true;
      return;
    }
    if (/^Parameters(\s*\(.*\))?:\s*$/.test(content.trim())) {
      section = 'parameters';
      return;
    }
    if (/^Columns:\s*$/.test(content.trim())) {
      section = 'columns';
      return;
    }
    if (section === 'parameters') {
      const param = PARAM.exec(line);
      const defaultsLine = DEFAULTS.exec(line);
      if (param !== null) {
        const [, name = '', literal = ''] = param;
        try {
          const { value, integer } = parseCypherLiteral(literal);
          const type = typeOf(value, integer);
          if (type === null) {
            problem(
              'untyped-example',
              `parameter ${name}: an example of null says nothing of its type`,
              lineNumber,
            );
          } else if (params.some((known) => known.name === name)) {
            problem('duplicate-param', `parameter ${name} is declared twice`, lineNumber);
          } else {
            params.push({ name, example: value, type, required: true });
          }
        } catch (error) {
          if (!(error instanceof LiteralError)) throw error;
          problem('bad-example', `parameter ${name}: ${error.message}`, lineNumber);
        }
      } else if (defaultsLine === null && PARAM_LABEL.test(line)) {
        const [, name = '', zh = '', en = ''] = PARAM_LABEL.exec(line) ?? [];
        paramLabels.set(name, { zh: zh.trim(), en: en.trim(), line: lineNumber });
      } else if (defaultsLine !== null) {
        const entries = splitDefaults(defaultsLine[1] ?? '');
        if (entries === null)
          problem('bad-defaults', 'expected "Defaults: name => value, …"', lineNumber);
        for (const { name, literal } of entries ?? []) {
          try {
            defaults.set(name, { value: parseCypherLiteral(literal).value, line: lineNumber });
          } catch (error) {
            if (!(error instanceof LiteralError)) throw error;
            problem('bad-default', `default of ${name}: ${error.message}`, lineNumber);
          }
        }
      } else {
        problem(
          'bad-param-line',
          'expected ":param name => value", "Defaults: name => value" or "name: 中文 / English"',
          lineNumber,
        );
      }
      return;
    }
    if (section === 'columns') {
      const column = COLUMN.exec(line);
      const chinese = COLUMN_ZH.exec(line);
      const last = columns.at(-1);
      if (column !== null) {
        columns.push({
          name: column[1] ?? '',
          label: (column[2] ?? '').trim(),
          meaning: (column[3] ?? '').trim(),
        });
      } else if (chinese !== null && last !== undefined && last.labelZh === undefined) {
        last.labelZh = (chinese[1] ?? '').trim();
        last.meaningZh = (chinese[2] ?? '').trim();
      } else if (!bilingual && COLUMN_PLAIN.test(line)) {
        const [, name = '', meaning = ''] = COLUMN_PLAIN.exec(line) ?? [];
        columns.push({ name, label: name, meaning: meaning.trim() });
      } else {
        problem(
          'bad-column-line',
          'expected "column: Label — meaning", then an indented "中文名 — 含义"',
          lineNumber,
        );
      }
      return;
    }
    const zh = ZH.exec(line);
    if (zh !== null) {
      prose = descriptionZh;
      descriptionZh.push((zh[1] ?? '').trim());
    } else if (/^\/\/\s{2,}/.test(line) && prose.length > 0) {
      // An indented line continues the line above it, in that line's language.
      prose.push(content.trim());
    } else {
      prose = description;
      description.push(content.trim());
    }
  });

  for (const column of columns) {
    if (column.labelZh !== undefined) continue;
    if (bilingual) {
      problem('column-no-zh', `column ${column.name} has no Chinese label and meaning`, null);
    } else {
      column.labelZh = column.label;
      column.meaningZh = column.meaning;
    }
  }
  for (const param of params) {
    if (paramLabels.has(param.name)) continue;
    if (bilingual) {
      problem(
        'param-unlabelled',
        `parameter ${param.name} has no "name: 中文 / English" line`,
        null,
      );
    } else {
      paramLabels.set(param.name, { zh: param.name, en: param.name, line: 0 });
    }
  }
  for (const [name, { line }] of paramLabels) {
    if (!params.some((param) => param.name === name)) {
      problem('label-undeclared', `label given for ${name}, which has no :param line`, line);
    }
  }

  for (const [name, { value, line }] of defaults) {
    const param = params.find((known) => known.name === name);
    if (param === undefined) {
      problem('default-undeclared', `default given for ${name}, which has no :param line`, line);
    } else {
      param.default = value;
      param.required = false;
    }
  }

  if (columns.length === 0)
    problem('no-columns', 'expected a "Columns:" section with at least one column', null);

  // The header must describe the body it sits on: same parameters, same columns.
  const used = parametersUsed(body);
  const declared = params.map((param) => param.name);
  for (const name of used.filter((name) => !declared.includes(name))) {
    problem('param-undeclared', `the query uses $${name}, which the header does not declare`, null);
  }
  for (const name of declared.filter((name) => !used.includes(name))) {
    problem('param-unused', `the header declares ${name}, which the query does not use`, null);
  }
  const returned = finalReturnColumns(body);
  if (returned === null) {
    problem('no-return', 'expected the query to end with a RETURN', null);
  } else {
    if (returned.aliases.includes(null)) {
      problem('unaliased-column', 'every item of the final RETURN needs "AS name"', null);
    }
    const columnNames = columns.map((column) => column.name).join(', ');
    const aliasNames = returned.aliases.filter((alias) => alias !== null).join(', ');
    if (columns.length > 0 && columnNames !== aliasNames) {
      problem(
        'columns-mismatch',
        `the header lists columns ${columnNames}; the RETURN gives ${aliasNames}`,
        null,
      );
    }
  }

  if (
    purposeMatch === null ||
    (purposeZh === undefined && bilingual) ||
    columns.length === 0 ||
    columns.some((column) => column.labelZh === undefined) ||
    params.some((param) => !paramLabels.has(param.name))
  ) {
    return { definition: null, problems };
  }
  const definition = QueryDefinition.parse({
    name: expectedName,
    purpose: (purposeMatch[2] ?? '').trim(),
    purposeZh: purposeZh ?? (purposeMatch[2] ?? '').trim(),
    description: description.join(' '),
    // Chinese runs on without spaces between lines.
    descriptionZh: descriptionZh.join(''),
    params: params.map((param) => ({
      ...param,
      label: paramLabels.get(param.name)?.en,
      labelZh: paramLabels.get(param.name)?.zh,
    })),
    columns,
    scansWholeGraph,
    text,
  });
  return { definition, problems };
}
