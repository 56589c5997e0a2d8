// Reading a unit dictionary from disk: the only I/O of the dictionary; validation is resolve.ts's.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseUnitDictionary, UnitDictionaryError } from './resolve.ts';
import type { UnitDictionary } from './schema.ts';

/** The dictionary of the seed plan's units (武汉市). */
export const wuhanUnitDictionaryPath = fileURLToPath(
  new URL('../../seeds/units-wuhan.json', import.meta.url),
);

/**
 * Reads and validates a dictionary file. Every failure — missing file, broken JSON, invalid
 * entry — is a `UnitDictionaryError` whose message starts with the file's path.
 */
export async function readUnitDictionary(path: string): Promise<UnitDictionary> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UnitDictionaryError(path, [
      { index: null, entry: null, field: null, message: `cannot read: ${reason(error)}` },
    ]);
  }
  let json: unknown;
  try {
    // A BOM is invisible in most editors but fatal to JSON.parse.
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new UnitDictionaryError(path, [
      { index: null, entry: null, field: null, message: `not valid JSON: ${reason(error)}` },
    ]);
  }
  return parseUnitDictionary(json, path);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
