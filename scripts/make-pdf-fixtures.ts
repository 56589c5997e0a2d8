// npx tsx scripts/make-pdf-fixtures.ts
// Makes the PDFs in test/fixtures/pdf/ the way planners' PDFs are made: a notice printed to PDF
// by a browser (Debian's Chromium with the TrueType font AR PL UMing, package fonts-arphic-uming;
// the Noto CJK fonts would be written as Type 3 glyphs, several times larger), so the text layer
// holds an embedded CID font (Identity-H), wrapped lines, page footers and a ruled table, as a
// notice exported from a word processor does. The PDFs are committed, so tests need no browser;
// run this again only to change them.
//   outline.pdf          example 05 laid out as paragraphs (first-line indent, wrapped lines,
//                        "— n —" footers, a running head, two pages)
//   table.pdf            example 06's table: section rows, 牵头单位 cells spanning rows, a
//                        cell with two units on two lines, the table continuing onto page 2
//                        with its header repeated
//   scan.pdf             a page that is only a picture of text: no text layer
//   encrypted.pdf        opens only with a password
//   owner-locked.pdf     an owner password (print/copy limits) but no user password: readable
//   cid-ucs2.pdf         text in a font the PDF does not embed (STSong-Light) through the
//                        predefined CMap UniGB-UCS2-H, as older Chinese PDF tools write it: its
//                        characters decode only with PDF.js's CMap files
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsPDF } from 'jspdf';
import { chromium, type Browser } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test', 'fixtures', 'pdf');
const examples = path.join(root, 'test', 'fixtures', 'examples');

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PAGE_CSS = `
  @page { size: A4; margin: 30mm 26mm 28mm 28mm; }
  body { font-family: 'AR PL UMing CN', serif; font-size: 16pt; line-height: 1.6; margin: 0; }
  h1 { font-size: 20pt; text-align: center; font-weight: normal; margin: 0 0 1em; }
  p { margin: 0; text-indent: 2em; text-align: justify; }
`;

/** "— n —" centred at the foot of every page and a running head, as printed notices carry. */
const FOOTER = `<div style="font-size:12pt;width:100%;text-align:center;font-family:'AR PL UMing CN'">— <span class="pageNumber"></span> —</div>`;
const HEADER = `<div style="font-size:9pt;width:100%;text-align:right;margin-right:26mm;font-family:'AR PL UMing CN'">示例市人民政府办公室文件</div>`;

export async function print(browser: Browser, html: string, chrome = true): Promise<Buffer> {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = await page.pdf({
    format: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: chrome,
    headerTemplate: chrome ? HEADER : '<span></span>',
    footerTemplate: chrome ? FOOTER : '<span></span>',
  });
  await page.close();
  return pdf;
}

/** Example 05 as a printed notice: the title centred, every other line a paragraph. */
function outlineHtml(): string {
  const text = readFileSync(path.join(examples, '05-nested-headings-participating.txt'), 'utf8');
  const [title = '', ...rest] = text.split('\n').filter((l) => l.trim() !== '');
  // Padding paragraphs push the requirements onto page 2, so a notice over two pages is tried.
  const filler = Array.from(
    { length: 6 },
    () =>
      '<p>各有关单位要对照本方案明确的目标任务，细化工作举措，压实工作责任，按时报送工作进展情况，确保各项任务落到实处、见到实效。</p>',
  );
  const body = rest.map((l) => `<p>${escape(l)}</p>`);
  body.splice(body.length - 2, 0, ...filler);
  return `<!doctype html><meta charset="utf-8"><style>${PAGE_CSS}</style>
    <h1>${escape(title)}</h1>${body.join('\n')}`;
}

export interface TableRow {
  no: string;
  task: string;
  lead?: { text: string; rows: number };
  support: string;
  due: string;
}

/** Example 06's table, as its Word document shows it (merged 牵头单位 cells drawn once). */
export interface TableSection {
  title: string;
  rows: TableRow[];
}

export const SECTIONS: TableSection[] = [
  {
    title: '一、推动经济高质量发展',
    rows: [
      {
        no: '1',
        task: '实施制造业重点产业链提升行动，全年新增规模以上工业企业120家。',
        lead: { text: '市工信局', rows: 1 },
        support: '市发改委、市科技局、市财政局',
        due: '2023年底',
      },
      {
        no: '2',
        task: '推进重大项目“季度集中开工”，全年固定资产投资增长8%以上。',
        lead: { text: '市发改委', rows: 3 },
        support: '市财政局、市自然资源和规划局、市住建局',
        due: '每季度',
      },
      {
        no: '3',
        task: '做好地方政府专项债券项目储备，全年争取债券额度60亿元以上。',
        support: '市财政局',
        due: '2023年6月底前',
      },
      {
        no: '4',
        task: '开展“十四五”规划实施情况中期评估，形成评估报告提请市人大常委会审议。',
        support: '市直各有关部门',
        due: '2023年9月底前',
      },
    ],
  },
  {
    title: '二、深化改革扩大开放',
    rows: [
      {
        no: '5',
        task: '深化“放管服”改革，政务服务事项“一网通办”率达到95%以上。',
        lead: { text: '市政务服务局', rows: 1 },
        support: '市直各有关部门<br>各区人民政府（含示例经开区、示例新区管委会，下同）',
        due: '2023年底',
      },
      {
        no: '6',
        task: '实施国有企业改革深化提升行动，完成市属国有企业重组整合2户。',
        lead: { text: '市政府国资委', rows: 1 },
        support: '市财政局、市人社局',
        due: '2024年3月',
      },
      {
        no: '7',
        task: '稳住外贸基本盘，全年货物进出口总额增长5%以上。',
        lead: { text: '市商务局', rows: 2 },
        support: '示例海关、市税务局、人民银行示例市分行',
        due: '每季度',
      },
      {
        no: '8',
        task: '加快跨境电商综合试验区建设，新培育跨境电商企业30家。',
        support: '市邮政管理局、示例海关',
        due: '2023年底',
      },
    ],
  },
  {
    title: '三、持续保障和改善民生',
    rows: [
      {
        no: '9',
        task: '落实就业优先政策，全年新增城镇就业4.5万人。',
        lead: { text: '市人社局', rows: 1 },
        support: '市发改委、市教育局、市财政局，团市委',
        due: '2023年底',
      },
      {
        no: '10',
        task: '实施城市更新行动，改造城镇老旧小区60个。',
        lead: { text: '市住建局<br>市自然资源和规划局', rows: 1 },
        support: '市财政局、各区人民政府',
        due: '2023年底',
      },
      {
        no: '11',
        task: '推进义务教育优质均衡发展，新建改扩建中小学校10所。',
        lead: { text: '市教育局', rows: 1 },
        support: '市发改委、市财政局、市自然资源和规划局',
        due: '2023年8月底前',
      },
      {
        no: '12',
        task: '常态化开展安全生产隐患排查整治，坚决遏制重特大事故发生。',
        lead: { text: '市应急局', rows: 1 },
        support: '市安委会各成员单位',
        due: '长期坚持',
      },
    ],
  },
];

export function tableHtml(sections: readonly TableSection[] = SECTIONS): string {
  const rows = sections.flatMap((s) => [
    `<tr><td colspan="5" class="section">${s.title}</td></tr>`,
    ...s.rows.map(
      (r) =>
        `<tr><td class="c">${r.no}</td><td>${r.task}</td>` +
        (r.lead ? `<td class="c" rowspan="${r.lead.rows}">${r.lead.text}</td>` : '') +
        `<td>${r.support}</td><td class="c">${r.due}</td></tr>`,
    ),
  ]);
  return `<!doctype html><meta charset="utf-8"><style>${PAGE_CSS}
    table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.4; margin: 0.5em 0; }
    th, td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: middle; }
    th { font-family: 'AR PL UMing CN', serif; font-weight: normal; }
    td.c { text-align: center; }
    td.section { letter-spacing: 0.05em; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
  </style>
  <h1>示例市2023年市政府重点工作任务分工方案</h1>
  <p>为确保市十七届人大三次会议审议通过的《政府工作报告》确定的各项目标任务落到实处，经市人民政府同意，现将2023年市政府重点工作任务分解如下。</p>
  <p style="text-indent:0">一、总体要求</p>
  <p>坚持稳中求进工作总基调，对照年度目标逐项明确牵头单位、配合单位和完成时限，实行清单化管理、项目化推进、销号式落实。牵头单位对所牵头任务负总责，主要负责同志为第一责任人；配合单位要按照职责分工主动对接、密切配合，形成工作合力。</p>
  <p style="text-indent:0">二、重点任务分工</p>
  <p>2023年市政府重点工作任务共12项，具体分工见下表。</p>
  <table>
    <colgroup><col style="width:8%"><col style="width:38%"><col style="width:17%"><col style="width:22%"><col style="width:15%"></colgroup>
    <thead><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr></thead>
    <tbody>${rows.join('\n')}</tbody>
  </table>
  <p>注：完成时限为“每季度”的任务，牵头单位须于每季度末月25日前报送工作进展情况。</p>
  <p style="text-indent:0">三、保障措施</p>
  <p>（一）加强组织领导。各牵头单位要将重点工作任务纳入本单位年度工作计划，细化工作措施，明确责任人和时间节点，确保按期保质完成。</p>
  <p>（二）强化协同配合。涉及多个部门的任务，由牵头单位负责统筹协调，配合单位要积极主动支持，不得推诿扯皮。</p>
  <p>（三）严格督查考核。市政府督查室要会同市发改委对重点工作任务落实情况实行季度调度、半年通报，并将结果纳入年度绩效考核。</p>`;
}

/** A photographed page: the text rendered to pixels, then printed as nothing but that image. */
async function scanPdf(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 620, height: 300 } });
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><body style="margin:24px;font:18px 'AR PL UMing CN'">
      <p>示例县重点工作任务分解</p><p>1.实施重大项目攻坚行动。责任单位：县发改局（牵头单位）</p></body>`,
  );
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  const img = `data:image/png;base64,${png.toString('base64')}`;
  return print(
    browser,
    `<!doctype html><body style="margin:0"><img src="${img}" style="width:160mm"></body>`,
    false,
  );
}

/** jsPDF encrypts (RC4, PDF 1.4 standard security handler), which the browser cannot. */
function lockedPdf(userPassword: string): Buffer {
  const doc = new jsPDF({
    encryption: { userPassword, ownerPassword: 'owner', userPermissions: ['print'] },
  });
  doc.text('Task division: lead unit and supporting units.', 20, 30);
  return Buffer.from(doc.output('arraybuffer'));
}

/**
 * A PDF written by hand, as no browser writes one: a Type0 font over the non-embedded
 * STSong-Light (Adobe-GB1) with the predefined CMap UniGB-UCS2-H and no ToUnicode, so the text
 * is UCS-2 codes that only the CMap turns into characters.
 */
export function cidUcs2Pdf(lines: readonly string[]): Buffer {
  const ucs2 = (s: string) =>
    [...s].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
  const content = lines
    .map((line, i) => `BT /F1 14 Tf 72 ${770 - i * 24} Td <${ucs2(line)}> Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Debian's Chromium, never a downloaded one, with nothing reaching out to the network. */
export const launchChromium = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const browser = await launchChromium();
  try {
    const files: [string, Buffer][] = [
      ['outline.pdf', await print(browser, outlineHtml())],
      ['table.pdf', await print(browser, tableHtml())],
      ['scan.pdf', await scanPdf(browser)],
      ['encrypted.pdf', lockedPdf('secret')],
      ['owner-locked.pdf', lockedPdf('')],
      [
        'cid-ucs2.pdf',
        cidUcs2Pdf([
          '示例市数字政府建设任务分工',
          '1.推进政务数据共享。',
          '牵头单位：市政务服务局；配合单位：市大数据中心',
        ]),
      ],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(path.join(out, name), bytes);
      console.log(`${name}: ${(bytes.length / 1024).toFixed(1)} KiB`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
