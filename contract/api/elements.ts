// Graph payloads as Cytoscape.js elements JSON (docs/api.md), so the web app draws answers as they
// come. Node and edge data are loose: a node carries every property its graph node has, and the
// app reads only the fields named here.
import * as z from 'zod/mini';
import { optionalFlag, optionalNumber, optionalText } from './fields.ts';

/** What a node is, from its label; `other` for a label the graph model does not name. */
export const ElementKind = z.enum([
  'unit',
  'theme',
  'task',
  'indicator',
  'project',
  'requirement',
  'plan',
  'document',
  'other',
]);
export type ElementKind = z.infer<typeof ElementKind>;

export const NodeData = z.looseObject({
  id: z.string(),
  // Any text, not only an ElementKind: a kind the page does not know yet is still drawn.
  kind: z.string(),
  label: z.string(),
  labelEn: optionalText,
  ref: optionalText,
  title: optionalText,
  text: optionalText,
  name: optionalText,
  fullName: optionalText,
  englishName: optionalText,
  category: optionalText,
  collective: optionalFlag,
  parentId: optionalText,
  sortKey: optionalNumber,
  line: optionalNumber,
  load: optionalNumber,
  itemsLed: optionalNumber,
  itemsSupported: optionalNumber,
  themesReached: optionalNumber,
  unitCount: optionalNumber,
  binding: optionalFlag,
});
export type NodeData = z.infer<typeof NodeData>;

export const EdgeData = z.looseObject({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.string(),
  role: optionalText,
  inferred: optionalFlag,
  position: optionalNumber,
});
export type EdgeData = z.infer<typeof EdgeData>;

export const Elements = z.object({
  nodes: z.array(z.object({ data: NodeData })),
  edges: z.array(z.object({ data: EdgeData })),
});
export type Elements = z.infer<typeof Elements>;

/** An item's node with the two fields every item has: its printed reference and its title. */
export const ItemNode = z.extend(NodeData, { ref: z.string(), title: z.string() });
export type ItemNode = z.infer<typeof ItemNode>;

/** A unit's node with its short name, which every unit has. */
export const UnitNode = z.extend(NodeData, { name: z.string() });
export type UnitNode = z.infer<typeof UnitNode>;
