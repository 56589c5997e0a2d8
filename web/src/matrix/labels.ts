// A matrix column and a cell's role in the planner's words: a theme by its number and title, the
// items outside the themes by their group (主要指标, 重大工程 …), roles by the app's one vocabulary.
import { msg, type Lang } from '../i18n/messages.ts';
import { matrixWord } from '../i18n/features/matrix.ts';
import type { MatrixColumn, MatrixRole } from './matrix-data.ts';

/** `(一) 构建现代产业体系`, `主要指标`, `二(一)1 …`. */
export function columnLabel(column: MatrixColumn, lang: Lang): string {
  if (column.group !== null) return matrixWord(lang, `matrixGroup_${column.group}`);
  return `${column.ref} ${column.title}`.trim();
}

/** What the column heading prints: a theme's number (its title in the tooltip), a group's name. */
export function columnHeading(column: MatrixColumn, lang: Lang): string {
  if (column.group !== null) return matrixWord(lang, `matrixGroup_${column.group}`);
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
