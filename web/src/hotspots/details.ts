// What stands behind a ranking row, as a table: the items a pair shares with each one's role, a
// unit's items under their themes, the units on an item, a group's members. Pure: built from the
// API's answers (unit profiles, an item's neighbourhood) and the plan as drawn, tested without a
// browser. Rows keep raw values (roles as lead / owner / support, kinds as codes) for JSON; the
// component and the spreadsheet put them into words.
import type { EdgeData, NodeData, ProfileItem, UnitProfile } from '../api/schema.ts';
import { roleOfType } from '../graph/to-elements.ts';

export type DetailRole = 'lead' | 'owner' | 'support';

/** Named leads first, then owners by the rule, then supports: how the plan counts them. */
export const ROLE_ORDER: readonly DetailRole[] = ['lead', 'owner', 'support'];

export type DetailRow = Readonly<Record<string, unknown>>;

/** How a column's values read and sort. */
export type CellType = 'text' | 'ref' | 'theme' | 'role' | 'kind' | 'number' | 'flag';

export interface DetailColumn {
  name: string;
  type: CellType;
  /** Shown in the panel; the others (ids, printed words, codes) go to the exports only. */
  shown: boolean;
  /** For a pair's role columns: which unit, A or B, it speaks of. */
  unit?: 'A' | 'B';
}

export interface DetailTable {
  columns: readonly DetailColumn[];
  rows: readonly DetailRow[];
  /** Rows listed under their theme (a unit's items), themes in document order. */
  grouped: boolean;
}

/** Where each item and theme stands in the document, read from the plan as drawn. */
export type DocumentOrder = ReadonlyMap<string, number>;

export function documentOrder(nodes: readonly NodeData[]): DocumentOrder {
  const order = new Map<string, number>();
  for (const node of nodes) if (typeof node.sortKey === 'number') order.set(node.id, node.sortKey);
  return order;
}

interface Placed {
  item: ProfileItem;
  theme: { id: string; ref: string; title: string } | null;
  /** The profile's own order: the fallback when the plan as drawn lacks the item. */
  at: number;
}

function roleOf(item: ProfileItem): DetailRole {
  return roleOfType(item.edge, item.inferred) ?? 'support';
}

/**
 * A profile's items with their theme, one entry per item: an item a unit both leads and supports
 * (two lines of one notice) counts once, under the stronger role.
 */
function placed(profile: UnitProfile): Map<string, Placed> {
  const items = new Map<string, Placed>();
  let at = 0;
  const add = (item: ProfileItem, theme: Placed['theme']) => {
    const seen = items.get(item.id);
    at += 1;
    if (
      seen === undefined ||
      ROLE_ORDER.indexOf(roleOf(item)) < ROLE_ORDER.indexOf(roleOf(seen.item))
    ) {
      items.set(item.id, { item, theme: theme ?? seen?.theme ?? null, at: seen?.at ?? at });
    }
  };
  for (const group of profile.themes) for (const item of group.items) add(item, group.theme);
  for (const item of profile.otherItems) add(item, null);
  return items;
}

/** Document order of an item or theme; unknown ones after the known, in the order given. */
function orderOf(order: DocumentOrder, id: string, fallback: number): number {
  return order.get(id) ?? Number.MAX_SAFE_INTEGER / 2 + fallback;
}

function itemFields(entry: Placed, order: DocumentOrder) {
  const { item, theme } = entry;
  return {
    ref: item.ref,
    kind: item.kind,
    item: item.title,
    themeRef: theme?.ref ?? null,
    theme: theme?.title ?? null,
    itemId: item.id,
    order: orderOf(order, item.id, entry.at),
    themeOrder: theme === null ? null : orderOf(order, theme.id, entry.at),
  };
}

const byOrder = (a: DetailRow, b: DetailRow) => Number(a['order']) - Number(b['order']);

/** The items two units share, each with both units' roles, in document order. */
export function pairDetails(a: UnitProfile, b: UnitProfile, order: DocumentOrder): DetailTable {
  const ofB = placed(b);
  const rows: DetailRow[] = [];
  for (const [id, entry] of placed(a)) {
    const other = ofB.get(id);
    if (other === undefined) continue;
    rows.push({
      ...itemFields(entry, order),
      roleA: roleOf(entry.item),
      printedRoleA: entry.item.role ?? null,
      roleB: roleOf(other.item),
      printedRoleB: other.item.role ?? null,
    });
  }
  return {
    columns: [
      { name: 'ref', type: 'ref', shown: true },
      { name: 'item', type: 'text', shown: true },
      { name: 'theme', type: 'theme', shown: true },
      { name: 'roleA', type: 'role', shown: true, unit: 'A' },
      { name: 'roleB', type: 'role', shown: true, unit: 'B' },
      { name: 'kind', type: 'kind', shown: false },
      { name: 'themeRef', type: 'text', shown: false },
      { name: 'printedRoleA', type: 'text', shown: false, unit: 'A' },
      { name: 'printedRoleB', type: 'text', shown: false, unit: 'B' },
      { name: 'itemId', type: 'text', shown: false },
    ],
    rows: rows.sort(byOrder),
    grouped: false,
  };
}

/** A unit's items under their themes (themes, then items, in document order; the rest last). */
export function unitDetails(profile: UnitProfile, order: DocumentOrder): DetailTable {
  const rows = [...placed(profile).values()].map((entry) => ({
    ...itemFields(entry, order),
    role: roleOf(entry.item),
    printedRole: entry.item.role ?? null,
  }));
  return {
    columns: [
      { name: 'ref', type: 'ref', shown: true },
      { name: 'item', type: 'text', shown: true },
      { name: 'kind', type: 'kind', shown: true },
      { name: 'role', type: 'role', shown: true },
      { name: 'themeRef', type: 'text', shown: false },
      { name: 'theme', type: 'theme', shown: false },
      { name: 'printedRole', type: 'text', shown: false },
      { name: 'itemId', type: 'text', shown: false },
    ],
    rows: rows.sort((x, y) => compareThemes(x, y) || byOrder(x, y)),
    grouped: true,
  };
}

/** Items under a theme before those under none; themes in document order. */
export function compareThemes(a: DetailRow, b: DetailRow): number {
  const x = a['themeOrder'];
  const y = b['themeOrder'];
  if (typeof x !== 'number' || typeof y !== 'number') {
    return typeof x === typeof y ? 0 : typeof x === 'number' ? -1 : 1;
  }
  return x - y;
}

/** The units on an item, each with its role: leads (named, then by the rule), then supports. */
export function itemDetails(
  itemId: string,
  elements: { nodes: readonly { data: NodeData }[]; edges: readonly { data: EdgeData }[] },
): DetailTable {
  const units = new Map(elements.nodes.map(({ data }) => [data.id, data]));
  const rows: DetailRow[] = [];
  for (const { data: edge } of elements.edges) {
    const role = roleOfType(edge.type, edge.inferred);
    const unit = units.get(edge.source);
    if (edge.target !== itemId || role === null || unit?.kind !== 'unit') continue;
    rows.push({
      unit: unit.name ?? unit.label,
      role,
      printedRole: edge.role ?? null,
      collective: unit.collective === true,
      unitId: unit.id,
      order: ROLE_ORDER.indexOf(role) * 10_000 + (edge.position ?? rows.length),
    });
  }
  return {
    columns: [
      { name: 'unit', type: 'text', shown: true },
      { name: 'role', type: 'role', shown: true },
      { name: 'printedRole', type: 'text', shown: true },
      { name: 'collective', type: 'flag', shown: true },
      { name: 'unitId', type: 'text', shown: false },
    ],
    rows: rows.sort(byOrder),
    grouped: false,
  };
}

/** A group's members with their figures in the plan, as the ranking lists them (heaviest first). */
export function memberDetails(members: readonly string[], nodes: readonly NodeData[]): DetailTable {
  const units = new Map<string, NodeData>();
  for (const node of nodes) if (node.kind === 'unit') units.set(node.name ?? node.label, node);
  const rows = members.map((name, at) => {
    const unit = units.get(name);
    return {
      unit: name,
      leads: unit?.itemsLed ?? null,
      supports: unit?.itemsSupported ?? null,
      load: unit?.load ?? null,
      unitId: unit?.id ?? null,
      order: at,
    };
  });
  return {
    columns: [
      { name: 'unit', type: 'text', shown: true },
      { name: 'leads', type: 'number', shown: true },
      { name: 'supports', type: 'number', shown: true },
      { name: 'load', type: 'number', shown: true },
      { name: 'unitId', type: 'text', shown: false },
    ],
    rows,
    grouped: false,
  };
}

/** How a column sorts: references and themes in document order, roles lead first, text by collation. */
export function compareDetail(
  column: DetailColumn,
  a: DetailRow,
  b: DetailRow,
  words: (column: DetailColumn, row: DetailRow) => string,
  collator: Intl.Collator,
): number {
  const blank = (row: DetailRow) => row[column.name] === null || row[column.name] === undefined;
  if (blank(a) || blank(b)) return blank(a) === blank(b) ? 0 : blank(a) ? 1 : -1;
  switch (column.type) {
    case 'ref':
      return byOrder(a, b);
    case 'theme':
      return compareThemes(a, b);
    case 'role':
      return (
        ROLE_ORDER.indexOf(a[column.name] as DetailRole) -
        ROLE_ORDER.indexOf(b[column.name] as DetailRole)
      );
    case 'number':
      return Number(a[column.name]) - Number(b[column.name]);
    default:
      return collator.compare(words(column, a), words(column, b));
  }
}

/** A theme group's key and the rows under it, in the order given. */
export function groupsOf(rows: readonly DetailRow[]): { key: string; rows: DetailRow[] }[] {
  const groups = new Map<string, DetailRow[]>();
  for (const row of rows) {
    const key = typeof row['themeRef'] === 'string' ? row['themeRef'] : '';
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  return [...groups].map(([key, list]) => ({ key, rows: list }));
}
