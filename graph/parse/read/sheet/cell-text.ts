// A cell's text as the sheet displays it: what the planner reads on screen, not the value Excel
// stores. A deadline typed as a date is the serial 45107 in the file and "2023年6月30日" on the
// screen; a completion rate is 0.725 in the file and "72.50%" on the screen. The layouts read
// deadlines and progress from this text, so it must be the screen's.
import type { CellValue } from 'exceljs';
import { format, isValidFormat } from 'numfmt';

/**
 * Built-in formats whose display depends on the system locale. ExcelJS names them by their
 * en-US codes; a planner's Excel runs in Chinese, where the short date (format 14) shows as
 * 2023/6/30, not 06-30-23.
 */
const AS_SHOWN_IN_CHINA: Readonly<Record<string, string>> = {
  'mm-dd-yy': 'yyyy/m/d',
  'm/d/yy "h":mm': 'yyyy/m/d h:mm',
  'm/d/yy h:mm': 'yyyy/m/d h:mm',
};

const LOCALE = 'zh-CN';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Days from Excel's 1900 epoch (as its serials count them) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

const valid = new Map<string, boolean>();
function usable(pattern: string): boolean {
  let ok = valid.get(pattern);
  if (ok === undefined) {
    ok = isValidFormat(pattern);
    valid.set(pattern, ok);
  }
  return ok;
}

/** A number under a cell's number format; General where the cell has none or a broken one. */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const pattern = AS_SHOWN_IN_CHINA[numFmt ?? ''] ?? numFmt ?? 'General';
  try {
    return format(usable(pattern) ? pattern : 'General', value, { locale: LOCALE, throws: false });
  } catch {
    return String(value);
  }
}

/**
 * ExcelJS turns a date-formatted number into a Date, already shifted from the 1904 system when
 * the workbook uses it. Back to a serial of the 1900 system, the one numfmt counts in, it
 * prints as the same calendar day Excel shows.
 */
function dateSerial(date: Date): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / DAY_MS;
}

/** Excel's line breaks in a cell are "\n"; files written elsewhere may hold "\r\n". */
const lineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

/** The displayed text of a cell's value under its number format. */
export function cellText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return lineBreaks(value);
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return formatNumber(dateSerial(value), numFmt ?? 'yyyy/m/d');
  }
  if ('richText' in value) {
    return lineBreaks((value.richText ?? []).map((run) => run.text ?? '').join(''));
  }
  if ('hyperlink' in value) {
    // The link's shown text may itself be rich text; the address is not what the sheet shows.
    return cellText(value.text as CellValue, numFmt);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    // The result Excel cached when it last saved: what the planner saw.
    return cellText(value.result as CellValue, numFmt);
  }
  if ('error' in value) return String(value.error);
  return '';
}
