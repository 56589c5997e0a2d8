// One pass over the page that measures it: for every element, how much of the text beneath it
// reads like the notice (Chinese characters outside links and chrome), how much is link text,
// and which parts are chrome. Finding the body and leaving the chrome out both read these figures.
import {
  bodyHint,
  isSkipped,
  type BodyHint,
  infoLabels,
  isChromeElement,
  isChromeLine,
  labelCount,
} from './chrome.ts';
import {
  childrenOf,
  type Element,
  HEADING_TAGS,
  isElement,
  isText,
  nameTokens,
  type Node,
} from './dom.ts';
import { countHan } from './text.ts';

export interface Measure {
  /** Chinese characters of notice-like text beneath: outside links and chrome. */
  text: number;
  /** Chinese characters of link text beneath (outside chrome). */
  links: number;
  /** 信息公开 labels beneath, as bits. */
  labels: number;
  /** A CMS body container is beneath (or is this element). */
  holdsBody: boolean;
}

export interface Candidate {
  el: Element;
  hint: Exclude<BodyHint, undefined>;
  /** Inside an element left out as chrome. */
  inChrome: boolean;
}

export interface Survey {
  measures: Map<Element, Measure>;
  /** Elements left out with everything beneath them: chrome by markup, the 信息公开 box. */
  dropped: Set<Element>;
  candidates: Candidate[];
  /** Headings and title-classed elements outside chrome, for the notice's title. */
  headings: Element[];
  /** The page shows signs of a site around the notice (chrome, links). */
  site: boolean;
}

/** Three 信息公开 labels in a part of the page this small make it the 信息公开 box. */
const INFO_BOX_MAX_HAN = 400;

/** Text nodes longer than this are not looked at for chrome lines and box labels. */
const SHORT_TEXT = 300;

const ZERO: Measure = { text: 0, links: 0, labels: 0, holdsBody: false };

export function survey(root: Element): Survey {
  const measures = new Map<Element, Measure>();
  const dropped = new Set<Element>();
  const candidates: Candidate[] = [];
  const headings: Element[] = [];
  let links = 0;
  let chromeDepth = 0;
  let chromeSeen = false;

  type Frame = { el: Element; leave: boolean; chrome: boolean; link: boolean };
  const stack: Frame[] = [{ el: root, leave: false, chrome: false, link: false }];
  let linkDepth = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { el } = frame;
    if (!frame.leave) {
      if (isSkipped(el)) {
        measures.set(el, ZERO);
        continue;
      }
      const chrome = el !== root && isChromeElement(el);
      const link = el.tagName === 'a';
      if (chrome) chromeDepth++;
      if (link) linkDepth++;
      const hint = bodyHint(el);
      if (hint) candidates.push({ el, hint, inChrome: chromeDepth > 0 });
      if (chromeDepth === 0 && isHeading(el)) headings.push(el);
      stack.push({ el, leave: true, chrome, link });
      const children = childrenOf(el);
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i] as Node;
        if (isElement(child)) stack.push({ el: child, leave: false, chrome: false, link: false });
      }
      continue;
    }

    const m: Measure = { text: 0, links: 0, labels: 0, holdsBody: bodyHint(el) === 'body' };
    let strongest = 0;
    for (const child of childrenOf(el)) {
      if (isElement(child)) {
        const c = measures.get(child) ?? ZERO;
        m.text += c.text;
        m.links += c.links;
        m.labels |= c.labels;
        m.holdsBody ||= c.holdsBody;
        strongest = Math.max(strongest, labelCount(c.labels));
      } else if (isText(child)) {
        const han = countHan(child.value);
        if (han === 0) continue;
        // Chrome lines and the 信息公开 box's labels are short strings: long text is notice.
        const short = child.value.length <= SHORT_TEXT;
        if (linkDepth > 0) m.links += han;
        else if (!short || !isChromeLine(child.value, true)) m.text += han;
        if (short) m.labels |= infoLabels(child.value);
      }
    }
    if (frame.link) linkDepth--;
    if (frame.chrome) chromeDepth--;
    // Chrome that wraps the CMS's body container is a page frame named oddly: keep it.
    if (frame.chrome && !m.holdsBody) {
      dropped.add(el);
      chromeSeen = true;
      measures.set(el, { ...ZERO });
      continue;
    }
    const isInfoBox =
      labelCount(m.labels) >= 3 && strongest < 3 && m.text <= INFO_BOX_MAX_HAN && !m.holdsBody;
    if (isInfoBox) {
      dropped.add(el);
      chromeSeen = true;
      measures.set(el, { ...ZERO });
      continue;
    }
    if (el.tagName === 'a') links += m.links;
    measures.set(el, m);
  }
  return { measures, dropped, candidates, headings, site: chromeSeen || links >= 20 };
}

function isHeading(el: Element): boolean {
  if (HEADING_TAGS.has(el.tagName)) return true;
  return nameTokens(el).parts.some((p) => TITLE_PARTS.has(p));
}

/** Class parts CMSs give the element that prints an article's title (biaoti, bt: 标题). */
const TITLE_PARTS = new Set(['title', 'tit', 'biaoti', 'bt']);
