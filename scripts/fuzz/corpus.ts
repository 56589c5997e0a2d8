// The files fuzzing starts from: the repository's fixtures, grouped by the reader they reach.
// "zip" is the Word and Excel packages again, mutated inside the container (entries, XML)
// rather than byte by byte.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FUZZ_FORMATS = ['text', 'docx', 'xlsx', 'csv', 'html', 'pdf', 'zip'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

export interface SeedFile {
  /** Path inside test/fixtures, e.g. `examples/06-table-word.docx`. */
  name: string;
  bytes: Uint8Array;
}

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const FOLDERS = ['examples', 'genre', 'pdf', 'html', 'csv'];

const EXTENSIONS: Record<FuzzFormat, readonly string[]> = {
  text: ['.txt'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  csv: ['.csv'],
  html: ['.html'],
  pdf: ['.pdf'],
  zip: ['.docx', '.xlsx'],
};

/** Every fixture a format's fuzzing starts from, in name order (the seeds index into it). */
export function seedFiles(format: FuzzFormat): SeedFile[] {
  const files: SeedFile[] = [];
  for (const folder of FOLDERS) {
    for (const entry of readdirSync(join(FIXTURES, folder)).sort()) {
      if (!EXTENSIONS[format].includes(extname(entry).toLowerCase())) continue;
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, folder, entry)));
      files.push({ name: `${folder}/${entry}`, bytes });
    }
  }
  if (files.length === 0) throw new Error(`no fixture to fuzz ${format} from`);
  return files;
}
