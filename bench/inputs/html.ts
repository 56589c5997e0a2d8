// A government web page for the parse benchmark, as a planner would save it from a portal: the
// synthetic notice of ./synthetic-notice.ts (the seed's shape, with known counts) inside a CMS
// page — head metadata, nav, breadcrumbs, the 信息公开 box, a body container whose paragraphs
// carry the markup CMS editors leave (indentation by &nbsp; and full-width spaces, <span> and
// <font> runs, a unit list in its own <span>, <strong> headings), an attachment table with
// rowspan leads and colspan section rows, then related links and the footer. Same options, same
// bytes, on every machine.
import { type SyntheticNotice, syntheticNotice } from '../synthetic-notice.ts';

export interface WebPageOptions {
  /** Size to aim for, in bytes of the page (within a few per cent); 2 MB by default. */
  bytes?: number;
  /** Rows of the attachment table (section rows included); 300 by default. */
  tableRows?: number;
  seed?: number;
  /** GBK, as many older portals still serve, or UTF-8. */
  encoding?: 'utf-8' | 'gbk';
}

export interface WebPage {
  bytes: Uint8Array;
  /** The notice in the body: what a correct parse of its paragraphs must find. */
  notice: SyntheticNotice;
  /** Item rows of the attachment table (section and header rows not counted). */
  tableItems: number;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const HEAD = (title: string, charset: string) => `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="示范市人民政府">
<meta name="SiteIDCode" content="9999000009">
<meta name="ColumnName" content="政府文件">
<meta name="ArticleTitle" content="${escape(title)}">
<meta name="PubDate" content="2022-03-08 10:00">
<title>${escape(title)}_政府文件_示范市人民政府</title>
<link rel="stylesheet" href="/static/css/common.css">
<style>#zoom p{font-size:16px;line-height:2}.footer{background:#f2f2f2}</style>
<script src="/static/js/jquery.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="w1200">今天是：<span id="today"></span>
<span class="tools"><a href="javascript:;">无障碍浏览</a> | <a href="javascript:;">长者模式</a> | <a href="/wap/">手机版</a></span></div></div>
<div class="nav"><ul>${['首页', '政务公开', '政务服务', '互动交流', '走进示范', '专题专栏'].map((n) => `<li><a href="/">${n}</a></li>`).join('')}</ul></div>
<div class="w1200">
<div class="breadcrumb">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;&gt;&nbsp;<span>政府文件</span></div>
<table class="xxgk-info" width="100%">
<tr><td><b>索&nbsp;引&nbsp;号：</b></td><td>000000000/2022-00042</td><td><b>主题分类：</b></td><td>综合政务</td></tr>
<tr><td><b>发布机构：</b></td><td>示范市人民政府办公厅</td><td><b>发文字号：</b></td><td>示政办〔2022〕7号</td></tr>
<tr><td><b>成文日期：</b></td><td>2022年03月03日</td><td><b>发布日期：</b></td><td>2022年03月08日</td></tr>
</table>
<div class="article">
<h1 class="article-title">${escape(title)}</h1>
<div class="article-info"><span>发布时间：2022-03-08 10:00</span><span>来源：示范市人民政府办公厅</span><span>字号：[<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>]</span></div>
<div class="article-content" id="zoom"><div class="TRS_Editor">
`;

const FOOT = `</div></div>
<div class="article-tools"><a href="javascript:window.print();">打印本页</a>&nbsp;&nbsp;<a href="javascript:window.close();">关闭窗口</a></div>
<div class="share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a><div class="qrcode"><p>扫一扫在手机上查看当前页面</p></div></div>
</div>
<div class="related"><h3>相关阅读</h3><ul>
<li><a href="/a/1.html">示范市人民政府关于印发示范市国民经济和社会发展第十四个五年规划纲要的通知</a></li>
<li><a href="/a/2.html">【图解】示范市“十四五”规划纲要任务分工方案</a></li>
</ul></div>
</div>
<div class="footer">
<div class="links">政府网站：<select><option>市政府部门网站</option><option>示范市发展和改革委员会</option></select></div>
<p>主办单位：示范市人民政府办公厅&nbsp;&nbsp;承办单位：示范市大数据中心</p>
<p>网站标识码：9999000009&nbsp;&nbsp;<a href="javascript:;">示ICP备00000009号-1</a></p>
</div>
<script>document.getElementById("today").innerHTML = new Date().toLocaleDateString();</script>
</body>
</html>
`;

/** A notice line as a CMS editor leaves it: headings bold, units in their own <span>, indentation. */
function paragraph(line: string, n: number): string {
  const text = escape(line);
  if (/^[一二三四五六七八九十]+、/.test(line)) return `<p>\u3000\u3000<strong>${text}</strong></p>`;
  const units = text.lastIndexOf('(');
  if (units > 0 && text.endsWith(')')) {
    const body = text.slice(0, units);
    const tail = text.slice(units);
    // Every third paragraph in a <font> run, as pages converted from Word have them.
    const run = n % 3 === 0 ? `<font face="仿宋_GB2312">${body}</font>` : body;
    return `<p style="text-indent:2em">&nbsp;&nbsp;&nbsp;&nbsp;${run}<span>${tail}</span></p>`;
  }
  return `<p>\u3000\u3000${text}</p>`;
}

const LEADS = ['市数据局', '市发改委', '市经信局', '市住建局', '市交通运输局', '市卫健委'];
const SUPPORTS = ['市财政局', '市自然资源和规划局', '市生态环境局', '市市场监管局', '各区人民政府'];

/** The attachment: 序号/项目名称/牵头单位/配合单位/完成时间, leads merged down over 1–3 rows. */
function table(rows: number): { html: string; items: number } {
  const out = [
    '<p>附件</p>',
    '<p style="text-align:center"><strong>重点项目责任分工表</strong></p>',
    '<table border="1" cellspacing="0" width="96%"><tbody>',
    '<tr><th>序号</th><th>项目名称</th><th>牵头单位</th><th>配合单位</th><th>完成时间</th></tr>',
  ];
  let items = 0;
  let left = 0;
  for (let r = 0; out.length - 4 < rows; r++) {
    if (r % 25 === 0 && left === 0) {
      out.push(
        `<tr><td colspan="5"><strong>${r / 25 + 1}、第${r / 25 + 1}类项目&nbsp;</strong></td></tr>`,
      );
      continue;
    }
    items++;
    let lead = '';
    if (left === 0) {
      const span = 1 + (items % 3);
      left = span;
      const unit = LEADS[items % LEADS.length] ?? '';
      lead = span > 1 ? `<td rowspan="${span}">${unit}</td>` : `<td>${unit}</td>`;
    }
    left--;
    const support = `${SUPPORTS[items % SUPPORTS.length] ?? ''}、<br>${SUPPORTS[(items + 2) % SUPPORTS.length] ?? ''}`;
    out.push(
      `<tr><td align="center">${items}</td><td>第${items}号项目建设工程，新增服务能力${items * 10}项</td>` +
        `${lead}<td>${support}&nbsp;</td><td align="center">2024年${1 + (items % 12)}月</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  return { html: out.join('\n'), items };
}

/** GBK bytes, from the platform's decoder (Node has no GBK encoder): a table of the 2-byte codes. */
let gbkCodes: Map<number, number> | undefined;

function encodeGbk(text: string): Uint8Array {
  const codes = (gbkCodes ??= new Map<number, number>());
  if (codes.size === 0) {
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !codes.has(ch.charCodeAt(0)))
          codes.set(ch.charCodeAt(0), (lead << 8) | trail);
      }
    }
  }
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[n++] = c;
    else {
      const code = codes.get(c) ?? 0x3f; // '?' for the rare character GBK lacks
      if (code > 0xff) out[n++] = code >> 8;
      out[n++] = code & 0xff;
    }
  }
  return out.slice(0, n);
}

export function governmentWebPage(options: WebPageOptions = {}): WebPage {
  const target = options.bytes ?? 2 * 1024 * 1024;
  const rows = options.tableRows ?? 300;
  const seed = options.seed ?? 42;
  const encoding = options.encoding ?? 'utf-8';
  const attachment = table(rows);

  const build = (items: number) => {
    const notice = syntheticNotice({ items, unitsPerItem: 6, seed });
    const lines = notice.text.split('\n').filter((l) => l.trim() !== '');
    const title = lines[0] ?? '';
    const html =
      HEAD(title, encoding) +
      lines.map(paragraph).join('\n') +
      '\n<p>&nbsp;</p>\n' +
      attachment.html +
      '\n' +
      FOOT;
    return { notice, html };
  };
  const encode = (html: string) =>
    encoding === 'gbk' ? encodeGbk(html) : new TextEncoder().encode(html);
  // Two probes give the bytes per item and the fixed part (chrome, the table).
  const small = encode(build(200).html).byteLength;
  const perItem = (encode(build(400).html).byteLength - small) / 200;
  const items = Math.max(4, Math.round(200 + (target - small) / perItem));
  const { notice, html } = build(items);
  return { bytes: encode(html), notice, tableItems: attachment.items };
}
