// A matrix column and a cell's role in the planner's words: a theme by its number and title, the
// items outside the themes by their group (主要指标, 重大工程 …), a plan by its short title and
// date (as the plan picker names it), roles by the app's one vocabulary.
import { msg, type Lang } from '../i18n/messages.ts';
import { matrixWord } from '../i18n/features/matrix.ts';
import type { MatrixColumn, MatrixRole } from './matrix-data.ts';

/** `(一) 构建现代产业体系`, `主要指标`, `二(一)1 …`, `武汉十四五分工(2022-03-03)`. */
export function columnLabel(column: MatrixColumn, lang: Lang): string {
  if (column.group !== null) return matrixWord(lang, `matrixGroup_${column.group}`);
  if (column.plan !== null) {
    return column.ref === ''
      ? column.title
      : matrixWord(lang, 'matrixPlanColumn', { title: column.title, date: column.ref });
  }
  return `${column.ref} ${column.title}`.trim();
}

/**
 * What the column heading prints: a theme's number (its title in the tooltip), a group's name, a
 * plan's short title (its date on a line of its own below).
 */
export function columnHeading(column: MatrixColumn, lang: Lang): string {
  if (column.group !== null) return matrixWord(lang, `matrixGroup_${column.group}`);
  if (column.plan !== null) return column.title;
  return column.ref === '' ? column.title : column.ref;
}

/** 牵头 / 推定牵头 / 配合. */
export function roleWord(lang: Lang, role: MatrixRole): string {
  if (role === 'lead') return msg(lang, 'roleLead');
  if (role === 'owner') return msg(lang, 'roleOwner');
  return msg(lang, 'roleSupport');
}

/** One character for a cell of the items matrix: 牵 / 推 / 配 (L / I / S). */
export function roleShort(lang: Lang, role: MatrixRole): string {
  if (role === 'lead') return matrixWord(lang, 'matrixShortLead');
  if (role === 'owner') return matrixWord(lang, 'matrixShortOwner');
  return matrixWord(lang, 'matrixShortSupport');
}
