// The one Cytoscape stylesheet. Everything drawn is keyed on data fields (kind, category, type,
// inferred, prominence) and on a few state classes (layered, quiet, highlight, marked); no element
// is styled one by one. Major labels (themes, the busiest units) are sized to be read off a
// projector with the whole plan fitted; minor ones are left out (quiet) until they are legible.
import type { StylesheetJson } from 'cytoscape';
import { warmapStyles } from '../warmap/stylesheet.ts';
import { editionStyles } from '../editions/stylesheet.ts';
import { THEME_BOX } from './theme-box.ts';
import { PLAN_FRAME } from './plan-frame.ts';

export const FONT =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** Unit category → fill. Muted, told apart by hue; the legend reads from this table too. */
export const CATEGORY_COLOURS: Readonly<Record<string, string>> = {
  'government-department': '#3b6ea8',
  'party-organ': '#b5524a',
  'peoples-organisation': '#8a63b0',
  'development-zone-committee': '#2e8f8c',
  'district-government': '#4d9a5f',
  'vertical-agency': '#6b7a8f',
  'public-institution': '#c08a2e',
  'state-enterprise': '#c4703c',
  'working-group': '#a9588a',
  collective: '#a3adb8',
  unknown: '#8792a2',
};

/** Item kind → fill and shape. */
export const KIND_STYLES: Readonly<Record<string, { colour: string; shape: string }>> = {
  theme: { colour: '#1f3b57', shape: 'round-rectangle' },
  task: { colour: '#cfd9e4', shape: 'round-rectangle' },
  indicator: { colour: '#e0ad4a', shape: 'diamond' },
  project: { colour: '#93b89b', shape: 'hexagon' },
  requirement: { colour: '#c3b5d8', shape: 'tag' },
  document: { colour: '#d9d4c7', shape: 'rectangle' },
  plan: { colour: '#1f3b57', shape: 'star' },
};

export const EDGE_COLOURS = {
  lead: '#2c3e50',
  owner: '#c0702a',
  support: '#7b8898',
  structure: '#b4bfca',
  coordinates: '#8a63b0',
} as const;

const ink = '#1d2733';
const accent = '#e39b17';
/** Elements lit by a ranking row, a path or a console result; apart from the selection's amber. */
export const MARK_COLOUR = '#c2255c';

export function explorerStylesheet(): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 11,
        color: '#3c4a5a',
        width: 'data(size)',
        height: 'data(size)',
        'text-wrap': 'wrap',
        'text-overflow-wrap': 'anywhere',
        'text-max-width': '120px',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'min-zoomed-font-size': 6,
        'border-width': 1,
        'border-color': '#ffffff',
        'text-outline-color': '#f6f7f9',
        'text-outline-width': 2,
        'text-outline-opacity': 0.85,
      },
    },
    {
      selector: 'node[kind = "unit"]',
      style: {
        shape: 'ellipse',
        'background-color': CATEGORY_COLOURS['unknown'] ?? '#8792a2',
        color: ink,
        'font-size': 'mapData(size, 16, 64, 16, 28)',
        'font-weight': 600,
        'text-max-width': '170px',
        'min-zoomed-font-size': 7,
        'border-width': 2,
        'border-color': '#ffffff',
        'z-index': 3,
      },
    },
    {
      selector: 'node[kind = "unit"][prominence = "major"]',
      style: {
        'font-size': 'mapData(size, 16, 64, 24, 30)',
        'text-max-width': '240px',
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node[kind = "unit"][?collective]',
      style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#6b7683' },
    },
    {
      selector: 'node[kind = "theme"]',
      style: {
        shape: 'round-rectangle',
        width: THEME_BOX.width,
        height: THEME_BOX.height,
        'background-color': KIND_STYLES['theme']?.colour ?? '#1f3b57',
        color: '#ffffff',
        'font-size': THEME_BOX.font,
        'font-weight': 600,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-y': 0,
        'text-max-width': `${THEME_BOX.width - 16}px`,
        'text-outline-width': 0,
        'min-zoomed-font-size': 0,
        'line-height': 1.25,
        'z-index': 2,
      },
    },
    {
      selector:
        'node[kind = "task"], node[kind = "indicator"], node[kind = "project"], node[kind = "requirement"]',
      style: {
        'border-width': 1,
        'border-color': '#6f8296',
        'font-size': 13,
        'min-zoomed-font-size': 7,
        'z-index': 2,
      },
    },
    {
      selector: 'node.layered[kind = "unit"]',
      style: {
        'text-halign': 'left',
        'text-valign': 'center',
        'text-margin-x': -6,
        'text-margin-y': 0,
      },
    },
    {
      selector:
        'node.layered[kind = "task"], node.layered[kind = "indicator"], node.layered[kind = "project"], node.layered[kind = "requirement"], node.layered[kind = "document"], node.layered[kind = "other"]',
      style: {
        'text-halign': 'right',
        'text-valign': 'center',
        'text-margin-x': 5,
        'text-margin-y': 0,
        'text-max-width': '200px',
      },
    },
    {
      // A plan's frame in 全部规划 (to-elements.ts planFrames): a light box around its items and
      // themes, its name above. Taps go through it to the canvas: it is a frame, not a node.
      selector: `node[kind = "${PLAN_FRAME}"]`,
      style: {
        shape: 'round-rectangle',
        'background-color': '#e8eef5',
        'background-opacity': 0.55,
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': '#7d93ab',
        padding: '36px',
        label: 'data(display)',
        color: '#1f3b57',
        'font-size': 44,
        'font-weight': 700,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -10,
        'text-wrap': 'none',
        'text-outline-width': 0,
        'min-zoomed-font-size': 0,
        events: 'no',
        'z-index': 0,
      },
    },
    { selector: 'node.latin', style: { 'text-overflow-wrap': 'whitespace' } },
    {
      // English names run three times as long as Chinese ones: smaller, and on one line.
      selector: 'node.latin[kind = "unit"]',
      style: {
        'font-size': 'mapData(size, 16, 64, 13, 19)',
        'text-wrap': 'ellipsis',
        'text-max-width': '200px',
      },
    },
    {
      selector: 'node.latin[kind = "unit"][prominence = "major"]',
      style: { 'font-size': 'mapData(size, 16, 64, 22, 26)', 'text-max-width': '280px' },
    },
    // A minor label too small to read at this zoom is not drawn (nor measured): the controller
    // sets `quiet` as the planner zooms, on the label's true size on screen.
    { selector: 'node.quiet', style: { label: '' } },
    {
      // Haystack lines run centre to centre under the nodes, with no ends to work out against each
      // node's shape: the cheapest edge Cytoscape draws, and most of the first draw is edges.
      // Those that carry an arrow (lit or marked) are drawn straight, to the node's border.
      selector: 'edge',
      style: {
        width: 1,
        // haystack-radius stays at Cytoscape's default (0): a property set, even to its default,
        // is one more to style on each of a first draw's thousand edges.
        'curve-style': 'haystack',
        'line-color': EDGE_COLOURS.structure,
        'target-arrow-color': EDGE_COLOURS.structure,
        opacity: 0.6,
        'z-index': 1,
      },
    },
    {
      selector: 'edge[type = "LEADS"]',
      style: {
        width: 1.4,
        'line-color': EDGE_COLOURS.lead,
        'target-arrow-color': EDGE_COLOURS.lead,
        opacity: 0.42,
      },
    },
    {
      selector: 'edge[type = "LEADS"][?inferred]',
      style: {
        'line-style': 'dotted',
        width: 1.8,
        'line-color': EDGE_COLOURS.owner,
        'target-arrow-color': EDGE_COLOURS.owner,
        opacity: 0.6,
      },
    },
    {
      selector: 'edge[type = "SUPPORTS"]',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [5, 4],
        'line-color': EDGE_COLOURS.support,
        'target-arrow-color': EDGE_COLOURS.support,
        opacity: 0.3,
      },
    },
    {
      selector: 'edge[type = "COORDINATES_WITH"]',
      style: {
        'curve-style': 'bezier',
        'line-color': EDGE_COLOURS.coordinates,
        width: 'mapData(items, 1, 20, 1, 6)',
        opacity: 0.5,
      },
    },
    {
      selector: 'edge[type = "MEMBER_OF"]',
      style: { 'line-style': 'dashed', 'line-color': '#9aa5b1' },
    },
  ];
  const colours: StylesheetJson = [];
  for (const [category, colour] of Object.entries(CATEGORY_COLOURS)) {
    colours.push({
      selector: `node[kind = "unit"][category = "${category}"]`,
      style: { 'background-color': colour },
    });
  }
  for (const [kind, { colour, shape }] of Object.entries(KIND_STYLES)) {
    if (kind === 'theme') continue;
    colours.push({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': colour, shape: shape as 'ellipse' },
    });
  }
  // Heat styling (graph/heat.ts): a unit's size and fill by the chosen metric, over the size by
  // load and the category colour; the selection and mark states below still win.
  colours.push({
    selector: 'node.heat[kind = "unit"]',
    style: {
      width: 'data(heatSize)',
      height: 'data(heatSize)',
      'background-color': 'data(heatColour)',
    },
  });
  // Selection states come last, so that they win over the colours above.
  const states: StylesheetJson = [
    // The selected node and its neighbourhood stand out; the rest steps back under the veil
    // (graph/veil.ts), or, where the renderer has none (WebGL), faded element by element.
    { selector: '.faded', style: { opacity: 0.08, 'text-opacity': 0.2 } },
    { selector: 'edge.faded', style: { opacity: 0.04 } },
    {
      selector: 'edge.highlight',
      style: {
        'curve-style': 'straight',
        opacity: 0.95,
        width: 2.2,
        'z-index': 8,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
      },
    },
    {
      selector: 'edge.highlight[type = "LEADS"][?inferred]',
      style: { width: 2.6 },
    },
    {
      selector: 'node.highlight',
      style: {
        label: 'data(display)',
        opacity: 1,
        'text-opacity': 1,
        'z-index': 9,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector:
        'node.highlight[kind = "task"], node.highlight[kind = "indicator"], node.highlight[kind = "project"], node.highlight[kind = "requirement"]',
      style: { 'font-size': 15, color: '#1d2733' },
    },
    {
      selector:
        'node:selected[kind = "task"], node:selected[kind = "indicator"], node:selected[kind = "project"], node:selected[kind = "requirement"]',
      style: { 'font-size': 18, 'font-weight': 700 },
    },
    {
      selector: 'node:selected',
      style: {
        label: 'data(display)',
        'border-width': 4,
        'border-color': accent,
        'underlay-color': accent,
        'underlay-opacity': 0.25,
        'underlay-padding': 8,
        'underlay-shape': 'ellipse',
        'z-index': 10,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node[kind = "theme"]:selected', style: { 'underlay-shape': 'round-rectangle' } },
    // Lit by a ranking row, a path or a console result: drawn over the faded rest.
    {
      selector: 'node.marked',
      style: {
        label: 'data(display)',
        opacity: 1,
        'text-opacity': 1,
        'border-width': 4,
        'border-color': MARK_COLOUR,
        'z-index': 10,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'edge.marked',
      style: {
        'curve-style': 'straight',
        opacity: 1,
        width: 3.2,
        'line-color': MARK_COLOUR,
        'target-arrow-color': MARK_COLOUR,
        'target-arrow-shape': 'triangle',
        'z-index': 9,
      },
    },
  ];
  // Editions compared (editions/stylesheet.ts): added, changed and removed items, changed units.
  return [...sheet, ...colours, ...warmapStyles(), ...editionStyles(), ...states];
}
