// Which sheets of a workbook hold the table of tasks. A ledger often comes with a sheet of
// notes (填表说明: how to fill it in, what the statuses mean) whose sentences name units and
// roles: read as tasks, they would add items and edges that are not in the plan. A sheet is
// judged by its content as well as its name, and the sheet holding the tasks is never dropped:
// when no sheet passes, the best of the rest is kept.
import type { GridRow } from './grid.ts';

export interface SheetContent {
  name: string;
  /** Hidden or very hidden: the planner does not see it in Excel. */
  hidden: boolean;
  rows: readonly GridRow[];
}

export type SheetVerdict =
  { keep: true } | { keep: false; reason: { en: string; zh: string } | null };

/** Names planners give a sheet of notes. Whole names only: 任务说明表 may well hold tasks. */
const NOTES_NAME =
  /^(?:(?:填表|填报|使用|编制|台账)?(?:说明|须知|要求|备注|注意事项)|notes?|readme|instructions?)$/i;

/** A table row has three filled cells at least: an item, a unit, something more. */
const TABLE_ROW_CELLS = 3;

const filled = (row: GridRow) => row.cells.filter((c) => c.text.trim() !== '').length;
const tableLike = (sheet: SheetContent) => sheet.rows.some((r) => filled(r) >= TABLE_ROW_CELLS);
export const notesName = (name: string) => NOTES_NAME.test(name.trim());

/** A verdict for each sheet, in the order given. */
export function chooseSheets(sheets: readonly SheetContent[]): SheetVerdict[] {
  // From the strictest test down, the first that keeps any sheet decides.
  const tiers: ((s: SheetContent) => boolean)[] = [
    (s) => !s.hidden && tableLike(s) && !notesName(s.name),
    (s) => !s.hidden && tableLike(s),
    (s) => tableLike(s),
    (s) => !s.hidden,
  ];
  const keep =
    tiers
      .map((test) => sheets.map((s) => s.rows.length > 0 && test(s)))
      .find((kept) => kept.some(Boolean)) ?? sheets.map(() => false);

  return sheets.map((sheet, i): SheetVerdict => {
    if (keep[i]) return { keep: true };
    // An empty sheet (Excel's Sheet2, Sheet3) loses nothing: no issue for it.
    if (sheet.rows.length === 0) return { keep: false, reason: null };
    if (sheet.hidden) return { keep: false, reason: { en: 'hidden sheet', zh: '隐藏的工作表' } };
    if (notesName(sheet.name)) {
      return { keep: false, reason: { en: 'named as notes', zh: '工作表名称表明为说明' } };
    }
    return {
      keep: false,
      reason: {
        en: `no row with ${TABLE_ROW_CELLS} or more filled cells`,
        zh: `没有含 ${TABLE_ROW_CELLS} 个及以上非空单元格的行`,
      },
    };
  });
}
