// CSV files (a ledger saved from Excel or exported by an office system): records → rows of one
// table, each with the line it starts on. Excel on Chinese Windows saves CSV in GBK, elsewhere
// in UTF-8 with a BOM; the text decoder tells them apart. Quoted fields keep their line breaks
// (units on several lines in one cell), as Excel does.
import { parse } from 'csv-parse/sync';
import type { ParseIssue, SourcePosition } from '../../model/plan.ts';
import { decode } from '../decode.ts';
import type { Block, Reader } from './blocks.ts';
import { readIssue } from './issues.ts';
import { separatorHint, sniffDelimiter, type Delimiter } from './sheet/delimiter.ts';
import { gridRows } from './sheet/grid.ts';
import { sheetIssues } from './sheet/sheet-issues.ts';

interface CsvRecord {
  /** Line of the text where the record starts. */
  line: number;
  fields: string[];
}

class Enough extends Error {}

/** Records that hold something, at most `max`; `more` when the text holds further ones. */
function parseRecords(
  text: string,
  delimiter: Delimiter,
  max: number,
  quoted: boolean,
): { records: CsvRecord[]; failedAt: number | null; more: boolean } {
  const records: CsvRecord[] = [];
  let lastLine = 0;
  try {
    parse(text, {
      delimiter,
      quote: quoted ? '"' : false,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Every line, empty ones included, belongs to a record: each starts after the last.
      on_record: (fields: string[], context) => {
        const line = lastLine + 1;
        lastLine = context.lines;
        if (fields.some((f) => f.trim() !== '')) {
          if (records.length >= max) throw new Enough();
          records.push({ line, fields });
        }
        return null;
      },
    });
  } catch (error) {
    if (error instanceof Enough) return { records, failedAt: null, more: true };
    return { records, failedAt: lastLine + 1, more: false };
  }
  return { records, failedAt: null, more: false };
}

export const readCsv: Reader = async (bytes, limits) => {
  const decoded = decode(bytes);
  const issues: ParseIssue[] = [...decoded.issues];
  // One kind of line break: a cell's breaks read "\n" and line numbers stay those of the file.
  let text = decoded.text.replace(/\r\n?/g, '\n');
  let offset = 0;
  const hint = separatorHint(text);
  if (hint) {
    text = text.slice(hint.length);
    offset = 1;
  }
  const delimiter = hint?.delimiter ?? sniffDelimiter(text);

  const first = parseRecords(text, delimiter, limits.maxBlocks, true);
  const records = first.records;
  let more = first.more;
  if (first.failedAt !== null) {
    issues.push(
      readIssue(
        'bad-quote',
        { en: `from line ${first.failedAt + offset}`, zh: `自第 ${first.failedAt + offset} 行起` },
        { format: 'csv', line: first.failedAt + offset },
      ),
    );
    // The rest, from the line the broken record starts on, with quotes as plain characters.
    const rest = text
      .split('\n')
      .slice(first.failedAt - 1)
      .join('\n');
    const again = parseRecords(rest, delimiter, limits.maxBlocks - records.length, false);
    for (const record of again.records) {
      records.push({ line: record.line + first.failedAt - 1, fields: record.fields });
    }
    more = again.more;
  }

  const texts = new Map<number, Map<number, string>>();
  records.forEach((record, i) => {
    const row = new Map<number, string>();
    record.fields.forEach((field, column) => {
      if (field !== '') row.set(column + 1, field);
    });
    texts.set(i + 1, row);
  });
  const reading = gridRows({ texts, merges: [] });
  // A CSV has no cell addresses a planner could look up: the line is what an editor shows.
  const place = (row: number): SourcePosition => ({
    format: 'csv',
    line: (records[row - 1]?.line ?? 1) + offset,
    table: 1,
    row,
  });
  issues.push(...sheetIssues(reading, place));

  const blocks: Block[] = [];
  for (const row of reading.rows) {
    blocks.push({ kind: 'row', table: 1, cells: row.cells, source: place(row.row) });
  }
  if (more) {
    issues.push(
      readIssue('too-many-blocks', {
        en: `reading stopped at ${limits.maxBlocks} rows`,
        zh: `读到第 ${limits.maxBlocks} 行为止`,
      }),
    );
  }
  return Promise.resolve({ format: 'csv', blocks, issues, encoding: decoded.encoding });
};
