// What rows look like once out of Neo4j: JSON-safe values, terminal widths for Chinese text, the
// aligned table, and CSV that survives a round trip and opens in Excel. No database here.
import fc from 'fast-check';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  formatCsv,
  formatJson,
  formatTable,
  truncateToWidth,
} from '../../graph/queries/format.ts';
import { toJson } from '../../graph/queries/to-json.ts';

describe('toJson', () => {
  it('turns integers into numbers while exact, strings beyond', () => {
    expect(toJson(neo4j.int(42))).toBe(42);
    expect(toJson(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toJson(12n)).toBe(12);
    expect(toJson(2n ** 60n)).toBe('1152921504606846976');
    expect(toJson(Number.NaN)).toBe('NaN');
  });

  it('writes temporal values as ISO-8601 text', () => {
    expect(toJson(new neo4j.types.Date(2022, 3, 3))).toBe('2022-03-03');
    expect(toJson(new neo4j.types.LocalDateTime(2022, 3, 3, 9, 30, 0, 0))).toBe(
      '2022-03-03T09:30:00',
    );
    expect(toJson(new neo4j.types.DateTime(2022, 3, 3, 9, 30, 0, 0, 28800))).toBe(
      '2022-03-03T09:30:00+08:00',
    );
    expect(toJson(new neo4j.types.Duration(14, 3, 3600, 0))).toBe('P1Y2M3DT1H');
  });

  it('turns nodes, relationships and paths into plain objects', () => {
    const unit = new neo4j.types.Node(
      neo4j.int(1),
      ['Unit'],
      { name: '市发改委', load: neo4j.int(3) },
      'u1',
    );
    const item = new neo4j.types.Node(neo4j.int(2), ['Item', 'Task'], { ref: '二(一)1' }, 'i1');
    const leads = new neo4j.types.Relationship(
      neo4j.int(9),
      neo4j.int(1),
      neo4j.int(2),
      'LEADS',
      { position: neo4j.int(3) },
      'r9',
      'u1',
      'i1',
    );
    expect(toJson(unit)).toEqual({
      elementId: 'u1',
      labels: ['Unit'],
      properties: { name: '市发改委', load: 3 },
    });
    expect(toJson(leads)).toEqual({
      elementId: 'r9',
      type: 'LEADS',
      startNodeElementId: 'u1',
      endNodeElementId: 'i1',
      properties: { position: 3 },
    });
    const path = new neo4j.types.Path(unit, item, [new neo4j.types.PathSegment(unit, leads, item)]);
    expect(toJson(path)).toEqual({
      nodes: [toJson(unit), toJson(item)],
      relationships: [toJson(leads)],
    });
    expect(
      toJson({ list: [neo4j.int(1), null], nested: { at: new neo4j.types.Date(2022, 3, 3) } }),
    ).toEqual({
      list: [1, null],
      nested: { at: '2022-03-03' },
    });
  });
});

describe('displayWidth', () => {
  it('counts CJK and fullwidth characters as two columns', () => {
    expect(displayWidth('市发改委')).toBe(8);
    expect(displayWidth('unit')).toBe(4);
    expect(displayWidth('二(一)1')).toBe(7);
    expect(displayWidth('（一）')).toBe(6);
    expect(displayWidth('〈含东湖高新区〉、')).toBe(18);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('𠀀')).toBe(2);
  });

  it('cuts to a width without splitting a wide character', () => {
    expect(truncateToWidth('市发改委市经信局', 7)).toBe('市发改…');
    expect(displayWidth(truncateToWidth('市发改委市经信局', 7))).toBeLessThanOrEqual(7);
    expect(truncateToWidth('short', 10)).toBe('short');
  });
});

describe('formatTable', () => {
  it('lines up Chinese text by terminal columns and right-aligns numbers', () => {
    const table = formatTable(
      ['unit', 'leads', 'themes'],
      [
        { unit: '市发改委', leads: 53, themes: ['二(一)', '二(二)'] },
        { unit: '市自然资源和规划局', leads: 16, themes: [] },
        { unit: 'abc', leads: 5.123456, themes: null },
      ],
    );
    const lines = table.split('\n');
    expect(lines).toEqual([
      'unit                 leads  themes',
      '──────────────────  ──────  ──────────────',
      '市发改委                53  二(一)、二(二)',
      '市自然资源和规划局      16',
      'abc                 5.1235',
    ]);
    // Every "leads" cell ends on the same terminal column.
    const ends = lines
      .filter((_, index) => index >= 2)
      .map((line) => displayWidth(line.slice(0, line.search(/\d(?=\s|$)/) + 1)));
    expect(new Set(ends).size).toBe(1);
  });

  it('cuts long cells when asked', () => {
    const table = formatTable(['t'], [{ t: '一二三四五六七八九十' }], { maxCellWidth: 9 });
    expect(table.split('\n')[2]).toBe('一二三四…');
  });
});

/** RFC 4180 reader, for checking the writer: fields, quotes doubled inside quoted fields. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return rows;
}

describe('formatCsv', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = formatCsv(
      ['unit', 'note', 'units'],
      [{ unit: '市发改委', note: 'says "yes", then\nno', units: ['甲', '乙'] }],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFunit,note,units\r\n市发改委,"says ""yes"", then\nno",甲、乙\r\n');
  });

  it('reads back to the same cells, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 8 }),
        (pairs) => {
          const rows = pairs.map(([a, b]) => ({ a, b }));
          const back = readCsv(formatCsv(['a', 'b'], rows).slice(1));
          expect(back).toEqual([['a', 'b'], ...pairs.map(([a, b]) => [a, b])]);
        },
      ),
    );
  });
});

describe('formatJson', () => {
  it('is an array of row objects with every column, in column order', () => {
    expect(JSON.parse(formatJson(['b', 'a'], [{ a: 1, b: '市发改委' }, { a: 2 }]))).toEqual([
      { b: '市发改委', a: 1 },
      { b: null, a: 2 },
    ]);
  });
});
