// Heat styling decided without a browser: the scale over the units shown, sizes growing by area
// with the metric, the colour ramp from its first stop to its last, units without a figure
// stepped back, and items never heated.
import { describe, expect, it } from 'vitest';
import {
  formatHeatValue,
  HEAT_METRICS,
  HEAT_NONE,
  HEAT_RAMP,
  HEAT_SIZE,
  heatColour,
  heatGradient,
  heatOf,
  heatPosition,
  heatScale,
  heatStyle,
  isHeatMetric,
  metricOf,
  type HeatNode,
} from '../../web/src/graph/heat.ts';

const nodes: HeatNode[] = [
  { id: 'fgw', kind: 'unit', load: 61.5, itemsLed: 40, betweenness: 0.31 },
  { id: 'jxj', kind: 'unit', load: 30, itemsLed: 12, betweenness: 0.12 },
  { id: 'kjj', kind: 'unit', load: 10.5, itemsLed: 3, betweenness: 0 },
  { id: 'districts', kind: 'unit', load: 80, itemsLed: 50, collective: true, betweenness: null },
  // Items carry no unit metrics; a stray number on one must not enter the scale.
  { id: 'task', kind: 'task', load: 999 },
  { id: 'theme', kind: 'theme' },
];

describe('heat metrics', () => {
  it('knows the unit metrics and nothing else', () => {
    expect(HEAT_METRICS).toEqual([
      'load',
      'itemsLed',
      'itemsSupported',
      'themesReached',
      'betweenness',
    ]);
    expect(isHeatMetric('load')).toBe(true);
    expect(isHeatMetric('betweenness')).toBe(true);
    expect(isHeatMetric('community')).toBe(false);
    expect(isHeatMetric(null)).toBe(false);
    expect(isHeatMetric('')).toBe(false);
  });

  it('reads a figure only when it is a finite number', () => {
    expect(metricOf({ id: 'a', kind: 'unit', load: 2.5 }, 'load')).toBe(2.5);
    expect(metricOf({ id: 'a', kind: 'unit', load: null }, 'load')).toBeNull();
    expect(metricOf({ id: 'a', kind: 'unit', load: '3' }, 'load')).toBeNull();
    expect(metricOf({ id: 'a', kind: 'unit', load: Number.NaN }, 'load')).toBeNull();
    expect(metricOf({ id: 'a', kind: 'unit' }, 'load')).toBeNull();
  });
});

describe('the heat scale', () => {
  it('spans the units shown, not the items', () => {
    expect(heatScale(nodes, 'load')).toEqual({ metric: 'load', min: 10.5, max: 80, units: 4 });
  });

  it('leaves out units without a figure', () => {
    expect(heatScale(nodes, 'betweenness')).toEqual({
      metric: 'betweenness',
      min: 0,
      max: 0.31,
      units: 3,
    });
  });

  it('is null when no unit has the metric', () => {
    expect(heatScale(nodes, 'themesReached')).toBeNull();
    expect(heatScale([], 'load')).toBeNull();
    expect(heatOf(nodes, 'itemsSupported')).toBeNull();
  });

  it('places a value between 0 and 1, clamped', () => {
    const scale = { metric: 'load' as const, min: 10, max: 30, units: 3 };
    expect(heatPosition(10, scale)).toBe(0);
    expect(heatPosition(20, scale)).toBe(0.5);
    expect(heatPosition(30, scale)).toBe(1);
    expect(heatPosition(50, scale)).toBe(1);
    expect(heatPosition(0, scale)).toBe(0);
  });

  it('reads every unit as the most when all are equal', () => {
    const scale = heatScale(
      [
        { id: 'a', kind: 'unit', load: 4 },
        { id: 'b', kind: 'unit', load: 4 },
      ],
      'load',
    );
    expect(scale).not.toBeNull();
    if (scale === null) return;
    expect(heatPosition(4, scale)).toBe(1);
    expect(heatStyle(4, scale).size).toBe(HEAT_SIZE.max);
  });
});

describe('heat styles', () => {
  it('runs the ramp from its first stop to its last', () => {
    expect(heatColour(0)).toBe(HEAT_RAMP[0]);
    expect(heatColour(1)).toBe(HEAT_RAMP[HEAT_RAMP.length - 1]);
    // Half-way between the first two stops of six: a fifth of the way is the second stop.
    expect(heatColour(0.2)).toBe(HEAT_RAMP[1]);
    expect(heatColour(-1)).toBe(HEAT_RAMP[0]);
    expect(heatColour(2)).toBe(HEAT_RAMP[HEAT_RAMP.length - 1]);
    expect(heatColour(Number.NaN)).toBe(HEAT_RAMP[0]);
    expect(heatColour(0.1)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('grows the area, not the diameter, with the value', () => {
    const scale = { metric: 'load' as const, min: 0, max: 100, units: 2 };
    expect(heatStyle(0, scale).size).toBe(HEAT_SIZE.min);
    expect(heatStyle(100, scale).size).toBe(HEAT_SIZE.max);
    // A quarter of the way: half the extra diameter (sqrt 0.25).
    expect(heatStyle(25, scale).size).toBe((HEAT_SIZE.min + HEAT_SIZE.max) / 2);
  });

  it('steps units without a figure back: smallest and grey', () => {
    const scale = { metric: 'betweenness' as const, min: 0, max: 1, units: 2 };
    expect(heatStyle(null, scale)).toEqual({ size: HEAT_SIZE.min, colour: HEAT_NONE, value: null });
  });

  it('styles every unit shown and no item, the heaviest biggest and darkest', () => {
    const heat = heatOf(nodes, 'load');
    expect(heat).not.toBeNull();
    if (heat === null) return;
    expect([...heat.styles.keys()].sort()).toEqual(['districts', 'fgw', 'jxj', 'kjj']);
    expect(heat.styles.get('districts')).toEqual({
      size: HEAT_SIZE.max,
      colour: HEAT_RAMP[HEAT_RAMP.length - 1],
      value: 80,
    });
    expect(heat.styles.get('kjj')).toEqual({
      size: HEAT_SIZE.min,
      colour: HEAT_RAMP[0],
      value: 10.5,
    });
    const sizes = ['kjj', 'jxj', 'fgw', 'districts'].map((id) => heat.styles.get(id)?.size ?? 0);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(new Set(sizes).size).toBe(4);
  });

  it('scales over the units given: without the collective, 市发改委 is the heaviest', () => {
    const heat = heatOf(
      nodes.filter((node) => node['collective'] !== true),
      'load',
    );
    expect(heat?.scale).toEqual({ metric: 'load', min: 10.5, max: 61.5, units: 3 });
    expect(heat?.styles.get('fgw')?.size).toBe(HEAT_SIZE.max);
  });

  it('gives the collective with no betweenness the grey of no figure', () => {
    const heat = heatOf(nodes, 'betweenness');
    expect(heat?.styles.get('districts')?.colour).toBe(HEAT_NONE);
    expect(heat?.styles.get('fgw')?.colour).toBe(HEAT_RAMP[HEAT_RAMP.length - 1]);
  });
});

describe('the heat legend', () => {
  it('prints whole numbers as they are and fractions to what they need', () => {
    expect(formatHeatValue(61)).toBe('61');
    expect(formatHeatValue(61.5)).toBe('61.5');
    expect(formatHeatValue(0.31234)).toBe('0.312');
    expect(formatHeatValue(0)).toBe('0');
    expect(formatHeatValue(0.5)).toBe('0.5');
    expect(formatHeatValue(12.25)).toBe('12.3');
  });

  it('draws the ramp as a gradient through every stop', () => {
    expect(heatGradient()).toBe(`linear-gradient(to right, ${HEAT_RAMP.join(', ')})`);
  });
});
