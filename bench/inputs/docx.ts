// Word packages built from XML strings: the parse benchmark's 2,000-row task table, and the
// tests' synthetic documents (numbering, revisions, merges) — each exactly what the case needs,
// with no binary fixture to keep in step.
import { strToU8, zipSync, type Zippable } from 'fflate';

const NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface WordParts {
  /** The inner XML of w:body. */
  body: string;
  /** The inner XML of w:numbering (w:abstractNum … w:num …). */
  numbering?: string;
  /** The inner XML of w:styles. */
  styles?: string;
  /** More entries, by name (headers, footers, comments …), as text or bytes. */
  extra?: Record<string, string | Uint8Array>;
}

/** A .docx as Word would lay it out: content types, relationships, document, numbering, styles. */
export function wordPackage(parts: WordParts): Uint8Array {
  const rels: string[] = [];
  const files: Zippable = {};
  const xml = (root: string, inner: string) =>
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${root} ${NAMESPACES}>${inner}</${root.split(' ')[0]}>`,
    );
  if (parts.numbering !== undefined) {
    files['word/numbering.xml'] = xml('w:numbering', parts.numbering);
    rels.push(`<Relationship Id="rIdN" Type="${REL}/numbering" Target="numbering.xml"/>`);
  }
  if (parts.styles !== undefined) {
    files['word/styles.xml'] = xml('w:styles', parts.styles);
    rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  files['_rels/.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  files['word/_rels/document.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `${rels.join('')}</Relationships>`,
  );
  files['word/document.xml'] = xml('w:document', `<w:body>${parts.body}</w:body>`);
  for (const [name, content] of Object.entries(parts.extra ?? {})) {
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(files, { level: 6 });
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph of plain runs; `numbered` puts it in a list (numId, level). */
export function paragraph(text: string, numbered?: { numId: number; ilvl: number }): string {
  const pPr = numbered
    ? `<w:pPr><w:numPr><w:ilvl w:val="${numbered.ilvl}"/><w:numId w:val="${numbered.numId}"/></w:numPr></w:pPr>`
    : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
}

export interface CellSpec {
  /** One paragraph per entry. */
  text: string | string[];
  span?: number;
  vMerge?: 'restart' | 'continue';
}

export function cell(spec: CellSpec | string): string {
  const { text, span, vMerge } = typeof spec === 'string' ? { text: spec } : spec;
  const props =
    (span && span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') +
    (vMerge === 'restart'
      ? '<w:vMerge w:val="restart"/>'
      : vMerge === 'continue'
        ? '<w:vMerge/>'
        : '');
  const paragraphs = (Array.isArray(text) ? text : [text]).map((t) => paragraph(t)).join('');
  return `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${paragraphs}</w:tc>`;
}

export function table(columns: number, rows: Array<Array<CellSpec | string>>): string {
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(columns)}</w:tblGrid>`;
  const body = rows.map((cells) => `<w:tr>${cells.map(cell).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${body}</w:tbl>`;
}

/** The list of Chinese notices: 一、 / （一） / 1. */
export const NOTICE_NUMBERING =
  '<w:abstractNum w:abstractNumId="0">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>' +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

const UNITS = ['市发改委', '市财政局', '市工信局', '市住建局', '市商务局', '市教育局', '市人社局'];
const DEADLINES = ['2023年底', '每季度', '2023年6月底前', '长期坚持'];

/**
 * A task-division notice as a Word table of `rows` tasks (2,000 for the benchmark): numbered
 * headings, a header row, a section row spanning all columns every 50 tasks, 牵头单位 merged down
 * over pairs of rows, two units as two paragraphs in some 配合单位 cells.
 */
export function taskTableDocx(rows = 2000): Uint8Array {
  const body: string[] = [
    paragraph('示例市2023年重点工作任务分工方案'),
    paragraph('总体要求', { numId: 1, ilvl: 0 }),
    paragraph('对照年度目标逐项明确牵头单位、配合单位和完成时限。'),
    paragraph('重点任务分工', { numId: 1, ilvl: 0 }),
  ];
  const tableRows: Array<Array<CellSpec | string>> = [
    ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
  ];
  for (let i = 1; i <= rows; i++) {
    if (i % 50 === 1) tableRows.push([{ text: `第${Math.ceil(i / 50)}部分重点工作`, span: 5 }]);
    const lead = UNITS[Math.floor(i / 2) % UNITS.length] as string;
    const support = [
      UNITS[(i + 3) % UNITS.length] as string,
      UNITS[(i + 5) % UNITS.length] as string,
    ];
    tableRows.push([
      String(i),
      `推进第${i}项重点工作，全年完成目标任务${i % 97}项以上。`,
      // Rows merge in pairs within a section: the pair never straddles a section row.
      i % 50 === 0
        ? lead
        : i % 2 === 1
          ? { text: lead, vMerge: 'restart' }
          : { text: '', vMerge: 'continue' },
      { text: i % 3 === 0 ? support : support.join('、') },
      DEADLINES[i % DEADLINES.length] as string,
    ]);
  }
  body.push(table(5, tableRows));
  body.push(paragraph('保障措施', { numId: 1, ilvl: 0 }));
  body.push(paragraph('加强组织领导。', { numId: 1, ilvl: 1 }));
  return wordPackage({ body: body.join(''), numbering: NOTICE_NUMBERING });
}
