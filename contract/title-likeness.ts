// How alike two item titles read, as the share of their character pairs they have in common
// (Dice's coefficient over bigrams, punctuation, spaces and digits left out). Chinese titles
// carry their meaning in two-character words, so 推进数字经济发展 and 加快推进数字经济高质量发展
// share 0.63 while two different tasks of one plan rarely share a quarter. Used where a record
// has lost its item: the server's relink rule and the browser's proposals for a planner to attach.

// Characters that say nothing about which task it is.
const NOISE = /[\s\p{P}\p{S}\d]/gu;

/** The title's character pairs, counted. */
export function titlePairs(title: string): Map<string, number> {
  const chars = [...title.replace(NOISE, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const pair = `${chars[i]}${chars[i + 1]}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** 0 (nothing in common) to 1 (the same pairs); 0 when either title has no pair at all. */
export function titleLikeness(a: string, b: string): number {
  return pairLikeness(titlePairs(a), titlePairs(b));
}

/** The same on pairs already counted, for one title compared with many. */
export function pairLikeness(
  left: ReadonlyMap<string, number>,
  right: ReadonlyMap<string, number>,
): number {
  let total = 0;
  let common = 0;
  for (const count of left.values()) total += count;
  for (const [pair, count] of right) {
    total += count;
    common += Math.min(count, left.get(pair) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
}
