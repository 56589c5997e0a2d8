// Where something is in a document, in words a planner reads: "第 3 页第 12 行", "工作表 督办台账
// A4", "第 17 段" — or the same in English. One wording for the CLI, the loader's messages and
// the import review, whatever the format.
import type { SourcePosition } from '../model/plan.ts';

export function positionLabel(source: SourcePosition, language: 'zh' | 'en' = 'zh'): string {
  const zh = language === 'zh';
  const parts: string[] = [];
  if (source.sheet !== undefined)
    parts.push(zh ? `工作表「${source.sheet}」` : `sheet "${source.sheet}"`);
  if (source.cell !== undefined) parts.push(source.cell);
  else if (source.table !== undefined && source.row !== undefined) {
    parts.push(
      zh ? `表${source.table}第${source.row}行` : `table ${source.table} row ${source.row}`,
    );
  }
  if (source.page !== undefined) parts.push(zh ? `第${source.page}页` : `page ${source.page}`);
  if (source.paragraph !== undefined && source.row === undefined) {
    parts.push(zh ? `第${source.paragraph}段` : `paragraph ${source.paragraph}`);
  }
  if (source.line !== undefined && source.cell === undefined) {
    parts.push(zh ? `第${source.line}行` : `line ${source.line}`);
  }
  if (parts.length === 0 && source.block !== undefined) {
    parts.push(zh ? `第${source.block}块` : `block ${source.block}`);
  }
  return parts.join(zh ? '' : ', ');
}
