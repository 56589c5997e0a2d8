// How long comparing two editions takes (graph/editions/compare.ts), pure, no database: a
// synthetic notice (bench/synthetic-notice.ts) against a revision of it — a share of its items
// dropped, reworded, renumbered, given other units, and new ones added — and against an unrelated
// notice, where nothing pairs by number and every title is measured against every alike one.
// Prints figures; asserts nothing. `npx tsx bench/editions.ts [items…]` (default 1000 10000).
import { performance } from 'node:perf_hooks';
import { compareEditions } from '../graph/editions/compare.ts';
import type { Edition, EditionItemInput } from '../graph/editions/edition.ts';
import { parsePlan } from '../graph/parse/parse-plan.ts';
import { syntheticNotice } from './synthetic-notice.ts';

/** A deterministic PRNG (mulberry32), so every run revises the same items. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 5% each: dropped, reworded, renumbered, units changed; and 5% new items. */
function revise(edition: Edition): Edition {
  const draw = random(7);
  const items: EditionItemInput[] = [];
  edition.items.forEach((item, index) => {
    const roll = draw();
    if (roll < 0.05) return;
    if (roll < 0.1) items.push({ ...item, title: `加快${item.title}` });
    else if (roll < 0.15) items.push({ ...item, ref: `${item.ref}之新${index}` });
    else if (roll < 0.2) items.push({ ...item, units: item.units.slice(1) });
    else items.push(item);
  });
  const added = Math.round(edition.items.length * 0.05);
  for (let n = 0; n < added; n += 1) {
    items.push({
      id: `new/${n}`,
      kind: 'task',
      ref: `新${n}`,
      title: `新增重点任务第${n}项统筹推进`,
      parent: null,
      units: [],
    });
  }
  return { plan: edition.plan, items };
}

function time(label: string, older: Edition, newer: Edition): void {
  compareEditions(older, newer); // warm-up
  const rounds = 3;
  const start = performance.now();
  let diff = compareEditions(older, newer);
  for (let n = 1; n < rounds; n += 1) diff = compareEditions(older, newer);
  const ms = (performance.now() - start) / rounds;
  const { counts } = diff;
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   paired ${counts.matched} ` +
      `(likely ${counts.likely}), added ${counts.added}, removed ${counts.removed}, ` +
      `reworded ${counts.reworded}, renumbered ${counts.renumbered}, units ${counts.units}, ` +
      `ambiguous ${counts.ambiguous}`,
  );
}

const sizes = process.argv.slice(2).map(Number);
for (const size of sizes.length > 0 ? sizes : [1_000, 10_000]) {
  const older = parsePlan(syntheticNotice({ items: size, unitsPerItem: 4, seed: 1 }).text);
  const other = parsePlan(syntheticNotice({ items: size, unitsPerItem: 4, seed: 2 }).text);
  console.log(`${older.items.length} items`);
  time('  itself', older, older);
  time('  a revision (5% of each edit)', older, revise(older));
  time('  an unrelated notice', older, other);
}
