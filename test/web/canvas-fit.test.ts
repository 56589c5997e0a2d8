// The canvas's geometry without a browser: the fitted camera keeps the graph inside the part of
// the canvas the overlaid controls leave, themes' boxes are pushed apart until none overlap, and
// the labels kept on the whole-plan view are the themes' and the busiest units'.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeData } from '../../web/src/api/schema.ts';
import { bodyBox, fitInside, type Box } from '../../web/src/graph/camera-fit.ts';
import { separateBoxes, type PlacedBox } from '../../web/src/graph/separate-boxes.ts';
import { majorNodes, MAJOR_UNITS, toElements } from '../../web/src/graph/to-elements.ts';
import { edges, nodes, THEME_A, THEME_B } from './fixture.ts';

const INSET = { top: 52, right: 28, bottom: 44, left: 28 };
const LIMITS = { min: 0.05, max: 4 };

/** Where a model point lands on screen under a camera. */
const onScreen = (
  camera: { zoom: number; pan: { x: number; y: number } },
  x: number,
  y: number,
) => ({
  x: x * camera.zoom + camera.pan.x,
  y: y * camera.zoom + camera.pan.y,
});

describe('the fitted camera', () => {
  it('puts the box inside the inset, touching it on the tighter axis, centred on the other', () => {
    const box: Box = { x1: -200, y1: -100, x2: 1800, y2: 1400 };
    const canvas = { width: 1530, height: 919 };
    const camera = fitInside(box, canvas, INSET, LIMITS);
    const topLeft = onScreen(camera, box.x1, box.y1);
    const bottomRight = onScreen(camera, box.x2, box.y2);
    // Height decides here: the box spans the inset's height exactly.
    expect(topLeft.y).toBeCloseTo(INSET.top, 6);
    expect(bottomRight.y).toBeCloseTo(canvas.height - INSET.bottom, 6);
    const middle = (INSET.left + canvas.width - INSET.right) / 2;
    expect((topLeft.x + bottomRight.x) / 2).toBeCloseTo(middle, 6);
    expect(topLeft.x).toBeGreaterThan(INSET.left);
  });

  it('keeps every box within the inset, whatever its shape and the canvas’s', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.integer({ min: -5000, max: 5000 }),
          y: fc.integer({ min: -5000, max: 5000 }),
          w: fc.integer({ min: 1, max: 20_000 }),
          h: fc.integer({ min: 1, max: 20_000 }),
          width: fc.integer({ min: 300, max: 4000 }),
          height: fc.integer({ min: 300, max: 3000 }),
        }),
        ({ x, y, w, h, width, height }) => {
          const box = { x1: x, y1: y, x2: x + w, y2: y + h };
          const camera = fitInside(box, { width, height }, INSET, { min: 0, max: Infinity });
          const a = onScreen(camera, box.x1, box.y1);
          const b = onScreen(camera, box.x2, box.y2);
          expect(a.x).toBeGreaterThanOrEqual(INSET.left - 1e-6);
          expect(a.y).toBeGreaterThanOrEqual(INSET.top - 1e-6);
          expect(b.x).toBeLessThanOrEqual(width - INSET.right + 1e-6);
          expect(b.y).toBeLessThanOrEqual(height - INSET.bottom + 1e-6);
        },
      ),
    );
  });

  it('stays within the zoom limits: one small node is not blown up', () => {
    const camera = fitInside(
      { x1: 0, y1: 0, x2: 10, y2: 10 },
      { width: 1000, height: 800 },
      INSET,
      LIMITS,
    );
    expect(camera.zoom).toBe(LIMITS.max);
  });

  it('boxes nodes by their bodies', () => {
    expect(
      bodyBox([
        { x: 0, y: 0, width: 20, height: 10 },
        { x: 100, y: 50, width: 340, height: 76 },
      ]),
    ).toEqual({ x1: -70, y1: -5, x2: 270, y2: 88 });
    expect(bodyBox([])).toBeNull();
  });
});

const intersect = (a: PlacedBox, b: PlacedBox) =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;

describe('keeping themes’ boxes apart', () => {
  const theme = (id: string, x: number, y: number): PlacedBox => ({
    id,
    x,
    y,
    width: 340,
    height: 76,
  });

  it('leaves boxes already apart where they are', () => {
    const boxes = [theme('a', 0, 0), theme('b', 0, 200), theme('c', 500, 0)];
    const out = separateBoxes(boxes, 24);
    for (const box of boxes) expect(out.get(box.id)).toEqual({ x: box.x, y: box.y });
  });

  it('parts two boxes on top of each other by at least the gap', () => {
    const out = separateBoxes([theme('a', 0, 0), theme('b', 10, 5)], 24);
    const a = out.get('a');
    const b = out.get('b');
    if (a === undefined || b === undefined) throw new Error('a box went missing');
    const apartX = Math.abs(a.x - b.x) - 340;
    const apartY = Math.abs(a.y - b.y) - 76;
    expect(Math.max(apartX, apartY)).toBeGreaterThanOrEqual(24 - 1e-6);
  });

  it('leaves no two boxes overlapping, however they were piled', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: -300, max: 300 }),
            y: fc.integer({ min: -300, max: 300 }),
            width: fc.integer({ min: 10, max: 400 }),
            height: fc.integer({ min: 10, max: 120 }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (raw) => {
          const boxes = raw.map((box, i) => ({ id: `t${i}`, ...box }));
          const out = separateBoxes(boxes, 8);
          expect(out.size).toBe(boxes.length);
          const placed = boxes.map((box) => ({ ...box, ...out.get(box.id) }));
          for (let i = 0; i < placed.length; i++) {
            for (let j = i + 1; j < placed.length; j++) {
              const a = placed[i];
              const b = placed[j];
              if (a !== undefined && b !== undefined) expect(intersect(a, b)).toBe(false);
            }
          }
        },
      ),
    );
  });
});

describe('whose labels the whole-plan view keeps', () => {
  const unit = (n: number, load: number): NodeData => ({
    id: `市/u${String(n).padStart(2, '0')}`,
    kind: 'unit',
    label: `u${n}`,
    load,
  });

  it('keeps every theme and the busiest units, at most MAJOR_UNITS of them', () => {
    const units = Array.from({ length: 40 }, (_, n) => unit(n, n % 7 === 0 ? 0 : 40 - n));
    const major = majorNodes([...nodes, ...units]);
    expect(major.has(THEME_A) && major.has(THEME_B)).toBe(true);
    const majorUnits = [...units, ...nodes.filter((n) => n.kind === 'unit')].filter((u) =>
      major.has(u.id),
    );
    expect(majorUnits).toHaveLength(MAJOR_UNITS);
    // None left out has more load than one kept; none without load is kept.
    const least = Math.min(...majorUnits.map((u) => u.load ?? 0));
    expect(least).toBeGreaterThan(0);
    for (const u of units) if (!major.has(u.id)) expect(u.load ?? 0).toBeLessThanOrEqual(least);
  });

  it('marks each drawn node major or minor', () => {
    const elements = toElements({ nodes, edges }, { lang: 'zh', englishPrefix: '', layered: true });
    const prominence = new Map(
      elements.flatMap((e) => (e.group === 'nodes' ? [[e.data.id, e.data.prominence]] : [])),
    );
    expect(prominence.get(THEME_A)).toBe('major');
    const items = nodes.filter((n) => n.kind === 'task' || n.kind === 'indicator');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(prominence.get(item.id)).toBe('minor');
  });
});
