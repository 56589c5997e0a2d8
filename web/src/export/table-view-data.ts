// The table view's rows: the nodes on screen, each with the plan's own counts — not the count of
// what happens to be drawn. A focused view shows an item with one or two of its units; its row
// must still say the plan gives it four supporting units (issue 13: 一(一)2 was exported as
// 参与 0). The API's plan-wide figures on each node come first (`itemsLed`, `leadCount` …); the
// plan's edges, which the app holds whole, give the inferred part and the units' names. Pure.
import type { NodeData } from '../api/schema.ts';
import { isAssignment, type PlanIndex } from '../graph/plan-index.ts';
import { nodeName, roleOf } from '../graph/to-elements.ts';
import { kindName, msg, type Lang } from '../i18n/messages.ts';
import type { TableData } from './table-data.ts';

/** One row as scripts read it (the JSON export): raw kind, the plan's counts, unit names. */
export interface TableViewRow {
  id: string;
  kind: string;
  ref: string;
  name: string;
  /** Items a unit leads; units leading an item; units leading a theme's tasks. */
  leads: number;
  /** The part of `leads` that is a lead by the rule (the item names no lead). */
  inferredLeads: number;
  /** Items a unit supports; units supporting an item; units reaching a theme without leading. */
  supports: number;
  /** An item's units in the plan, leads marked with *. */
  units: string[];
}

const KIND_ORDER = ['unit', 'theme', 'indicator', 'task', 'project', 'requirement'];

const figure = (node: NodeData, key: string): number | undefined => {
  const value = (node as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
};

interface Tally {
  leads: number;
  inferredLeads: number;
  supports: number;
  /** An item's units with what orders them as printed: leads first, then their place in the list. */
  units: { name: string; lead: boolean; position: number }[];
}

/** The rows for these nodes, in the table's order: units by load, then items in plan order. */
export function tableViewRows(
  nodes: readonly NodeData[],
  index: PlanIndex | null,
  lang: Lang,
  englishPrefix = '',
): TableViewRow[] {
  const shown = new Set(nodes.map((node) => node.id));
  const tallies = new Map<string, Tally>();
  const tally = (id: string): Tally => {
    let found = tallies.get(id);
    if (found === undefined) {
      found = { leads: 0, inferredLeads: 0, supports: 0, units: [] };
      tallies.set(id, found);
    }
    return found;
  };
  // Every edge of the plan, not only those drawn: the counts are the plan's.
  for (const edge of index?.edges.values() ?? []) {
    if (!isAssignment(edge)) continue;
    if (!shown.has(edge.source) && !shown.has(edge.target)) continue;
    const role = roleOf(edge);
    for (const end of [edge.source, edge.target]) {
      if (!shown.has(end)) continue;
      const counts = tally(end);
      if (role === 'support') counts.supports += 1;
      else counts.leads += 1;
      if (role === 'owner') counts.inferredLeads += 1;
    }
    const unit = index?.nodes.get(edge.source);
    if (unit !== undefined && shown.has(edge.target)) {
      const name = nodeName(unit, lang, englishPrefix);
      const lead = role !== 'support';
      tally(edge.target).units.push({
        name: lead ? `${name}*` : name,
        lead,
        position: edge.position ?? 0,
      });
    }
  }
  const rank = (kind: string) => {
    const at = KIND_ORDER.indexOf(kind);
    return at === -1 ? KIND_ORDER.length : at;
  };
  return nodes
    .toSorted(
      (a, b) =>
        rank(a.kind) - rank(b.kind) ||
        (a.kind === 'unit' ? (b.load ?? 0) - (a.load ?? 0) : (a.sortKey ?? 0) - (b.sortKey ?? 0)) ||
        a.id.localeCompare(b.id),
    )
    .map((node) => {
      const counted = tallies.get(node.id) ?? {
        leads: 0,
        inferredLeads: 0,
        supports: 0,
        units: [],
      };
      let leads = counted.leads;
      let supports = counted.supports;
      // The API's figures, stored by the loader for the whole plan, where the node carries them.
      if (node.kind === 'unit') {
        leads = figure(node, 'itemsLed') ?? leads;
        supports = figure(node, 'itemsSupported') ?? supports;
      } else if (node.kind === 'theme') {
        const leadUnits = figure(node, 'leadUnitCount');
        const units = figure(node, 'unitCount');
        if (leadUnits !== undefined && units !== undefined) {
          leads = leadUnits;
          supports = units - leadUnits;
        }
      } else {
        const leadCount = figure(node, 'leadCount');
        const units = figure(node, 'unitCount');
        if (leadCount !== undefined) leads = leadCount;
        if (leadCount !== undefined && units !== undefined) supports = units - leadCount;
      }
      return {
        id: node.id,
        kind: node.kind,
        ref: node.ref ?? '',
        name: nodeName(node, lang, englishPrefix),
        leads,
        inferredLeads: counted.inferredLeads,
        supports,
        units: counted.units
          .toSorted((a, b) => Number(b.lead) - Number(a.lead) || a.position - b.position)
          .map((each) => each.name),
      };
    });
}

/** The columns of the table view, in order: a message for each, then the id. */
export const TABLE_VIEW_COLUMNS = [
  ['kind', 'tableKind'],
  ['ref', 'tableRef'],
  ['name', 'tableName'],
  ['leads', 'tableLeads'],
  ['inferredLeads', 'tableInferredLeads'],
  ['supports', 'tableSupports'],
  ['units', 'tableUnits'],
] as const;

/** The rows as a spreadsheet reads them: headers and kinds in the planner's language. */
export function tableViewInWords(rows: readonly TableViewRow[], lang: Lang): TableData {
  return {
    columns: [...TABLE_VIEW_COLUMNS.map(([, key]) => msg(lang, key)), 'id'],
    rows: rows.map((row) => ({
      ...Object.fromEntries(
        TABLE_VIEW_COLUMNS.map(([field, key]) => [
          msg(lang, key),
          field === 'kind' ? kindName(lang, row.kind) : row[field],
        ]),
      ),
      id: row.id,
    })),
  };
}

/** The rows as scripts read them: the raw names and values. */
export function tableViewRaw(rows: readonly TableViewRow[]): TableData {
  return {
    columns: [...TABLE_VIEW_COLUMNS.map(([field]) => field), 'id'],
    rows: rows.map((row) => ({ ...row })),
  };
}
