// The HTML reader: a government web page as saved → the notice's blocks. Charset from the bytes,
// the body found and the site chrome left out, paragraphs as a reader sees them, tables with
// their merges resolved, positions in the file, and limits that hold against hostile pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../graph/parse/parse-document.ts';
import {
  type Block,
  DEFAULT_LIMITS,
  type ParagraphBlock,
  type RowBlock,
} from '../../graph/parse/read/blocks.ts';
import { readHtml } from '../../graph/parse/read/html.ts';
import { sniffCharset } from '../../graph/parse/read/html/charset.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const fixture = (...parts: string[]) => new Uint8Array(readFileSync(path.join(fixtures, ...parts)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** GBK bytes of a text, from the platform's decoder (Node has no GBK encoder). */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const pair = table.get(ch);
    if (code < 0x80) bytes.push(code);
    else if (pair) bytes.push(...pair);
    else throw new Error(`not in GBK: ${ch}`);
  }
  return new Uint8Array(bytes);
}

const read = (bytes: Uint8Array, limits = DEFAULT_LIMITS) => readHtml(bytes, limits);
const page = (body: string, head = '<meta charset="utf-8"><title>测试页面</title>') =>
  utf8(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);

const paragraphs = (blocks: Block[]) =>
  blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const rows = (blocks: Block[]) => blocks.filter((b): b is RowBlock => b.kind === 'row');
const texts = (blocks: Block[]) => paragraphs(blocks).map((b) => b.text);
const allText = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.cells.map((c) => c.text).join('|')));
const cellTexts = (row: RowBlock | undefined) =>
  row?.cells.map((c) => `${c.merged ? '↓' : ''}${c.text}${c.span > 1 ? `×${c.span}` : ''}`);

const NOTICE = [
  '一、重点任务',
  '（一）推进政务服务标准化。全面梳理政务服务事项，编制标准化办事指南，实现同一事项无差别受理。（市政务服务局牵头，市直各有关部门配合）',
  '（二）加快数据共享。完善数据共享交换平台，推动部门数据按需共享，年内新增共享目录300条。（市数据局牵头，市财政局、市公安局配合）',
  '（三）优化营商环境评价。开展年度营商环境评价，建立问题整改台账，按季度通报整改进展。（市发改委牵头，市市场监管局配合）',
];

describe('08: the example government web page', async () => {
  const utf = await read(fixture('examples', '08-web-page.html'));
  const gb = await read(fixture('examples', '08b-web-page-gbk.html'));

  it('gives the same blocks in UTF-8 and in GBK, and names each encoding', () => {
    expect(gb.blocks).toEqual(utf.blocks);
    expect(utf.encoding).toBe('utf-8');
    expect(gb.encoding).toBe('gbk');
    const charset = gb.issues.find((i) => i.code === 'charset');
    expect(charset?.severity).toBe('info');
    expect(charset?.message).toContain('gbk');
    expect(charset?.message).toContain('GB18030');
    expect(utf.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('leaves out the site chrome: nav, breadcrumbs, 信息公开 box, tools, related, footer', () => {
    const text = allText(utf.blocks).join('\n');
    for (const chrome of [
      '主办单位',
      '承办单位',
      '网站标识码',
      'ICP备',
      '打印本页',
      '关闭窗口',
      '扫一扫',
      '示例市发展和改革委员会',
      '市政府部门网站',
      '当前位置',
      '索',
      '发布机构',
      '浏览次数',
      '来源：',
      '相关阅读',
      '2023年数字政府建设工作要点',
      '政务公开',
      '无障碍',
      '今天是',
    ]) {
      expect(text, chrome).not.toContain(chrome);
    }
  });

  it('puts the title (printed above the body) first, with the line of its <h1>', () => {
    expect(utf.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '示例市人民政府办公室关于印发示例市2024年数字政府建设工作要点的通知',
      source: { format: 'html', line: 81 },
    });
  });

  it('reads the body as paragraphs with their lines, indentation and &nbsp; trimmed', () => {
    const body = paragraphs(utf.blocks).slice(1);
    expect(body.slice(0, 7).map((b) => [b.source.line, b.text])).toEqual([
      [89, '示政办〔2024〕9号'],
      [90, '各区人民政府，市人民政府各部门，各有关单位：'],
      [
        91,
        '《示例市2024年数字政府建设工作要点》已经市人民政府同意，现印发给你们，请结合实际认真组织实施。',
      ],
      [92, '示例市人民政府办公室'],
      [93, '2024年3月12日'],
      [94, '（此件公开发布）'],
      [95, '示例市2024年数字政府建设工作要点'],
    ]);
    const task = body.find((b) => b.text.startsWith('（一）完善政务云平台'));
    expect(task?.source).toEqual({ format: 'html', line: 98 });
    expect(task?.text).toBe(
      '（一）完善政务云平台。推动市级部门非涉密业务系统应上尽上，政务云资源利用率提高到70%以上。（市数据局牵头，市财政局、市委网信办配合）',
    );
    expect(texts(utf.blocks)).toContain('四、抓好重点项目建设');
    expect(texts(utf.blocks).every((t) => t === t.trim() && !/[\u00a0\u3000]/.test(t))).toBe(true);
  });

  it('reads the table: <th> header, colspan section rows, the rowspan lead repeated, &nbsp; and <br>', () => {
    const table = rows(utf.blocks);
    expect(table.map(cellTexts)).toEqual([
      ['序号', '项目名称', '牵头单位', '配合单位', '完成时间'],
      ['一、基础支撑类×5'],
      ['1', '市级政务云扩容工程，新增计算资源2000核', '市数据局', '市财政局', '2024年9月'],
      [
        '2',
        '政务数据共享交换平台升级，新增共享数据目录500条',
        '↓市数据局',
        '市直各有关部门',
        '2024年6月',
      ],
      [
        '3',
        '城市运行管理服务平台二期，接入城市运行体征指标300项',
        '↓市数据局',
        '市城管局、市应急局',
        '2024年12月',
      ],
      ['二、应用场景类×5'],
      [
        '4',
        '“示例通”城市服务平台升级，上线高频服务事项100项',
        '市政务服务局',
        '市卫健委、市医保局、市人社局',
        '2024年6月',
      ],
      ['5', '智慧医保结算平台建设', '市医保局', '', '2024年10月'],
      ['6', '中小学智慧校园建设，建成智慧校园示范校30所', '市教育局', '各区人民政府', '2024年底'],
      [
        '7',
        '智慧交通信号控制系统，完成主城区200个路口信号配时优化',
        '市公安局交警支队',
        '市交通运输局、\n市城管局',
        '2024年11月',
      ],
    ]);
    expect(table.every((r) => r.table === 1)).toBe(true);
    expect(table[3]?.source).toEqual({ format: 'html', line: 131, table: 1, row: 4 });
    // The rows come after the paragraphs that introduce them, in reading order.
    const order = utf.blocks.map((b) => b.kind);
    expect(order.lastIndexOf('paragraph')).toBeLessThan(order.indexOf('row'));
  });

  it('gives the lines the layouts read their source position in the page', async () => {
    const { lines } = await readDocument(fixture('examples', '08-web-page.html'));
    const task = lines.find((l) => l.text.startsWith('（二）推进千兆光网'));
    expect(task?.source).toEqual({ format: 'html', line: 99 });
    const row = lines.find((l) => l.cells?.[0] === '7');
    expect(row?.source).toMatchObject({ format: 'html', line: 167, table: 1, row: 10 });
  });
});

describe('an old table-laid-out page in GB2312, declared only by http-equiv', async () => {
  const result = await read(fixture('html', 'hanweb-gb2312-layout-tables.html'));
  const text = texts(result.blocks);

  it('decodes it as GB18030 and reports the declared charset', () => {
    expect(result.encoding).toBe('gb2312');
    expect(text).toContain('示政发〔2023〕3号');
    expect(result.issues.map((i) => i.code)).toEqual(['charset']);
  });

  it('descends into the layout tables instead of reading them as rows', () => {
    expect(rows(result.blocks)).toEqual([]);
    expect(text[0]).toBe('示例县人民政府关于印发示例县2023年重点工作任务分工方案的通知');
    expect(text).toContain('一、稳定经济增长');
    expect(text.at(-1)).toBe('4.新建高标准农田3万亩。（县农业农村局、县财政局牵头，县水利局配合）');
  });

  it('keeps unit parentheticals in <span> and <font> with their task; <br> is a line break', () => {
    expect(text).toContain(
      '1.全年地区生产总值增长6.5%左右。（县发改局牵头，县统计局、县财政局配合）',
    );
    expect(text).toContain(
      '2.完成固定资产投资85亿元，新开工亿元以上项目30个。（县发改局牵头，县住建局、县自然资源局、\n县交通运输局配合）',
    );
    expect(text).toContain('示例县人民政府\n2023年2月18日');
  });

  it('leaves out the menu, breadcrumbs, hit counter, hidden text, tools and footer', () => {
    const all = text.join('\n');
    for (const chrome of [
      '网站首页',
      '部门文件',
      '您所在的位置',
      '访问次数',
      '字体',
      '县档案馆',
      '打印本页',
      '关闭窗口',
      '主办',
      '网站标识码',
      '邮编',
    ]) {
      expect(all, chrome).not.toContain(chrome);
    }
  });
});

describe('a page with no known body container (found from the text)', async () => {
  const result = await read(fixture('html', 'no-known-container.html'));

  it('finds the notice without a warning, sniffing UTF-8 when nothing declares it', () => {
    expect(result.encoding).toBe('utf-8');
    expect(result.issues.map((i) => i.code)).toEqual(['charset']);
    expect(texts(result.blocks)).toEqual([
      '示例区2024年优化营商环境重点任务分工表',
      '各街道办事处，区政府各部门：',
      '经区政府同意，现将《示例区2024年优化营商环境重点任务分工表》印发给你们，请各牵头单位会同配合单位抓好落实，每季度末将进展情况报区营商环境办。',
      '示例区人民政府办公室',
      '2024年4月2日',
    ]);
  });

  it('resolves a two-row header (colspan over rowspan) and a rowspan lead', () => {
    expect(rows(result.blocks).map(cellTexts)).toEqual([
      ['序号', '重点任务', '责任单位×2', '完成时限'],
      ['↓序号', '↓重点任务', '牵头单位', '配合单位', '↓完成时限'],
      ['一、提升政务服务水平×5'],
      [
        '1',
        '推行企业开办“一日办结”，全程网上办理率达到95%以上',
        '区行政审批局',
        '区市场监管局、\n区税务局',
        '2024年6月底前',
      ],
      [
        '2',
        '深化“证照分离”改革，涉企经营许可事项全部实行清单管理',
        '↓区行政审批局',
        '区司法局',
        '2024年12月底前',
      ],
      ['二、优化法治环境×5'],
      ['3', '开展涉企行政执法专项监督，推行包容审慎监管', '区司法局', '区直各执法部门', '长期坚持'],
    ]);
  });

  it('leaves out the 信息公开 list, related reading and an unclassed footer', () => {
    const all = allText(result.blocks).join('\n');
    for (const chrome of [
      '索引号',
      '主动公开',
      '相关阅读',
      '若干措施',
      '主办单位',
      '网站标识码',
      '扫一扫',
      '打印本页',
      '发布时间',
    ]) {
      expect(all, chrome).not.toContain(chrome);
    }
  });
});

describe('paragraphs as a reader sees them', () => {
  it('joins inline elements, collapses markup whitespace, drops zero-width characters', async () => {
    const { blocks } = await read(
      page(`<div id="zoom"><p>
        （一）推进<b>数据</b>共享。\u200b（<span>市数据局</span>牵头，<a href="#">市财政局</a>、
        市公安局配合）</p>
        <p>&nbsp;&nbsp;\u3000\u3000Digital   government&nbsp;&nbsp;plan
        2024</p><p>\u3000\u3000</p></div>`),
    );
    expect(texts(blocks)).toEqual([
      '测试页面',
      '（一）推进数据共享。（市数据局牵头，市财政局、市公安局配合）',
      'Digital government plan 2024',
    ]);
  });

  it('makes <br> a line break, and text beside a block its own paragraph', async () => {
    const { blocks } = await read(
      page(`<div id="zoom">一、总体要求<br><br>（一）第一项任务。（市发改委负责）<br/>
        （二）第二项任务。<div>附件：分工表</div>尾部文字</div>`),
    );
    expect(texts(blocks).slice(1)).toEqual([
      '一、总体要求\n（一）第一项任务。（市发改委负责）\n（二）第二项任务。',
      '附件：分工表',
      '尾部文字',
    ]);
  });

  it('drops scripts, styles, comments, form controls and hidden elements', async () => {
    const { blocks } = await read(
      page(`<div class="TRS_Editor"><style>p{color:red}</style><script>var a = "脚本文字";</script>
        <!-- 注释文字 --><p>正文第一段，足够长的文字内容用于测试。</p>
        <p hidden>隐藏属性</p><p style="DISPLAY: none">隐藏样式</p><span style="visibility:hidden">不可见</span>
        <select><option>下拉选项单位</option></select><noscript>请启用脚本</noscript>
        <p>正文第二段。</p></div>`),
    );
    expect(texts(blocks).slice(1)).toEqual([
      '正文第一段，足够长的文字内容用于测试。',
      '正文第二段。',
    ]);
  });

  it('keeps line breaks and tabs inside <pre>', async () => {
    const { blocks } = await read(
      page('<div id="zoom"><pre>序号\t任务\t牵头单位\n1\t完善政务云平台\t市数据局</pre></div>'),
    );
    expect(texts(blocks)[1]).toBe('序号\t任务\t牵头单位\n1\t完善政务云平台\t市数据局');
  });
});

describe('tables', () => {
  const table = async (html: string) =>
    rows((await read(page(`<div id="zoom">${html}</div>`))).blocks);

  it('places rowspan copies at their grid column, with colspan, rowspan="0" and short rows', async () => {
    const got = await table(`<table>
      <tr><td rowspan="0">甲</td><td colspan="2" rowspan="2">乙丙</td><td>丁</td></tr>
      <tr><td>戊</td></tr>
      <tr><td>己</td></tr>
      <tr><td>庚</td><td>辛</td><td>壬</td></tr>
    </table>`);
    expect(got.map(cellTexts)).toEqual([
      ['甲', '乙丙×2', '丁'],
      ['↓甲', '↓乙丙×2', '戊'],
      ['↓甲', '己'],
      ['↓甲', '庚', '辛', '壬'],
    ]);
  });

  it('fills a gap inside a short row with an empty cell, and skips empty rows', async () => {
    const got = await table(`<table>
      <tr><td>1</td><td rowspan="2">市数据局</td><td>任务一</td></tr>
      <tr><td>&nbsp;</td><td>&nbsp;</td></tr>
      <tr><td>2</td><td>市财政局</td><td>任务二</td></tr>
      <tr><td colspan="2"></td><td>任务三</td></tr>
    </table>`);
    expect(got.map(cellTexts)).toEqual([
      ['1', '市数据局', '任务一'],
      ['', '↓市数据局', ''],
      ['2', '市财政局', '任务二'],
      ['×2', '任务三'],
    ]);
    expect(got.map((r) => r.source.row)).toEqual([1, 2, 3, 4]);
  });

  it('joins paragraphs in a cell with "\\n" (Word pasted into the CMS)', async () => {
    const got = await table(
      '<table><tr><td>1</td><td><p class="MsoNormal">市发改委</p><p class="MsoNormal"><span>市财政局</span><o:p></o:p></p></td></tr></table>',
    );
    expect(got[0]?.cells[1]?.text).toBe('市发改委\n市财政局');
  });

  it('numbers the tables of the notice; layout and one-column tables give paragraphs', async () => {
    const { blocks } = await read(
      page(`<table width="1000"><tr><td><a href="/">首页</a></td><td>
        <div id="zoom"><p>正文开头段落，这里有足够的中文内容。</p>
          <table><tr><td>序号</td><td>任务</td></tr><tr><td>1</td><td>甲任务</td></tr></table>
          <table><tr><td>一栏表格里的段落文字</td></tr></table>
          <table><tr><td>序号</td><td>任务</td></tr><tr><td>2</td><td>乙任务</td></tr></table>
        </div></td></tr></table>`),
    );
    expect(
      blocks.map((b) =>
        b.kind === 'row' ? `${b.table}:${b.cells.map((c) => c.text).join('|')}` : b.text,
      ),
    ).toEqual([
      '测试页面',
      '正文开头段落，这里有足够的中文内容。',
      '1:序号|任务',
      '1:1|甲任务',
      '一栏表格里的段落文字',
      '2:序号|任务',
      '2:2|乙任务',
    ]);
  });
});

describe('finding the body', () => {
  it('prefers the CMS container to other text on the page', async () => {
    const { blocks, issues } = await read(
      page(`<div class="sidebar-news"><p>${'侧栏新闻文字内容较多'.repeat(3)}</p></div>
        <div class="pages_content" id="UCAP-CONTENT">${NOTICE.map((t) => `<p>${t}</p>`).join('')}</div>`),
    );
    expect(texts(blocks).slice(1)).toEqual(NOTICE);
    expect(issues.map((i) => i.code)).toEqual(['charset']);
  });

  it('reads a WeChat article, whose body ships hidden until a script shows it', async () => {
    const { blocks } = await read(
      page(`<div class="rich_media_content" id="js_content" style="visibility: hidden;">
        ${NOTICE.map((t) => `<section><span>${t}</span></section>`).join('')}</div>
        <div style="display:none">隐藏的推荐文章列表文字内容</div>`),
    );
    expect(texts(blocks).slice(1)).toEqual(NOTICE);
  });

  it('reads the whole page with a warning when no body can be found', async () => {
    const { blocks, issues } = await read(
      page(`<ul>${'<li><a href="/x">栏目链接文字</a></li>'.repeat(8)}</ul><p>短文字</p>`),
    );
    expect(issues.map((i) => i.code)).toEqual(['charset', 'no-body-found']);
    expect(issues[1]?.severity).toBe('warning');
    expect(texts(blocks)).toEqual(['测试页面', '短文字']);
  });

  it('reads a page with no chrome at all as it is, without a warning', async () => {
    const { blocks, issues } = await read(page(NOTICE.map((t) => `<p>${t}</p>`).join('')));
    expect(issues.map((i) => i.code)).toEqual(['charset']);
    expect(texts(blocks)).toEqual(['测试页面', ...NOTICE]);
  });

  it('takes the title from <meta name="ArticleTitle">, not from the site name', async () => {
    const { blocks } = await read(
      page(
        `<h1 class="logo">示例市人民政府门户网站</h1><div id="zoom">${NOTICE.map((t) => `<p>${t}</p>`).join('')}</div>`,
        '<meta charset="utf-8"><meta name="ArticleTitle" content="关于印发示例市重点任务分工的通知"><title>示例市人民政府门户网站</title>',
      ),
    );
    expect(texts(blocks)[0]).toBe('关于印发示例市重点任务分工的通知');
  });

  it('does not repeat a title the body prints, even split over two lines', async () => {
    const { blocks } = await read(
      page(
        `<div id="zoom"><p>示例市人民政府关于印发重点任务</p><p>分工方案的通知</p>${NOTICE.map((t) => `<p>${t}</p>`).join('')}</div>`,
        '<meta charset="utf-8"><title>示例市人民政府关于印发重点任务分工方案的通知_示例市人民政府</title>',
      ),
    );
    expect(texts(blocks).slice(0, 2)).toEqual(['示例市人民政府关于印发重点任务', '分工方案的通知']);
  });
});

describe('charset', () => {
  const body = '<p>示例市数据局牵头，市财政局配合。</p>';

  it('follows a UTF-8 byte-order mark', async () => {
    const result = await read(
      new Uint8Array([0xef, 0xbb, 0xbf, ...page(body, '<title>页</title>')]),
    );
    expect(result.encoding).toBe('utf-8');
    expect(texts(result.blocks)).toContain('示例市数据局牵头，市财政局配合。');
  });

  it('reads GBK bytes with no declaration as GB18030', () => {
    const found = sniffCharset(gbk(`<html><body>${body}</body></html>`));
    expect([found.encoding, found.how]).toEqual(['gb18030', 'sniffed']);
    expect(found.text).toContain('示例市数据局牵头');
  });

  it('overrules a <meta> the bytes contradict, and says so', async () => {
    const gbkSaidUtf8 = gbk(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
    const a = await read(gbkSaidUtf8);
    expect(texts(a.blocks)).toEqual(['示例市数据局牵头，市财政局配合。']);
    expect(a.encoding).toBe('gb18030');
    expect(a.issues[0]?.zh).toContain('网页声明为 utf-8');

    const utf8SaidGbk = utf8(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body>${body}</body></html>`,
    );
    const b = await read(utf8SaidGbk);
    expect(texts(b.blocks)).toEqual(['示例市数据局牵头，市财政局配合。']);
    expect(b.encoding).toBe('utf-8');
  });

  it('ignores a declaration inside a comment, and a Western label on a Chinese page', () => {
    const commented = gbk(
      `<!-- <meta charset="utf-8"> --><meta charset="gbk"><body>${body}</body>`,
    );
    expect(sniffCharset(commented).encoding).toBe('gbk');
    const western = gbk(`<meta charset="iso-8859-1"><body>${body}</body>`);
    expect(sniffCharset(western).text).toContain('市财政局');
  });
});

describe('limits and hostile pages', () => {
  it('survives 10,000 nested <div>s and 2,000 nested layout tables', async () => {
    const deep = await read(
      page(`${'<div>'.repeat(10_000)}<p>${NOTICE[1]}</p>${'</div>'.repeat(10_000)}`),
    );
    expect(texts(deep.blocks)).toContain(NOTICE[1]);
    const tables = await read(
      page(
        `${'<table><tr><td>'.repeat(2_000)}<p>${NOTICE[2]}</p>${'</td></tr></table>'.repeat(2_000)}`,
      ),
    );
    expect(texts(tables.blocks)).toContain(NOTICE[2]);
  });

  it('cuts a row at 1,024 columns and says so (60,000 cells spanning 1,000 columns each)', async () => {
    // Found by fuzzing: laid out whole, this row was 60 million columns and ran for minutes.
    const wide = `<table><tr>${'<td colspan="999999">格</td>'.repeat(60_000)}</tr><tr><td>${NOTICE[1]}</td></tr></table>`;
    const result = await read(page(wide));
    const [first] = rows(result.blocks);
    expect(first?.cells.reduce((sum, cell) => sum + cell.span, 0)).toBe(1_024);
    const issue = result.issues.find((i) => i.code === 'row-too-wide');
    expect(issue?.zh).toContain('只读取前 1024 列');
    expect(issue?.source).toMatchObject({ format: 'html', table: 1, row: 1 });
    expect(allText(result.blocks)).toContain(NOTICE[1]);
  });

  it('stops at maxBlocks with a too-many-blocks error', async () => {
    const many = page(`<div id="zoom">${'<p>一段正文文字。</p>'.repeat(50)}</div>`);
    const result = await read(many, { ...DEFAULT_LIMITS, maxBlocks: 10 });
    expect(result.blocks).toHaveLength(10);
    const issue = result.issues.find((i) => i.code === 'too-many-blocks');
    expect(issue?.severity).toBe('error');
    expect(issue?.zh).toContain('10');
  });

  it('refuses a page over maxBytes without reading it', async () => {
    const result = await read(page('<p>正文</p>'), { ...DEFAULT_LIMITS, maxBytes: 50 });
    expect(result.blocks).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(['file-too-large']);
  });

  it('reads broken markup as a browser would, never throwing', async () => {
    const broken = page(
      '<div id="zoom"><p>（一）第一项<font color=red>任务<p>（二）第二项</td></tr><table><tr><td>单元格</div></span>',
    );
    const { blocks } = await read(broken);
    expect(allText(blocks)).toEqual(['测试页面', '（一）第一项任务', '（二）第二项', '单元格']);
  });
});
