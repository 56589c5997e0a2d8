// What a reload did with the records kept beside the plan, as lines for `npm run load`: only
// when there are records at all, and every unattached one named, so a planner knows what to
// attach by hand (the explorer lists them too: GET /api/progress/unattached).
import type { PlanRelinkReport, RecordLabel } from './relink.ts';

const LABEL_WORDS: Record<RecordLabel, string> = {
  Progress: 'progress',
  DeadlineChange: 'deadline changes',
  IndicatorValue: 'indicator values',
};

const HOW_WORDS = { renumbered: 'renumbered / 编号变更', reworded: 'reworded / 表述变更' };

export function relinkLines(report: PlanRelinkReport): string[] {
  const kept = Object.entries(report.kept).filter(([, n]) => n > 0);
  if (kept.length === 0 && report.followed.length === 0 && report.unattached.length === 0) {
    return [];
  }
  const lines = [
    `  records kept   ${
      kept.length === 0
        ? 'none on the same item'
        : kept.map(([label, n]) => `${LABEL_WORDS[label as RecordLabel]} ${n}`).join(' · ')
    }`,
  ];
  if (report.followed.length > 0) {
    lines.push(`  followed       ${report.followed.length} (moved to the item they belong to now)`);
    for (const f of report.followed) {
      lines.push(
        `    ${LABEL_WORDS[f.label]}: ${f.fromRef ?? '?'} ${f.fromTitle ?? ''} → ${f.toRef} ${f.toTitle} (${HOW_WORDS[f.how]})`,
      );
    }
  }
  if (report.unattached.length > 0) {
    lines.push(
      `  unattached     ${report.unattached.length} kept for a planner to attach / 待人工关联 (no certain match in this edition)`,
    );
    for (const u of report.unattached) {
      lines.push(
        `    ${LABEL_WORDS[u.label]}: ${u.itemRef ?? '?'} ${u.itemTitle ?? ''} (${u.at}, ${u.by})`,
      );
    }
  }
  return lines;
}
