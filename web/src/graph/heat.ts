// Heat styling: units sized and coloured by one of their metrics, so the heaviest stand out at a
// glance. Pure: the scale is computed over the units shown, and the canvas and its legend read the
// same scale, so they cannot disagree.

/** The unit metrics the canvas can be heated by; unit node data carries each of them. */
export const HEAT_METRICS = [
  'load',
  'itemsLed',
  'itemsSupported',
  'themesReached',
  'betweenness',
] as const;
export type HeatMetric = (typeof HEAT_METRICS)[number];

export function isHeatMetric(value: string | null | undefined): value is HeatMetric {
  return (HEAT_METRICS as readonly (string | null | undefined)[]).includes(value);
}

/**
 * Node diameters, in pixels. The same span the plan's own sizing by load uses (nodeSize: 16 for
 * an idle unit, about 64 for the busiest), so the layered columns laid out for those sizes still
 * hold the heated nodes without overlap.
 */
export const HEAT_SIZE = { min: 16, max: 64 } as const;

/**
 * Light straw to deep red: a sequential ramp read as "more" without a key, and kept apart from
 * the category hues and from the crimson border of marked nodes (MARK_COLOUR) by its lightness.
 */
export const HEAT_RAMP = [
  '#fff3c4',
  '#fdd27a',
  '#f7a14c',
  '#e3683a',
  '#bb3a2b',
  '#7a1c1c',
] as const;

/** A unit with no figure for the metric (a collective has no betweenness): stepped back. */
export const HEAT_NONE = '#d5dae0';

/** The span of the metric over the units shown. */
export interface HeatScale {
  metric: HeatMetric;
  min: number;
  max: number;
  /** Units with a figure for the metric. */
  units: number;
}

export interface HeatStyle {
  /** Diameter in pixels. */
  size: number;
  /** Fill, `#rrggbb`. */
  colour: string;
  value: number | null;
}

/** What heat styling reads of a node: its id, its kind and, on units, the metrics. */
export type HeatNode = { readonly id: string; readonly kind: string } & Readonly<
  Record<string, unknown>
>;

/** The node's figure for the metric, or null when it has none. */
export function metricOf(node: HeatNode, metric: HeatMetric): number | null {
  const value = node[metric];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The metric's span over the units among `nodes`; null when no unit has a figure for it. */
export function heatScale(nodes: readonly HeatNode[], metric: HeatMetric): HeatScale | null {
  let min = Infinity;
  let max = -Infinity;
  let units = 0;
  for (const node of nodes) {
    if (node.kind !== 'unit') continue;
    const value = metricOf(node, metric);
    if (value === null) continue;
    units += 1;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return units === 0 ? null : { metric, min, max, units };
}

/** Where a value sits in the scale, 0 (least) to 1 (most). */
export function heatPosition(value: number, scale: HeatScale): number {
  // Every unit equal: none is hotter than another, all read as the most.
  if (scale.max === scale.min) return 1;
  return Math.min(1, Math.max(0, (value - scale.min) / (scale.max - scale.min)));
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex(value: number): string {
  return Math.round(value).toString(16).padStart(2, '0');
}

/** The ramp's colour at `t` (0–1), interpolated between its stops. */
export function heatColour(t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const at = clamped * (HEAT_RAMP.length - 1);
  const low = Math.floor(at);
  const high = Math.min(HEAT_RAMP.length - 1, low + 1);
  const [r1, g1, b1] = channels(HEAT_RAMP[low] ?? HEAT_NONE);
  const [r2, g2, b2] = channels(HEAT_RAMP[high] ?? HEAT_NONE);
  const f = at - low;
  return `#${hex(r1 + (r2 - r1) * f)}${hex(g1 + (g2 - g1) * f)}${hex(b1 + (b2 - b1) * f)}`;
}

/**
 * A unit's size and colour. The area, not the diameter, grows with the value: a unit with twice
 * the load should look twice as heavy, not four times.
 */
export function heatStyle(value: number | null, scale: HeatScale): HeatStyle {
  if (value === null) return { size: HEAT_SIZE.min, colour: HEAT_NONE, value };
  const t = heatPosition(value, scale);
  const size = HEAT_SIZE.min + (HEAT_SIZE.max - HEAT_SIZE.min) * Math.sqrt(t);
  return { size: Math.round(size * 10) / 10, colour: heatColour(t), value };
}

/** Every unit's heat style by id, and the scale they were made on; null when nothing to heat. */
export function heatOf(
  nodes: readonly HeatNode[],
  metric: HeatMetric,
): { scale: HeatScale; styles: Map<string, HeatStyle> } | null {
  const scale = heatScale(nodes, metric);
  if (scale === null) return null;
  const styles = new Map<string, HeatStyle>();
  for (const node of nodes) {
    if (node.kind === 'unit') styles.set(node.id, heatStyle(metricOf(node, metric), scale));
  }
  return { scale, styles };
}

/** A figure as the legend prints it: whole numbers as they are, fractions to what they need. */
export function formatHeatValue(value: number): string {
  return String(Number(value.toFixed(Math.abs(value) < 1 ? 3 : 1)));
}

/** The ramp as a CSS gradient, for the legend. */
export function heatGradient(direction = 'to right'): string {
  return `linear-gradient(${direction}, ${HEAT_RAMP.join(', ')})`;
}
