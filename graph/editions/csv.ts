// A comparison of editions as CSV for Excel: the changed items, or the units' totals, with headers,
// certainty and change words in the planner's language (contract/edition-words.ts). Pure.
import type { EditionComparison, EditionItem, ItemChange } from '../../contract/api/editions.ts';
import {
  CERTAINTY_WORDS,
  CHANGE_WORDS,
  EDITIONS_FILE_WORD,
  ITEM_COLUMNS,
  KIND_WORDS,
  percent,
  UNIT_CHANGE_WORDS,
  UNIT_COLUMNS,
  type EditionLang,
  type ItemColumn,
  type UnitColumn,
} from '../../contract/edition-words.ts';
import { planShortTitle, type PlanTitle } from '../../contract/short-title.ts';
import { formatCsv } from '../queries/format.ts';

export type EditionTable = 'items' | 'units';

// Several values in one cell: the full-width semicolon reads as a list in Chinese and never
// collides with the 、 inside a unit's qualifier.
const SEPARATOR = ';';

const parentText = (item: EditionItem | null) =>
  item?.parent == null ? '' : `${item.parent.ref} ${item.parent.title}`;

function itemRow(row: ItemChange, lang: EditionLang): Record<ItemColumn, string> {
  const kind = (row.to ?? row.from)?.kind;
  return {
    changes: row.changes.map((change) => CHANGE_WORDS[change][lang]).join(SEPARATOR),
    match: row.match === null ? '' : CERTAINTY_WORDS[row.match][lang],
    likeness: row.likeness === null ? '' : percent(row.likeness),
    kind: kind === undefined ? '' : KIND_WORDS[kind][lang],
    fromRef: row.from?.ref ?? '',
    fromTitle: row.from?.title ?? '',
    fromParent: parentText(row.from),
    toRef: row.to?.ref ?? '',
    toTitle: row.to?.title ?? '',
    toParent: parentText(row.to),
    units: row.units
      .map((unit) => `${unit.name} ${UNIT_CHANGE_WORDS[unit.change][lang]}`)
      .join(SEPARATOR),
    candidates: row.candidates
      .map((candidate) => `${candidate.ref} ${candidate.title} (${percent(candidate.likeness)})`)
      .join(SEPARATOR),
  };
}

/** The table as CSV (UTF-8 with BOM, CRLF), one header row in `lang`. */
export function comparisonCsv(
  comparison: EditionComparison,
  table: EditionTable,
  lang: EditionLang,
): string {
  if (table === 'units') {
    const columns = Object.keys(UNIT_COLUMNS) as UnitColumn[];
    const rows = comparison.units.map((unit) => {
      const values: Record<UnitColumn, string | number> = {
        unit: unit.names.join(' / '),
        leadsGained: unit.leadsGained,
        leadsLost: unit.leadsLost,
        supportsGained: unit.supportsGained,
        supportsLost: unit.supportsLost,
      };
      return Object.fromEntries(
        columns.map((column) => [UNIT_COLUMNS[column][lang], values[column]]),
      );
    });
    return formatCsv(
      columns.map((column) => UNIT_COLUMNS[column][lang]),
      rows,
    );
  }
  const columns = Object.keys(ITEM_COLUMNS) as ItemColumn[];
  const rows = comparison.items.map((row) => {
    const values = itemRow(row, lang);
    return Object.fromEntries(
      columns.map((column) => [ITEM_COLUMNS[column][lang], values[column]]),
    );
  });
  return formatCsv(
    columns.map((column) => ITEM_COLUMNS[column][lang]),
    rows,
  );
}

/** 武汉十四五分工-版本对比-2026-12-07.csv (the units' table: …-版本对比-单位-….csv), after the newer edition. */
export function comparisonFileName(
  plan: PlanTitle,
  table: EditionTable,
  lang: EditionLang,
  day: string,
): string {
  const short = planShortTitle(plan).replace(/[\\/:*?"<>|\s]+/g, '-');
  const word = EDITIONS_FILE_WORD[lang];
  const what = table === 'units' ? `${word}-${lang === 'zh' ? '单位' : 'units'}` : word;
  return `${short}-${what}-${day}.csv`;
}
