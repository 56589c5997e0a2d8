// The cypher/ files as a reader meets them: each header names its file, says what it answers,
// declares exactly the parameters its body uses with an example, and lists exactly the columns
// its final RETURN gives; README.md lists them all. No database here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricDefinitions, metricDefinitionsZh } from '../../graph/analyse/metrics.ts';
import {
  blankCommentsAndStrings,
  finalReturnColumns,
  parametersUsed,
} from '../../graph/queries/cypher-text.ts';
import { parseQueryFile } from '../../graph/queries/header.ts';
import { CYPHER_DIR, loadQueries } from '../../graph/queries/registry.ts';

const files = readdirSync(CYPHER_DIR)
  .filter((file) => file.endsWith('.cypher'))
  .sort();
const read = (file: string) => readFileSync(join(CYPHER_DIR, file), 'utf8');
/** The query without its header: the lines from the first that is not a comment. */
const bodyOf = (text: string) => {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => !/^\s*(\/\/.*)?$/.test(line));
  return lines.slice(start).join('\n');
};

// The questions issue 5 asks, under the names the API and the README use.
const REQUIRED = [
  'unit-load',
  'unit-profile',
  'unit-to-goals',
  'theme-reach',
  'multi-lead-items',
  'single-owner-items',
  'unowned-items',
  'coordination-pairs',
  'brokers',
  'communities',
  'cross-theme-units',
  'path-between-units',
  'collective-exposure',
  'indicator-owners',
  'project-rollup',
];

describe('cypher/ files', () => {
  it('answer every question of the issue', () => {
    expect(files.map((file) => file.replace(/\.cypher$/, ''))).toEqual(
      expect.arrayContaining(REQUIRED),
    );
  });

  it('all load through the registry without a problem', () => {
    expect(loadQueries().map((query) => query.name)).toEqual(
      files.map((file) => file.replace(/\.cypher$/, '')),
    );
  });

  describe.each(files)('%s', (file) => {
    const text = read(file);
    const { definition, problems } = parseQueryFile(file, text);
    const body = bodyOf(text);

    it('has a header naming the file, a purpose and at least one column', () => {
      expect(problems).toEqual([]);
      expect(text.split('\n')[0]).toBe(
        `// ${file.replace(/\.cypher$/, '')} — ${definition?.purpose}`,
      );
      expect(definition?.purpose.length).toBeGreaterThan(10);
      expect(definition?.columns.length).toBeGreaterThanOrEqual(1);
      for (const column of definition?.columns ?? []) expect(column.meaning).not.toBe('');
    });

    // Planners read Chinese first: the console and the rankings show these words, not the names.
    it('says in Chinese and in English what it asks, takes and returns', () => {
      expect(text.split('\n')[1]).toBe(`// zh: ${definition?.purposeZh}`);
      expect(definition?.purposeZh).toMatch(/\p{Script=Han}{4}/u);
      if (definition?.description !== '')
        expect(definition?.descriptionZh).toMatch(/\p{Script=Han}/u);
      for (const param of definition?.params ?? []) {
        expect(param.labelZh, param.name).toMatch(/\p{Script=Han}/u);
        expect(param.label, param.name).toMatch(/^[A-Z]/);
      }
      for (const column of definition?.columns ?? []) {
        expect(column.labelZh, column.name).toMatch(/\p{Script=Han}/u);
        expect(column.meaningZh, column.name).toMatch(/\p{Script=Han}/u);
        expect(column.label, column.name).toMatch(/^[A-Z]/);
      }
    });

    it('counts leads and supports in the one pair of words, the inferred leads apart', () => {
      const byName = new Map(definition?.columns.map((column) => [column.name, column]));
      const leads = byName.get('leads');
      const supports = byName.get('supports');
      if (leads !== undefined) expect(leads.labelZh).toMatch(/^牵头/);
      if (supports !== undefined) expect(supports.labelZh).toMatch(/^配合/);
      for (const column of definition?.columns ?? []) {
        expect(column.labelZh, column.name).not.toMatch(/参与|责任/);
        expect(column.meaningZh, column.name).not.toMatch(/参与|责任(?!单位)/);
      }
      // A unit's lead count is shown with its inferred part wherever it is shown.
      const unitLeadCount =
        leads !== undefined &&
        typeof leads.meaning === 'string' &&
        /items|tasks/.test(leads.meaning);
      if (unitLeadCount && byName.has('unit')) expect(byName.has('inferredLeads')).toBe(true);
    });

    it('declares exactly the parameters its body uses, each with an example', () => {
      const declared = definition?.params.map((param) => param.name).sort();
      expect(declared).toEqual(parametersUsed(body).sort());
      for (const param of definition?.params ?? []) {
        expect(text).toContain(`// :param ${param.name} => `);
        expect(param.example).not.toBeNull();
      }
    });

    it('lists exactly the columns of its final RETURN, every one aliased', () => {
      const returned = finalReturnColumns(body);
      expect(returned?.aliases).not.toContain(null);
      expect(definition?.columns.map((column) => column.name)).toEqual(returned?.aliases);
    });

    it('takes the plan, and rankings take a limit', () => {
      // `plans` is asked before a plan is chosen; `portfolio-*` queries count every plan loaded.
      if (file !== 'plans.cypher' && !file.startsWith('portfolio-')) {
        expect(definition?.params.map((param) => param.name)).toContain('planId');
        expect(definition?.params.find((param) => param.name === 'planId')?.example).toBe(
          '武汉市-f64b89c6',
        );
      }
      const limit = definition?.params.find((param) => param.name === 'limit');
      if (/\bLIMIT \$limit\b/.test(body)) {
        expect(limit).toMatchObject({ type: 'integer', required: false });
      }
      const collectives = definition?.params.find((param) => param.name === 'includeCollectives');
      if (collectives !== undefined) {
        expect(collectives).toMatchObject({ type: 'boolean', default: false, required: false });
      }
    });

    it('quotes the loader’s definition of every stored metric it reads', () => {
      const code = blankCommentsAndStrings(body);
      const read = new Set<string>();
      // Property reads on anything but the Plan node, whose counts are not metrics.
      for (const match of code.matchAll(/\b(\w+)\.([a-zA-Z]+)\b/g)) {
        if (match[1] !== 'plan') read.add(match[2] ?? '');
      }
      if (code.includes(':COORDINATES_WITH')) read.add('coordinatesWith');
      const description = definition?.description ?? '';
      const descriptionZh = definition?.descriptionZh ?? '';
      for (const [metric, words] of Object.entries(metricDefinitions)) {
        if (read.has(metric)) expect(description, `${metric}`).toContain(words);
        if (description.includes(words)) {
          expect(descriptionZh, `${metric}`).toContain(
            metricDefinitionsZh[metric as keyof typeof metricDefinitions],
          );
        }
      }
    });

    it('is written in the house style', () => {
      const code = blankCommentsAndStrings(body);
      const clause =
        /^\s*(optional match|match|where|with|return|order by|limit|skip|unwind|call|union|and|or)\b/i;
      for (const line of code.split('\n')) {
        const keyword = clause.exec(line)?.[1];
        if (keyword !== undefined) expect(keyword, line).toBe(keyword.toUpperCase());
      }
      // Labels :PascalCase, relationship types :UPPER_SNAKE.
      for (const match of code.matchAll(/\((?:\w+)?:(\w+)/g)) {
        expect(match[1], match[0]).toMatch(/^[A-Z][a-zA-Z]*$/);
      }
      for (const match of code.matchAll(/\[(?:\w+)?:([\w|]+)/g)) {
        for (const type of (match[1] ?? '').split('|')) expect(type, match[0]).toMatch(/^[A-Z_]+$/);
      }
    });
  });

  it('README.md lists every query with its purpose, in step with the headers', () => {
    const readme = readFileSync(join(CYPHER_DIR, 'README.md'), 'utf8');
    const listed = [
      ...readme.matchAll(/^\| \[([a-z-]+)\]\(\1\.cypher\) \| (.+?) \| (.+?) \|/gm),
    ].map((match) => ({ name: match[1], purpose: match[2], purposeZh: match[3] }));
    expect(listed).toEqual(
      loadQueries().map((query) => ({
        name: query.name,
        purpose: query.purpose,
        purposeZh: query.purposeZh,
      })),
    );
  });
});
