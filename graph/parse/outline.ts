// The line structure of a notice: part headings (一、), section headings ((一)), numbered items
// (1.), sub-items ((1), ①), and what each part is about. Matched on folded lines.
import { formatChineseNumeral, parseChineseNumeral, yearDigits } from './numerals.ts';

export type LineShape =
  | { kind: 'part'; label: string; value: number; bodyStart: number }
  | { kind: 'section'; label: string; value: number; bodyStart: number }
  | { kind: 'numbered'; label: string; value: number; bodyStart: number }
  | {
      kind: 'sub';
      label: string;
      value: number;
      bodyStart: number;
      /** ① ② ③: a level below (1), printed in refs as is (二(二)6①), not in brackets. */
      circled?: true;
    }
  | { kind: 'text'; bodyStart: number };

const PART = /^([一二三四五六七八九十百千零〇两]{1,9})\s*[、.]\s*/;
const PART_WORDED = /^第([一二三四五六七八九十百千零〇两]{1,9})(?:部分|章|篇)\s*[、.:]?\s*/;
const SECTION = /^\(\s*([一二三四五六七八九十百千零〇两]{1,9})\s*\)\s*/;
const NUMBERED = /^(\d{1,4})\s*(?:[.、]|\)(?!\d))(?![\d.%])\s*/;
const SUB = /^\(\s*(\d{1,3})\s*\)\s*/;
const CIRCLED = /^([\u2460-\u2473])\s*/;
/** ⑴…⒇, ⒈…⒛ and ㈠…㈩: one character that Word and PDFs print for (1), 1. and (一). */
const ENCLOSED = /^([\u2474-\u249b\u3220-\u3229])\s*/;
const IDEOGRAPH_ONE = 0x3220;
const PAREN_DIGIT_ONE = 0x2474;
const DOT_DIGIT_ONE = 0x2488;

function enclosedShape(rest: string, indent: number): LineShape | null {
  const m = ENCLOSED.exec(rest);
  if (!m) return null;
  const code = (m[1] ?? '').charCodeAt(0);
  const bodyStart = indent + m[0].length;
  if (code >= IDEOGRAPH_ONE) {
    const value = code - IDEOGRAPH_ONE + 1;
    return { kind: 'section', label: formatChineseNumeral(value), value, bodyStart };
  }
  if (code >= DOT_DIGIT_ONE) {
    const value = code - DOT_DIGIT_ONE + 1;
    return { kind: 'numbered', label: String(value), value, bodyStart };
  }
  const value = code - PAREN_DIGIT_ONE + 1;
  return { kind: 'sub', label: String(value), value, bodyStart };
}

/** Classifies a folded line whose leading white space ends at `indent`. */
export function classifyLine(folded: string, indent: number): LineShape {
  const rest = indent === 0 ? folded : folded.slice(indent);
  let m = SECTION.exec(rest);
  if (m) {
    const label = m[1] ?? '';
    const value = parseChineseNumeral(label);
    if (value !== null && value > 0) {
      return { kind: 'section', label, value, bodyStart: indent + m[0].length };
    }
  }
  m = SUB.exec(rest);
  if (m) {
    const label = m[1] ?? '';
    return { kind: 'sub', label, value: Number(label), bodyStart: indent + m[0].length };
  }
  m = CIRCLED.exec(rest);
  if (m) {
    const label = m[1] ?? '';
    const value = label.charCodeAt(0) - 0x2460 + 1;
    return { kind: 'sub', label, value, bodyStart: indent + m[0].length, circled: true };
  }
  const enclosed = enclosedShape(rest, indent);
  if (enclosed) return enclosed;
  m = NUMBERED.exec(rest);
  if (m) {
    return {
      kind: 'numbered',
      label: m[1] ?? '',
      value: Number(m[1]),
      bodyStart: indent + m[0].length,
    };
  }
  m = PART.exec(rest) ?? PART_WORDED.exec(rest);
  if (m) {
    const label = m[1] ?? '';
    const value = parseChineseNumeral(label);
    if (value !== null && value > 0) {
      return { kind: 'part', label, value, bodyStart: indent + m[0].length };
    }
  }
  return { kind: 'text', bodyStart: indent };
}

/**
 * What a part holds, from its heading's words: 指标 indicators, 工程/项目 projects,
 * 要求/保障措施 requirements, 任务 tasks under themes. A heading that names none of them is a
 * strategic heading itself: a theme, its entries tasks.
 */
export type SectionKind = 'indicator' | 'task' | 'project' | 'requirement' | 'theme';

export function sectionKindOf(heading: string): SectionKind {
  if (/指标/.test(heading)) return 'indicator';
  if (/工程|项目/.test(heading)) return 'project';
  if (/要求|保障措施|组织保障|组织实施|措施$/.test(heading)) return 'requirement';
  if (/任务/.test(heading)) return 'task';
  if (/目标/.test(heading)) return 'indicator';
  return 'theme';
}

const NOISE =
  /扫一扫|微信公众号|打印本页|关闭窗口|【打印】|【关闭】|分享到|责任编辑|浏览次数|字号:|上一篇|下一篇|【字体/;

/** Web-page furniture copied along with the notice. */
export function isPageNoise(folded: string): boolean {
  return folded.length < 60 && NOISE.test(folded);
}

const DATE =
  /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

/** A line that is only a date ("2022年3月3日", "二〇二二年三月三日") → ISO, else null. */
export function dateOfLine(folded: string): string | null {
  const m = DATE.exec(folded.trim());
  if (!m) return null;
  const [, y = '', mo = '', d = ''] = m;
  const year = yearDigits(y) ?? '';
  const month = /^\d+$/.test(mo) ? Number(mo) : parseChineseNumeral(mo);
  const day = /^\d+$/.test(d) ? Number(d) : parseChineseNumeral(d);
  if (year.length !== 4 || month === null || day === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
