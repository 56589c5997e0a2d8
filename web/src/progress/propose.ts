// The items a record that lost its item most likely belongs to now: the plan's items whose titles
// read most like the title it was recorded against. Pure, so the ranking is tested without a
// browser; the attach screen shows these first and the item search for anything else.
import type { UnattachedView } from '../../../contract/api/progress.ts';
import { pairLikeness, titlePairs } from '../../../contract/title-likeness.ts';
import type { NodeData } from '../api/schema.ts';

/** Proposals shown at most: a short list a planner reads at a glance. */
export const PROPOSALS = 5;

/**
 * Below this share of character pairs in common a title is not proposed: two different tasks of
 * one plan rarely share more than a quarter, and an unrelated proposal would only mislead.
 */
export const LEAST_LIKENESS = 0.2;

export interface Proposal {
  id: string;
  ref: string;
  title: string;
  kind: string;
  /** 0–1: the share of character pairs the titles have in common. */
  likeness: number;
}

const WORK_KINDS: ReadonlySet<string> = new Set(['task', 'indicator', 'project', 'requirement']);

/**
 * The plan's items ranked by how alike their titles read to the record's (best first, then in
 * document order). An indicator's value is proposed indicators only; other records any item
 * but a theme (a heading, not work).
 */
export function proposeItems(
  record: Pick<UnattachedView, 'kind' | 'itemTitle'>,
  planId: string,
  nodes: Iterable<NodeData>,
  count = PROPOSALS,
): Proposal[] {
  if (record.itemTitle === null) return [];
  const wanted = titlePairs(record.itemTitle);
  const prefix = `${planId}/`;
  const ranked: (Proposal & { order: number })[] = [];
  for (const node of nodes) {
    if (!node.id.startsWith(prefix) || !WORK_KINDS.has(node.kind)) continue;
    if (record.kind === 'indicator' && node.kind !== 'indicator') continue;
    const title = node.title ?? node.label;
    const likeness = pairLikeness(wanted, titlePairs(title));
    if (likeness < LEAST_LIKENESS) continue;
    ranked.push({
      id: node.id,
      ref: node.ref ?? '',
      title,
      kind: node.kind,
      likeness,
      order: node.sortKey ?? 0,
    });
  }
  return ranked
    .sort((a, b) => b.likeness - a.likeness || a.order - b.order)
    .slice(0, count)
    .map(({ order: _order, ...proposal }) => proposal);
}
