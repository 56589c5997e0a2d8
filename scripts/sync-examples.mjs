#!/usr/bin/env node
// Keeps test/fixtures/examples in step with the shared examples of the genre, when the shared
// folder sits beside the checkout. Tests read only the copies, so a clone without it passes; run
// this after the shared examples change, and commit what it copies. The one place in the
// repository that reads outside it, on purpose.
//
//   node scripts/sync-examples.mjs          copy what differs, list it
//   node scripts/sync-examples.mjs --check  exit 1 when a copy differs (nothing written)
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, '..', 'shared', 'examples');
const to = join(root, 'test', 'fixtures', 'examples');
const check = process.argv.includes('--check');

if (!existsSync(from)) {
  console.error(`sync-examples: ${from} is not there; nothing to compare`);
  process.exit(0);
}
const differing = readdirSync(from).filter((name) => {
  const copy = join(to, name);
  return !existsSync(copy) || !readFileSync(copy).equals(readFileSync(join(from, name)));
});
for (const name of differing) {
  console.error(`${check ? 'differs' : 'copied'}: ${name}`);
  if (!check) copyFileSync(join(from, name), join(to, name));
}
if (differing.length === 0) console.error('sync-examples: the copies are in step');
process.exit(check && differing.length > 0 ? 1 : 0);
