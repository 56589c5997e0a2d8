// Chaos, a few rounds: SIGKILL to the loader (`npm run load -- --replace`), to the import's
// commit, and to the Neo4j JVM, at random moments of a replace; after each, the database holds
// the old version of the plan or the new one, whole (scripts/chaos/harness.ts says how that is
// checked). The Neo4j here is this file's own — a temporary store on a free port, started
// through the launcher — never the run's shared one. `npm run chaos -- --rounds N` runs more.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChaosNeo4j,
  loadWhole,
  random,
  round,
  twoVersions,
  type Checksum,
  type Kill,
  type Versions,
} from '../../scripts/chaos/harness.ts';

const SEED = 16;
const next = random(SEED);

let server: ChaosNeo4j;
let versions: Versions;
let planId: string;
let expected: [Checksum, Checksum];

beforeAll(async () => {
  server = await ChaosNeo4j.start();
  versions = await twoVersions('混沌');
  const first = await loadWhole(server, versions.files[0]);
  const second = await loadWhole(server, versions.files[1]);
  planId = first.planId;
  expected = [first.checksum, second.checksum];
}, 900_000);

afterAll(async () => {
  await server?.stop();
  if (versions) await rm(versions.dir, { recursive: true, force: true });
}, 120_000);

describe('killed mid-replace, the database holds one version whole', () => {
  it('the two versions differ in every part of the checksum', () => {
    const [a, b] = expected;
    expect(a.items).not.toBe(b.items);
    expect(a.edges).not.toBe(b.edges);
    expect(a.units).not.toBe(b.units);
    expect(a.refs).not.toBe(b.refs);
    expect(a.sha256).not.toBe(b.sha256);
  });

  const rounds: Kill[] = ['loader', 'loader', 'import', 'jvm-loader'];
  for (const [index, kill] of rounds.entries()) {
    it(
      `round ${index + 1}: SIGKILL to the ${kill.replace('jvm-', 'Neo4j JVM, during a ')}`,
      { timeout: 900_000 },
      async () => {
        const early = index === 1;
        // A JVM kill comes soon after the write begins, so that the writer sees it go.
        const delay = Math.floor(next() * (kill.startsWith('jvm') ? 300 : 1500));
        const result = await round(server, versions, planId, expected, kill, delay, early);
        expect(result.holds).not.toBe(-1);
        if (result.writer && result.duringWrite) {
          // The writer outlived the database: it must say what happened, without a stack.
          expect(result.writer.code).toBe(1);
          expect(result.writer.stderr).toMatch(/数据库在(写入|提交)时断开/);
          expect(result.writer.stderr).toMatch(/the database went away while (writing|committing)/);
          expect(result.writer.stderr).not.toMatch(/\n\s+at /);
        }
      },
    );
  }
});
