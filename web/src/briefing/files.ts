// Names a briefing's files after what they show — `<plan>-<view or selection>-<date>.<ext>`,
// 武汉十四五分工-市发改委-2026-12-06.pdf — and hands them over as downloads (the same way as
// every export: web/src/export/download.ts).
import type { NodeData } from '../api/schema.ts';
import { localDay } from '../export/download.ts';
import { nodeName } from '../graph/to-elements.ts';
import { msg, type Lang } from '../i18n/messages.ts';

export { downloadBlob, planFileBase, planFileName } from '../export/download.ts';

/** Today as YYYY-MM-DD in the planner's own time zone (the day on the briefing). */
export const today = (now = new Date()): string => localDay(now);

/** Item texts run to a paragraph; a file name takes the reference or the first words. */
const SUBJECT_CHARS = 20;

/** A node as a file name's middle part: a unit's name, a theme's title, an item's reference. */
export function nodeSubject(node: NodeData, lang: Lang, englishPrefix = ''): string {
  if (node.kind === 'unit') return nodeName(node, lang, englishPrefix);
  const ref = node.ref ?? '';
  if (node.kind !== 'theme' && ref !== '') return ref;
  return nodeName(node, lang, englishPrefix).slice(0, SUBJECT_CHARS);
}

/** What is on screen, as a file name can say it. */
export interface Shown {
  /** The saved view whose view state is on screen, by its name. */
  savedView?: string | undefined;
  selected?: NodeData | undefined;
  /** The theme the view is filtered on. */
  theme?: NodeData | undefined;
}

/**
 * What a file shows: the saved view on screen by its name, else the selection, else the theme
 * filtered on, else `fallback` (the whole graph) — words, never ids.
 */
export function fileSubject(
  shown: Shown,
  lang: Lang,
  fallback = msg(lang, 'briefingWholeGraph'),
): string {
  if (shown.savedView !== undefined && shown.savedView.trim() !== '') return shown.savedView;
  if (shown.selected !== undefined) return nodeSubject(shown.selected, lang);
  if (shown.theme !== undefined) return nodeSubject(shown.theme, lang);
  return fallback;
}

/** What the exports draw from: the canvas (gt-graph). */
export interface CanvasImages {
  png(options: ImageChoice): Promise<Blob | null>;
  svg(options: ImageChoice): Promise<string | null>;
}

/** The planner's choices for an image of the view. */
export interface ImageChoice {
  /** The whole graph (true) or the current viewport. */
  full: boolean;
  scale: number;
  /** Instead of the scale: the widest the image may be, in pixels. */
  maxWidth?: number;
  /** A CSS colour, or left out for a transparent background. */
  background?: string;
}
