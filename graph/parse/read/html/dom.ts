// The parts of parse5's tree the HTML reader leans on: what a node is, its names, where it is in
// the file, and which elements a reader never reads (a browser does not show them either).
// Saved pages can nest elements thousands deep, so every walk here is a loop, not recursion.
import type { DefaultTreeAdapterTypes as T } from 'parse5';

export type Node = T.Node;
export type Element = T.Element;
export type TextNode = T.TextNode;
export type ParentNode = T.ParentNode;

export const isElement = (node: Node): node is Element => 'tagName' in node;
export const isText = (node: Node): node is TextNode => node.nodeName === '#text';

export function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

/**
 * The words an element's id and classes are made of, lower-cased: "article-content",
 * "TRS_Editor" and "topNav" give their whole tokens and their parts ("article", "content",
 * "top", "nav"), so a list of known names matches however a CMS spells them.
 */
export function nameTokens(el: Element): { whole: string[]; parts: string[] } {
  const whole: string[] = [];
  const parts: string[] = [];
  const raw = `${attr(el, 'id') ?? ''} ${attr(el, 'class') ?? ''}`.trim();
  if (raw === '') return { whole, parts };
  for (const token of raw.split(/\s+/)) {
    whole.push(token.toLowerCase());
    for (const part of token.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s_-]+/)) {
      if (part) parts.push(part.toLowerCase());
    }
  }
  return { whole, parts };
}

/** The children of a node, a <template>'s content being inert. */
export function childrenOf(node: Node): readonly Node[] {
  return 'childNodes' in node && node.nodeName !== 'template' ? node.childNodes : [];
}

/** The 1-based line where the node starts, or where its nearest located ancestor does. */
export function lineOf(node: Node): number {
  let at: Node | null = node;
  while (at) {
    const loc = 'sourceCodeLocation' in at ? at.sourceCodeLocation : undefined;
    if (loc) return loc.startLine;
    at = 'parentNode' in at ? at.parentNode : null;
  }
  return 1;
}

/** The line of a text node's first visible character (its node may start with line breaks). */
export function textLine(node: TextNode): number {
  const start = lineOf(node);
  let breaks = 0;
  for (const ch of node.value) {
    if (ch === '\n') breaks++;
    else if (!/\s/.test(ch)) break;
  }
  return start + breaks;
}

/** Elements that hold no text of the page: code, styles, form controls, media, embedded pages. */
const NEVER_READ = new Set([
  'head',
  'title',
  'meta',
  'link',
  'base',
  'script',
  'style',
  'noscript',
  'template',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'input',
  'textarea',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'img',
  'map',
  'area',
  'marquee',
]);

/** Class names by which page frameworks hide an element. */
const HIDING_CLASSES = new Set(['hidden', 'hide', 'd-none', 'display-none']);

/** Not shown on the page: never read, `hidden`, or styled out of sight. */
export function isUnread(el: Element): boolean {
  if (NEVER_READ.has(el.tagName)) return true;
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
  for (const a of el.attrs) {
    if (a.name === 'hidden') return true;
    if (a.name === 'style' && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(a.value)) {
      return true;
    }
    if (a.name === 'class' && a.value.split(/\s+/).some((c) => HIDING_CLASSES.has(c.toLowerCase())))
      return true;
  }
  return false;
}

/**
 * Elements that begin and end a paragraph. Everything else (span, font, a, strong, Word's o:p
 * and unknown tags) is inline: its text belongs to the paragraph around it.
 */
export const BLOCK_TAGS = new Set([
  'html',
  'body',
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The element `<body>` of a parsed document (parse5 always makes one). */
export function bodyOf(document: ParentNode): Element | undefined {
  const html = document.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html');
  return html?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'body');
}

/** Is `inner` inside `outer` (or the same element)? */
export function contains(outer: Node, inner: Node): boolean {
  let at: Node | null = inner;
  while (at) {
    if (at === outer) return true;
    at = 'parentNode' in at ? at.parentNode : null;
  }
  return false;
}
