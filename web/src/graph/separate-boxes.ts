// Keeps boxes (a theme's, on the force layout) from overlapping: fcose repels nodes by their
// size but does not promise that two large boxes end apart. Pure, so it is tested without a
// browser.

/** A box by its centre and size. */
export interface PlacedBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rounds of pushing overlapping pairs apart before the sweep settles what is left. */
const ROUNDS = 60;
const EPSILON = 1e-3;

function overlap(a: PlacedBox, b: PlacedBox, gap: number): { x: number; y: number } | null {
  const x = (a.width + b.width) / 2 + gap - Math.abs(a.x - b.x);
  const y = (a.height + b.height) / 2 + gap - Math.abs(a.y - b.y);
  // Less than a thousandth of a pixel is rounding, not overlap (and would never be swept away).
  return x > EPSILON && y > EPSILON ? { x, y } : null;
}

/**
 * New centres for the boxes such that no two are closer than `gap` on both axes. Overlapping
 * pairs are first pushed apart along the axis where they overlap least, half each, which moves
 * boxes little; boxes still overlapping after that (a tight cluster) are swept downwards, in
 * reading order, below the ones they meet, which always ends.
 */
export function separateBoxes(
  boxes: readonly PlacedBox[],
  gap: number,
): Map<string, { x: number; y: number }> {
  const placed = boxes.map((box) => ({ ...box }));
  for (let round = 0; round < ROUNDS; round++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i];
        const b = placed[j];
        if (a === undefined || b === undefined) continue;
        const by = overlap(a, b, gap);
        if (by === null) continue;
        moved = true;
        if (by.x < by.y) {
          // Ties (the same x) go by order, so the result never depends on rounding.
          const sign = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
          a.x += (sign * by.x) / 2;
          b.x -= (sign * by.x) / 2;
        } else {
          const sign = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          a.y += (sign * by.y) / 2;
          b.y -= (sign * by.y) / 2;
        }
      }
    }
    if (!moved) break;
  }
  const order = [...placed].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  const settled: PlacedBox[] = [];
  for (const box of order) {
    // Each move puts the box below one it met, and it only moves down: it meets that one no more.
    let met = settled.find((other) => overlap(box, other, gap) !== null);
    while (met !== undefined) {
      box.y = met.y + (met.height + box.height) / 2 + gap;
      met = settled.find((other) => overlap(box, other, gap) !== null);
    }
    settled.push(box);
  }
  return new Map(settled.map((box) => [box.id, { x: box.x, y: box.y }]));
}
