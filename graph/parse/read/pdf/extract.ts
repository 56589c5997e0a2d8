// Runs PDF.js (./extract.worker.mjs) on a worker thread with a deadline and a heap cap, and
// checks what comes back: the thread is the boundary between the untrusted file and the reader.
import { z } from 'zod';
import { KeptThread } from '../kept-thread.ts';

const Numbers = z.array(z.number());

const TextItem = z.object({
  str: z.string(),
  transform: z.array(z.number()).length(6),
  width: z.number(),
  height: z.number(),
  font: z.string(),
});
export type TextItem = z.infer<typeof TextItem>;

/** Drawing operations that can be table rules, in page order (see the worker). */
const Op = z.union([
  z.tuple([z.literal('save')]),
  z.tuple([z.literal('restore')]),
  z.tuple([z.literal('transform'), Numbers]),
  z.tuple([z.literal('width'), z.number()]),
  z.tuple([z.literal('path'), z.enum(['fill', 'stroke', 'both']), Numbers]),
]);
export type Op = z.infer<typeof Op>;

const Page = z.object({
  number: z.number().int().positive(),
  /** Width and height as shown, in PDF units (1/72 in). */
  size: z.tuple([z.number(), z.number()]),
  /** PDF user space → shown page space (y down from the top left, /Rotate applied). */
  viewport: z.array(z.number()).length(6),
  items: z.array(TextItem),
  ops: z.array(Op),
  images: z.number().int().nonnegative(),
});
export type RawPage = z.infer<typeof Page>;

const Message = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pages'),
    pages: z.array(Page),
    /** Pages PDF.js could not read, with why. */
    failed: z.array(z.object({ page: z.number(), message: z.string() })),
    /** What PDF.js said while reading: damage it recovered from, fonts it could not load. */
    warnings: z.array(z.string()),
  }),
  z.object({ kind: z.literal('too-many-pages'), pages: z.number() }),
  z.object({ kind: z.literal('failed'), name: z.string(), message: z.string() }),
]);

export type Extraction =
  | z.infer<typeof Message>
  /** The deadline passed and the thread was stopped. */
  | { kind: 'timeout' }
  /** The thread died (out of memory, a PDF.js crash) or said something unexpected. */
  | { kind: 'crashed'; message: string };

export interface ExtractOptions {
  maxPages: number;
  /** Time to open the file; once its pages are counted, the time to read them. */
  timeoutMs: number | ((pages: number | null) => number);
  heapMb: number;
}

const Opened = z.object({ kind: z.literal('opened'), pages: z.number().int().nonnegative() });

/** The one PDF.js thread (graph/parse/read/kept-thread.ts), made on first use. */
let thread: KeptThread | null = null;

/** Reads the pages of a PDF, one file at a time. Never rejects: failures are results. */
export async function extractPages(
  bytes: Uint8Array,
  options: ExtractOptions,
): Promise<Extraction> {
  thread ??= new KeptThread(
    new URL('./extract.worker.mjs', import.meta.url),
    options.heapMb,
    'the PDF thread',
  );
  const limit = (pages: number | null) =>
    typeof options.timeoutMs === 'number' ? options.timeoutMs : options.timeoutMs(pages);
  // PDF.js takes ownership of (and detaches) the buffer it is given: hand it a copy. (A Buffer's
  // slice() is a view of the same memory, often Node's shared pool: `new Uint8Array` copies.)
  const copy = new Uint8Array(bytes);
  const outcome = await thread.run({
    payload: { bytes: copy, maxPages: options.maxPages },
    transfer: [copy.buffer],
    deadlineMs: limit(null),
    // Once the pages are counted, the time to read them.
    interim: (message) => {
      const opened = Opened.safeParse(message);
      return opened.success ? limit(opened.data.pages) : undefined;
    },
  });
  if (outcome.kind === 'timeout') return outcome;
  if (outcome.kind === 'crashed') return { kind: 'crashed', message: outcome.message };
  const checked = Message.safeParse(outcome.message);
  return checked.success
    ? checked.data
    : { kind: 'crashed', message: `unreadable result: ${checked.error.issues[0]?.message}` };
}
