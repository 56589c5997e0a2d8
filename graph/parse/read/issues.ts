// Every code a reader can report, with its severity and its words in Chinese and English. The
// review screen and the CLI show `zh` first (the planner's language) and the English after it.
import type { ParseIssue, SourcePosition } from '../../model/plan.ts';

export const READ_ISSUES = {
  'unsupported-format': {
    severity: 'error',
    zh: '不支持的文件格式，请另存为 .docx 或 .pdf 后再导入',
    en: 'unsupported format — save as .docx or .pdf',
  },
  'file-too-large': { severity: 'error', zh: '文件过大', en: 'file too large' },
  'empty-file': { severity: 'error', zh: '文件为空', en: 'the file is empty' },
  'corrupt-file': {
    severity: 'error',
    zh: '文件已损坏，无法读取',
    en: 'the file is corrupt and cannot be read',
  },
  'encrypted-file': {
    severity: 'error',
    zh: '文件已加密或受密码保护，请先取消保护',
    en: 'the file is encrypted or password-protected; remove the protection first',
  },
  'zip-too-many-entries': {
    severity: 'error',
    zh: '压缩包内文件过多，可能是恶意文件',
    en: 'too many entries in the zip container: refused as a possible zip bomb',
  },
  'zip-too-large': {
    severity: 'error',
    zh: '解压后过大，可能是恶意文件',
    en: 'too large once decompressed: refused as a possible zip bomb',
  },
  'too-many-blocks': {
    severity: 'error',
    zh: '段落或表格行过多，超出上限',
    en: 'more paragraphs or table rows than the limit',
  },
  'too-many-pages': {
    severity: 'error',
    zh: 'PDF 页数超出上限',
    en: 'more PDF pages than the limit',
  },
  'no-text-layer': {
    severity: 'error',
    zh: 'PDF 没有文字层，看起来是扫描件；暂不支持文字识别（OCR）',
    en: 'no text layer: this looks like a scan; OCR is not supported',
  },
  'sheet-skipped': {
    severity: 'info',
    zh: '工作表不是任务表（说明或备注），已跳过',
    en: 'sheet holds notes, not tasks: skipped',
  },
  'no-body-found': {
    severity: 'warning',
    zh: '未找到网页正文，已读取整页文字',
    en: 'the page body was not found: the whole page text was read',
  },
  charset: { severity: 'info', zh: '文字编码', en: 'text encoding' },
  'part-ignored': {
    severity: 'info',
    zh: '页眉、页脚、批注或已删除修订未读取',
    en: 'headers, footers, comments or deleted revisions left out',
  },
  'cell-too-long': {
    severity: 'warning',
    zh: '单元格内容过长，超出部分未读取',
    en: 'a cell longer than a spreadsheet holds: the rest was not read',
  },
  'row-too-wide': {
    severity: 'warning',
    zh: '表格行的单元格过多，超出部分未读取',
    en: 'a table row with too many cells: the rest was not read',
  },
  'bad-quote': {
    severity: 'warning',
    zh: 'CSV 中的引号不成对，从该行起按原样逐行读取',
    en: 'a quote in the CSV that does not pair up: from that line on, read line by line as printed',
  },
  'numbering-unreadable': {
    severity: 'warning',
    zh: 'Word 自动编号无法读取，标题编号（如“一、”）可能缺失',
    en: "Word's automatic numbering could not be read: heading numbers such as 一、 may be missing",
  },
  'read-timeout': {
    severity: 'error',
    zh: '读取超时：文件过于复杂或已损坏',
    en: 'reading took too long: the file is too complex or damaged',
  },
  'file-damaged': {
    severity: 'warning',
    zh: '文件有损坏，仅读取了能读的部分，内容可能不全',
    en: 'the file is damaged: what could be read was read, and parts may be missing',
  },
  'pages-without-text': {
    severity: 'warning',
    zh: '部分页面没有文字层（可能是扫描页），其内容未读取',
    en: 'some pages have no text layer (scanned?): their content was not read',
  },
} as const satisfies Record<string, { severity: ParseIssue['severity']; zh: string; en: string }>;

export type ReadIssueCode = keyof typeof READ_ISSUES;

/**
 * An issue of a reader: the code's words, with `detail` (file-specific facts: sizes, names,
 * the sheet) after them in both languages.
 */
export function readIssue(
  code: ReadIssueCode,
  detail?: { en: string; zh?: string },
  source?: SourcePosition,
): ParseIssue {
  const words = READ_ISSUES[code];
  const issue: ParseIssue = {
    code,
    severity: words.severity,
    message: detail ? `${words.en}: ${detail.en}` : words.en,
    zh: detail ? `${words.zh}：${detail.zh ?? detail.en}` : words.zh,
    line: null,
  };
  if (source) issue.source = source;
  return issue;
}
