// The notice's title as the page gives it. CMSs print it above the body container, not inside,
// so the body alone would leave the plan untitled. Sources, most trusted first: the
// <meta name="ArticleTitle"> that government sites carry by the national site standard, a
// heading that agrees with <title>, then <title> itself without the "_栏目_站点" tail.
import {
  attr,
  childrenOf,
  type Element,
  isElement,
  isText,
  isUnread,
  lineOf,
  type Node,
  type ParentNode,
} from './dom.ts';
import { compact } from './text.ts';

export interface PageTitle {
  text: string;
  line: number;
}

/** Separators between the article, column and site names in a <title>; a dash between digits is a range. */
const TITLE_SEPARATOR = /\s*(?:_|[|｜]|——|\s[-—–]\s|(?<=\D)-(?=\D))\s*/;

function textOf(el: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const at = stack.pop() as Node;
    if (isText(at)) parts.push(at.value);
    else if (isElement(at) && (at === el || !isUnread(at))) {
      const children = childrenOf(at);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
    }
  }
  return parts.join('');
}

/** The document's <meta> and <title> elements (they live in <head>, a few levels down at most). */
function headElements(document: ParentNode): { metas: Element[]; title?: Element } {
  const metas: Element[] = [];
  let title: Element | undefined;
  const stack: Element[] = document.childNodes.filter(isElement);
  let budget = 5_000;
  while (stack.length > 0 && budget-- > 0) {
    const el = stack.pop() as Element;
    if (el.tagName === 'meta') metas.push(el);
    else if (el.tagName === 'title') title ??= el;
    else if (el.tagName === 'html' || el.tagName === 'head')
      stack.push(...el.childNodes.filter(isElement));
  }
  return title ? { metas, title } : { metas };
}

/**
 * The title, where the page has one. `headings` are the page's headings outside chrome (see
 * survey); the line is the heading's when one prints the title, else the <meta>'s or <title>'s.
 */
export function pageTitle(document: ParentNode, headings: readonly Element[]): PageTitle | null {
  const { metas, title } = headElements(document);
  const meta = metas.find((m) => /^articletitle$/i.test(attr(m, 'name') ?? ''));
  const metaText = meta ? (attr(meta, 'content') ?? '').trim() : '';
  const titleText = title ? (textOf(title).split(TITLE_SEPARATOR)[0] ?? '').trim() : '';

  const printed = headings
    .map((h) => ({ h, text: textOf(h).replace(/\s+/g, ' ').trim() }))
    .filter((x) => compact(x.text).length >= 4);
  const agrees = (a: string, b: string) => {
    const x = compact(a);
    const y = compact(b);
    return x.length > 0 && y.length > 0 && (x === y || (x.length >= 8 && y.includes(x)));
  };

  if (metaText !== '' && meta) {
    const heading = printed.find((p) => agrees(p.text, metaText));
    return { text: metaText, line: heading ? lineOf(heading.h) : lineOf(meta) };
  }
  if (titleText !== '' && title) {
    const heading = printed.find((p) => agrees(p.text, titleText) || agrees(titleText, p.text));
    if (heading) return { text: heading.text, line: lineOf(heading.h) };
    if (compact(titleText).length >= 4) return { text: titleText, line: lineOf(title) };
  }
  return null;
}

/**
 * Does the body print the title near its top — as a line of its own, perhaps split over two or
 * three? A sentence that quotes it (现将《…》印发给你们) does not count.
 */
export function printsTitle(firstLines: readonly string[], title: string): boolean {
  const want = compact(title);
  if (want.length === 0) return false;
  const lines = firstLines.map(compact);
  for (let i = 0; i < lines.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(lines.length, i + 3); j++) {
      joined += lines[j];
      if (joined.includes(want) && joined.length <= want.length * 1.2 + 4) return true;
      if (joined.length > want.length * 1.2 + 4) break;
    }
  }
  return false;
}
