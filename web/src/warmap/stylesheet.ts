// The war map's part of the one Cytoscape stylesheet (graph/stylesheet.ts places it after the
// colours, before the selection states, which still win). Keyed on the data fields
// war-map.ts computes. Colours from the Okabe–Ito palette, told apart by colour-blind viewers;
// late is also the only state with a thick dark border, and paused the only dashed one, so the
// two read without hue on a washed-out projector.
import type { StylesheetJson } from 'cytoscape';
import type { MapState } from '../../../contract/api/progress-map.ts';

export const WAR_COLOURS: Readonly<Record<MapState, string>> = {
  done: '#009e73',
  'on-track': '#0072b2',
  late: '#d55e00',
  'not-started': '#d5dae0',
  paused: '#f0e442',
};

/** Border of each state: width, colour, style (the legend draws the same). */
export const WAR_BORDERS: Readonly<
  Record<MapState, { width: number; colour: string; style: 'solid' | 'dashed' }>
> = {
  done: { width: 1.5, colour: '#00573f', style: 'solid' },
  'on-track': { width: 1.5, colour: '#003f63', style: 'solid' },
  late: { width: 5, colour: '#1d2733', style: 'solid' },
  'not-started': { width: 1.5, colour: '#6f7c8a', style: 'solid' },
  paused: { width: 3, colour: '#6b6200', style: 'dashed' },
};

/** A unit on the war map: a neutral disc, so that the items' colours carry the meaning. */
export const WAR_UNIT_FILL = '#aab4c0';
/** Items on the war map are drawn at least this large, to be read from the back of a room. */
export const WAR_ITEM_MIN = 18;

export function warmapStyles(): StylesheetJson {
  const states: StylesheetJson = Object.entries(WAR_COLOURS).map(([state, colour]) => {
    const border = WAR_BORDERS[state as MapState];
    return {
      selector: `node[war = "${state}"]`,
      style: {
        'background-color': colour,
        'border-width': border.width,
        'border-color': border.colour,
        'border-style': border.style,
        // Below the range a mapper gives its low end: the size, but never under WAR_ITEM_MIN.
        width: `mapData(size, ${WAR_ITEM_MIN}, 200, ${WAR_ITEM_MIN}, 200)`,
        height: `mapData(size, ${WAR_ITEM_MIN}, 200, ${WAR_ITEM_MIN}, 200)`,
      },
    };
  });
  return [
    ...states,
    {
      // The wedge: the unit's share of late items, in the late colour, from twelve o'clock.
      selector: 'node[kind = "unit"][warLate >= 0]',
      style: {
        'background-color': WAR_UNIT_FILL,
        'pie-size': '100%',
        'pie-1-background-color': WAR_COLOURS.late,
        // Cytoscape maps data here as everywhere; its typings allow only a number.
        'pie-1-background-size': 'data(warLate)' as unknown as number,
        'pie-1-background-opacity': 1,
        'border-color': '#ffffff',
      },
    },
    {
      selector: 'node[kind = "unit"][warLate > 0]',
      style: { 'border-width': 3, 'border-color': WAR_BORDERS.late.colour },
    },
    { selector: 'node[?warOut]', style: { opacity: 0.15, 'text-opacity': 0.2 } },
  ];
}
