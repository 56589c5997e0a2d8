// The Word readers: 06's real .docx (numbered headings, a table with section rows, merges and
// two-paragraph cells), and synthetic packages for each thing Word hides from a text reader:
// numbering formats and restarts, tracked revisions, hidden text, fields, headers and footers,
// merges across a section row. Bad files give coded issues.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  NOTICE_NUMBERING,
  paragraph,
  table,
  taskTableDocx,
  wordPackage,
  type WordParts,
} from '../../bench/inputs/docx.ts';
import { readDocument } from '../../graph/parse/parse-document.ts';
import { DEFAULT_LIMITS, type Block, type RowBlock } from '../../graph/parse/read/blocks.ts';
import { docBlocks, readDoc } from '../../graph/parse/read/doc.ts';
import { readDocx } from '../../graph/parse/read/docx.ts';
import { formatNumber } from '../../graph/parse/read/docx/number-format.ts';
import { HANG_MS } from '../support/hang.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const example06 = readFileSync(path.join(here, '..', 'fixtures', 'examples', '06-table-word.docx'));

const read = (parts: WordParts | Uint8Array, limits = DEFAULT_LIMITS) =>
  readDocx(parts instanceof Uint8Array ? parts : wordPackage(parts), limits);

const texts = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.cells.map((c) => c.text).join(' | ')));

const rows = (blocks: Block[]) => blocks.filter((b): b is RowBlock => b.kind === 'row');

const run = (inner: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${inner}</w:r>`;
const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;

describe('06-table-word.docx', () => {
  it('renders the numbered headings, counting on across the table', async () => {
    const { blocks, issues } = await readDocx(example06, DEFAULT_LIMITS);
    expect(issues).toEqual([]);
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(paragraphs.filter((p) => /^[一二三]、/.test(p))).toEqual([
      '一、总体要求',
      '二、重点任务分工',
      '三、保障措施',
    ]);
    expect(paragraphs.filter((p) => p.startsWith('（')).map((p) => p.slice(0, 10))).toEqual([
      '（一）加强组织领导。',
      '（二）强化协同配合。',
      '（三）严格督查考核。',
    ]);
  });

  it('gives the table rows: section rows spanning, merged leads resolved, cells of two paragraphs', async () => {
    const { blocks } = await readDocx(example06, DEFAULT_LIMITS);
    const table = rows(blocks);
    expect(table).toHaveLength(16);
    expect(table[0]?.cells.map((c) => c.text)).toEqual([
      '序号',
      '重点任务',
      '牵头单位',
      '配合单位',
      '完成时限',
    ]);
    const sections = table.filter((r) => r.cells.length === 1);
    expect(sections.map((r) => [r.cells[0]?.text, r.cells[0]?.span])).toEqual([
      ['一、推动经济高质量发展', 5],
      ['二、深化改革扩大开放', 5],
      ['三、持续保障和改善民生', 5],
    ]);
    const lead = (n: string) => table.find((r) => r.cells[0]?.text === n)?.cells[2];
    // 市发改委 is merged down over tasks 2–4, 市商务局 over 7–8.
    expect(['2', '3', '4', '7', '8'].map((n) => lead(n))).toEqual([
      { text: '市发改委', span: 1, merged: false },
      { text: '市发改委', span: 1, merged: true },
      { text: '市发改委', span: 1, merged: true },
      { text: '市商务局', span: 1, merged: false },
      { text: '市商务局', span: 1, merged: true },
    ]);
    expect(lead('10')?.text).toBe('市住建局\n市自然资源和规划局');
    const five = table.find((r) => r.cells[0]?.text === '5');
    expect(five?.cells[3]?.text).toBe(
      '市直各有关部门\n各区人民政府（含示例经开区、示例新区管委会，下同）',
    );
  });

  it('places every block: paragraph numbers, and table and row for rows', async () => {
    const { blocks } = await readDocx(example06, DEFAULT_LIMITS);
    expect(blocks[0]?.source).toEqual({ format: 'docx', paragraph: 1 });
    const heading = blocks.find((b) => b.kind === 'paragraph' && b.text === '一、总体要求');
    expect(heading?.source).toEqual({ format: 'docx', paragraph: 5 });
    const table = rows(blocks);
    expect(table[0]?.source).toEqual({ format: 'docx', paragraph: 9, table: 1, row: 1 });
    // Five paragraphs per row: the first data row starts at paragraph 15.
    expect(table[2]?.source).toEqual({ format: 'docx', paragraph: 15, table: 1, row: 3 });
    const last = blocks.at(-1);
    expect(last?.source.paragraph).toBe(83);
  });

  it('reads through parseDocument as lines with cells and positions', async () => {
    const { model, lines } = await readDocument(new Uint8Array(example06), { name: '06.docx' });
    expect(model.source?.format).toBe('docx');
    expect(lines.map((l) => l.text)).toContain('三、保障措施');
    const row = lines.find((l) => l.cells?.[0] === '3');
    expect(row?.cells?.[2]).toBe('市发改委');
    expect(row?.source).toMatchObject({ format: 'docx', table: 1, row: 5 });
  });
});

describe('Word automatic numbering', () => {
  const level = (ilvl: number, numFmt: string, lvlText: string, extra = '') =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${lvlText}"/></w:lvl>`;
  const list = (abstractId: number, levels: string, numId = abstractId + 1) =>
    `<w:abstractNum w:abstractNumId="${abstractId}">${levels}</w:abstractNum>` +
    `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/></w:num>`;

  it('prints each format Chinese notices use', () => {
    const cases: Array<[number, string, string]> = [
      [1, 'chineseCounting', '一'],
      [10, 'chineseCounting', '十'],
      [15, 'chineseCountingThousand', '十五'],
      [23, 'japaneseCounting', '二十三'],
      [105, 'chineseCounting', '一百零五'],
      [3, 'ideographTraditional', '丙'],
      [11, 'ideographTraditional', '甲'],
      [2, 'ideographZodiac', '丑'],
      [1, 'decimalEnclosedCircle', '①'],
      [20, 'decimalEnclosedCircle', '⑳'],
      [21, 'decimalEnclosedCircle', '21'],
      [3, 'decimalEnclosedParen', '⑶'],
      [4, 'decimalEnclosedFullstop', '⒋'],
      [12, 'decimalFullWidth', '１２'],
      [28, 'upperLetter', 'BB'],
      [3, 'lowerLetter', 'c'],
      [14, 'upperRoman', 'XIV'],
      [9, 'lowerRoman', 'ix'],
      [15, 'chineseLegalSimplified', '壹拾伍'],
      [7, 'decimalZero', '07'],
      [7, 'none', ''],
      [7, 'someFutureFormat', '7'],
    ];
    expect(cases.map(([n, fmt]) => formatNumber(n, fmt))).toEqual(cases.map((c) => c[2]));
  });

  it('renders lvlText with the counters of every level it names', async () => {
    const numbering = list(
      0,
      level(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>') +
        level(1, 'chineseCounting', '（%2）') +
        level(2, 'decimal', '%1.%2.%3', '<w:isLgl/>') +
        level(3, 'decimalEnclosedCircle', '%4'),
    );
    const p = (text: string, ilvl: number) => paragraph(text, { numId: 1, ilvl });
    const { blocks } = await read({
      numbering,
      body: [
        p('甲', 0),
        p('乙', 1),
        p('丙', 2),
        p('丁', 3),
        p('戊', 3),
        p('己', 1),
        p('庚', 3),
      ].join(''),
    });
    expect(texts(blocks)).toEqual([
      '一、甲',
      '（一）乙',
      '1.1.1丙',
      '①丁',
      '②戊',
      '（二）己',
      // Level 4 restarts when level 2 advances, and level 3, never used since, shows its start.
      '①庚',
    ]);
  });

  it('restarts a lower level when a higher one advances, unless lvlRestart says never', async () => {
    const numbering =
      list(0, level(0, 'chineseCounting', '%1、') + level(1, 'decimal', '%2.')) +
      list(
        1,
        level(0, 'chineseCounting', '%1、') +
          level(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>'),
      );
    const body = (numId: number) =>
      [0, 1, 1, 0, 1].map((ilvl, i) => paragraph(`项${i}`, { numId, ilvl })).join('');
    const restarting = await read({ numbering, body: body(1) });
    expect(texts(restarting.blocks)).toEqual(['一、项0', '1.项1', '2.项2', '二、项3', '1.项4']);
    const running = await read({ numbering, body: body(2) });
    expect(texts(running.blocks)).toEqual(['一、项0', '1.项1', '2.项2', '二、项3', '3.项4']);
  });

  it('keeps counting across tables, unnumbered paragraphs and list instances of one definition', async () => {
    const numbering =
      NOTICE_NUMBERING +
      // A second instance of the same definition continues it; a third, with a start override,
      // counts on its own from 5.
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>';
    const { blocks } = await read({
      numbering,
      body: [
        paragraph('总体要求', { numId: 1, ilvl: 0 }),
        paragraph('正文'),
        table(2, [
          ['序号', '任务'],
          ['1', '任务一'],
        ]),
        paragraph('保障措施', { numId: 2, ilvl: 0 }),
        paragraph('附则', { numId: 3, ilvl: 0 }),
        paragraph('其他', { numId: 3, ilvl: 0 }),
      ].join(''),
    });
    expect(texts(blocks)).toEqual([
      '一、总体要求',
      '正文',
      '序号 | 任务',
      '1 | 任务一',
      '二、保障措施',
      '五、附则',
      '六、其他',
    ]);
  });

  it('takes numbering from the paragraph style, and numId 0 switches it off', async () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>';
    const styled = (text: string, style: string, pPr = '') =>
      `<w:p><w:pPr><w:pStyle w:val="${style}"/>${pPr}</w:pPr>${run(t(text))}</w:p>`;
    const { blocks } = await read({
      numbering: NOTICE_NUMBERING,
      styles,
      body: [
        styled('总体要求', 'H1'),
        styled('加强领导', 'H2'),
        styled('不编号', 'H1', '<w:numPr><w:numId w:val="0"/></w:numPr>'),
        styled('重点任务', 'H1'),
      ].join(''),
    });
    expect(texts(blocks)).toEqual(['一、总体要求', '（一）加强领导', '不编号', '二、重点任务']);
  });

  it('numbers 序号 cells Word fills in itself, and prints no glyph for bullets', async () => {
    const numbering = list(0, level(0, 'decimal', '%1')) + list(1, level(0, 'bullet', '\uf0b7'));
    const numberedCell = `<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p></w:tc>`;
    const textCell = (text: string) => `<w:tc>${paragraph(text)}</w:tc>`;
    const { blocks } = await read({
      numbering,
      body:
        `<w:tbl><w:tr>${textCell('序号')}${textCell('任务')}</w:tr>` +
        `<w:tr>${numberedCell}${textCell('任务一')}</w:tr><w:tr>${numberedCell}${textCell('任务二')}</w:tr></w:tbl>` +
        paragraph('要点', { numId: 2, ilvl: 0 }),
    });
    expect(texts(blocks)).toEqual(['序号 | 任务', '1 | 任务一', '2 | 任务二', '要点']);
  });

  it('survives a numbering part that is not XML, with a warning', async () => {
    const { blocks, issues } = await read({
      numbering: '<w:abstractNum',
      body: paragraph('总体要求', { numId: 1, ilvl: 0 }),
    });
    expect(texts(blocks)).toEqual(['总体要求']);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['numbering-unreadable', 'warning']]);
  });
});

describe('what the planner does not see is left out', () => {
  it('drops deleted revisions and keeps inserted ones', async () => {
    const { blocks, issues } = await read({
      body:
        `<w:p>${run(t('由'))}<w:del w:id="1" w:author="a">${run('<w:delText>市财政局</w:delText>')}</w:del>` +
        `<w:ins w:id="2" w:author="a">${run(t('市发改委'))}</w:ins>${run(t('牵头'))}</w:p>` +
        `<w:p><w:moveFrom w:id="3" w:author="a">${run(t('旧位置'))}</w:moveFrom><w:moveTo w:id="4" w:author="a">${run(t('新位置'))}</w:moveTo></w:p>` +
        // A whole paragraph deleted: its mark too, so it is gone, not an empty line.
        `<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr><w:del w:id="6" w:author="a">${run('<w:delText>删掉的段落</w:delText>')}</w:del></w:p>` +
        paragraph('最后'),
    });
    expect(texts(blocks)).toEqual(['由市发改委牵头', '新位置', '最后']);
    expect(blocks.map((b) => b.source.paragraph)).toEqual([1, 2, 3]);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['part-ignored', 'info']]);
    expect(issues[0]?.message).toContain('deleted revisions');
  });

  it('drops hidden text, field codes and comments, keeping field results and commented text', async () => {
    const { blocks, issues } = await read({
      body:
        `<w:p>${run(t('可见'))}${run(t('隐藏'), '<w:vanish/>')}${run(t('也可见'), '<w:vanish w:val="0"/>')}</w:p>` +
        `<w:p>${run('<w:fldChar w:fldCharType="begin"/>')}${run('<w:instrText> HYPERLINK "http://x" </w:instrText>')}` +
        `${run('<w:fldChar w:fldCharType="separate"/>')}${run(t('链接文字'))}${run('<w:fldChar w:fldCharType="end"/>')}` +
        `<w:fldSimple w:instr=" PAGE ">${run(t('3'))}</w:fldSimple></w:p>` +
        `<w:p><w:commentRangeStart w:id="0"/>${run(t('被批注的文字'))}<w:commentRangeEnd w:id="0"/>${run('<w:commentReference w:id="0"/>')}` +
        `${run('<w:footnoteReference w:id="1"/>')}</w:p>`,
      extra: {
        'word/comments.xml':
          '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0"><w:p><w:r><w:t>批注内容</w:t></w:r></w:p></w:comment></w:comments>',
      },
    });
    expect(texts(blocks)).toEqual(['可见也可见', '链接文字3', '被批注的文字']);
    expect(issues[0]?.message).toMatch(/hidden text.*comments.*footnotes/);
  });

  it('never reads headers, footers or footnotes', async () => {
    const part = (root: string, text: string) =>
      `<w:${root} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:${root}>`;
    const { blocks } = await read({
      body: paragraph('正文'),
      extra: {
        'word/header1.xml': part('hdr', '示例市人民政府办公室文件'),
        'word/footer1.xml': part('ftr', '第 1 页'),
        'word/footnotes.xml': part('footnotes', '脚注'),
      },
    });
    expect(texts(blocks)).toEqual(['正文']);
  });

  it('reads content controls and text boxes in place, once, and breaks and tabs sensibly', async () => {
    const box = `<w:txbxContent>${paragraph('文本框里的话')}</w:txbxContent>`;
    const { blocks } = await read({
      body:
        `<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>${paragraph('控件里的标题')}</w:sdtContent></w:sdt>` +
        `<w:p>${run(t('锚定段落'))}${run(`<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent>`)}</w:p>` +
        `<w:p>${run(`${t('第一行')}<w:br/>${t('第二行')}<w:tab/>${t('制表后')}`)}</w:p>` +
        `<w:tbl><w:tr><w:tc><w:p>${run(`${t('甲')}<w:tab/>${t('乙')}`)}</w:p></w:tc></w:tr></w:tbl>`,
    });
    expect(texts(blocks)).toEqual([
      '控件里的标题',
      '锚定段落',
      '文本框里的话',
      '第一行\n第二行\t制表后',
      '甲 乙',
    ]);
  });
});

describe('tables', () => {
  it('does not carry a merged cell across a section row that covers its column', async () => {
    const { blocks } = await read({
      body: table(3, [
        ['序号', '任务', '牵头单位'],
        ['1', '任务一', { text: '市发改委', vMerge: 'restart' }],
        ['2', '任务二', { text: '', vMerge: 'continue' }],
        [{ text: '二、深化改革', span: 3 }],
        // Word draws this continuation as an empty cell of its own: the section row broke
        // the merge. Neither the section's words nor the lead above become this row's lead.
        ['3', '任务三', { text: '', vMerge: 'continue' }],
        ['4', '任务四', { text: '', vMerge: 'continue' }],
      ]),
    });
    expect(rows(blocks).map((r) => r.cells.map((c) => [c.text, c.span, c.merged]))).toEqual([
      [
        ['序号', 1, false],
        ['任务', 1, false],
        ['牵头单位', 1, false],
      ],
      [
        ['1', 1, false],
        ['任务一', 1, false],
        ['市发改委', 1, false],
      ],
      [
        ['2', 1, false],
        ['任务二', 1, false],
        ['市发改委', 1, true],
      ],
      [['二、深化改革', 3, false]],
      [
        ['3', 1, false],
        ['任务三', 1, false],
        ['', 1, false],
      ],
      [
        ['4', 1, false],
        ['任务四', 1, false],
        ['', 1, true],
      ],
    ]);
  });

  it('resolves a merge of spanning cells, cells skipped by gridBefore, and nested tables', async () => {
    const nested = table(1, [['市财政局'], ['市住建局']]);
    const { blocks } = await read({
      body:
        table(4, [
          ['序号', '任务', '牵头单位', '配合单位'],
          ['1', '任务一', { text: '市发改委', span: 2, vMerge: 'restart' }],
          ['2', '任务二', { text: '', span: 2, vMerge: 'continue' }],
        ]) +
        `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc>${paragraph('任务三')}</w:tc><w:tc>${paragraph('市教育局')}${nested}</w:tc></w:tr></w:tbl>`,
    });
    const got = rows(blocks);
    expect(got[2]?.cells[2]).toEqual({ text: '市发改委', span: 2, merged: true });
    expect(got[3]?.table).toBe(2);
    expect(got[3]?.cells).toEqual([
      { text: '', span: 1, merged: false },
      { text: '任务三', span: 1, merged: false },
      { text: '市教育局\n市财政局\n市住建局', span: 1, merged: false },
    ]);
  });
});

describe('bad Word files give coded issues', () => {
  it('refuses a DOCTYPE with entities (billion laughs) before parsing', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>';
    const bytes = wordPackage({ body: '' });
    const { zipSync, unzipSync, strToU8 } = await import('fflate');
    const files = unzipSync(bytes);
    files['word/document.xml'] = strToU8(laughs);
    const started = performance.now();
    const result = await readDocx(zipSync(files), DEFAULT_LIMITS);
    expect(performance.now() - started).toBeLessThan(HANG_MS);
    expect(result.blocks).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(['corrupt-file']);
    expect(result.issues[0]?.message).toContain('DOCTYPE');
  });

  it('says corrupt for a package without word/document.xml, or with broken XML', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const noDocument = await readDocx(
      zipSync({ 'word/styles.xml': strToU8('<x/>') }),
      DEFAULT_LIMITS,
    );
    expect(noDocument.issues.map((i) => i.code)).toEqual(['corrupt-file']);
    expect(noDocument.issues[0]?.message).toContain('word/document.xml');
    const broken = await read({ body: '<w:p><w:r><w:t>未闭合</w:r></w:p>' });
    expect(broken.issues.map((i) => i.code)).toEqual(['corrupt-file']);
    const notZip = await readDocx(new TextEncoder().encode('plain text'), DEFAULT_LIMITS);
    expect(notZip.issues.map((i) => i.code)).toEqual(['corrupt-file']);
  });

  it('says encrypted for a password-protected package (OLE2 around EncryptedPackage)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Buffer.from('EncryptionInfo', 'utf16le'), 1024);
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 1152);
    expect((await readDocx(ole, DEFAULT_LIMITS)).issues.map((i) => i.code)).toEqual([
      'encrypted-file',
    ]);
    // Through the one entry a file takes: detected from the bytes, told in the planner's words.
    const { model } = await readDocument(ole, { name: '加密.docx' });
    expect(model.issues.map((i) => i.code)).toContain('encrypted-file');
    expect((await readDoc(ole, DEFAULT_LIMITS)).issues.map((i) => i.code)).toEqual([
      'encrypted-file',
    ]);
  });

  it('stops at the block cap with an issue', async () => {
    const { blocks, issues } = await read(taskTableDocx(200), { ...DEFAULT_LIMITS, maxBlocks: 50 });
    expect(blocks).toHaveLength(50);
    expect(issues.map((i) => i.code)).toEqual(['too-many-blocks']);
  });

  it('reads the 2,000-row benchmark table whole', async () => {
    const { blocks, issues } = await read(taskTableDocx(2000));
    expect(issues).toEqual([]);
    const table = rows(blocks);
    expect(table).toHaveLength(1 + 2000 + 40);
    const second = table.find((r) => r.cells[0]?.text === '2');
    expect(second?.cells[2]).toEqual({ text: '市发改委', span: 1, merged: true });
  });
});

describe('legacy .doc', () => {
  it('rebuilds tables from the cell and row marks of the text', () => {
    const body =
      '示例方案\n一、总体要求\n序号\t重点任务\t牵头单位\t\n1\t任务一\t市发改委\n市财政局\t\n2\t任务二\t\t\n注：说明\n表二\nA\tB\t\n结束\n';
    expect(texts(docBlocks(body))).toEqual([
      '示例方案',
      '一、总体要求',
      '序号 | 重点任务 | 牵头单位',
      '1 | 任务一 | 市发改委\n市财政局',
      '2 | 任务二 | ',
      '注：说明',
      '表二',
      'A | B',
      '结束',
    ]);
    const blocks = docBlocks(body);
    expect(blocks[3]?.source).toEqual({ format: 'doc', paragraph: 6, table: 1, row: 2 });
    expect(blocks.filter((b) => b.kind === 'row').map((b) => (b as RowBlock).table)).toEqual([
      1, 1, 1, 2,
    ]);
  });

  it('says corrupt for an OLE2 file that is not Word, never throwing', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = await readDoc(ole, DEFAULT_LIMITS);
    expect(result.blocks).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(['corrupt-file']);
  });
});
