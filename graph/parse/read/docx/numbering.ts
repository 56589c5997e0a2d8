// Word's automatic numbering, rendered as Word shows it. A heading typed as "总体要求" with a
// numbering reference prints as "一、总体要求": the number lives in numbering.xml (a list
// definition: per level a start, a format and a text such as "%1、" or "（%2）") and in the
// order of the paragraphs that use it. The layouts read numbers from the text, so the reader
// renders them, counting in document order — across tables and unnumbered paragraphs, as Word does.
import { formatNumber } from './number-format.ts';
import { child, childrenNamed, intVal, isOn, wAttr, type XmlElement } from './xml.ts';

interface Level {
  start: number;
  numFmt: string;
  /** "%1、", "（%2）", "%1.%2"; null when the level prints no text. */
  lvlText: string | null;
  /**
   * w:lvlRestart: this level restarts when a level numbered (1-based) up to this value is used;
   * 0 never restarts; null is the default, restart after any higher level.
   */
  restart: number | null;
  /** Legal numbering: every number of the text in Arabic digits ("1.1", not "一.1"). */
  isLgl: boolean;
  /** What Word puts between the number and the text. */
  suffix: 'tab' | 'space' | 'nothing';
  /** A paragraph style tied to this level: paragraphs of that style take it. */
  pStyle: string | null;
}

interface AbstractNum {
  levels: Map<number, Level>;
  /** The definition is another style's list (w:numStyleLink): follow that style's numId. */
  numStyleLink: string | null;
}

interface NumInstance {
  abstractId: string;
  /** w:lvlOverride: a new start (w:startOverride) and/or a whole new level definition. */
  overrides: Map<number, { start: number | null; level: Level | null }>;
}

interface ParagraphStyle {
  numId: string | null;
  ilvl: number | null;
  basedOn: string | null;
}

const LEVELS = 9;
/** Style chains and list-style links are followed this far: a file may make them circular. */
const MAX_HOPS = 16;

function readLevel(lvl: XmlElement): Level {
  const suffix = wAttr(child(lvl, 'suff'), 'val');
  return {
    start: intVal(lvl, 'start') ?? 0,
    numFmt: wAttr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
    lvlText: wAttr(child(lvl, 'lvlText'), 'val'),
    restart: intVal(lvl, 'lvlRestart'),
    isLgl: isOn(child(lvl, 'isLgl')),
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    pStyle: wAttr(child(lvl, 'pStyle'), 'val'),
  };
}

function readLevels(parent: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childrenNamed(parent, 'lvl')) {
    const ilvl = Number.parseInt(wAttr(lvl, 'ilvl') ?? '0', 10);
    if (ilvl >= 0 && ilvl < LEVELS) levels.set(ilvl, readLevel(lvl));
  }
  return levels;
}

/** numId and ilvl of a w:numPr, each null when the element does not say. */
function readNumPr(pPr: XmlElement | null): { numId: string | null; ilvl: number | null } {
  const numPr = child(pPr, 'numPr');
  return { numId: wAttr(child(numPr, 'numId'), 'val'), ilvl: intVal(numPr, 'ilvl') };
}

/** A list in use: which definition, and where its counters live. */
interface ResolvedList {
  key: string;
  levelOf: (ilvl: number) => Level | null;
  startOf: (ilvl: number) => number;
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly styles = new Map<string, ParagraphStyle>();
  private defaultStyle: string | null = null;
  /** Counters per list, one slot per level; undefined until the level is first used. */
  private readonly counters = new Map<string, Array<number | undefined>>();

  constructor(numbering: XmlElement | null, styles: XmlElement | null) {
    const root = numbering;
    if (root) {
      for (const abstract of childrenNamed(root, 'abstractNum')) {
        const id = wAttr(abstract, 'abstractNumId');
        if (id === null) continue;
        this.abstracts.set(id, {
          levels: readLevels(abstract),
          numStyleLink: wAttr(child(abstract, 'numStyleLink'), 'val'),
        });
      }
      for (const num of childrenNamed(root, 'num')) {
        const id = wAttr(num, 'numId');
        const abstractId = wAttr(child(num, 'abstractNumId'), 'val');
        if (id === null || abstractId === null) continue;
        const overrides: NumInstance['overrides'] = new Map();
        for (const override of childrenNamed(num, 'lvlOverride')) {
          const ilvl = Number.parseInt(wAttr(override, 'ilvl') ?? '0', 10);
          const lvl = child(override, 'lvl');
          overrides.set(ilvl, {
            start: intVal(override, 'startOverride'),
            level: lvl ? readLevel(lvl) : null,
          });
        }
        this.nums.set(id, { abstractId, overrides });
      }
    }
    const stylesRoot = styles;
    if (stylesRoot) {
      for (const style of childrenNamed(stylesRoot, 'style')) {
        const id = wAttr(style, 'styleId');
        if (id === null || (wAttr(style, 'type') ?? 'paragraph') !== 'paragraph') continue;
        const { numId, ilvl } = readNumPr(child(style, 'pPr'));
        this.styles.set(id, { numId, ilvl, basedOn: wAttr(child(style, 'basedOn'), 'val') });
        if (wAttr(style, 'default') === '1') this.defaultStyle ??= id;
      }
    }
  }

  /**
   * The number Word prints before this paragraph ("一、", "（二）", "1.2"), counting it; "" when the
   * paragraph is not in a list. Call once per paragraph, in document order.
   */
  label(pPr: XmlElement | null): string {
    const own = readNumPr(pPr);
    const styleId = wAttr(child(pPr, 'pStyle'), 'val') ?? this.defaultStyle;
    let numId = own.numId;
    let ilvl = own.ilvl;
    let numStyle: string | null = null;
    // What the paragraph does not say, its style (or the style it is based on) may.
    for (let id = styleId, hops = 0; id !== null && hops < MAX_HOPS; hops++) {
      const style = this.styles.get(id);
      if (!style) break;
      if (numId === null && style.numId !== null) {
        numId = style.numId;
        numStyle = id;
      }
      if (ilvl === null && style.ilvl !== null) ilvl = style.ilvl;
      if (numId !== null && ilvl !== null) break;
      id = style.basedOn;
    }
    // numId 0 is how a paragraph switches off the numbering its style would give it.
    if (numId === null || numId === '0') return '';
    const list = this.resolve(numId);
    if (!list) return '';
    if (ilvl === null) {
      // A style tied to a level of the list (w:lvl/w:pStyle) takes that level.
      ilvl = 0;
      for (let l = 0; l < LEVELS; l++) {
        if (numStyle !== null && list.levelOf(l)?.pStyle === numStyle) ilvl = l;
      }
    }
    if (ilvl < 0 || ilvl >= LEVELS) return '';
    const level = list.levelOf(ilvl);
    if (!level) return '';

    const counts = this.counters.get(list.key) ?? new Array<number | undefined>(LEVELS);
    this.counters.set(list.key, counts);
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? list.startOf(ilvl) : current + 1;
    for (let lower = ilvl + 1; lower < LEVELS; lower++) {
      const restart = list.levelOf(lower)?.restart ?? null;
      if (restart === null || (restart > 0 && ilvl < restart)) counts[lower] = undefined;
    }

    // A bullet's glyph is a private-use character of a symbol font, and carries no reference:
    // the text is what the layouts need.
    if (level.numFmt === 'bullet' || level.lvlText === null) return '';
    const text = level.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const shown = list.levelOf(at);
      if (!shown) return '';
      const value = counts[at] ?? list.startOf(at);
      return formatNumber(value, level.isLgl ? 'decimal' : shown.numFmt);
    });
    // A tab after "一、" would read as a cell boundary to the flattened-table layout, and notices
    // type their numbers with no gap ("1.实施…"): only an explicit space is kept.
    return level.suffix === 'space' ? `${text} ` : text;
  }

  private resolve(numId: string): ResolvedList | null {
    let id = numId;
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      const num = this.nums.get(id);
      if (!num) return null;
      const abstract = this.abstracts.get(num.abstractId);
      if (!abstract) return null;
      if (abstract.numStyleLink !== null) {
        const linked = this.styles.get(abstract.numStyleLink)?.numId ?? null;
        if (linked === null || linked === id) return null;
        id = linked;
        continue;
      }
      const levelOf = (ilvl: number) =>
        num.overrides.get(ilvl)?.level ?? abstract.levels.get(ilvl) ?? null;
      return {
        // Lists that share a definition share its counters (Word continues them), unless the
        // instance overrides a level: then it counts on its own, from its own start.
        key: num.overrides.size > 0 ? `num:${id}` : `abstract:${num.abstractId}`,
        levelOf,
        startOf: (ilvl) => num.overrides.get(ilvl)?.start ?? levelOf(ilvl)?.start ?? 0,
      };
    }
    return null;
  }
}
