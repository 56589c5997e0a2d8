// Where on the page the notice is. A CMS's body container (#zoom, .TRS_Editor, #UCAP-CONTENT …)
// is taken when it holds a fair share of the page's text; a looser name (.content, .view) is a
// place to start looking; otherwise the text itself shows the way: from <body> down, into the
// one child that holds nearly all of the notice-like text, until the text divides among several
// (the paragraphs of the notice). Chrome and link lists weigh nothing in these figures.
import { childrenOf, contains, type Element, isElement } from './dom.ts';
import type { Measure, Survey } from './survey.ts';
import { isLayoutTable } from './table.ts';

export interface Body {
  root: Element;
  /**
   * container: a CMS's own body element (only chrome no notice prints is left out inside it);
   * found: located from the text; page: the whole page, nothing better found.
   */
  how: 'container' | 'found' | 'page';
}

/** Below this many Chinese characters an element is not the notice, whatever its name. */
const MIN_HAN = 20;
/** A named container must hold this share of the page's notice-like text. */
const CONTAINER_SHARE = 0.2;
/** Going down into a child: it holds this share of its parent's text … */
const DESCEND_SHARE = 0.8;
/** … and leaves behind no more than this many characters (or a tenth), lest the preamble go. */
const DESCEND_LEFTOVER = 80;
/** An inner container holding nearly all of an outer one is the tighter, better choice. */
const NESTED_SHARE = 0.9;

export function findBody(page: Element, survey: Survey): Body {
  const measure = (el: Element): Measure =>
    survey.measures.get(el) ?? { text: 0, links: 0, labels: 0, holdsBody: false };
  const total = measure(page).text;
  const enough = (el: Element) => measure(el).text >= Math.max(MIN_HAN, total * CONTAINER_SHARE);

  const usable = survey.candidates.filter((c) => !c.inChrome && enough(c.el));
  const named = usable.filter((c) => c.hint === 'body').map((c) => c.el);
  if (named.length > 0) return { root: tightest(named, measure), how: 'container' };

  const maybe = usable.filter((c) => c.hint === 'maybe-body').map((c) => c.el);
  const start = maybe.length > 0 ? tightest(maybe, measure) : page;
  const root = descend(start, measure, survey.dropped);
  if (root === page || measure(root).text < MIN_HAN) return { root: page, how: 'page' };
  return { root, how: 'found' };
}

/** The container with the most text, or one inside it that holds nearly all of that text. */
function tightest(elements: Element[], measure: (el: Element) => Measure): Element {
  let best = elements.reduce((a, b) => (measure(b).text > measure(a).text ? b : a));
  for (const el of elements) {
    if (el !== best && contains(best, el) && measure(el).text >= measure(best).text * NESTED_SHARE)
      best = el;
  }
  return best;
}

/** From `start` down into the child holding nearly all of the text, while there is one. */
function descend(
  start: Element,
  measure: (el: Element) => Measure,
  dropped: ReadonlySet<Element>,
): Element {
  let at = start;
  for (;;) {
    const here = measure(at).text;
    let best: Element | undefined;
    for (const child of childrenOf(at)) {
      if (!isElement(child) || dropped.has(child)) continue;
      if (!best || measure(child).text > measure(best).text) best = child;
    }
    if (!best) return at;
    // A table of the notice is read whole, with what stands around it.
    if (best.tagName === 'table' && !isLayoutTable(best)) return at;
    const kept = measure(best).text;
    const leftover = here - kept;
    if (kept < here * DESCEND_SHARE || leftover > Math.max(DESCEND_LEFTOVER, here * 0.1)) return at;
    at = best;
  }
}
