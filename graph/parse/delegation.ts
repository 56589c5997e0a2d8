// "按照《…》(武办发〔2020〕28号)分工组织实施": a project carried out under another notice, which
// becomes a document of its own in the model.
import { createHash } from 'node:crypto';
import type { DelegatedDocument } from '../model/plan.ts';
import { pairBrackets } from './text-scan.ts';
import type { LineText } from './unit-list.ts';

const DELEGATION_VERB = /按照|根据|依照|参照/;
const DELEGATION_TAIL = /实施|执行|落实|分工/;
const DOCUMENT_NUMBER = /[\u4e00-\u9fff]{1,12}\s*[〔[【(]\s*\d{4}\s*[〕\]】)]\s*\d+\s*号/;

/**
 * The notice a line delegates to, or null. Its id is `document/${number}`, or
 * `document/${8 hex of sha256(title)}` when no number is printed.
 */
export function readDelegation(line: LineText, indent: number): DelegatedDocument | null {
  const { folded, original } = line;
  const verb = DELEGATION_VERB.exec(folded);
  if (!verb || verb.index > indent + 4) return null;
  const open = folded.indexOf('《', verb.index);
  if (open === -1) return null;
  const close = pairBrackets(folded)[open] ?? -1;
  if (close <= open || !DELEGATION_TAIL.test(folded.slice(close))) return null;
  const title = original.slice(open + 1, close);
  const found = DOCUMENT_NUMBER.exec(folded.slice(close));
  const number = found
    ? original.slice(close + found.index, close + found.index + found[0].length)
    : null;
  const id = number
    ? `document/${number}`
    : `document/${createHash('sha256').update(title).digest('hex').slice(0, 8)}`;
  return { id, number, title: title.length > 0 ? title : id, line: line.line };
}
