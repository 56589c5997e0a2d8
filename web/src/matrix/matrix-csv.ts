// The matrix for a spreadsheet: one row per unit in the order on screen, its totals, then for
// each column three figures — 牵头, 其中推定牵头, 配合 — numbers a planner can sum, headed in
// the interface's language; in the matrix over plans four, its load (工作量) the fourth. In the
// items matrix a column is one item and its cell the role word.
// Pure; written out by the table exports' CSV writer (export/table-data.ts).
import { msg, type Lang } from '../i18n/messages.ts';
import { matrixWord } from '../i18n/features/matrix.ts';
import type { TableData } from '../export/table-data.ts';
import type { MatrixColumns } from '../state/matrix.ts';
import { columnLabel, roleWord } from './labels.ts';
import { cellLoad } from './matrix-data.ts';
import type { OrderedMatrix } from './order.ts';

export function matrixInWords(
  { rows, columns }: OrderedMatrix,
  by: MatrixColumns,
  lang: Lang,
): TableData {
  const unit = matrixWord(lang, 'matrixUnit');
  const totals = [
    `${matrixWord(lang, 'matrixTotal')} · ${msg(lang, 'leads')}`,
    `${matrixWord(lang, 'matrixTotal')} · ${msg(lang, 'tableInferredLeads')}`,
    `${matrixWord(lang, 'matrixTotal')} · ${msg(lang, 'supports')}`,
    matrixWord(lang, 'matrixLoad'),
  ] as const;
  const perColumn = columns.map((column) => {
    const label = columnLabel(column, lang);
    const figures = [
      `${label} · ${msg(lang, 'leads')}`,
      `${label} · ${msg(lang, 'tableInferredLeads')}`,
      `${label} · ${msg(lang, 'supports')}`,
    ];
    if (by === 'items') return { key: column.key, headers: [label] };
    // A plan's column is the unit's whole share of the plan, its load with it.
    if (by === 'plans') {
      return {
        key: column.key,
        headers: [...figures, `${label} · ${matrixWord(lang, 'matrixLoad')}`],
      };
    }
    return { key: column.key, headers: figures };
  });
  return {
    columns: [unit, ...totals, ...perColumn.flatMap((column) => column.headers)],
    rows: rows.map((row) => {
      const record: Record<string, unknown> = {
        [unit]: row.name,
        [totals[0]]: row.leads,
        [totals[1]]: row.inferredLeads,
        [totals[2]]: row.supports,
        [totals[3]]: row.load,
      };
      for (const { key, headers } of perColumn) {
        const cell = row.cells.get(key);
        if (by === 'items') {
          record[headers[0] ?? key] =
            cell?.items.map((item) => roleWord(lang, item.role)).join('、') ?? '';
          continue;
        }
        const figures = [
          cell?.leads ?? 0,
          cell?.inferredLeads ?? 0,
          cell?.supports ?? 0,
          cell === undefined ? 0 : cellLoad(cell),
        ];
        headers.forEach((header, at) => (record[header] = figures[at]));
      }
      return record;
    }),
  };
}
