// The war map's part of the view: the 作战图 style on or off, its progress filters, and the
// timeline with its grouping. Kept in the address with the rest (view.ts), defaults left out.

export const WAR_FILTERS = ['overdue', 'soon', 'stale'] as const;
export type WarFilter = (typeof WAR_FILTERS)[number];

export const TIMELINE_GROUPS = ['theme', 'unit'] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number];

export interface WarmapView {
  /** Items coloured by progress, units by their late share (`war=1`). */
  warmap: boolean;
  /** Only items meeting any of these stand out (`wf=overdue,stale`). */
  warFilters: readonly WarFilter[];
  /** The timeline instead of the graph (`timeline=1`). */
  timeline: boolean;
  /** The timeline's rows: themes (default) or lead units (`tl=unit`). */
  timelineBy: TimelineGroup;
}

export const DEFAULT_WARMAP_VIEW: WarmapView = {
  warmap: false,
  warFilters: [],
  timeline: false,
  timelineBy: 'theme',
};

export function readWarmapView(query: URLSearchParams): WarmapView {
  const chosen = new Set((query.get('wf') ?? '').split(','));
  return {
    warmap: query.get('war') === '1',
    warFilters: WAR_FILTERS.filter((filter) => chosen.has(filter)),
    timeline: query.get('timeline') === '1',
    timelineBy: query.get('tl') === 'unit' ? 'unit' : 'theme',
  };
}

export function writeWarmapView(view: WarmapView, query: URLSearchParams): void {
  if (view.warmap) query.set('war', '1');
  if (view.warFilters.length > 0) {
    query.set('wf', WAR_FILTERS.filter((filter) => view.warFilters.includes(filter)).join(','));
  }
  if (view.timeline) query.set('timeline', '1');
  if (view.timelineBy !== DEFAULT_WARMAP_VIEW.timelineBy) query.set('tl', view.timelineBy);
}
