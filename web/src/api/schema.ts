// What the API answers, checked where it enters the app. The schemas are the contract the server
// builds its answers by (contract/api/), so the two cannot drift; they are loose on purpose: the
// API may add fields, and the app reads only these. A missing field the app needs is an error
// shown to the planner, not a blank panel.
export * from '../../../contract/api/elements.ts';
export * from '../../../contract/api/errors.ts';
export * from '../../../contract/api/graph.ts';
export * from '../../../contract/api/hotspots.ts';
export * from '../../../contract/api/plans.ts';
export * from '../../../contract/api/progress-map.ts';
export * from '../../../contract/api/queries.ts';
export * from '../../../contract/api/search.ts';
export * from '../../../contract/api/source.ts';
export * from '../../../contract/api/units.ts';

/** How many items a count-or-list field stands for. */
export function countOf(value: number | readonly unknown[] | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : value.length;
}
