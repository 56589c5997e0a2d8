// The comparison of editions' part of the one Cytoscape stylesheet (graph/stylesheet.ts places it
// after the colours, before the selection states, which still win), keyed on the classes
// edition-graph.ts gives: added items green, changed amber, removed ones red ghosts where they
// were, units whose leads or supports changed ringed in blue. Colours from the Okabe–Ito palette,
// as the war map's; each state also reads without hue: added has a thick solid border, changed a
// double one, a ghost a dashed border and a see-through fill, a changed unit a ring outside it,
// and item labels carry ＋ / ～ / － (edition-graph.ts).
import type { StylesheetJson } from 'cytoscape';

export const EDITION_COLOURS = {
  added: '#009e73',
  changed: '#e69f00',
  removed: '#d55e00',
  unit: '#0072b2',
} as const;

/** Darker borders of the same hues, so a border reads against its own fill. */
export const EDITION_BORDERS = {
  added: { width: 4, colour: '#00573f', style: 'solid' },
  changed: { width: 5, colour: '#8a5f00', style: 'double' },
  removed: { width: 3, colour: '#8f3e00', style: 'dashed' },
} as const;

export function editionStyles(): StylesheetJson {
  const items = (['added', 'changed', 'removed'] as const).map((state) => ({
    selector: `node.ed-${state}`,
    style: {
      'background-color': EDITION_COLOURS[state],
      'border-width': EDITION_BORDERS[state].width,
      'border-color': EDITION_BORDERS[state].colour,
      'border-style': EDITION_BORDERS[state].style,
      // Small items are drawn at least this large, to be told apart at the whole plan's zoom.
      width: 'mapData(size, 18, 200, 18, 200)',
      height: 'mapData(size, 18, 200, 18, 200)',
      'z-index': 4,
    },
  }));
  return [
    ...items,
    { selector: 'node.ed-removed', style: { 'background-opacity': 0.45, opacity: 0.85 } },
    {
      selector: 'node.ed-unit',
      style: {
        'outline-width': 4,
        'outline-color': EDITION_COLOURS.unit,
        'outline-offset': 2,
        'outline-opacity': 1,
      },
    },
    {
      selector: 'edge.ed-added',
      style: {
        'line-color': EDITION_COLOURS.added,
        'target-arrow-color': EDITION_COLOURS.added,
        width: 2.4,
        opacity: 0.9,
      },
    },
    {
      selector: 'edge.ed-removed',
      style: {
        'line-color': EDITION_COLOURS.removed,
        'target-arrow-color': EDITION_COLOURS.removed,
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        width: 2,
        opacity: 0.8,
      },
    },
  ];
}
