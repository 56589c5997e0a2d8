// The comparison of editions' part of the view, kept in the address with the rest (state/view.ts):
// `compare=<older plan>..<newer plan>` opens it, `cmpon=graph` shows it on the graph instead of as
// a table, so a link shows a colleague the same comparison. Also which two plans it starts with.
import type { PlanSummary } from '../../../contract/api/plans.ts';
import { planShortTitle } from '../../../contract/short-title.ts';

export interface EditionPair {
  /** The older edition's plan id. */
  from: string;
  /** The newer edition's plan id. */
  to: string;
}

export type CompareOn = 'table' | 'graph';

export interface CompareView {
  /** The two editions compared, or null when the comparison is closed. */
  compare: EditionPair | null;
  compareOn: CompareOn;
}

export const DEFAULT_COMPARE_VIEW: CompareView = { compare: null, compareOn: 'table' };

// Plan ids are `<jurisdiction>-<hash>`: two dots never occur in one.
const SEPARATOR = '..';

export function readCompareView(query: URLSearchParams): CompareView {
  const raw = query.get('compare') ?? '';
  const at = raw.indexOf(SEPARATOR);
  const from = at < 0 ? '' : raw.slice(0, at);
  const to = at < 0 ? '' : raw.slice(at + SEPARATOR.length);
  const compare = from === '' || to === '' ? null : { from, to };
  return {
    compare,
    compareOn: compare !== null && query.get('cmpon') === 'graph' ? 'graph' : 'table',
  };
}

export function writeCompareView(view: CompareView, query: URLSearchParams): void {
  if (view.compare === null) return;
  query.set('compare', `${view.compare.from}${SEPARATOR}${view.compare.to}`);
  if (view.compareOn === 'graph') query.set('cmpon', 'graph');
}

/**
 * Which notices are editions of one another, as far as the plans say: the same jurisdiction and
 * the same short title once years are left out (示例2023市政府台账 and 示例2024市政府台账).
 */
export function seriesOf(plan: Pick<PlanSummary, 'title' | 'jurisdiction'>): string {
  return `${plan.jurisdiction}\u0000${planShortTitle(plan).replace(/\d+/g, '')}`;
}

// Newest first: by date (undated last), then the list's order, which is the API's (date, id).
function newestFirst(plans: readonly PlanSummary[]): PlanSummary[] {
  return plans
    .map((plan, index) => ({ plan, index }))
    .sort((a, b) => (b.plan.date ?? '').localeCompare(a.plan.date ?? '') || b.index - a.index)
    .map(({ plan }) => plan);
}

/**
 * The two editions a comparison starts with: the two newest of one series when two plans are of
 * one (the newest such pair), else the two newest plans; null with fewer than two plans.
 */
export function defaultEditions(plans: readonly PlanSummary[]): EditionPair | null {
  const ordered = newestFirst(plans);
  for (const [index, newer] of ordered.entries()) {
    const older = ordered.slice(index + 1).find((plan) => seriesOf(plan) === seriesOf(newer));
    if (older !== undefined) return { from: older.id, to: newer.id };
  }
  const [newest, next] = ordered;
  return newest === undefined || next === undefined ? null : { from: next.id, to: newest.id };
}
