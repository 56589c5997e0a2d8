// Staged loading (graph/load/staging.ts, graph/load/write-plan.ts) against the lane's Neo4j:
// while a new version is written beside the old one, readers see the old one; after the switch,
// the new one; a second load of the same plan meanwhile is refused; and the loader killed with
// SIGKILL at moments spread over a whole replace always leaves one version whole, with what it
// left half-done removed by the next process that loads. (`npm run chaos` and
// test/load/chaos.test.ts kill the loader, the import and the JVM on a Neo4j of their own.)
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanFile } from '../../graph/load/load-plan.ts';
import { finishInterruptedLoads, LoadInProgressError } from '../../graph/load/staging.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import {
  checksum,
  identify,
  loadWhole,
  random,
  round,
  spawnWriter,
  twoVersions,
  untilWriting,
  type ChaosTarget,
  type Checksum,
  type Versions,
} from '../../scripts/chaos/harness.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';

useTestNeo4j();

/** Kills spread over one whole replace, each in its own slice of it. */
const KILLS = 8;
const next = random(2026);

let driver: Driver;
let database: string;
let versions: Versions;
let planId: string;
let expected: [Checksum, Checksum];
let target: ChaosTarget;

beforeAll(async () => {
  driver = getDriver();
  database = connection().database;
  versions = await twoVersions('分段');
  const first = await loadWhole({ driver }, versions.files[0]);
  const second = await loadWhole({ driver }, versions.files[1]);
  planId = first.planId;
  expected = [first.checksum, second.checksum];
  const { uri, username, password } = connection();
  target = {
    driver,
    env: () => ({
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USERNAME: username,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: database,
    }),
    killAndRestart: () => Promise.reject(new Error('this suite kills the loader only')),
  };
}, 120_000);

afterAll(async () => {
  await removePlansOtherThanSeed(driver);
  if (versions) await rm(versions.dir, { recursive: true, force: true });
});

/** How many draft items, retired items and leases the database holds, of any plan. */
async function leftovers() {
  const { records } = await driver.executeQuery(
    `RETURN COUNT { (:ItemDraft) } AS drafts, COUNT { (:ItemRetired) } AS retired,
            COUNT { (:PlanDraft) } AS leases`,
    {},
    { database },
  );
  const row = records[0];
  return {
    drafts: Number(row?.get('drafts')),
    retired: Number(row?.get('retired')),
    leases: Number(row?.get('leases')),
  };
}

const NONE = { drafts: 0, retired: 0, leases: 0 };

/** The paths tool's query, as the API runs it. */
const PATHS = readFile(
  fileURLToPath(new URL('../../graph/api/queries/unit-paths.cypher', import.meta.url)),
  'utf8',
);

/** The search's full-text query, as the API runs it. */
const SEARCH = readFile(
  fileURLToPath(new URL('../../graph/api/queries/search-fulltext.cypher', import.meta.url)),
  'utf8',
);

/** The version file the database does not hold now, and the index of the one it does. */
async function otherVersion() {
  const holds = await identify(driver, planId, expected);
  if (holds === -1) throw new Error('the database holds neither version');
  return { holds, file: versions.files[holds === 0 ? 1 : 0], next: holds === 0 ? 1 : 0 };
}

describe('a replace written beside the plan', () => {
  it('shows readers the old version until the switch commits, then the new one', async () => {
    const { holds, file, next: after } = await otherVersion();
    const seen = new Map<
      string,
      { sum: Checksum | null; drafts: number; found: string[]; indexed: number }
    >();
    // Items of both versions mention it: the index holds the draft's too while it is written.
    const found = async () =>
      (
        await driver.executeQuery(
          await SEARCH,
          { query: '人均预期寿命', planIds: [planId], limit: neo4j.int(20) },
          { database },
        )
      ).records.map((record) => String(record.get('id')));
    const before = await found();
    await loadPlanFile(driver, file, {
      database,
      replace: true,
      batchSize: 40,
      // Inside each batch's transaction, before it commits; read from sessions of our own.
      onBatch: async (step) => {
        if (seen.has(step)) return;
        seen.set(step, {
          sum: await checksum(driver, planId),
          drafts: (await leftovers()).drafts,
          found: await found(),
          indexed: Number(
            (
              await driver.executeQuery(
                `CALL db.index.fulltext.queryNodes('item_search', '人均预期寿命') YIELD node
                 WHERE node:ItemDraft RETURN count(node) AS n`,
                {},
                { database },
              )
            ).records[0]?.get('n'),
          ),
        });
      },
    });
    // The draft's last steps, and the switch's own, uncommitted while they run.
    for (const step of ['items', 'UNDER', 'retire', 'promote', 'COORDINATES_WITH']) {
      expect(seen.get(step)?.sum, step).toEqual(expected[holds]);
      // The full-text index covers drafts (staging.ts says why); the search keeps to Item.
      expect(seen.get(step)?.found, step).toEqual(before);
    }
    expect(before.length).toBeGreaterThan(0);
    expect(seen.get('UNDER')?.indexed).toBeGreaterThan(0);
    // The draft was there, unseen: every item of the new version and more written by then.
    expect(seen.get('UNDER')?.drafts).toBe(expected[after]?.items);
    expect(await checksum(driver, planId)).toEqual(expected[after]);
    expect(await leftovers()).toEqual(NONE);
  });

  it('finds no path through a draft: two units only the draft names together stay unlinked', async () => {
    // The second version names 市混沌测试局 and 市混沌核对局 on one indicator; the first, neither.
    const { holds, file } = await otherVersion();
    expect(holds).toBe(0);
    const paths = async () =>
      (
        await driver.executeQuery(
          await PATHS,
          {
            fromId: '武汉市/市混沌测试局',
            toId: '武汉市/市混沌核对局',
            planIds: [planId],
            collectives: false,
            limit: neo4j.int(10),
          },
          { database },
        )
      ).records.length;
    let during: number | null = null;
    await loadPlanFile(driver, file, {
      database,
      replace: true,
      batchSize: 40,
      onBatch: async (step) => {
        if (step === 'UNDER' && during === null) during = await paths();
      },
    });
    expect(during).toBe(0);
    expect(await paths()).toBe(1);
  });

  it('refuses a second load of the same plan while the first is writing, in both languages', async () => {
    const { file, next: after } = await otherVersion();
    let second: unknown = null;
    await loadPlanFile(driver, file, {
      database,
      replace: true,
      batchSize: 40,
      onBatch: async (step) => {
        if (step !== 'items' || second !== null) return;
        second = await loadPlanFile(driver, file, { database, replace: true }).catch(
          (error: unknown) => error,
        );
      },
    });
    expect(second).toBeInstanceOf(LoadInProgressError);
    expect((second as Error).message).toMatch(
      /正由另一个导入写入.*is being loaded by another process/s,
    );
    expect((second as Error).message).toContain(`pid ${process.pid}`);
    // The first went on to the end, untouched by the refusal.
    expect(await checksum(driver, planId)).toEqual(expected[after]);
    expect(await leftovers()).toEqual(NONE);
  });
});

describe('the loader killed with SIGKILL at moments spread over a replace', () => {
  it(
    `always leaves one version whole, ${KILLS} times, and the next load's clean-up leaves nothing behind`,
    { timeout: 600_000 },
    async () => {
      // How long a whole replace writes here, from its first transaction to the process's exit.
      const whole = spawnWriter('loader', (await otherVersion()).file, target.env());
      expect(await untilWriting(driver, planId, 120_000)).toBe(true);
      const started = Date.now();
      const exit = await whole.done;
      expect(exit.code, exit.stderr).toBe(0);
      const span = Date.now() - started;

      const left = { drafts: 0, retired: 0, nothing: 0 };
      for (let i = 0; i < KILLS; i++) {
        const delay = Math.floor(((i + next()) / KILLS) * span);
        const result = await round(target, versions, planId, expected, 'loader', delay, false);
        expect(result.holds, `kill ${i + 1} at ${delay} ms`).not.toBe(-1);
        const after = await leftovers();
        if (after.drafts > 0) left.drafts += 1;
        else if (after.retired > 0) left.retired += 1;
        else left.nothing += 1;

        // "The next start": what any process does before its first load.
        await finishInterruptedLoads(driver, database);
        expect(await leftovers()).toEqual(NONE);
        expect(await identify(driver, planId, expected)).toBe(result.holds);
      }
      // The kills landed inside the staged write, not only before or after it.
      expect(left.drafts + left.retired, JSON.stringify(left)).toBeGreaterThan(0);
    },
  );
});
