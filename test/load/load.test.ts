// The loader against the real Neo4j the test setup started: schema, counts, idempotence,
// atomicity under failure, plans side by side, and metrics checked against a hand count.
// Every test loads a renamed copy of the seed, its own plan, so no two tests share one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUnitDictionary, wuhanUnitDictionaryPath } from '../../graph/dictionary/read.ts';
import {
  loadPlanFile,
  loadPlanText,
  PlanChangedError,
  PlanParseError,
  type LoadOptions,
  type LoadOutcome,
} from '../../graph/load/load-plan.ts';
import { expectedCounts, preparePlan, sha256Hex } from '../../graph/load/rows.ts';
import { ensureSchema, ITEM_SEARCH_INDEX, UNIT_SEARCH_INDEX } from '../../graph/load/schema.ts';
import { ensureSeedLoaded } from '../../graph/load/seed.ts';
import { LoadFailedError } from '../../graph/load/failure.ts';
import { LoadVerificationError } from '../../graph/load/verify.ts';
import { InjectedLoadFailure, writePlan } from '../../graph/load/write-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { getQuery } from '../../graph/queries/registry.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { dumpPlan, parsed, renamedSeed, type PlanDump } from './support.ts';

// The genre's examples, copied into the repository's fixtures (test/fixtures/examples).
const EXAMPLES = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));

let driver: Driver;
let database: string;
/** Loads whatever an earlier run against the same server left: every test starts from its own text. */
let fresh: LoadOptions;
/** Loads as `npm run load` does: skips the same text, refuses a changed one. */
let plain: LoadOptions;

useTestNeo4j();

// The API and browser suites share this database and expect the seed alone in it.
afterAll(async () => {
  await removePlansOtherThanSeed(driver);
});

beforeAll(async () => {
  driver = getDriver();
  database = connection().database;
  plain = { database };
  fresh = { database, force: true };
  await ensureSchema(driver, database);
});

async function read<T = Record<string, unknown>>(
  query: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const session = driver.session({ database });
  try {
    const result = await session.run(query, params);
    return result.records.map((record) => record.toObject() as T);
  } finally {
    await session.close();
  }
}

function loaded(outcome: LoadOutcome): Extract<LoadOutcome, { write: unknown }> {
  if (outcome.status === 'already-loaded') throw new Error(`${outcome.planId} was skipped`);
  return outcome;
}

/** The seed with one unit list changed, so a replace has something to replace. */
function edited(text: string): string {
  return text.replace(
    '6.森林覆盖率大于14.5%。(责任单位:市园林林业局)',
    '6.森林覆盖率大于14.5%。(责任单位:市园林林业局、市自然资源和规划局)',
  );
}

describe('schema', () => {
  it('has a uniqueness constraint per key, lookup indexes and CJK full-text indexes, all online', async () => {
    const again = await ensureSchema(driver, database);
    expect(again).toEqual({ created: [], replaced: [] });

    const constraints = await read<{ name: string; labels: string[]; properties: string[] }>(
      `SHOW CONSTRAINTS YIELD name, type, labelsOrTypes AS labels, properties
       WHERE type = 'UNIQUENESS' RETURN name, labels, properties`,
    );
    expect(constraints).toEqual(
      expect.arrayContaining([
        { name: 'plan_id', labels: ['Plan'], properties: ['id'] },
        { name: 'item_id', labels: ['Item'], properties: ['id'] },
        { name: 'unit_id', labels: ['Unit'], properties: ['id'] },
        { name: 'document_id', labels: ['Document'], properties: ['id'] },
      ]),
    );

    const indexes = await read<{
      name: string;
      type: string;
      state: string;
      entityType: string;
      labels: string[];
      properties: string[];
      analyzer: string | null;
      eventuallyConsistent: boolean | null;
    }>(
      `SHOW INDEXES YIELD name, type, state, entityType, labelsOrTypes AS labels, properties, options
       RETURN name, type, state, entityType, labels, properties,
              options.indexConfig['fulltext.analyzer'] AS analyzer,
              options.indexConfig['fulltext.eventually_consistent'] AS eventuallyConsistent`,
    );
    const byName = new Map(indexes.map((index) => [index.name, index]));
    expect(byName.get(UNIT_SEARCH_INDEX)).toMatchObject({
      type: 'FULLTEXT',
      state: 'ONLINE',
      labels: ['Unit'],
      properties: ['name', 'fullName', 'englishName', 'searchText'],
      analyzer: 'cjk',
      eventuallyConsistent: false,
    });
    expect(byName.get(ITEM_SEARCH_INDEX)).toMatchObject({
      type: 'FULLTEXT',
      labels: ['Item', 'ItemDraft', 'ItemRetired'],
      properties: ['title', 'text'],
      analyzer: 'cjk',
      eventuallyConsistent: false,
    });
    for (const name of ['item_plan', 'item_ref', 'unit_key', 'unit_pinyin_initials']) {
      expect(byName.get(name)).toMatchObject({
        type: 'RANGE',
        state: 'ONLINE',
        entityType: 'NODE',
      });
    }
    // Composite: items of a plan by lead count and by unit count (the cypher/ rankings).
    expect(byName.get('item_plan_lead_count')).toMatchObject({
      type: 'RANGE',
      state: 'ONLINE',
      entityType: 'NODE',
      labels: ['Item'],
      properties: ['planId', 'leadCount'],
    });
    expect(byName.get('item_plan_unit_count')).toMatchObject({
      type: 'RANGE',
      state: 'ONLINE',
      entityType: 'NODE',
      labels: ['Item'],
      properties: ['planId', 'unitCount'],
    });
    for (const name of ['active_in_plan', 'coordinates_with_plan', 'member_of_plan']) {
      expect(byName.get(name)).toMatchObject({ type: 'RANGE', entityType: 'RELATIONSHIP' });
    }
    // Kept off on purpose (schema.ts): the planner would seek them once per item.
    expect(byName.has('leads_plan')).toBe(false);
    expect(byName.has('supports_plan')).toBe(false);
  });

  it("lets the queries ranking a plan's items by leads or units seek the composite indexes", async () => {
    interface PlanStep {
      operatorType: string;
      arguments: Record<string, unknown>;
      children: PlanStep[];
    }
    const steps = (step: PlanStep): string[] => [
      `${step.operatorType.replace(/@.*$/, '')} ${String(step.arguments.Details ?? '')}`,
      ...step.children.flatMap(steps),
    ];
    const seeks: Record<string, string[]> = {};
    const session = driver.session({ database });
    try {
      for (const name of ['multi-lead-items', 'single-owner-items', 'unowned-items']) {
        const query = getQuery(name);
        const params = Object.fromEntries(
          query.params.map((param) => [
            param.name,
            param.type === 'integer' ? neo4j.int(param.example as number) : param.example,
          ]),
        );
        const result = await session.run(`EXPLAIN ${query.text}`, params);
        const plan = result.summary.plan as unknown as PlanStep;
        // Operator and index; what follows WHERE names auto-parameters.
        seeks[name] = steps(plan)
          .filter((step) => /Item\(planId, (lead|unit)Count\)/.test(step))
          .map((step) => step.replace(/ WHERE .*$/s, ''));
      }
    } finally {
      await session.close();
    }
    expect(seeks).toEqual({
      'multi-lead-items': ['NodeIndexSeek RANGE INDEX item:Item(planId, leadCount)'],
      'single-owner-items': ['NodeIndexSeek RANGE INDEX item:Item(planId, unitCount)'],
      'unowned-items': ['NodeIndexSeek RANGE INDEX item:Item(planId, leadCount)'],
    });
  });

  it('replaces an eventually consistent full-text index, which a search right after a load would miss', async () => {
    await read(`DROP INDEX ${ITEM_SEARCH_INDEX}`);
    await read(
      `CREATE FULLTEXT INDEX ${ITEM_SEARCH_INDEX} FOR (n:Item) ON EACH [n.title]
       OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: true}}`,
    );
    expect(await ensureSchema(driver, database)).toEqual({
      created: [],
      replaced: [ITEM_SEARCH_INDEX],
    });
    expect(
      await read(
        `SHOW INDEXES YIELD name, state, options WHERE name = $name
         RETURN state, options.indexConfig['fulltext.eventually_consistent'] AS eventuallyConsistent`,
        { name: ITEM_SEARCH_INDEX },
      ),
    ).toEqual([{ state: 'ONLINE', eventuallyConsistent: false }]);
  });
});

describe('loading a plan', () => {
  // The first two tests read one load: what it wrote, and the types of what it stored.
  const text = renamedSeed('计数');
  let counted: Promise<LoadOutcome> | undefined;
  const countedLoad = () => (counted ??= loadPlanText(driver, text, 'counts.txt', fresh));

  it('writes as many nodes and relationships of each kind as the model has', async () => {
    const model = parsed(text);
    const outcome = loaded(await countedLoad());
    const { labels, relationships } = outcome.write.counts;

    const of = (kind: string) => model.items.filter((item) => item.kind === kind).length;
    const edges = model.items.reduce((n, item) => n + item.units.length, 0);
    expect(labels).toMatchObject({
      Plan: 1,
      Item: model.items.length,
      Indicator: of('indicator'),
      Theme: of('theme'),
      Task: of('task'),
      Project: of('project'),
      Requirement: of('requirement'),
      Document: model.documents.length,
    });
    expect(relationships.LEADS + relationships.SUPPORTS).toBe(edges);
    expect(relationships.ACTIVE_IN).toBe(model.units.length);
    expect(relationships.UNDER + relationships.PART_OF).toBe(model.items.length);
    expect(outcome.write.counts).toEqual(outcome.expected);

    const [plan] = await read(
      `MATCH (p:Plan {id: $id})
       RETURN p.itemCount AS itemCount, p.unitCount AS unitCount, p.edgeCount AS edgeCount,
              p.sourceText AS sourceText, p.sourceSha256 AS sha, p.sourceName AS sourceName,
              valueType(p.itemCount) AS countType`,
      { id: model.plan.id },
    );
    expect(plan).toEqual({
      itemCount: model.items.length,
      unitCount: model.units.length,
      edgeCount: edges,
      sourceText: text,
      sha: sha256Hex(text),
      sourceName: 'counts.txt',
      countType: 'INTEGER NOT NULL',
    });
  });

  it('stores counts as integers and ratios as floats', async () => {
    const { planId } = loaded(await countedLoad());
    const [types] = await read(
      `MATCH (u:Unit {name: '市发改委'})-[a:ACTIVE_IN]->(:Plan {id: $planId}),
             (i:Item {planId: $planId, ref: '一(一)1'})
       RETURN valueType(i.line) AS line, valueType(a.itemsLed) AS itemsLed,
              valueType(a.load) AS load, valueType(a.betweenness) AS betweenness,
              valueType(a.community) AS community`,
      { planId },
    );
    expect(types).toEqual({
      line: 'INTEGER NOT NULL',
      itemsLed: 'INTEGER NOT NULL',
      load: 'FLOAT NOT NULL',
      betweenness: 'FLOAT NOT NULL',
      community: 'INTEGER NOT NULL',
    });
  });

  it('gives the same graph, every property included, when the same text is loaded again', async () => {
    const text = renamedSeed('重载');
    const first = loaded(await loadPlanText(driver, text, 'reload.txt', fresh));
    const before = await dumpPlan(driver, database, first.planId);
    expect(before.nodes.length).toBeGreaterThan(250);

    const skipped = await loadPlanText(driver, text, 'reload.txt', plain);
    expect(skipped.status).toBe('already-loaded');

    const second = loaded(await loadPlanText(driver, text, 'reload.txt', fresh));
    expect(second.status).toBe('replaced');
    expect(second.write.counts).toEqual(first.write.counts);
    expect(await dumpPlan(driver, database, first.planId)).toEqual(before);
  });

  it('refuses a changed text without replace, and replaces it when asked', async () => {
    const text = renamedSeed('改动');
    const { planId } = loaded(await loadPlanText(driver, text, 'changed.txt', fresh));
    const before = await dumpPlan(driver, database, planId);

    await expect(loadPlanText(driver, edited(text), 'changed.txt', plain)).rejects.toBeInstanceOf(
      PlanChangedError,
    );
    expect(await dumpPlan(driver, database, planId)).toEqual(before);

    const replaced = loaded(
      await loadPlanText(driver, edited(text), 'changed.txt', { ...plain, replace: true }),
    );
    expect(replaced.status).toBe('replaced');
    const forest = await read(
      `MATCH (u:Unit)-[r:LEADS]->(:Item {planId: $planId, ref: '一(一)6'}) RETURN u.name AS name ORDER BY r.position`,
      { planId },
    );
    expect(forest.map((row) => row.name)).toEqual(['市园林林业局', '市自然资源和规划局']);
  });

  it('touches nothing when the document has errors', async () => {
    const text = '关于某事的通知\n\n这里没有任何任务。\n';
    const error = await loadPlanText(driver, text, 'broken.txt', fresh).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanParseError);
    expect((error as PlanParseError).issues.map((issue) => issue.code)).toContain('no-items');
    expect((error as PlanParseError).message).toContain('broken.txt');
    const plans = await read(
      `MATCH (p:Plan) WHERE p.title STARTS WITH '关于某事' RETURN p.id AS id`,
    );
    expect(plans).toEqual([]);
  });
});

describe('a load that fails', () => {
  const dictionary = readUnitDictionary(wuhanUnitDictionaryPath);

  async function prepareEdited(text: string) {
    const model = parsed(text);
    return preparePlan(model, await dictionary, { name: 'x.txt', text, sha256: sha256Hex(text) });
  }

  it('after any number of batches leaves the previous version exactly as it was', async () => {
    const text = renamedSeed('中断');
    const { planId, write } = loaded(await loadPlanText(driver, text, 'abort.txt', fresh));
    const before = await dumpPlan(driver, database, planId);
    const next = await prepareEdited(edited(text));

    // A replace runs more batches than the first load (the deletes come first); cover the
    // deletes, the middle and the last write batch.
    for (const failAfterBatches of [1, 2, 5, 10, write.batches, write.batches + 3]) {
      await expect(
        writePlan(driver, next, { database, failAfterBatches, batchSize: 100 }),
      ).rejects.toBeInstanceOf(InjectedLoadFailure);
      expect(await dumpPlan(driver, database, planId)).toEqual(before);
    }

    // The same rows without the injected failure do change the plan: the dump would notice.
    await writePlan(driver, next, { database, batchSize: 100 });
    expect(await dumpPlan(driver, database, planId)).not.toEqual(before);
  });

  // One plan for the failed replaces below: each must leave it exactly as it was (what each
  // asserts), so each can start from it, and the plan is loaded once instead of once a test.
  const failing = renamedSeed('失败');
  let failingPlan: Promise<{ planId: string; before: PlanDump }> | undefined;
  const failingBase = () =>
    (failingPlan ??= (async () => {
      const { planId } = loaded(await loadPlanText(driver, failing, 'failing.txt', fresh));
      return { planId, before: await dumpPlan(driver, database, planId) };
    })());

  /** The server-side id and connection of the loader's open transaction for a plan. */
  async function loaderTransaction(planId: string) {
    const [row] = await read<{ transactionId: string; connectionId: string }>(
      `SHOW TRANSACTIONS YIELD transactionId, connectionId, metaData
       WHERE metaData.planId = $planId
       RETURN transactionId, connectionId`,
      { planId },
    );
    if (row === undefined) throw new Error(`no open transaction for ${planId}`);
    return row;
  }

  it('when the connection is cut mid-transaction leaves the previous version', async () => {
    const text = failing;
    const { planId, before } = await failingBase();

    // The loader gets a driver of its own, so cutting its connection leaves ours alone.
    const target = connection();
    const own = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
    try {
      const failure = await writePlan(own, await prepareEdited(edited(text)), {
        database,
        batchSize: 50,
        onBatch: async () => {
          const { connectionId } = await loaderTransaction(planId);
          await read('CALL dbms.killConnection($connectionId)', { connectionId });
        },
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(InjectedLoadFailure);
    } finally {
      await own.close();
    }
    expect(await dumpPlan(driver, database, planId)).toEqual(before);
  });

  it('when the database goes away mid-load says so, and that nothing was written', async () => {
    const text = failing;
    const { planId, before } = await failingBase();

    // Every attempt (the loader retries a lost connection twice) loses its connection.
    const target = connection();
    const own = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
    try {
      const failure = await loadPlanText(own, edited(text), 'gone.txt', {
        ...fresh,
        replace: true,
        batchSize: 50,
        onBatch: async () => {
          // Only the loader's own failure is under test: a kill that finds the connection
          // gone already is no matter.
          try {
            const { connectionId } = await loaderTransaction(planId);
            await read('CALL dbms.killConnection($connectionId)', { connectionId });
          } catch {
            // Already cut.
          }
        },
      }).catch((error: unknown) => error);
      expect(failure, (failure as Error).stack).toBeInstanceOf(LoadFailedError);
      expect((failure as LoadFailedError).reason).toBe('connection-lost');
      expect((failure as Error).message).toMatch(
        /^导入失败：数据库在写入时断开，未写入任何内容（旧计划保持不变）\nLoad failed: the database went away while writing; nothing was written \(the previous plan is unchanged\)/,
      );
    } finally {
      await own.close();
    }
    expect(await dumpPlan(driver, database, planId)).toEqual(before);
  });

  it('when the server terminates the transaction leaves the previous version', async () => {
    const text = failing;
    const { planId, before } = await failingBase();

    let batches = 0;
    const failure = await writePlan(driver, await prepareEdited(edited(text)), {
      database,
      batchSize: 50,
      onBatch: async () => {
        batches += 1;
        if (batches !== 4) return;
        const { transactionId } = await loaderTransaction(planId);
        await read('TERMINATE TRANSACTIONS $transactionId', { transactionId });
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(neo4j.Neo4jError);
    expect(String((failure as Error).message)).toMatch(/terminated/i);
    expect(await dumpPlan(driver, database, planId)).toEqual(before);
  });

  it('when the counts read back differ from the model, rolls back', async () => {
    // A unit only this plan names, left out of the unit rows: its edges find no node to attach
    // to, which only the verification can notice.
    const base = failing;
    const { planId, before } = await failingBase();
    const next = await prepareEdited(
      base.replace('(责任单位:市园林林业局)', '(责任单位:市园林林业局、市核对测试局)'),
    );
    next.units = next.units.filter((unit) => unit.id !== '武汉市/市核对测试局');

    const error = await writePlan(driver, next, { database }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadVerificationError);
    expect((error as LoadVerificationError).differences.join('\n')).toMatch(
      /:LEADS expected \d+, found \d+/,
    );
    expect(await dumpPlan(driver, database, planId)).toEqual(before);
  });
});

describe('plans side by side', () => {
  it('loading and replacing one plan never changes another', async () => {
    const a = renamedSeed('甲');
    const b = renamedSeed('乙').replace(
      '(责任单位:市园林林业局)',
      '(责任单位:市园林林业局、市并列测试局)',
    );
    const planA = loaded(await loadPlanText(driver, a, 'a.txt', fresh)).planId;
    const dumpA = await dumpPlan(driver, database, planA);

    const planB = loaded(await loadPlanText(driver, b, 'b.txt', fresh)).planId;
    expect(planB).not.toBe(planA);
    expect(await dumpPlan(driver, database, planA)).toEqual(dumpA);
    expect(
      await read(`MATCH (u:Unit {name: '市并列测试局'}) RETURN u.verified AS verified`),
    ).toEqual([{ verified: false }]);

    // B without its own unit: the unit goes with it; A stays as it was.
    const replaced = loaded(
      await loadPlanText(driver, renamedSeed('乙'), 'b.txt', { ...plain, replace: true }),
    );
    expect(replaced.status).toBe('replaced');
    expect(await dumpPlan(driver, database, planA)).toEqual(dumpA);
    expect(await read(`MATCH (u:Unit {name: '市并列测试局'}) RETURN u.id AS id`)).toEqual([]);

    // B without its indicator 一(二)12: the item goes, nothing of it stays behind.
    const shorter = renamedSeed('乙').replace('12.人均预期寿命达到82.4岁。(责任单位:市卫健委)', '');
    const again = loaded(await loadPlanText(driver, shorter, 'b.txt', { ...plain, replace: true }));
    expect(again.write.counts.labels.Item).toBe((replaced.write.counts.labels.Item ?? 0) - 1);
    expect(
      await read(`MATCH (i:Item {planId: $planB, ref: '一(二)12'}) RETURN i.id AS id`, { planB }),
    ).toEqual([]);
    expect(await dumpPlan(driver, database, planA)).toEqual(dumpA);

    // A plan of another jurisdiction, with its own units, beside both.
    const example = loaded(
      await loadPlanFile(driver, join(EXAMPLES, '05-nested-headings-participating.txt'), {
        ...fresh,
        force: true,
      }),
    );
    expect(example.unverified.length).toBeGreaterThan(0);
    expect(await dumpPlan(driver, database, planA)).toEqual(dumpA);
    const [shared] = await read(
      `MATCH (u:Unit)-[:ACTIVE_IN]->(p:Plan) WHERE p.id IN [$a, $b]
       WITH u, count(p) AS plans WHERE plans = 2 RETURN count(u) AS units`,
      { a: planA, b: planB },
    );
    expect(shared?.units).toBe(70);
  });

  it('ensureSeedLoaded loads what is missing, then leaves it alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guatu-seeds-'));
    try {
      // A new plan on every run: this checks what happens to a plan the database has never seen.
      const text = renamedSeed(`种子${Date.now()}`);
      await writeFile(join(dir, 'plan.txt'), text);
      const first = await ensureSeedLoaded(driver, { database, dir });
      expect(first.map((outcome) => outcome.status)).toEqual(['loaded']);
      const second = await ensureSeedLoaded(driver, { database, dir });
      expect(second.map((outcome) => outcome.status)).toEqual(['already-loaded']);

      const planId = first[0]?.planId as string;
      const before = await dumpPlan(driver, database, planId);
      await writeFile(join(dir, 'plan.txt'), edited(text));
      const third = await ensureSeedLoaded(driver, { database, dir });
      expect(third.map((outcome) => outcome.status)).toEqual(['changed']);
      expect(await dumpPlan(driver, database, planId)).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('metrics of the seed, against a hand count', () => {
  // The seed under its own title: the same items and units, without racing other test files
  // that load the seed itself.
  const text = renamedSeed('手数');
  let planId: string;

  beforeAll(async () => {
    planId = loaded(await loadPlanText(driver, text, 'hand-count.txt', fresh)).planId;
  });

  async function refs(unit: string, type: 'LEADS' | 'SUPPORTS'): Promise<string[]> {
    const rows = await read<{ ref: string }>(
      `MATCH (:Unit {name: $unit})-[r:${type}]->(i:Item {planId: $planId}) RETURN i.ref AS ref`,
      { unit, planId },
    );
    return rows.map((row) => row.ref).sort();
  }

  async function activity(unit: string) {
    const [row] = await read(
      `MATCH (:Unit {name: $unit})-[a:ACTIVE_IN]->(:Plan {id: $planId})
       RETURN a.itemsLed AS itemsLed, a.itemsSupported AS itemsSupported,
              a.themesReached AS themesReached, a.load AS load`,
      { unit, planId },
    );
    return row;
  }

  it('市发改委: 53 items led, 21 supported, 13 themes, load 63.5', async () => {
    // Counted by reading seeds/wuhan-14th-fyp-task-division.txt, every line naming 市发改委.
    // Led — named under 牵头单位 (L), or under 责任单位 of an item with no 牵头单位 (O):
    //   indicators (6): 一(一)2 L, 一(一)8 O, 一(二)1 L, 一(二)2 L, 一(二)3 L, 一(二)7 L
    //   tasks (26): 二(一)1, 二(一)2, 二(二)1, 二(二)2, 二(二)3, 二(二)4, 二(四)1, 二(四)2,
    //     二(四)3, 二(五)1, 二(五)2, 二(五)3, 二(六)1, 二(七)1 and its unnumbered second part
    //     (line 123), 二(七)2, 二(七)4, 二(八)2, 二(九)3, 二(九)4, 二(十一)3, 二(十一)5,
    //     二(十二)2, 二(十三)2, 二(十三)5, 二(十五)2 — all L
    //   projects (20): 三(三) 光芯屏端网 O, 大健康 O, 绿色环保 O, 电磁能 O; 三(四) all three
    //     数字 sub-items L; 三(七) the five 物流枢纽 O; 三(十) 综合交通枢纽 L, 对外通道 L,
    //     轨道交通 L; 三(十一) all four 能源 sub-items O; 三(二十二) 交通出行圈 O
    //   = 52 from unit lists, plus 四(三): its text puts 市发改委 in charge of the evaluation
    //   ("市发改委要会同有关部门…"), which the parser records as owner (role 正文点名) → 53.
    // Supported — under 责任单位 of an item that has a lead:
    //   indicators (6): 一(一)3, 一(一)4, 一(一)5, 一(一)7, 一(二)4, 一(二)6
    //   tasks (10): 二(一)4, 二(三)1, 二(三)2, 二(五)4, 二(六)3, 二(九)1, 二(九)2, 二(十一)1,
    //     二(十一)2, 二(十三)1
    //   projects (5): 三(一) (its units on the heading's next line), 三(六) 基础设施互联互通,
    //     三(十) 城市骨干道路, 三(十四) 城市地下综合管廊, 三(十八) 百里长江生态廊道  = 21
    // Themes reached through its tasks: 二(一) to 二(十五) except 二(十) and 二(十四) = 13.
    const led = [
      ...['一(一)2', '一(一)8', '一(二)1', '一(二)2', '一(二)3', '一(二)7'],
      ...['二(一)1', '二(一)2', '二(二)1', '二(二)2', '二(二)3', '二(二)4', '二(四)1', '二(四)2'],
      ...['二(四)3', '二(五)1', '二(五)2', '二(五)3', '二(六)1', '二(七)1', '二(七)1之二'],
      ...['二(七)2', '二(七)4', '二(八)2', '二(九)3', '二(九)4', '二(十一)3', '二(十一)5'],
      ...['二(十二)2', '二(十三)2', '二(十三)5', '二(十五)2'],
      ...['三(三)1', '三(三)3', '三(三)7', '三(三)16', '三(四)1', '三(四)2', '三(四)3'],
      ...['三(七)1', '三(七)2', '三(七)3', '三(七)4', '三(七)5', '三(十)1', '三(十)2', '三(十)3'],
      ...['三(十一)1', '三(十一)2', '三(十一)3', '三(十一)4', '三(二十二)10'],
      '四(三)',
    ];
    const supported = [
      ...['一(一)3', '一(一)4', '一(一)5', '一(一)7', '一(二)4', '一(二)6'],
      ...['二(一)4', '二(三)1', '二(三)2', '二(五)4', '二(六)3', '二(九)1', '二(九)2'],
      ...['二(十一)1', '二(十一)2', '二(十三)1'],
      ...['三(一)', '三(六)1', '三(十)4', '三(十四)6', '三(十八)1'],
    ];
    expect(led).toHaveLength(53);
    expect(supported).toHaveLength(21);
    expect(await refs('市发改委', 'LEADS')).toEqual([...led].sort());
    expect(await refs('市发改委', 'SUPPORTS')).toEqual([...supported].sort());
    expect(await activity('市发改委')).toEqual({
      itemsLed: 53,
      itemsSupported: 21,
      themesReached: 13,
      load: 53 + 0.5 * 21,
    });
  });

  it('市园林林业局: 5 items led, 5 supported, 4 themes, load 7.5', async () => {
    // Every line naming 市园林林业局:
    //   led: 一(一)6 森林覆盖率 (责任单位, no lead: owner), 二(四)1, 二(八)1, 二(十一)4 (牵头单位),
    //        三(二十二) 公共活动圈 (责任单位 with 市自然资源和规划局, no lead: owner)   = 5
    //   supported: 二(九)2, 二(十一)1, 二(十一)5, 三(十四) 海绵城市建设, 三(十四) 城市精细化管理提升工程 = 5
    //   themes: 二(四), 二(八), 二(九), 二(十一) = 4
    expect(await refs('市园林林业局', 'LEADS')).toEqual(
      ['一(一)6', '二(四)1', '二(八)1', '二(十一)4', '三(二十二)7'].sort(),
    );
    expect(await refs('市园林林业局', 'SUPPORTS')).toEqual(
      ['二(九)2', '二(十一)1', '二(十一)5', '三(十四)5', '三(十四)7'].sort(),
    );
    expect(await activity('市园林林业局')).toEqual({
      itemsLed: 5,
      itemsSupported: 5,
      themesReached: 4,
      load: 7.5,
    });
  });

  it('森林覆盖率 (一(一)6) is led by 市园林林业局 alone, by the no-lead rule', async () => {
    const rows = await read(
      `MATCH (u:Unit)-[r:LEADS|SUPPORTS]->(i:Item {planId: $planId, ref: '一(一)6'})
       RETURN u.name AS unit, type(r) AS type, r.role AS role, r.inferred AS inferred,
              i.title AS title, i.binding AS binding`,
      { planId },
    );
    expect(rows).toEqual([
      {
        unit: '市园林林业局',
        type: 'LEADS',
        role: '责任单位',
        inferred: true,
        title: '森林覆盖率大于14.5%',
        binding: true,
      },
    ]);
  });

  it('stores the metrics the analysis computes, and one COORDINATES_WITH per pair', async () => {
    const dictionary = await readUnitDictionary(wuhanUnitDictionaryPath);
    const prepared = preparePlan(parsed(text), dictionary, { name: '', text, sha256: '' });
    const pairs = await read<{ a: string; b: string; items: number }>(
      `MATCH (a:Unit)-[r:COORDINATES_WITH {planId: $planId}]->(b:Unit)
       RETURN a.id AS a, b.id AS b, r.items AS items ORDER BY a, b`,
      { planId },
    );
    expect(pairs).toEqual(prepared.metrics.pairs);
    expect(pairs.every((pair) => pair.a < pair.b)).toBe(true);
    expect(expectedCounts(prepared).relationships.COORDINATES_WITH).toBe(pairs.length);

    const [ndrc] = await read<{ betweenness: number; community: number }>(
      `MATCH (:Unit {id: '武汉市/市发改委'})-[a:ACTIVE_IN]->(:Plan {id: $planId})
       RETURN a.betweenness AS betweenness, a.community AS community`,
      { planId },
    );
    const computed = prepared.metrics.units.get('武汉市/市发改委');
    expect(ndrc?.betweenness).toBeCloseTo(computed?.betweenness ?? -1, 12);
    expect(ndrc?.community).toBe(computed?.community);
    // The hub of the plan: more than half of all shortest co-assignment chains pass through it.
    expect(ndrc?.betweenness).toBeGreaterThan(0.5);

    const collectives = await read(
      `MATCH (u:Unit {collective: true})-[a:ACTIVE_IN]->(:Plan {id: $planId})
       RETURN a.betweenness AS betweenness, a.community AS community, a.collective AS collective`,
      { planId },
    );
    expect(collectives.length).toBe(6);
    expect(collectives.every((row) => row.betweenness === null && row.community === null)).toBe(
      true,
    );
  });

  it('finds units through the full-text index by short name, pinyin initials and English', async () => {
    const search = async (query: string) =>
      (
        await read<{ name: string }>(
          `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
           WHERE node.jurisdiction = '武汉市'
           RETURN node.name AS name ORDER BY score DESC LIMIT 3`,
          { index: UNIT_SEARCH_INDEX, query },
        )
      ).map((row) => row.name);
    expect((await search('发改委'))[0]).toBe('市发改委');
    expect((await search('fgw'))[0]).toBe('市发改委');
    expect((await search('Reform'))[0]).toBe('市发改委');
    expect(await search('yllyj')).toContain('市园林林业局');
  });
});
