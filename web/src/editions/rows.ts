// The order a planner can put the changed items in. Pure; stable, so rows equal under an order
// keep the comparison's own order (the older edition's, then the added items).
import {
  ITEM_CHANGES,
  MATCH_CERTAINTIES,
  type ItemChange,
} from '../../../contract/api/editions.ts';

export type RowOrder = 'document' | 'change' | 'certainty' | 'number';

const changeRank = (row: ItemChange) =>
  Math.min(...row.changes.map((change) => ITEM_CHANGES.indexOf(change)));

/**
 * Least certain first: an item that might be one of several (never paired), then pairs on
 * wording alone, then the certain pairings from the least sure, then items in one edition only.
 */
function certaintyRank(row: ItemChange): number {
  if (row.match === null) return row.candidates.length > 0 ? -1 : MATCH_CERTAINTIES.length;
  return MATCH_CERTAINTIES.length - 1 - MATCH_CERTAINTIES.indexOf(row.match);
}

const numberOf = (row: ItemChange) => (row.to ?? row.from)?.ref ?? '';

export function sortedRows(rows: readonly ItemChange[], order: RowOrder): ItemChange[] {
  const list = [...rows];
  switch (order) {
    case 'document':
      return list;
    case 'change':
      return list.sort((a, b) => changeRank(a) - changeRank(b));
    case 'certainty':
      return list.sort((a, b) => certaintyRank(a) - certaintyRank(b));
    case 'number':
      return list.sort((a, b) =>
        numberOf(a).localeCompare(numberOf(b), 'zh-Hans-CN', { numeric: true }),
      );
  }
}
