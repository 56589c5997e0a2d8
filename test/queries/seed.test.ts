// Every query on the seed plan in the real Neo4j, with the answers worked out by reading
// seeds/wuhan-14th-fyp-task-division.txt (line numbers below are that file's). The rule used to
// count: a unit marked 牵头单位 leads; on an item with no 牵头单位, every unit named owns it and
// so leads too; everyone else named supports.
import { readFileSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { removePlansOtherThanSeed } from '../support/neo4j.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanText, SEEDS_DIR } from '../../graph/load/load-plan.ts';
import { ensureSeedLoaded } from '../../graph/load/seed.ts';
import { closeDriver, connection, getDriver } from '../../graph/neo4j/database.ts';
import { QueryError } from '../../graph/queries/params.ts';
import { queries } from '../../graph/queries/registry.ts';
import { runQuery, type Row } from '../../graph/queries/run.ts';
import { toJson } from '../../graph/queries/to-json.ts';

const PLAN = '武汉市-f64b89c6';
let driver: Driver;

const run = async (name: string, params: Record<string, unknown> = {}) =>
  (await runQuery(driver, name, { planId: PLAN, ...params })).rows;
const column = (rows: Row[], name: string) => rows.map((row) => row[name]);

beforeAll(async () => {
  driver = getDriver();
  await ensureSeedLoaded(driver);
});

afterAll(async () => {
  await removePlansOtherThanSeed(driver);
  await closeDriver();
});

describe('every query', () => {
  it.each(queries().map((query) => [query.name, query] as const))(
    '%s runs on the seed with its header’s example values and returns rows',
    async (name, query) => {
      const params = Object.fromEntries(query.params.map((param) => [param.name, param.example]));
      const result = await runQuery(driver, name, params);
      expect(result.rows.length).toBeGreaterThanOrEqual(1);
      expect(result.columns).toEqual(query.columns.map((each) => each.name));
      // JSON-safe: a round trip through text changes nothing.
      expect(JSON.parse(JSON.stringify(result.rows))).toEqual(result.rows);
    },
  );
});

describe('unit-load', () => {
  it('puts 市发改委 first, with the leads and supports counted by hand', async () => {
    const [first, second] = await run('unit-load', { limit: 3 });
    // 市发改委 leads 53:
    //   indicators 6 — 一(一)2 (l.23), 一(一)8 (l.35, 责任单位 only: owner), 一(二)1, 一(二)2,
    //     一(二)3, 一(二)7 (ll.39–51);
    //   tasks 26 — 二(一)1, 二(一)2, 二(二)1–4, 二(四)1–3, 二(五)1–3, 二(六)1, 二(七)1 and its
    //     unnumbered second part (l.123), 二(七)2, 二(七)4, 二(八)2, 二(九)3, 二(九)4, 二(十一)3,
    //     二(十一)5, 二(十二)2, 二(十三)2, 二(十三)5, 二(十五)2;
    //   projects 20, named in 责任单位 of sub-items with no lead (owner) unless noted —
    //     三(三)1, 3, 7, 16; 三(四)1–3 (牵头单位); 三(七)1–5; 三(十)1–3 (牵头单位);
    //     三(十一)1–4; 三(二十二)10;
    //   requirement 1 — 四(三) (l.421) prints no unit list, but its text puts 市发改委 in charge
    //     of the mid-term and final evaluations ("市发改委要会同有关部门…进行全面评估"): owner.
    //   6 + 26 + 20 + 1 = 53 (52 counting unit lists only).
    // 市发改委 supports 21: 一(一)3, 4, 5, 7; 一(二)4, 6; 二(一)4, 二(三)1, 二(三)2, 二(五)4,
    //   二(六)3, 二(九)1, 二(九)2, 二(十一)1, 二(十一)2, 二(十三)1; 三(一), 三(六)1, 三(十)4,
    //   三(十四)6, 三(十八)1.
    // 74 lines of the file name 市发改委 (grep -c): 73 unit lists = 53 − 1 + 21, plus l.421.
    expect(first).toMatchObject({
      unit: '市发改委',
      leads: 53,
      // Counted apart (issue 13): the owners among them — 一(一)8, 三(三)1, 3, 7, 16, 三(七)1–5,
      // 三(十一)1–4, 三(二十二)10 and 四(三): 1 + 4 + 5 + 4 + 1 + 1 = 16.
      inferredLeads: 16,
      supports: 21,
      themesReached: 13,
      load: 53 + 0.5 * 21,
      collective: false,
      unitId: '武汉市/市发改委',
    });
    // 市经信局: 58 lines name it; at least 20 of them as support on an item with a lead (一(一)2–5,
    // 一(二)2, 4, 二(一)4, 二(四)2, 3, 二(五)2, 二(六)1… see coordination below), so it leads at
    // most 38: no unit comes near 市发改委, and 市经信局 is the next.
    expect(second).toMatchObject({ unit: '市经信局', leads: 38, supports: 20, load: 48 });
  });

  it('leaves collectives out unless asked; 各区人民政府 then ranks third', async () => {
    const without = await run('unit-load', { limit: 100 });
    expect(without.every((row) => row.collective === false)).toBe(true);
    const all = await run('unit-load', { limit: 3, includeCollectives: true });
    // 各区人民政府 is on 75 items (76 lines minus the addressee line 3). It owns 二(八)3 (l.137,
    // 责任单位 only) and 三(七)1–5 (ll.285–293, 责任单位 only): 6 leads, 69 supports, load 40.5.
    expect(all[2]).toMatchObject({
      unit: '各区人民政府',
      leads: 6,
      // All six by the rule: each of those items names only 责任单位.
      inferredLeads: 6,
      supports: 69,
      load: 40.5,
      collective: true,
    });
  });
});

describe('coordination-pairs and shared-items', () => {
  it('find 市发改委 and 市经信局 sharing the most items: the 39 counted by hand', async () => {
    const [top] = await run('coordination-pairs', { limit: 1 });
    expect(top).toMatchObject({ unitA: '市发改委', unitB: '市经信局', sharedItems: 39 });
    const rows = await run('shared-items', { unitA: '市发改委', unitB: '市经信局' });
    // The lines naming both (grep 市发改委 ∩ grep 市经信局), as references:
    const shared = [
      '一(一)2', '一(一)3', '一(一)4', '一(一)5', '一(二)2', '一(二)4', '一(二)6',
      '二(一)1', '二(一)2', '二(一)4', '二(二)1', '二(二)2', '二(二)3', '二(二)4',
      '二(三)1', '二(三)2', '二(四)1', '二(四)2', '二(四)3', '二(五)1', '二(五)2',
      '二(六)1', '二(七)2', '二(九)1', '二(九)2', '二(九)3', '二(十一)1', '二(十一)2',
      '二(十三)1', '三(一)', '三(三)1', '三(三)7', '三(四)1', '三(四)2', '三(四)3',
      '三(七)1', '三(七)4', '三(七)5', '三(十四)6',
    ]; // prettier-ignore
    expect(shared).toHaveLength(39);
    // Both lead: 二(一)1, 2; 二(二)1–4; 二(四)1; 二(五)1; 二(六)1; 三(三)1, 7 (owners);
    // 三(四)1–3; 三(七)1, 4, 5 (owners) — 17.
    expect(column(rows, 'ref')).toEqual(shared);
    expect(rows.filter((row) => row.edgeA === 'LEADS' && row.edgeB === 'LEADS')).toHaveLength(17);
    expect(rows.find((row) => row.ref === '三(一)')).toMatchObject({
      edgeA: 'SUPPORTS',
      edgeB: 'SUPPORTS',
    });
  });

  it('keeps collectives out unless asked', async () => {
    const rows = await run('coordination-pairs', { limit: 50 });
    expect(rows.some((row) => String(row.unitA).includes('区人民政府'))).toBe(false);
    const all = await run('coordination-pairs', { limit: 1, includeCollectives: true });
    // 市发改委 and 各区人民政府 share more than 39: every 各区人民政府 item 市发改委 is on.
    expect(Number(all[0]?.sharedItems)).toBeGreaterThan(39);
  });
});

describe('cross-theme-units', () => {
  it('finds 市发改委 reaching 13 of the 15 themes, the most of any unit', async () => {
    const rows = await run('cross-theme-units', { limit: 2 });
    // Every theme has a task naming 市发改委 but 二(十) (ll.151–155) and 二(十四) (ll.191–197).
    // The next reach 10: 市经信局 misses 二(八), 二(十), 二(十二), 二(十四), 二(十五).
    expect(rows[0]).toMatchObject({ unit: '市发改委', themesReached: 13 });
    expect(rows[1]?.themesReached).toBe(10);
    const goals = await run('unit-to-goals', { unit: '市发改委' });
    expect(goals.filter((row) => row.goalKind === 'theme').map((row) => row.goalRef)).toEqual([
      '二(一)', '二(二)', '二(三)', '二(四)', '二(五)', '二(六)', '二(七)', '二(八)', '二(九)',
      '二(十一)', '二(十二)', '二(十三)', '二(十五)',
    ]); // prettier-ignore
    // With collectives: 各区人民政府 is on a task of every theme (二(十五) through 二(十五)2, 3).
    const all = await run('cross-theme-units', { limit: 1, includeCollectives: true });
    expect(all[0]).toMatchObject({ unit: '各区人民政府', themesReached: 15 });
  });
});

describe('multi-lead-items', () => {
  it('ranks the items with the most leads first', async () => {
    const rows = await run('multi-lead-items', { limit: 3 });
    // 二(十五)2 (l.203): 11 + 市委政法委 + 市公安局、市司法局 = 14 leads, 各区人民政府 supports.
    // 二(二)3 (l.81): 12 leads. 二(十三)5 (l.187): 9 + 市残联 = 10 leads.
    expect(rows.map((row) => [row.ref, row.leads, row.units])).toEqual([
      ['二(十五)2', 14, 15],
      ['二(二)3', 12, 13],
      ['二(十三)5', 10, 11],
    ]);
    expect(rows[0]?.leadUnits).toEqual(['市发改委', '市财政局', '市地方金融局', '市应急管理局',
      '市农业农村局', '市消防救援支队', '市城建局', '市水务局', '市卫健委', '市市场监管局',
      '市民防办', '市委政法委', '市公安局', '市司法局']); // prettier-ignore
    const all = await run('multi-lead-items', { limit: 500 });
    expect(all.every((row) => Number(row.leads) >= 3)).toBe(true);
    // Every item the loader flags as diffuse, and no other.
    const session = driver.session({ database: connection().database });
    try {
      const flagged = await session.run(
        'MATCH (item:Item {planId: $planId}) WHERE item.diffuseOwnership RETURN count(item) AS n',
        { planId: PLAN },
      );
      expect(all).toHaveLength(Number(flagged.records[0]?.get('n')));
    } finally {
      await session.close();
    }
  });
});

describe('single-owner-items', () => {
  it('lists the 32 items resting on one unit', async () => {
    const rows = await run('single-owner-items');
    // Unit lists naming one unit: indicators 一(一)6, 8, 一(二)5, 8, 9, 11, 12; task 二(八)3
    // (各区人民政府); 三(三)'s one-unit sub-items 2, 4, 5, 9, 11, 12, 15, 17, 18, 20; 三(八);
    // 三(九)3; 三(十一)1, 3; 三(十八)2; 三(十九); 三(二十); 三(二十二)1–5, 9 — 31;
    // and 四(三), whose text names 市发改委 alone.
    expect(column(rows, 'ref')).toEqual([
      '一(一)6', '一(一)8', '一(二)5', '一(二)8', '一(二)9', '一(二)11', '一(二)12', '二(八)3',
      '三(三)2', '三(三)4', '三(三)5', '三(三)9', '三(三)11', '三(三)12', '三(三)15', '三(三)17',
      '三(三)18', '三(三)20', '三(八)', '三(九)3', '三(十一)1', '三(十一)3', '三(十八)2',
      '三(十九)', '三(二十)', '三(二十二)1', '三(二十二)2', '三(二十二)3', '三(二十二)4',
      '三(二十二)5', '三(二十二)9', '四(三)',
    ]); // prettier-ignore
    expect(rows[0]).toMatchObject({ unit: '市园林林业局', role: '责任单位', inferred: true });
    expect(rows.find((row) => row.ref === '二(八)3')).toMatchObject({
      unit: '各区人民政府',
      collective: true,
    });
  });
});

describe('unowned-items', () => {
  it('finds the task only 各区人民政府 owns and the two delegated projects', async () => {
    const rows = await run('unowned-items');
    expect(rows.map((row) => [row.reason, row.ref, row.detail])).toEqual([
      ['collective-only', '二(八)3', '各区人民政府'],
      [
        'delegated',
        '三(二)',
        '武办发〔2020〕28号 市委办公厅市政府办公厅关于印发院士专家引领十大高端产业发展行动计划(2020—2025年)的通知',
      ],
      [
        'delegated',
        '三(二十三)',
        '武办发〔2020〕10号 市委办公厅市政府办公厅关于印发武汉市推进超大城市治理现代化“八大工程”实施方案的通知',
      ],
    ]);
  });
});

describe('collective-exposure', () => {
  it('finds the 90 items naming a collective', async () => {
    const rows = await run('collective-exposure', { limit: 1000 });
    // 各区人民政府 75 items; 相关区人民政府 12 (ll.273–281, 317, 329, 333, 361, 365, 369, 373);
    // 市政府各有关部门 without 各区人民政府: 一(二)1 (l.39); …成员单位 without 各区人民政府:
    // 二(十五)1 (l.201) and 三(十四)3 (l.349). 75 + 12 + 1 + 2 = 90.
    expect(rows).toHaveLength(90);
    // Most exposed first: 二(八)3 names no single unit at all.
    expect(rows[0]).toMatchObject({ ref: '二(八)3', namedUnits: 0, restsOnCollectives: true });
    expect(rows.filter((row) => row.restsOnCollectives)).toHaveLength(1);
    expect(rows.find((row) => row.ref === '一(二)1')).toMatchObject({
      collectives: ['市政府各有关部门'],
      collectiveRole: 'SUPPORTS',
      namedUnits: 1,
    });
  });
});

describe('theme-reach', () => {
  it('lists the 15 units of 二(一), 市科技局 leading most', async () => {
    const rows = await run('theme-reach', { theme: '二(一)' });
    // ll.67–73: 市科技局 leads 二(一)1, 2, 4; 市发改委 and 市经信局 lead 1, 2 and support 4.
    expect(rows).toHaveLength(15);
    expect(rows.slice(0, 3).map((row) => [row.unit, row.leads, row.supports])).toEqual([
      ['市科技局', 3, 0],
      ['市发改委', 2, 1],
      ['市经信局', 2, 1],
    ]);
    expect(rows.find((row) => row.unit === '各区人民政府')).toMatchObject({
      leads: 0,
      supports: 4,
      collective: true,
    });
  });
});

describe('unit-profile and unit-to-goals', () => {
  it('find the unit by name, alias or id', async () => {
    const byName = await run('unit-profile', { unit: '市发改委' });
    expect(byName).toHaveLength(53 + 21);
    expect(await run('unit-profile', { unit: '市发展改革委' })).toEqual(byName);
    expect(await run('unit-profile', { unit: '武汉市/市发改委' })).toEqual(byName);
    expect(byName.find((row) => row.ref === '四(三)')).toMatchObject({
      edge: 'LEADS',
      themeRef: null,
    });
    expect(byName.find((row) => row.ref === '二(七)1之二')).toMatchObject({
      themeRef: '二(七)',
      edge: 'LEADS',
      role: '牵头单位',
    });
  });

  it('reaches 12 indicators and 13 themes for 市发改委', async () => {
    const rows = await run('unit-to-goals', { unit: '市发改委' });
    expect(rows.filter((row) => row.goalKind === 'indicator')).toHaveLength(12);
    expect(rows.filter((row) => row.goalKind === 'theme')).toHaveLength(13);
    // 二(七): 二(七)1, its second part, 2 and 4, all led.
    expect(rows.find((row) => row.goalRef === '二(七)')).toMatchObject({
      leads: 4,
      supports: 0,
      items: ['二(七)1 打造交通强国建设示范城市', '二(七)1之二 实施交通畅通工程', '二(七)2 提高能源保障能力',
        '二(七)4 系统布局新型基础设施'], // prettier-ignore
    });
  });
});

describe('path-between-units', () => {
  it('links 市发改委 to 市文明办 in four steps, through 三(十四)7', async () => {
    const rows = await run('path-between-units', { from: '市发改委', to: '市文明办' });
    // 市文明办 is on one item only, 三(十四)7 (l.357), with no 市发改委 on it; 市发改委 shares
    // items with several of its units (市交通运输局, 市城建局 …): unit, item, unit, item, unit.
    // Which of those equally short first steps Neo4j's shortestPath takes depends on the order
    // the edges were stored in, so only its kind of node is asserted.
    const kinds = rows.map((row) => row.kind);
    expect(kinds).toEqual(['unit', expect.any(String), 'unit', 'project', 'unit']);
    expect(['task', 'project', 'indicator']).toContain(kinds[1]);
    expect(rows[0]?.name).toBe('市发改委');
    expect(rows[3]).toMatchObject({ name: '三(十四)7', link: 'SUPPORTS 责任单位' });
    expect(rows[4]).toMatchObject({
      name: '市文明办',
      link: 'SUPPORTS 责任单位',
      title: '武汉市精神文明建设委员会办公室',
    });
  });

  it('does not step through a collective: 市纪委监委 shares items only with 各区人民政府', async () => {
    expect(await run('path-between-units', { from: '市发改委', to: '市纪委监委' })).toEqual([]);
  });
});

describe('brokers and communities', () => {
  it('rank units by betweenness, collectives left out', async () => {
    const rows = await run('brokers', { limit: 100 });
    const values = column(rows, 'betweenness') as number[];
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(values.every((value) => value >= 0 && value <= 1)).toBe(true);
    expect(rows.some((row) => String(row.unit).includes('区人民政府'))).toBe(false);
    // 市发改委 shares an item with 50 of the other units: it sits between most pairs.
    expect(rows[0]).toMatchObject({ unit: '市发改委', partners: 50, leads: 53 });
  });

  it('put every non-collective unit in exactly one community', async () => {
    const rows = await run('communities');
    const members = rows.flatMap((row) => row.members as string[]);
    // 70 unit names in the unit lists, 6 of them collectives (各区人民政府, 相关区人民政府,
    // 市政府各有关部门 and three …成员单位).
    expect(members).toHaveLength(64);
    expect(new Set(members).size).toBe(64);
    expect(members).not.toContain('各区人民政府');
    expect(rows[0]?.members).toContain('市发改委');
  });
});

describe('indicator-owners and project-rollup', () => {
  it('list the 20 indicators with targets and owners', async () => {
    const rows = await run('indicator-owners');
    expect(rows).toHaveLength(20);
    expect(rows.filter((row) => row.binding === true)).toHaveLength(8);
    expect(rows.find((row) => row.ref === '一(一)6')).toMatchObject({
      indicator: '森林覆盖率大于14.5%',
      target: '大于14.5%',
      leads: ['市园林林业局'],
      supports: [],
    });
    expect(rows.find((row) => row.ref === '一(二)2')).toMatchObject({
      leads: ['市人社局', '市发改委'],
      supports: ['市教育局', '市科技局', '市经信局'],
    });
  });

  it('roll the 20 sub-items of 三(三) up to 13 units, all owners', async () => {
    const rows = await run('project-rollup');
    expect(rows).toHaveLength(23);
    // ll.219–257: every sub-item names 责任单位 only; 13 distinct units.
    expect(rows.find((row) => row.ref === '三(三)')).toMatchObject({
      column: 5,
      subItems: 20,
      units: 13,
      supports: [],
    });
    expect(rows.find((row) => row.ref === '三(二)')).toMatchObject({
      units: 0,
      delegatedTo: '武办发〔2020〕28号',
    });
  });
});

describe('runQuery', () => {
  it('refuses unknown queries and parameters before reaching Neo4j', async () => {
    await expect(runQuery(driver, 'nope', {})).rejects.toMatchObject({ code: 'unknown-query' });
    await expect(runQuery(driver, 'unit-profile', { planId: PLAN })).rejects.toThrow(
      'unit-profile needs the parameter "unit": a string such as "市发改委"',
    );
    await expect(runQuery(driver, 'unit-load', { planId: PLAN, limit: '5' })).rejects.toThrow(
      /"limit" of unit-load must be an integer/,
    );
    await expect(runQuery(driver, 'unit-load', { planId: PLAN, top: 5 })).rejects.toBeInstanceOf(
      QueryError,
    );
  });

  it('keeps at most `limit` rows and says there were more', async () => {
    const result = await runQuery(driver, 'collective-exposure', { planId: PLAN }, { limit: 5 });
    expect(result.rows).toHaveLength(5);
    expect(result.truncated).toBe(true);
    const whole = await runQuery(driver, 'indicator-owners', { planId: PLAN }, { limit: 20 });
    expect(whole.truncated).toBe(false);
  });

  it('gives the same answers with another plan loaded beside the seed', async () => {
    const before = await run('unit-load', { limit: 5 });
    const seed = readFileSync(`${SEEDS_DIR}wuhan-14th-fyp-task-division.txt`, 'utf8');
    const other = await loadPlanText(
      driver,
      seed.replaceAll('任务分工方案', '任务分工方案(queries)'),
      'copy.txt',
      {
        database: connection().database,
        force: true,
      },
    );
    expect(other.planId).not.toBe(PLAN);
    expect(await run('unit-load', { limit: 5 })).toEqual(before);
    const pairs = await run('coordination-pairs', { limit: 1 });
    expect(pairs[0]?.sharedItems).toBe(39);
  });
});

describe('toJson on values read from Neo4j', () => {
  it('turns integers, temporals and nodes into JSON', async () => {
    const target = connection();
    // Lossless integers on, as another caller's driver might have them.
    const lossless = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
    try {
      const { records } = await lossless.executeQuery(
        `MATCH (plan:Plan {id: $planId})
         RETURN plan, date('2022-03-03') AS issued, 9007199254740993 AS big, duration('P1DT2H') AS span`,
        { planId: PLAN },
        { database: target.database },
      );
      const record = records[0];
      expect(toJson(record?.get('issued'))).toBe('2022-03-03');
      expect(toJson(record?.get('big'))).toBe('9007199254740993');
      expect(toJson(record?.get('span'))).toBe('P1DT2H');
      expect(toJson(record?.get('plan'))).toMatchObject({
        labels: ['Plan'],
        properties: { id: PLAN, date: '2022-03-03', itemCount: 185 },
      });
    } finally {
      await lossless.close();
    }
  });
});
