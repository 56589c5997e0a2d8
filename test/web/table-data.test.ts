// Tables written out for spreadsheets: the BOM, RFC 4180 quoting and line ends, Chinese intact,
// nodes and relationships flattened to the names a planner reads, file names, and a round trip
// through a strict CSV reader for any text fast-check comes up with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  exportFileName,
  toCsv,
  toJson,
  UTF8_BOM,
} from '../../web/src/export/table-data.ts';

/** A strict RFC 4180 reader (CRLF records, quoted fields), the test's independent oracle. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let at = 0;
  let quoted = false;
  while (at < text.length) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 2;
      } else if (char === '"') {
        quoted = false;
        at += 1;
      } else {
        field += char;
        at += 1;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      at += 1;
    } else if (char === ',') {
      record.push(field);
      field = '';
      at += 1;
    } else if (char === '\r' && text[at + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      at += 2;
    } else {
      if (char === '"' || char === '\n' || char === '\r') {
        throw new Error(`unquoted ${JSON.stringify(char)} at ${at}`);
      }
      field += char;
      at += 1;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || record.length > 0) throw new Error('last record without CRLF');
  return records;
}

const FGW_NODE = {
  elementId: '4:abc:1',
  labels: ['Unit'],
  properties: { id: '武汉市/市发改委', name: '市发改委', englishName: 'Wuhan DRC' },
};
const TASK_NODE = {
  elementId: '4:abc:2',
  labels: ['Task'],
  properties: { id: 'p/二(一)1', ref: '二(一)1', title: '创建东湖综合性国家科学中心' },
};
const LEADS = {
  elementId: '5:abc:9',
  type: 'LEADS',
  startNodeElementId: '4:abc:1',
  endNodeElementId: '4:abc:2',
  properties: { role: '牵头单位', planId: 'p' },
};

describe('CSV', () => {
  it('starts with the BOM, ends records with CRLF and quotes only what needs it', () => {
    const csv = toCsv({
      columns: ['unit', 'note', 'load'],
      rows: [
        { unit: '市发改委', note: 'plain', load: 61.5 },
        { unit: '市经信局', note: 'a "quoted", \nline', load: 3 },
      ],
    });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toBe(
      `${UTF8_BOM}unit,note,load\r\n市发改委,plain,61.5\r\n市经信局,"a ""quoted"", \nline",3\r\n`,
    );
    expect(parseCsv(csv.slice(1))).toEqual([
      ['unit', 'note', 'load'],
      ['市发改委', 'plain', '61.5'],
      ['市经信局', 'a "quoted", \nline', '3'],
    ]);
  });

  it('writes nodes by name, items by reference and title, relationships by type and role', () => {
    const path = { nodes: [FGW_NODE, TASK_NODE], relationships: [LEADS] };
    const csv = toCsv({
      columns: ['unit', 'lead', 'item', 'units', 'path', 'missing', 'flag', 'map'],
      rows: [
        {
          unit: FGW_NODE,
          lead: LEADS,
          item: TASK_NODE,
          units: ['市发改委', '市科技局'],
          path,
          missing: null,
          flag: true,
          map: { a: 1 },
        },
      ],
    });
    expect(parseCsv(csv.slice(1))[1]).toEqual([
      '市发改委',
      'LEADS(牵头单位)',
      '二(一)1 创建东湖综合性国家科学中心',
      '市发改委、市科技局',
      '市发改委 -[LEADS(牵头单位)]-> 二(一)1 创建东湖综合性国家科学中心',
      '',
      'true',
      '{"a":1}',
    ]);
  });

  it('falls back to the id, then the labels, for a node without a name or title', () => {
    expect(cellText({ elementId: 'x', labels: ['Plan'], properties: { id: 'p1' } })).toBe('p1');
    expect(cellText({ elementId: 'x', labels: ['A', 'B'], properties: {} })).toBe(':A:B');
  });

  it('round-trips any table of text through a strict CSV reader', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '市', ',', '"', '\n', '\r', ' ', '、', 'é'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(text, { minLength: 4, maxLength: 4 }), { maxLength: 6 }),
        (columns, cells) => {
          const rows = cells.map((values) =>
            Object.fromEntries(columns.map((column, at) => [column, values[at] ?? ''])),
          );
          const parsed = parseCsv(toCsv({ columns, rows }).slice(UTF8_BOM.length));
          expect(parsed).toEqual([
            columns,
            ...rows.map((row) => columns.map((column) => row[column] ?? '')),
          ]);
        },
      ),
    );
  });
});

describe('JSON', () => {
  it('is pretty, keyed in column order, with values as the API sent them', () => {
    const json = toJson({
      columns: ['b', 'a'],
      rows: [{ a: FGW_NODE, b: 2, extra: 'left out' }, { a: null }],
    });
    expect(json).toContain('\n  {\n    "b": 2,');
    const parsed = JSON.parse(json) as Record<string, unknown>[];
    expect(parsed).toEqual([
      { b: 2, a: FGW_NODE },
      { b: null, a: null },
    ]);
    expect(Object.keys(parsed[0] ?? {})).toEqual(['b', 'a']);
  });
});

describe('file names', () => {
  it('are the query or plan and the local date', () => {
    const day = new Date(2026, 10, 29, 23, 30);
    expect(exportFileName('unit-load', 'csv', day)).toBe('unit-load-2026-11-29.csv');
    expect(exportFileName('武汉市-f64b89c6', 'json', day)).toBe('武汉市-f64b89c6-2026-11-29.json');
    expect(exportFileName('a/b: c?', 'csv', day)).toBe('a-b-c-2026-11-29.csv');
    expect(exportFileName('///', 'csv', day)).toBe('table-2026-11-29.csv');
  });
});
