// Each shape of the genre in test/fixtures/examples/ (copies of the shared examples) against its expected reading: every expected
// item with its ref, title, kind/binding/parent/deadline where given, and its units' names, roles
// and edges in printed order; and no item beyond them (themes aside: the expected lists omit them).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlanModel, type Item } from '../../graph/model/plan.ts';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { parsePlan } from '../../graph/parse/parse-plan.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const examplesDir = path.join(repoRoot, 'test', 'fixtures', 'examples');

interface ExpectedUnit {
  name: string;
  role: string;
  edge: 'LEADS' | 'SUPPORTS';
}
interface ExpectedItem {
  ref: string;
  title: string;
  kind?: Item['kind'];
  binding?: boolean;
  parent?: string;
  deadline?: string;
  section?: string;
  group?: string;
  leader?: string;
  status?: string;
  progress?: string;
  units: ExpectedUnit[];
}
interface Expected {
  document: string;
  items: ExpectedItem[];
}

const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(examplesDir, f), 'utf8')) as Expected);

describe('the shared examples', () => {
  it('are all there', () => {
    expect(examples.map((e) => e.document.slice(0, 3))).toEqual([
      '01-',
      '02-',
      '03-',
      '04-',
      '05-',
      '06-',
      '07-',
      '08-',
      '08b',
      '09-',
      '10-',
    ]);
  });

  // Every format goes through the one entry a planner's file takes: bytes in, format from them.
  const models = new Map<string, PlanModel>();
  beforeAll(async () => {
    for (const e of examples) {
      const bytes = readFileSync(path.join(examplesDir, e.document));
      models.set(e.document, await parseDocument(bytes, { name: e.document }));
    }
  });

  describe.each(examples.map((e) => [e.document, e] as const))('%s', (document, expected) => {
    const model = new Proxy({} as PlanModel, {
      get: (_t, key: keyof PlanModel) => (models.get(document) as PlanModel)[key],
    });

    it.each(expected.items.map((e) => [e.ref, e] as const))('%s', (_ref, want) => {
      const byRef = new Map(model.items.map((i) => [i.ref, i]));
      const refOf = new Map(model.items.map((i) => [i.id, i.ref]));
      const item = byRef.get(want.ref);
      expect(item, `no item ${want.ref}`).toBeDefined();
      if (!item) return;
      expect(item.title).toBe(want.title);
      if (want.kind !== undefined) expect(item.kind).toBe(want.kind);
      if (want.binding !== undefined) expect(item.binding).toBe(want.binding);
      if (want.parent !== undefined) expect(refOf.get(item.parent ?? '')).toBe(want.parent);
      if (want.deadline !== undefined) expect(item.deadline).toBe(want.deadline);
      else expect(item.deadline).toBeUndefined();
      for (const field of ['section', 'group', 'leader', 'status', 'progress'] as const) {
        expect(item[field], field).toBe(want[field]);
      }
      expect(item.units.map((u) => ({ name: u.name, role: u.role, edge: u.edge }))).toEqual(
        want.units,
      );
    });

    it('has no item beyond the expected ones but themes', () => {
      const refs = new Set(expected.items.map((e) => e.ref));
      const extra = model.items.filter((i) => !refs.has(i.ref) && i.kind !== 'theme');
      expect(extra.map((i) => i.ref)).toEqual([]);
    });

    it('reports no error or warning and validates', () => {
      expect(model.issues.filter((i) => i.severity !== 'info')).toEqual([]);
      const plain = models.get(document) as PlanModel;
      expect(PlanModel.parse(JSON.parse(JSON.stringify(plain)))).toEqual(plain);
    });
  });

  it('reads the plan header of each shape', () => {
    const plans = examples
      .slice(0, 5)
      .map((e) => parsePlan(readFileSync(path.join(examplesDir, e.document), 'utf8')).plan);
    expect(plans.map((p) => [p.title, p.jurisdiction, p.issuer])).toEqual([
      ['2024年《政府工作報告》重點工作任務分工方案', '示例市', '示例市人民政府辦公室'],
      ['示例市2023年优化营商环境重点任务清单', '示例市', null],
      ['示例县2022年政府工作报告主要工作责任分解', '示例县', null],
      ['示例区“十四五”规划纲要主要目标任务分工表', '示例区', null],
      ['示例市“十四五”生态环境保护规划重点任务分工方案', '示例市', null],
    ]);
  });

  it('marks edges owned by the rule as inferred, and only those', () => {
    const model = parsePlan(
      readFileSync(path.join(examplesDir, '02-lead-suffix-style.txt'), 'utf8'),
    );
    const owner = model.items.find((i) => i.ref === '二5');
    expect(owner?.units).toEqual([
      { name: '市自然资源局', key: '市自然资源局', role: '负责', edge: 'LEADS', inferred: true },
    ]);
    const led = model.items.find((i) => i.ref === '一1');
    expect(led?.units.map((u) => u.inferred)).toEqual([false, false]);
  });

  it('keys Traditional names in Simplified, keeping the printed name', () => {
    const model = parsePlan(
      readFileSync(path.join(examplesDir, '01-cooperating-units-traditional.txt'), 'utf8'),
    );
    const women = model.units.find((u) => u.name === '市婦聯');
    expect(women).toMatchObject({ key: '市妇联', id: '示例市/市妇联', collective: false });
    const districts = model.units.find((u) => u.name === '相關區人民政府');
    expect(districts).toMatchObject({ key: '相关区人民政府', collective: true });
  });

  it('carries the first-listed-leads rule on with 下同 (03)', () => {
    const model = parsePlan(
      readFileSync(path.join(examplesDir, '03-first-listed-leads.txt'), 'utf8'),
    );
    const first = model.items.find((i) => i.ref === '一1');
    expect(first?.line).toBe(7);
    expect(first?.text).toBe(
      '1.实施重大项目攻坚行动,全年完成固定资产投资120亿元。\n' +
        '责任单位:县发改局、县财政局、县自然资源局、县住建局(列第一位者为牵头单位,下同)',
    );
    expect(model.items.every((i) => i.units.every((u) => !u.inferred))).toBe(true);
  });
});
