// A worker thread kept between jobs, running one at a time, each with a deadline; the thread's
// heap is capped. The boundary between an untrusted file and the code reading it: a job past its
// deadline, or one that kills the thread (out of memory, a crash), takes the thread with it, and
// the next job starts a fresh one. What the thread answers is the caller's to check.
// Used by the PDF reader (pdf/extract.ts) and the API's reading of uploads
// (graph/api/import/read-off-thread.ts).
import { Worker } from 'node:worker_threads';

export type ThreadOutcome =
  /** The job's answer, as posted (with its id): unchecked. */
  | { kind: 'answer'; message: unknown }
  /** The deadline passed and the thread was stopped. */
  | { kind: 'timeout' }
  /** The thread died: out of memory (the job's input at fault) or otherwise. */
  | { kind: 'crashed'; outOfMemory: boolean; message: string };

export interface Job {
  /** Posted to the thread with an `id` added; `transfer` moves its buffers. */
  payload: Record<string, unknown>;
  transfer: ArrayBuffer[];
  deadlineMs: number;
  /**
   * A message that is not the answer yet (e.g. a PDF's page count): a new deadline, counted from
   * now, or undefined when the message is the answer.
   */
  interim?: (message: unknown) => number | undefined;
}

export class KeptThread {
  #thread: Worker | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 1;

  constructor(
    readonly url: URL,
    readonly heapMb: number,
    /** Names the thread in a crash's message, e.g. "the PDF thread". */
    readonly name: string,
  ) {}

  /** Runs a job after those before it. Never rejects: failures are outcomes. */
  run(job: Job): Promise<ThreadOutcome> {
    const outcome = this.#queue.then(() => this.#run(job));
    this.#queue = outcome.catch(() => undefined);
    return outcome;
  }

  #start(): Worker {
    const worker = new Worker(this.url, {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    // An idle thread never keeps the process alive.
    worker.unref();
    return worker;
  }

  #run(job: Job): Promise<ThreadOutcome> {
    const worker = (this.#thread ??= this.#start());
    const id = this.#nextId++;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: ThreadOutcome, keep: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        if (!keep) {
          if (this.#thread === worker) this.#thread = null;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (message: unknown) => {
        if ((message as { id?: unknown } | null)?.id !== id) return;
        const next = job.interim?.(message);
        if (next !== undefined) {
          clearTimeout(timer);
          timer = setTimeout(() => settle({ kind: 'timeout' }, false), next);
          return;
        }
        // An answer out of shape is the job's problem, not the thread's: the thread stays.
        settle({ kind: 'answer', message }, true);
      };
      const onError = (error: Error & { code?: unknown }) =>
        settle(
          {
            kind: 'crashed',
            outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY',
            message: error.message,
          },
          false,
        );
      const onExit = (code: number) =>
        settle(
          { kind: 'crashed', outOfMemory: false, message: `${this.name} exited (${code})` },
          false,
        );
      let timer = setTimeout(() => settle({ kind: 'timeout' }, false), job.deadlineMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // Waiting on a job keeps the process alive; idling between jobs does not.
      worker.ref();
      worker.postMessage({ ...job.payload, id }, job.transfer);
    });
  }
}
