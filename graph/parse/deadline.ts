// Deadlines as planners print them (完成时限 / 时间节点 / 完成时间) → a form the explorer can sort
// and filter on: the last day the words allow, a recurrence, or "ongoing". Pure: the printed text
// is always kept beside it, and words that fit none of these give nothing rather than a guess.
import type { Due } from '../model/plan.ts';
import { fold } from './normalise.ts';
import { yearDigits } from './numerals.ts';

const MONTH_WORDS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

/** A year written in Chinese digits, turned to Arabic ones; everything else left as it is. */
function arabicYears(text: string): string {
  return text.replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (year) => yearDigits(year) ?? year);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function date(year: number, month: number, day?: number): Due | undefined {
  if (year < 1949 || year > 2200 || month < 1 || month > 12) return undefined;
  const last = lastDay(year, month);
  const d = day ?? last;
  if (d < 1 || d > last) return undefined;
  return { kind: 'date', date: `${year}-${pad(month)}-${pad(d)}` };
}

// Most specific form first; each match is masked before the next form looks, so "2023年" is
// not read again inside "2023年6月". The latest date wins: a deadline is the last day the words
// allow ("2023—2025年" → 2025-12-31, "2023年6月启动,2024年底前完成" → 2024-12-31).
const FULL_DATE = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?/g;
const MONTH_RANGE = /(\d{4})\s*年\s*\d{1,2}\s*月?\s*[-—–~至到]\s*(\d{1,2})\s*月/g;
const MONTH_PART =
  /(\d{4})\s*年\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(上旬|中旬|下旬|底|末|份)?/g;
const QUARTER = /(\d{4})\s*年\s*(?:第?([一二三四1-4])季度|(上|下)半年|前三季度)/g;
const YEAR_RANGE = /(\d{4})\s*年?\s*[-—–~～至到]\s*(\d{4})(?!\s*[-./]\s*\d)/g;
const YEAR_MONTH_NUMERIC = /(\d{4})\s*[-./]\s*(\d{1,2})(?!\d|\s*[-./]\s*\d)/g;
const YEAR = /(\d{4})\s*年/g;

type Reading = (m: RegExpExecArray) => Due | undefined;

const DATE_FORMS: [RegExp, Reading][] = [
  [FULL_DATE, (m) => date(Number(m[1]), Number(m[2]), Number(m[3]))],
  [MONTH_RANGE, (m) => date(Number(m[1]), Number(m[2]))],
  [
    MONTH_PART,
    (m) => {
      const printed = m[2] ?? '';
      const month = /^\d+$/.test(printed) ? Number(printed) : (MONTH_WORDS[printed] ?? 0);
      const day = m[3] === '上旬' ? 10 : m[3] === '中旬' ? 20 : undefined;
      return date(Number(m[1]), month, day);
    },
  ],
  [
    QUARTER,
    (m) => {
      const year = Number(m[1]);
      if (m[2]) return date(year, ('一二三四'.indexOf(m[2]) + 1 || Number(m[2])) * 3);
      if (m[3]) return date(year, m[3] === '上' ? 6 : 12);
      return date(year, 9);
    },
  ],
  [YEAR_RANGE, (m) => date(Number(m[2]), 12)],
  [YEAR_MONTH_NUMERIC, (m) => date(Number(m[1]), Number(m[2]))],
  [YEAR, (m) => date(Number(m[1]), 12)],
];

/** "2023年起", "自2023年开始": a start, not a deadline. */
const FROM_YEAR = /(\d{4})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:起|开始|以来)|自\s*\d{4}\s*年/;

const RECURRING: [RegExp, Extract<Due, { kind: 'recurring' }>['every']][] = [
  [/每半年|按半年|半年一次/, 'half-year'],
  [/每季度?|按季度?|季度末|逐季|每个季度/, 'quarter'],
  [/每月|按月|逐月|月度|每个月/, 'month'],
  [/每周|按周|逐周/, 'week'],
  [/每日|每天|按日|逐日/, 'day'],
  [/每年|按年|逐年/, 'year'],
];

const ONGOING = /长期|持续|常态化|经常性|不间断|动态推进|动态调整|久久为功/;

/** A printed deadline as a `Due`, or undefined when the words fit no form a planner could sort. */
export function readDue(printed: string): Due | undefined {
  const text = arabicYears(fold(printed).replace(/\s+/g, ''));
  if (text.length === 0) return undefined;
  const starts = FROM_YEAR.test(text);
  if (!starts) {
    const at = dateIn(text);
    if (at) return at;
  }
  for (const [pattern, every] of RECURRING) {
    if (pattern.test(text)) return { kind: 'recurring', every };
  }
  if (ONGOING.test(text) || starts) return { kind: 'ongoing' };
  return undefined;
}

function dateIn(printed: string): Due | undefined {
  let text = printed;
  let latest: Extract<Due, { kind: 'date' }> | undefined;
  for (const [form, read] of DATE_FORMS) {
    form.lastIndex = 0;
    let masked = text;
    for (let m = form.exec(text); m; m = form.exec(text)) {
      const due = read(m);
      if (due?.kind === 'date' && (!latest || due.date > latest.date)) latest = due;
      masked =
        masked.slice(0, m.index) + '#'.repeat(m[0].length) + masked.slice(m.index + m[0].length);
    }
    text = masked;
  }
  return latest;
}
