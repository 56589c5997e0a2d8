// Small figures the API benches share: the median of some timings, and one timed request.
import type { Hono } from 'hono';

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** ms from asking `app` for `target` to the whole answer read; throws on a failed answer. */
export async function timedRequest(app: Hono, target: string): Promise<number> {
  const started = performance.now();
  const response = await app.request(target);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${target} answered ${response.status}`);
  return performance.now() - started;
}
