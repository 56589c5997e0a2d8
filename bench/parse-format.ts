// One row of `npm run bench:parse`'s per-format table, run in a process of its own so that its
// peak memory is its own: `tsx bench/parse-format.ts FORMAT` prints one JSON line.
//
// Each input is generated (same options, same bytes), then parsed through parseDocument — the
// entry a planner's file takes — a few times; the best wall time stands (the machine may be
// shared). Peak RSS is the process's high-water mark, taken before and after.
import { resourceUsage } from 'node:process';
import { parseDocument } from '../graph/parse/parse-document.ts';
import { taskTableDocx } from './inputs/docx.ts';
import { governmentWebPage } from './inputs/html.ts';
import { ledgerXlsx } from './inputs/xlsx.ts';
import { zipBombDocx } from './inputs/zip-bomb.ts';

export interface FormatRow {
  format: string;
  input: string;
  bytes: number;
  bestMs: number;
  items: number;
  edges: number;
  /** Process RSS high-water mark before generating the input and after parsing, MiB. */
  peakRssBeforeMiB: number;
  peakRssMiB: number;
  /** Codes of error issues (a refused bomb shows its refusal here). */
  errors: string[];
}

interface Input {
  label: string;
  make: () => Promise<Uint8Array>;
  runs: number;
}

const INPUTS: Record<string, Input> = {
  docx: { label: 'Word, 2,000-row table', make: async () => taskTableDocx(2_000), runs: 3 },
  xlsx: { label: 'Excel, 2,000-row sheet', make: () => ledgerXlsx({ rows: 2_000 }), runs: 3 },
  html: {
    label: 'web page, 2 MB',
    make: async () => governmentWebPage({ bytes: 2_000_000 }).bytes,
    runs: 3,
  },
  pdf: {
    label: 'PDF, 200 pages',
    make: async () => (await import('./inputs/pdf.ts')).taskTablePdf(200),
    runs: 2,
  },
  bomb: {
    label: 'zip bomb (1 GiB, sizes lie)',
    make: async () => zipBombDocx({ sizes: 'lie' }),
    runs: 5,
  },
};

const mib = (kib: number) => Math.round(kib / 1024);

async function measure(format: string): Promise<FormatRow> {
  const input = INPUTS[format];
  if (input === undefined) throw new Error(`no input for ${format}`);
  const before = resourceUsage().maxRSS;
  const bytes = await input.make();
  let best = Number.POSITIVE_INFINITY;
  let model: Awaited<ReturnType<typeof parseDocument>> | null = null;
  for (let run = 0; run < input.runs; run++) {
    const t0 = performance.now();
    model = await parseDocument(bytes, { name: `bench.${format}` });
    best = Math.min(best, performance.now() - t0);
  }
  if (model === null) throw new Error('no run');
  return {
    format,
    input: input.label,
    bytes: bytes.byteLength,
    bestMs: Math.round(best),
    items: model.items.length,
    edges: model.items.reduce((n, item) => n + item.units.length, 0),
    peakRssBeforeMiB: mib(before),
    peakRssMiB: mib(resourceUsage().maxRSS),
    errors: model.issues.filter((i) => i.severity === 'error').map((i) => i.code),
  };
}

export const FORMATS = Object.keys(INPUTS);

if (process.argv[2] !== undefined && import.meta.url.endsWith(process.argv[1] ?? '')) {
  console.log(JSON.stringify(await measure(process.argv[2])));
}
