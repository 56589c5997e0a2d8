// Word 97–2003 .doc → blocks, with word-extractor (pure JavaScript, reads the OLE2 container and
// the piece table from a Buffer; no native code, no disk). It gives the body as text in which a
// table cell ends with "\t" and a row with "\t\n"; tables are rebuilt from those marks.
//
// What the binary format keeps elsewhere is not rendered: Word's automatic numbering (the list
// tables of the FIB), merged cells (every row carries its own cells, a merged one empty). Notices
// saved as .docx are read fully; a planner with only a .doc is told, in an info issue.
import { Buffer } from 'node:buffer';
import type { Block, ReadResult, Reader, RowCell } from './blocks.ts';
import { isEncryptedPackage, isOle2 } from './docx/ole2.ts';
import { readIssue } from './issues.ts';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';

class Encrypted extends Error {}

/** The FIB's fEncrypted flag, checked before any encrypted stream is read as text. */
class CheckedExtractor extends WordOleExtractor {
  override extractWordDocument(document: unknown, buffer: Buffer) {
    if (buffer.length >= 12 && (buffer.readUInt16LE(0x0a) & 0x0100) !== 0) {
      return Promise.reject(new Encrypted());
    }
    return super.extractWordDocument(document, buffer);
  }
}

const failed = (issue: ReadResult['issues'][number]): ReadResult => ({
  format: 'doc',
  blocks: [],
  issues: [issue],
});

export const readDoc: Reader = async (bytes, limits) => {
  if (isEncryptedPackage(bytes)) return failed(readIssue('encrypted-file'));
  if (!isOle2(bytes)) return failed(readIssue('corrupt-file', { en: 'not an OLE2 Word file' }));
  let body: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const text = await new CheckedExtractor().extract(new BufferReader(buffer));
    body = text.getBody({ filterUnicode: false });
  } catch (error) {
    if (error instanceof Encrypted) return failed(readIssue('encrypted-file'));
    const message = error instanceof Error ? error.message : String(error);
    return failed(readIssue('corrupt-file', { en: `doc: ${message.slice(0, 200)}` }));
  }
  const blocks = docBlocks(body);
  const issues: ReadResult['issues'] = [
    readIssue('part-ignored', {
      en: 'a Word 97–2003 file: automatic numbering and merged cells are not rendered; save as .docx to keep them',
      zh: 'Word 97–2003 文件：自动编号和合并单元格无法还原，另存为 .docx 可保留',
    }),
  ];
  if (blocks.length > limits.maxBlocks) {
    issues.push(readIssue('too-many-blocks', { en: `read up to ${limits.maxBlocks}` }));
    blocks.length = limits.maxBlocks;
  }
  return { format: 'doc', blocks, issues };
};

/**
 * Blocks from word-extractor's body text. A row is a run of cells each ending in "\t", the run
 * ending in "\t\n". Paragraph breaks inside a cell are "\n" as well, so where body text stops
 * and a table's first cell starts cannot be told from the text: the first cell of a table's
 * first row is taken to be its last line (header cells are one line: 序号, 重点任务 …).
 */
export function docBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph = 0;
  let table = 0;
  let row = 0;
  const addParagraphs = (text: string) => {
    for (const line of text.split('\n')) {
      paragraph++;
      if (line.trim() !== '') {
        blocks.push({ kind: 'paragraph', text: line, source: { format: 'doc', paragraph } });
      }
    }
  };
  let at = 0;
  for (;;) {
    const end = body.indexOf('\t\n', at);
    if (end < 0) break;
    let chunk = body.slice(at, end + 1);
    at = end + 2;
    const firstTab = chunk.indexOf('\t');
    const firstCell = chunk.slice(0, firstTab);
    // A row directly after another continues its table, unless its first cell spans lines:
    // then paragraphs stand between two tables.
    if (table === 0 || firstCell.includes('\n')) {
      const lastBreak = firstCell.lastIndexOf('\n');
      addParagraphs(chunk.slice(0, Math.max(0, lastBreak)));
      chunk = chunk.slice(lastBreak + 1);
      table++;
      row = 0;
    }
    row++;
    const source = { format: 'doc' as const, paragraph: paragraph + 1, table, row };
    const texts = chunk.split('\t').slice(0, -1);
    paragraph += texts.reduce((n, t) => n + t.split('\n').length, 0);
    const cells: RowCell[] = texts.map((text) => ({
      text: text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join('\n'),
      span: 1,
      merged: false,
    }));
    if (cells.some((c) => c.text !== '')) blocks.push({ kind: 'row', table, cells, source });
  }
  addParagraphs(body.slice(at).replace(/\n+$/, ''));
  return blocks;
}
