// Problems in the input are data. Every code the parser can emit is listed here with its
// severity, so the CLI, the tests and a reader of a report agree on what each one means.
import type { ParseIssue } from '../model/plan.ts';

export const ISSUE_SEVERITY = {
  /** Nothing but white space. */
  'empty-document': 'error',
  /** NUL bytes or control characters: not a text file. */
  'binary-data': 'error',
  /** Bytes that are neither UTF-8 nor any encoding the decoder recognises. */
  'invalid-utf8': 'error',
  /** Decoded from something other than UTF-8 (UTF-16, GB18030). */
  encoding: 'info',
  /** No heading, numbered line, table row or unit list: nothing to assign. */
  'no-items': 'error',
  'no-title': 'warning',
  'no-jurisdiction': 'warning',
  'no-issuer': 'info',
  'no-date': 'info',
  /** A bracket without its partner; error when units on that line were lost because of it. */
  'unbalanced-brackets': 'warning',
  /** A role label with nothing after it ("牵头单位:;"). */
  'empty-role': 'error',
  /** A role label that is not a known role word ("主抓单位:"): units kept, counted as not lead. */
  'unknown-role': 'warning',
  /** A role label without its colon ("牵头单位市教育局"): read as if the colon were there. */
  'missing-colon': 'warning',
  /** Two roles run together without ";": split where the second label starts. */
  'missing-separator': 'warning',
  /** Units in the "X牵头,Y配合" style that no role word follows. */
  'role-missing': 'warning',
  /** A line that looks like a unit list but yielded no unit. */
  'unit-list-without-edges': 'error',
  /** A unit list with no item before it to belong to. */
  'orphan-unit-list': 'error',
  /** A role label left in the item's text before its unit list: its units were not read. */
  'label-outside-list': 'warning',
  /** An empty place in a list ("市教育局、、市人社局"). */
  'empty-unit': 'warning',
  /** A "unit" too long or holding sentence punctuation: probably text caught in the list. */
  'suspicious-unit-name': 'warning',
  /** A name that is two names of this document run together ("市经信局市发改委"). */
  'merged-unit-names': 'warning',
  /** The same unit twice on one item: the first mention is kept. */
  'duplicate-unit': 'info',
  /** A second unit list for an item that already had one: both kept. */
  'duplicate-unit-list': 'warning',
  /** Two items print the same reference: the later one gets a suffix. */
  'duplicate-ref': 'warning',
  /** A numbered sequence skips or repeats a number: an item may be missing. */
  'numbering-gap': 'warning',
  /** A task, indicator or project that names no unit at all. */
  'no-units': 'warning',
  'empty-title': 'warning',
  /** A role label naming a person (牵头领导, 责任人): not a unit, not recorded as one. */
  'person-named': 'info',
  /** A unit the text of a requirement puts in charge, with no unit list: recorded as owner. */
  'unit-named-in-text': 'info',
  /** A paragraph left out that names a role (责任单位…): a unit list too broken to read. */
  'unread-unit-list': 'warning',
  /** A paragraph after an item's unit list that belongs to nothing. */
  'unattached-paragraph': 'info',
  /** Web-page furniture (扫一扫…, 微信公众号) left out. */
  'page-noise': 'info',
  /** A table row with more or fewer cells than the header. */
  'table-row-shape': 'warning',
  /** An item with a unit list but no number: given a running reference. */
  'unnumbered-item': 'info',
  /** A part of general requirements with no numbered entry and no unit list: not an item. */
  'requirements-text': 'info',
  /** A fault in the parser itself; the model holds what was read before it. */
  'internal-error': 'error',
} as const satisfies Record<string, ParseIssue['severity']>;

export type IssueCode = keyof typeof ISSUE_SEVERITY;

export class IssueLog {
  readonly issues: ParseIssue[] = [];
  readonly #errorsByLine = new Map<number, number>();

  add(
    code: IssueCode,
    message: string,
    line: number | null,
    severity: ParseIssue['severity'] = ISSUE_SEVERITY[code],
  ): void {
    this.issues.push({ code, severity, message, line });
    if (severity === 'error' && line !== null) {
      this.#errorsByLine.set(line, (this.#errorsByLine.get(line) ?? 0) + 1);
    }
  }

  errorsOn(line: number): number {
    return this.#errorsByLine.get(line) ?? 0;
  }

  has(code: IssueCode): boolean {
    return this.issues.some((i) => i.code === code);
  }
}

/** A control character (shown as a space) or white space as String.prototype.trim sees it. */
function isBlank(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x7f ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * A short, safe excerpt of a line for a message. Only the excerpt is copied: a damaged file can
 * hold one line of megabytes, and an issue about it must not cost a copy of the whole line.
 */
export function excerpt(text: string, max = 40): string {
  let start = 0;
  while (start < text.length && isBlank(text.charCodeAt(start))) start++;
  let end = text.length;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  const cut = end - start > max;
  let shown = '';
  for (const ch of text.slice(start, cut ? start + max : end)) {
    const code = ch.charCodeAt(0);
    shown += code < 0x20 || code === 0x7f ? ' ' : ch;
  }
  return cut ? `${shown}…` : shown;
}
