// Word .docx → blocks. The zip is opened by zip.ts under its caps; the main document, its
// numbering and its styles are parsed by ./docx/xml.ts (saxes, namespace-aware, no network or
// disk access; a DOCTYPE is refused before it parses); ./docx/body.ts turns the body
// into paragraphs and table rows. Headers, footers, footnotes and comments are parts of their
// own and are simply never read.
import type { ParseIssue } from '../../model/plan.ts';
import type { ReadLimits, ReadResult, Reader } from './blocks.ts';
import { readBody } from './docx/body.ts';
import { Numbering } from './docx/numbering.ts';
import { isEncryptedPackage, isOle2 } from './docx/ole2.ts';
import { readRelationships, relsPath, targetOf } from './docx/parts.ts';
import { child, parseXml } from './docx/xml.ts';
import { readIssue } from './issues.ts';
import { unzip } from './zip.ts';

const MAIN_DOCUMENT = 'word/document.xml';

const failed = (issue: ParseIssue): ReadResult => ({ format: 'docx', blocks: [], issues: [issue] });

const corrupt = (en: string, zh?: string) =>
  failed(readIssue('corrupt-file', zh === undefined ? { en } : { en, zh }));

/** Only XML parts and relationships are inflated: images and embedded files never are. */
const wanted = (name: string) => /\.(xml|rels)$/i.test(name);

export const readDocx: Reader = async (bytes, limits) => {
  try {
    return Promise.resolve(read(bytes, limits));
  } catch (error) {
    // The readers' promise: bad input is an issue, never an exception (a stack overflow on
    // absurdly deep nesting included).
    const message = error instanceof Error ? error.message : String(error);
    return Promise.resolve(corrupt(`docx: ${message.slice(0, 200)}`));
  }
};

function read(bytes: Uint8Array, limits: ReadLimits): ReadResult {
  if (isEncryptedPackage(bytes)) return failed(readIssue('encrypted-file'));
  if (isOle2(bytes)) {
    return corrupt(
      'an OLE2 (Word 97–2003) file, not a .docx',
      'OLE2 格式（Word 97–2003），不是 .docx',
    );
  }
  const zip = unzip(bytes, limits, wanted);
  if (!zip.ok) return failed(zip.issue);

  // OPC part names are case-insensitive; producers differ in case now and then.
  const byLowerName = new Map([...zip.files].map(([name, data]) => [name.toLowerCase(), data]));
  const part = (name: string) => zip.files.get(name) ?? byLowerName.get(name.toLowerCase());

  const main =
    targetOf('', readRelationships(part('_rels/.rels')), 'officeDocument') ?? MAIN_DOCUMENT;
  const mainBytes = part(main) ?? part(MAIN_DOCUMENT);
  if (!mainBytes) {
    return corrupt(`no ${MAIN_DOCUMENT} in the package`, `文件包中没有 ${MAIN_DOCUMENT}`);
  }
  const document = parseXml(mainBytes);
  if (!document.ok) return corrupt(`${main}: ${document.reason}`);
  const body = child(document.root, 'body');
  if (!body) return corrupt(`${main} has no w:body`, `${main} 中没有正文（w:body）`);

  const issues: ParseIssue[] = [];
  const related = readRelationships(part(relsPath(main)));
  const side = (kind: string, fallback: string) => {
    const bytesOf = part(targetOf(main, related, kind) ?? fallback) ?? part(fallback);
    if (!bytesOf) return null;
    const xml = parseXml(bytesOf);
    if (xml.ok) return xml.root;
    issues.push(readIssue('numbering-unreadable', { en: `${kind}: ${xml.reason}` }));
    return null;
  };
  const numbering = new Numbering(
    side('numbering', 'word/numbering.xml'),
    side('styles', 'word/styles.xml'),
  );

  const reading = readBody(body, numbering, limits.maxBlocks);
  if (reading.truncated) {
    issues.push(
      readIssue('too-many-blocks', {
        en: `read up to ${limits.maxBlocks} paragraphs and rows`,
        zh: `只读取了前 ${limits.maxBlocks} 个段落和表格行`,
      }),
    );
  }
  if (reading.leftOut.size > 0) {
    const kinds = [...reading.leftOut];
    const zh: Record<string, string> = {
      'deleted revisions': '已删除的修订',
      comments: '批注',
      'hidden text': '隐藏文字',
      footnotes: '脚注',
    };
    issues.push(
      readIssue('part-ignored', {
        en: kinds.join(', '),
        zh: kinds.map((k) => zh[k] ?? k).join('、'),
      }),
    );
  }
  return { format: 'docx', blocks: reading.blocks, issues };
}
