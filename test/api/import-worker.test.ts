// Issue 16: an uploaded file is read on the reading thread (graph/api/import/read-off-thread.ts),
// so a costly file leaves the server's event loop free for every other planner, and a file past
// the deadline is refused in both languages. No database: the read alone.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../graph/api/http-error.ts';
import { READ_LIMITS, readOffThread } from '../../graph/api/import/read-off-thread.ts';
import { readDocument } from '../../graph/parse/parse-document.ts';
import { seedFiles } from '../../scripts/fuzz/corpus.ts';
import { buildInput, type FuzzPlan } from '../../scripts/fuzz/mutate.ts';

const EXAMPLES = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));
const WEB_PAGE = '08-web-page.html';
const webPage = () => new Uint8Array(readFileSync(`${EXAMPLES}${WEB_PAGE}`));

/**
 * The page of `npm run fuzz -- --replay html:677910243`, built from the plan it prints: 4 MB of
 * quote characters in a table cell of the example web page, some 11 s of CPU for the reader
 * (parse5's per-character tokens, and garbage collection).
 */
const HOSTILE_PLAN: FuzzPlan = {
  format: 'html',
  seed: 0,
  ops: [
    { op: 'insert', kind: 'quotes', at: 750892, size: 4194304 },
    { op: 'repeat', at: 725296, length: 278, times: 5 },
  ],
};

/** The longest the main thread went without running a timer while `work` was pending. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    stallMs = Math.max(stallMs, performance.now() - last);
    return { result, stallMs };
  } finally {
    clearInterval(tick);
  }
}

describe('reading an uploaded file off the main thread', () => {
  it('gives the same model and lines as readDocument on the main thread', async () => {
    const bytes = webPage();
    const here = await readDocument(bytes, { name: WEB_PAGE });
    const there = await readOffThread(bytes, WEB_PAGE);
    expect(there.model.items.length).toBeGreaterThan(0);
    expect(there).toEqual(here);
  });

  it('keeps the main thread answering while a hostile page is read', async () => {
    const bytes = buildInput(HOSTILE_PLAN, seedFiles('html'));
    expect(bytes.byteLength).toBe(4_207_135);
    // Generous: this is about where the work runs, not how fast (a busy 2-core machine).
    const limits = { ...READ_LIMITS, deadlineMs: 170_000 };
    const { result, stallMs } = await longestStall(() =>
      readOffThread(bytes, 'hostile.html', limits),
    );
    // Read to the end, not refused: the quotes are only text of a cell.
    expect(result.model.source?.bytes).toBe(bytes.byteLength);
    expect(result.model.items.map((item) => item.title)).toEqual(
      (await readOffThread(webPage(), WEB_PAGE)).model.items.map((item) => item.title),
    );
    // Read on the main thread this page stalls it for ~12 s.
    expect(stallMs).toBeLessThan(1_000);
  }, 180_000);

  it('refuses a file past the deadline, naming it and the limit in Chinese and English', async () => {
    const refusal = await readOffThread(webPage(), '示例通知.html', {
      ...READ_LIMITS,
      deadlineMs: 1,
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpError);
    const { status, code, message } = refusal as HttpError;
    expect({ status, code }).toEqual({ status: 422, code: 'read_too_long' });
    expect(message).toContain('「示例通知.html」在 0.001 秒内未能读完，未导入');
    expect(message).toContain('"示例通知.html" could not be read within the 0.001 s limit');
  });

  it('reads the next file on a fresh thread after a refusal', async () => {
    const { model } = await readOffThread(webPage(), WEB_PAGE);
    expect(model.source?.name).toBe(WEB_PAGE);
    expect(model.items.length).toBeGreaterThan(0);
  });
});
