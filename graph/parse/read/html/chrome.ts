// What a Chinese government web page wraps around a notice, and where CMSs put the notice itself.
// The names come from the platforms these sites run on (TRS WCM, Hanweb, the 政府网站集约化平台
// and the gov.cn template, WeChat articles, Word's "save as web page"); the line patterns from the
// chrome those sites print: breadcrumbs, the 信息公开 box, "打印本页 关闭窗口", 扫一扫, footers
// with 主办单位/网站标识码/ICP备案. Chrome names units (主办单位：市政府办公室) but holds no tasks,
// and a unit it leaks into the plan would be a false edge — so anything recognised here is left out.
import { attr, BLOCK_TAGS, type Element, isUnread, nameTokens } from './dom.ts';
import { compact } from './text.ts';

/**
 * Ids and classes that CMSs give the notice's own text: a strong hint, taken when the element
 * holds a fair share of the page's text.
 */
const BODY_NAMES = new Set([
  'zoom',
  'fontzoom',
  'zoomcon',
  'trs_editor',
  'trs_ueditor',
  'custom_unionstyle',
  'ucap-content',
  'pages_content',
  'article-content',
  'article_content',
  'articlecontent',
  'art_content',
  'art-content',
  'artibody',
  'js_content',
  'rich_media_content',
  'news_content',
  'news-content',
  'newscontent',
  'detail-content',
  'detail_content',
  'details-content',
  'content_text',
  'contenttext',
  'con_text',
  'text_content',
  'textcontent',
  'info_content',
  'info-content',
  'zwnr',
  'wordsection1',
  'section1',
]);

/**
 * Names that usually, but not always, hold the notice: on many sites `.content` or `.view` is the
 * whole middle column, chrome included — a starting point from which the text is looked for.
 */
const MAYBE_BODY_NAMES = new Set([
  'content',
  'view',
  'article',
  'main',
  'maincontent',
  'main-content',
  'main_content',
  'printcontent',
  'print_content',
  'zw',
  'text',
  'detail',
  'details',
  'con',
  'cont',
  'wz',
  'wzy',
]);

export type BodyHint = 'body' | 'maybe-body' | undefined;

export function bodyHint(el: Element): BodyHint {
  const { whole } = nameTokens(el);
  if (whole.some((t) => BODY_NAMES.has(t))) return 'body';
  if (el.tagName === 'article' || el.tagName === 'main') return 'maybe-body';
  return whole.some((t) => MAYBE_BODY_NAMES.has(t)) ? 'maybe-body' : undefined;
}

/**
 * Not read: hidden, or never text (see isUnread) — except a CMS body container styled hidden:
 * WeChat articles ship #js_content with visibility:hidden and reveal it by script.
 */
export function isSkipped(el: Element): boolean {
  return isUnread(el) && !(BLOCK_TAGS.has(el.tagName) && bodyHint(el) === 'body');
}

/** Parts of ids and classes that name site chrome (navigation, footers, sharing, related links). */
const CHROME_PARTS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'submenu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'bread',
  'position',
  'location',
  'dqwz',
  'footer',
  'foot',
  'bottom',
  'copyright',
  'banquan',
  'share',
  'bdshare',
  'bdsharebuttonbox',
  'fenxiang',
  'print',
  'dayin',
  'toolbar',
  'tools',
  'tool',
  'related',
  'relate',
  'relevant',
  'xgyd',
  'xgwz',
  'xglj',
  'xgxx',
  'qrcode',
  'ewm',
  'erweima',
  'sidebar',
  'search',
  'login',
  'topbar',
  'header',
  'head',
  'logo',
  'banner',
  'links',
  'friendlink',
  'yqlj',
  'pagination',
  'comment',
  'comments',
]);

const CHROME_TAGS = new Set(['nav', 'footer', 'header', 'aside']);

/** Site chrome by its markup: a nav/footer/header/aside element, or a chrome id or class. */
export function isChromeElement(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName)) return true;
  if (attr(el, 'role') === 'navigation' || attr(el, 'role') === 'contentinfo') return true;
  return nameTokens(el).parts.some((p) => CHROME_PARTS.has(p));
}

/** The 信息公开 box's labels: three of them in one small part of the page make it that box. */
const INFO_LABELS = [
  '索引号',
  '主题分类',
  '体裁分类',
  '组配分类',
  '服务对象',
  '信息分类',
  '发布机构',
  '发文机关',
  '发文字号',
  '成文日期',
  '发布日期',
  '生效日期',
  '废止日期',
  '公开方式',
  '公开范围',
  '公开时限',
  '有效性',
  '信息来源',
  '所属机构',
  '主题词',
];

const LABEL_PATTERN = new RegExp(INFO_LABELS.join('|'), 'g');
const LABEL_BIT = new Map(INFO_LABELS.map((label, i) => [label, 1 << i]));

/** Bits of the 信息公开 labels found in a text. */
export function infoLabels(text: string): number {
  if (text.length < 2) return 0;
  let mask = 0;
  for (const m of compact(text).matchAll(LABEL_PATTERN)) mask |= LABEL_BIT.get(m[0]) ?? 0;
  return mask;
}

export function labelCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Words of the tool row under an article (print, close, font size, share, bookmark). */
const TOOL_WORDS =
  /打印本页|打印此页|打印文章|打印本文|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏本页|加入收藏|收藏|保存本页|我要纠错|纠错|分享到|分享|字号|字体|默认|背景色|复制链接|微信|微博|朋友圈|QQ空间|QQ|[大中小]|[【】[\]()（）:：|｜/、·-]/g;
const TOOL_MARK = /打印|关闭|收藏|分享|字号|字体|纠错|返回顶部/;

/**
 * Lines that are chrome wherever they stand, each up to a length: chrome is labels and short
 * strings, and a long line that happens to contain "来源：" or "扫码" is a sentence of the notice.
 */
const CHROME_LINES: readonly (readonly [RegExp, number])[] = [
  [/^(?:扫一扫|扫描二维码|手机扫码|用手机扫)|扫一扫在手机/, 30],
  [
    /网站标识码|ICP[备证][\s\d：:号]|ICP备案号|公网安备\s*\d|版权所有|Copyright|©|技术支持[：:]/i,
    160,
  ],
  [
    /^(?:当前位置|您当前的位置|您的位置|您现在的位置|您所在的位置|所在位置|当前所在位置)[：:]?/,
    100,
  ],
  [
    /^(?:相关阅读|相关链接|相关文章|相关新闻|相关稿件|延伸阅读|推荐阅读|热点推荐|上一篇|下一篇|上一条|下一条)/,
    60,
  ],
  [/(?:浏览次数|访问次数|阅读次数|点击数|点击量|浏览量|访问量|阅读量)[：:]/, 100],
  [
    /^(?:发布时间|发布日期|更新时间|信息来源|文章来源|来源|作者|责任编辑|编辑|供稿单位|审核)[：:]/,
    100,
  ],
  [/^今天是/, 40],
  [/建议使用.{0,40}(?:浏览器|分辨率)|分辨率.{0,12}浏览/, 80],
];

/**
 * A footer's "主办单位：X 承办单位：Y". A notice may print 主办单位 as a role word (a task's
 * organiser), so this counts as chrome only outside the CMS's own body container.
 */
const FOOTER_PAIR = /^主办(?:单位)?[：:].{1,60}(?:承办|运维|维护|技术支持)(?:单位)?[：:]/;

/**
 * Is this line of a paragraph site chrome? `strict` (the text is inside the CMS's body container)
 * leaves out only what no notice prints.
 */
export function isChromeLine(line: string, strict: boolean): boolean {
  const flat = compact(line);
  if (flat.length === 0) return false;
  if (flat.length <= 60 && TOOL_MARK.test(flat) && flat.replace(TOOL_WORDS, '') === '') return true;
  if (CHROME_LINES.some(([re, max]) => flat.length <= max && re.test(flat))) return true;
  return !strict && flat.length <= 160 && FOOTER_PAIR.test(flat);
}
