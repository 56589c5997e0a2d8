// Reads an uploaded file (readDocument) on a worker thread (./read.worker.mjs) with a deadline
// and a heap cap, so that one costly file holds neither the server's event loop nor its memory:
// every other planner's request is answered while it is read. What the thread posts is checked
// here, the boundary between the untrusted file and the API.
//
// One thread, kept between files and reading one at a time, like the PDF thread
// (graph/parse/read/pdf/extract.ts): starting one costs more than reading a short notice (tsx and
// the readers' modules), and a single thread bounds what any number of uploads can take to one
// core and one heap. A file past its deadline, or one that kills the thread, takes the thread with
// it; the next file starts a fresh one.
import { z } from 'zod';
import { PlanModel, SourcePosition } from '../../model/plan.ts';
import { KeptThread } from '../../parse/read/kept-thread.ts';
import type { Reading } from '../../parse/parse-document.ts';
import { HttpError } from '../http-error.ts';

export interface ReadLimits {
  /** Wall time from handing the file to the thread (its start included) to its answer. */
  deadlineMs: number;
  /** The thread's heap (V8 old generation), in MB. */
  heapMb: number;
}

/**
 * A notice of thousands of items is read in a second or two; 30 s is far past any real file, even
 * on the busy 2-core machine a commission runs. 1 GB of heap reads the hostile page of issue 16
 * (4 MB of quotes in a table cell) to the end, and half the fuzzer's 2 GB keeps the server's own.
 */
export const READ_LIMITS: ReadLimits = { deadlineMs: 30_000, heapMb: 1_024 };

const ReadLine = z.object({
  text: z.string(),
  cells: z.array(z.string()).optional(),
  source: SourcePosition,
});

const Answer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('read'), model: PlanModel, lines: z.array(ReadLine) }),
  /** readDocument threw: never for bad input (that is `issues`), so a bug of ours. */
  z.object({ kind: z.literal('failed'), name: z.string(), message: z.string() }),
]);

/** The reading thread (graph/parse/read/kept-thread.ts), made on first use. */
let thread: KeptThread | null = null;

const seconds = (ms: number) => `${ms / 1000}`;

function tooSlow(name: string, limits: ReadLimits): HttpError {
  const s = seconds(limits.deadlineMs);
  return new HttpError(
    422,
    'read_too_long',
    `「${name}」在 ${s} 秒内未能读完，未导入；请检查文件，或另存为 Word 或 Excel 后再试 / ` +
      `"${name}" could not be read within the ${s} s limit and was not imported; check the file, or save it as Word or Excel and try again`,
  );
}

function tooCostly(name: string, limits: ReadLimits, why: string): HttpError {
  return new HttpError(
    422,
    'read_too_costly',
    `读取「${name}」超出了 ${limits.heapMb} MB 的内存上限，未导入 / ` +
      `reading "${name}" went past the ${limits.heapMb} MB memory limit and was not imported (${why})`,
  );
}

/**
 * readDocument on the reading thread, files one after another. A file past the deadline or the
 * heap cap is refused with a 422 naming it and the limit; a fault of the reader is thrown as is.
 */
export async function readOffThread(
  bytes: Uint8Array,
  name: string,
  limits: ReadLimits = READ_LIMITS,
): Promise<Reading> {
  thread ??= new KeptThread(
    new URL('./read.worker.mjs', import.meta.url),
    limits.heapMb,
    'the reading thread',
  );
  // The bytes are moved to the thread: a copy, as the caller keeps its own (and a Buffer is often
  // a view of Node's shared pool, which cannot be moved).
  const copy = new Uint8Array(bytes);
  const outcome = await thread.run({
    payload: { bytes: copy, name },
    transfer: [copy.buffer],
    deadlineMs: limits.deadlineMs,
  });
  if (outcome.kind === 'timeout') throw tooSlow(name, limits);
  if (outcome.kind === 'crashed') {
    if (outcome.outOfMemory) throw tooCostly(name, limits, outcome.message);
    throw new Error(`the reading thread failed on "${name}": ${outcome.message}`);
  }
  const checked = Answer.safeParse(outcome.message);
  if (!checked.success) {
    throw new Error(
      `the reading thread answered out of shape for "${name}": ${checked.error.issues[0]?.message}`,
    );
  }
  const answer = checked.data;
  if (answer.kind === 'failed') {
    throw new Error(`the reader failed on "${name}": ${answer.name}: ${answer.message}`);
  }
  return { model: answer.model, lines: answer.lines };
}
