// The plan itself: title, issuer, date and jurisdiction, read from the lines before the first
// heading (the cover letter of a notice, or just a title line).
import { excerpt, type IssueLog } from './issues.ts';
import { simplified, trimAll } from './normalise.ts';
import { dateOfLine } from './outline.ts';
import type { LineText } from './unit-list.ts';

export interface PlanHeader {
  title: string;
  issuer: string | null;
  date: string | null;
  jurisdiction: string;
}

const ISSUER_END = /(厅|室|府|委|局|会|部|组|办|处|院|委员会|指挥部|小组|管委会)$/;
const SENTENCE = /[。,;:!?、]/;
const NOTICE = /^(.{2,40}?)关于印发(.+)的通知$/;
const ATTACHMENT = /^附件\s*\d*\s*:?$/;
// The disclosure mark printed under a notice's date, (此件公开发布) and the like: not its title.
const DISCLOSURE = /^\((?:此件|本件)[^()]*\)$/;
const TITLE_LINE_MAX = 60;
const PLACE =
  /^(?:中共)?((?:[\u4e00-\u9fff]{2,6}?(?:省|自治区))?(?:[\u4e00-\u9fff]{1,6}?(?:市|州|盟|地区))?(?:[\u4e00-\u9fff]{1,5}?(?:县|区|旗))?)/;
const NOT_PLACE = /人民|政府|关于|印发|办公|的|规划|方案|工作/;
export const UNTITLED = '未命名计划';
export const UNKNOWN_JURISDICTION = '未知';

interface Line {
  original: string;
  folded: string;
  line: number;
}

function trimmed(lines: readonly LineText[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const folded = trimAll(l.folded);
    if (folded.length > 0) out.push({ original: trimAll(l.original), folded, line: l.line });
  }
  return out;
}

/** Reads the plan header from the preamble; `allLines` is searched for a date as a fallback. */
export function readHeader(
  preamble: readonly LineText[],
  allLines: readonly LineText[],
  log: IssueLog,
): PlanHeader {
  const lines = trimmed(preamble);
  let dateAt = lines.findIndex((l) => dateOfLine(l.folded) !== null);
  let date = dateOfLine(lines[dateAt]?.folded ?? '');
  if (date === null) {
    // Some notices sign and date at the end instead.
    for (let i = allLines.length - 1; i >= 0 && date === null; i--) {
      date = dateOfLine(allLines[i]?.folded.trim() ?? '');
    }
    dateAt = -1;
  }

  let issuer: string | null = null;
  const before = dateAt > 0 ? lines[dateAt - 1] : undefined;
  if (before) {
    if (
      before.folded.length <= 30 &&
      !SENTENCE.test(before.folded) &&
      ISSUER_END.test(before.folded)
    ) {
      issuer = before.original;
    }
  }
  let notice: { line: Line; issuer: string; title: string } | null = null;
  for (const l of lines) {
    const m = NOTICE.exec(l.folded);
    if (m) {
      notice = { line: l, issuer: m[1] ?? '', title: m[2] ?? '' };
      break;
    }
  }
  if (issuer === null && notice) issuer = notice.line.original.slice(0, notice.issuer.length);

  let title: string | null = null;
  if (dateAt !== -1) {
    const block: string[] = [];
    for (const l of lines.slice(dateAt + 1)) {
      if (ATTACHMENT.test(l.folded) || DISCLOSURE.test(l.folded)) continue;
      if (l.folded.length > TITLE_LINE_MAX || /[。;:]$/.test(l.folded) || l.folded.includes('。')) {
        break;
      }
      block.push(l.original);
    }
    if (block.length > 0) title = block.join('');
  }
  if (title === null && notice) {
    const at = notice.issuer.length + '关于印发'.length;
    let t = notice.line.original.slice(at, at + notice.title.length);
    if (/^《[^《》]*》$/.test(notice.title)) t = t.slice(1, -1);
    title = t;
  }
  if (title === null) {
    const first = lines.find(
      (l) => !l.folded.endsWith(':') && !ATTACHMENT.test(l.folded) && !DISCLOSURE.test(l.folded),
    );
    if (first) title = first.original;
  }
  if (title === null || title.length === 0) {
    const any = trimmed(allLines)[0];
    title = any ? excerpt(any.original, 100) : UNTITLED;
    if (title.length === 0) title = UNTITLED;
    log.add('no-title', `no title line before the first heading; using "${excerpt(title)}"`, null);
  }

  let jurisdiction: string | null = null;
  const candidates = [issuer, title, lines[0]?.original ?? null];
  for (const c of candidates) {
    if (c === null) continue;
    const folded = simplified(c);
    const m = PLACE.exec(folded);
    const place = m?.[1] ?? '';
    if (place.length >= 2 && !NOT_PLACE.test(place)) {
      jurisdiction = place;
      break;
    }
  }
  if (jurisdiction === null) {
    log.add(
      'no-jurisdiction',
      `no place name (…市, …县, …区) in the issuer or title; units are filed under "${UNKNOWN_JURISDICTION}"`,
      null,
    );
  }
  if (issuer === null) log.add('no-issuer', 'no issuing office printed', null);
  if (date === null) log.add('no-date', 'no date of issue printed', null);
  return { title, issuer, date, jurisdiction: jurisdiction ?? UNKNOWN_JURISDICTION };
}
