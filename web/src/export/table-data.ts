// Rows and columns written out for spreadsheets and scripts: CSV that Excel opens with the Chinese
// intact, and JSON. Pure. Nodes, relationships and paths read from Neo4j ({elementId, labels |
// type, properties}) become the names a planner reads, not their internals.
import type { Lang } from '../i18n/messages.ts';
import { edgeWord, valueWords } from '../i18n/words.ts';
import { localDay, safeFileBase } from './download.ts';

/** A table as the console and the table view hold it: column names and rows keyed by them. */
export interface TableData {
  columns: readonly string[];
  rows: readonly Readonly<Record<string, unknown>>[];
}

/** Byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

/** Separator for list values in a cell: the enumeration comma the documents themselves use. */
export const LIST_SEPARATOR = '、';

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function isNode(value: Loose): boolean {
  return typeof value['elementId'] === 'string' && Array.isArray(value['labels']);
}

function isRelationship(value: Loose): boolean {
  return typeof value['elementId'] === 'string' && typeof value['type'] === 'string';
}

function isPath(value: Loose): boolean {
  return Array.isArray(value['nodes']) && Array.isArray(value['relationships']);
}

/** What a node is called: a unit's name, an item's reference and title, else its id or labels. */
export function nodeText(node: Loose): string {
  const properties = isRecord(node['properties']) ? node['properties'] : {};
  const name = text(properties['name']);
  if (name !== undefined) return name;
  const title = text(properties['title']);
  const ref = text(properties['ref']);
  if (title !== undefined) return ref === undefined ? title : `${ref} ${title}`;
  const labels = Array.isArray(node['labels']) ? node['labels'].map(String) : [];
  return text(properties['id']) ?? (labels.length > 0 ? `:${labels.join(':')}` : '');
}

/**
 * A relationship as its type, with the role word as the notice printed it when it has one; in the
 * planner's words (牵头(责任单位)) when a language is given.
 */
export function relationshipText(relationship: Loose, lang?: Lang): string {
  const properties = isRecord(relationship['properties']) ? relationship['properties'] : {};
  const raw = String(relationship['type']);
  const type = lang === undefined ? raw : edgeWord(lang, raw);
  const role = text(properties['role']);
  return role === undefined ? type : `${type}(${role})`;
}

/** A cell's text: names for nodes, lists joined with 、, numbers as written, null as nothing. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map(cellText).join(LIST_SEPARATOR);
  if (isRecord(value)) {
    if (isNode(value)) return nodeText(value);
    if (isPath(value)) {
      const nodes = (value['nodes'] as unknown[]).map(cellText);
      const steps = (value['relationships'] as unknown[]).map(cellText);
      return nodes
        .map((node, at) => (at === 0 ? node : ` -[${steps[at - 1] ?? ''}]-> ${node}`))
        .join('');
    }
    if (isRelationship(value)) return relationshipText(value);
    return JSON.stringify(value);
  }
  return String(value);
}

/** A value with the graph's enums put into words (LEADS → 牵头, task → 任务, true → 是), lists item by item. */
export function worded(lang: Lang, column: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((each: unknown) => worded(lang, column, each));
  if (isRecord(value) && !isNode(value) && !isPath(value) && isRelationship(value)) {
    return relationshipText(value, lang);
  }
  return valueWords(lang, column, value) ?? value;
}

/**
 * The table as a planner reads it in a spreadsheet: each column under its label in the planner's
 * language, enum values in words. JSON exports keep the raw names and values for scripts.
 */
export function tableInWords(
  { columns, rows }: TableData,
  lang: Lang,
  labelOf: (column: string) => string,
): TableData {
  // Two columns with the same label (a query may say 牵头 twice) keep their names apart.
  const labels = columns.map((column) => labelOf(column));
  const headers = labels.map((label, at) =>
    labels.indexOf(label) === at ? label : `${label} (${columns[at]})`,
  );
  return {
    columns: headers,
    rows: rows.map((row) =>
      Object.fromEntries(
        columns.map((column, at) => [headers[at], worded(lang, column, row[column])]),
      ),
    ),
  };
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** RFC 4180 CSV: BOM first, CRLF line ends, fields quoted when they hold a quote, comma or break. */
export function toCsv({ columns, rows }: TableData): string {
  const lines = [
    columns.map(csvField).join(','),
    ...rows.map((row) => columns.map((column) => csvField(cellText(row[column]))).join(',')),
  ];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** The rows as a pretty JSON array of objects, keys in column order, values as the API sent them. */
export function toJson({ columns, rows }: TableData): string {
  const ordered = rows.map((row) =>
    Object.fromEntries(columns.map((column) => [column, row[column] ?? null])),
  );
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** `unit-load-2026-11-29.csv`: what was exported and the planner's local date. */
/**
 * What a file of a query's rows is named after: the query's title in the planner's language, cut
 * at its first colon or dash (单位工作量排名:谁承担… → 单位工作量排名), or its name without one.
 */
export function titleForFile(title: string | null | undefined, name: string): string {
  const head = (title ?? '').split(/[:：—–]| - /u)[0]?.trim() ?? '';
  return head === '' ? name : head;
}

export function exportFileName(base: string, extension: 'csv' | 'json', date = new Date()): string {
  return `${safeFileBase(base, 'table')}-${localDay(date)}.${extension}`;
}
