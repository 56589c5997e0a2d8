// Reading a V8 CPU profile taken through Chromium's DevTools protocol (`Profiler.stop`): where the
// main thread's time went, per function (its own time, and its own plus what it called) and per
// kind of work (script, the browser's own style, layout and paint, garbage collection).
import type { CDPSession } from 'playwright-core';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Sampling interval, in µs: fine enough to see a 5 ms function. */
export const SAMPLING_US = 200;

/** A function as the profile names it: name, file and line (1-based). */
function frameKey(frame: CallFrame): string {
  const file = frame.url.split('/').pop() ?? '';
  const name = frame.functionName || '(anonymous)';
  return file === '' ? name : `${name} ${file}:${frame.lineNumber + 1}`;
}

/** Script, or the browser's own work (no URL): V8 names the latter by what it was doing. */
function kindOf(frame: CallFrame): string {
  if (frame.url === '') {
    const name = frame.functionName;
    if (name === '(garbage collector)') return 'garbage collection';
    if (name === '(idle)') return 'idle';
    if (name === '(program)') return 'browser (style, layout, paint, tasks)';
    return 'browser (other native)';
  }
  return 'script';
}

export interface ProfileSummary {
  /** ms sampled in all, idle left out. */
  busyMs: number;
  /** ms by kind of work, largest first. */
  kinds: [string, number][];
  /** ms of each function's own time, largest first. */
  self: [string, number][];
  /** ms of each function with everything it called, largest first (script frames only). */
  total: [string, number][];
}

/** Every function's own and total ms and each kind of work's ms, idle left out. */
export function functionTimes(profile: CpuProfile): {
  busyMs: number;
  kinds: Map<string, number>;
  self: Map<string, number>;
  total: Map<string, number>;
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const kinds = new Map<string, number>();
  let busyMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (leaf === undefined) return;
    const kind = kindOf(leaf.callFrame);
    if (kind === 'idle') return;
    busyMs += ms;
    kinds.set(kind, (kinds.get(kind) ?? 0) + ms);
    const leafKey = frameKey(leaf.callFrame);
    self.set(leafKey, (self.get(leafKey) ?? 0) + ms);
    // A sample counts once per function on its stack, however often it recurs there.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined || node.callFrame.url === '') continue;
      const key = frameKey(node.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return { busyMs, kinds, self, total };
}

/** Sums a profile by function and by kind of work; `top` rows of each list. */
export function summarise(profile: CpuProfile, top = 12): ProfileSummary {
  const { busyMs, kinds, self, total } = functionTimes(profile);
  const largest = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { busyMs, kinds: largest(kinds), self: largest(self), total: largest(total) };
}

export async function startProfiling(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
}

export async function stopProfiling(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return profile;
}

/** The summary as indented lines: kinds of work, then functions by own and by total time. */
export function profileLines(summary: ProfileSummary, indent = '    '): string[] {
  const row = ([key, ms]: [string, number]) => `${indent}  ${ms.toFixed(1).padStart(7)} ms  ${key}`;
  return [
    `${indent}busy ${summary.busyMs.toFixed(0)} ms: ${summary.kinds.map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`).join(', ')}`,
    `${indent}own time:`,
    ...summary.self.map(row),
    `${indent}with what it called:`,
    ...summary.total.map(row),
  ];
}
