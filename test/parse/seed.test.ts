// The seed's structure as a planner would check it: counts per kind, the header, particular items
// with their units and lines, the qualifier and 下同, the delegated notices, the page noise, stable
// ids and a JSON round trip.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PlanModel } from '../../graph/model/plan.ts';
import { parsePlan, parsePlanBytes } from '../../graph/parse/parse-plan.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedPath = path.join(repoRoot, 'seeds', 'wuhan-14th-fyp-task-division.txt');
const seedText = readFileSync(seedPath, 'utf8');
const model = parsePlan(seedText);
const byRef = new Map(model.items.map((i) => [i.ref, i]));
const item = (ref: string) => {
  const found = byRef.get(ref);
  if (!found) throw new Error(`no item ${ref}`);
  return found;
};
const edges = model.items.flatMap((i) => i.units);

describe('the seed', () => {
  it('has the plan header', () => {
    expect(model.plan).toEqual({
      id: '武汉市-f64b89c6',
      title: '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
      issuer: '武汉市人民政府办公厅',
      date: '2022-03-03',
      jurisdiction: '武汉市',
    });
  });

  it('has the counts of DESIGN.md', () => {
    const count = (kind: string) => model.items.filter((i) => i.kind === kind).length;
    expect({
      indicator: count('indicator'),
      theme: count('theme'),
      task: count('task'),
      project: count('project'),
      requirement: count('requirement'),
    }).toEqual({ indicator: 20, theme: 15, task: 56, project: 91, requirement: 3 });
    const indicators = model.items.filter((i) => i.kind === 'indicator');
    expect(indicators.filter((i) => i.binding === true)).toHaveLength(8);
    expect(indicators.filter((i) => i.binding === false)).toHaveLength(12);
    const projects = model.items.filter((i) => i.kind === 'project');
    expect(projects.filter((i) => i.parent === null)).toHaveLength(23);
    expect(projects.filter((i) => i.parent !== null)).toHaveLength(68);
    expect(model.units).toHaveLength(70);
  });

  it('has 704 edges: 703 printed and one named in the text of 四(三)', () => {
    expect(edges).toHaveLength(704);
    expect(edges.filter((e) => e.edge === 'LEADS')).toHaveLength(376);
    expect(edges.filter((e) => e.edge === 'SUPPORTS')).toHaveLength(328);
    expect(edges.filter((e) => e.inferred)).toHaveLength(111);
    // 57 items name only 责任单位: their units own them.
    const owned = model.items.filter(
      (i) => i.units.length > 0 && i.units.every((u) => u.role === '责任单位'),
    );
    expect(owned).toHaveLength(57);
    expect(owned.every((i) => i.units.every((u) => u.edge === 'LEADS' && u.inferred))).toBe(true);
  });

  it('reads indicator targets', () => {
    const target = (ref: string) => item(ref).target;
    expect(target('一(一)1')).toEqual({
      comparator: '=',
      value: 12.5,
      measure: '年',
      text: '12.5年',
    });
    expect(target('一(一)2')).toMatchObject({ comparator: 'provincial-target', value: null });
    expect(target('一(一)6')).toEqual({
      comparator: '>',
      value: 14.5,
      measure: '%',
      text: '大于14.5%',
    });
    expect(target('一(一)7')).toEqual({
      comparator: '>=',
      value: 17.4,
      measure: '亿斤',
      text: '达到17.4亿斤',
    });
    expect(target('一(二)1')).toEqual({ comparator: '~', value: 7, measure: '%', text: '7%左右' });
    expect(target('一(二)7')).toEqual({
      comparator: 'in-step',
      value: null,
      measure: null,
      text: '与经济增长保持同步',
    });
    expect(target('一(二)8')).toEqual({ comparator: '<', value: 6, measure: '%', text: '小于6%' });
    expect(target('一(二)9')).toEqual({
      comparator: '=',
      value: 4.74,
      measure: '人',
      text: '4.74人',
    });
    expect(model.items.filter((i) => i.kind === 'indicator' && !i.target)).toEqual([]);
  });

  it('gives each task its theme as parent and the second part of 二(七)1 its task', () => {
    const theme = item('二(七)');
    expect(theme).toMatchObject({
      kind: 'theme',
      title: '统筹推进新基建和传统基建',
      units: [],
      line: 119,
    });
    expect(item('二(七)1').parent).toBe(theme.id);
    const second = item('二(七)1之二');
    expect(second).toMatchObject({
      kind: 'task',
      parent: item('二(七)1').id,
      title: '实施交通畅通工程',
      line: 123,
    });
    expect(second.units.map((u) => [u.name, u.edge])).toEqual([
      ['市城建局', 'LEADS'],
      ['市发改委', 'LEADS'],
      ['市自然资源和规划局', 'LEADS'],
      ['市交通运输局', 'LEADS'],
      ['各区人民政府', 'SUPPORTS'],
    ]);
  });

  it('cuts titles at the first clause, never into the unit list', () => {
    expect(item('二(一)').title).toBe('坚持创新第一动力');
    expect(item('二(六)1').title).toBe('激发各类市场主体活力');
    expect(item('二(八)3').title).toBe('推进区级经济高质量发展');
    expect(item('三(一)').title).toBe('“1553”人才工作框架');
    expect(item('三(三)5').title).toBe('智能建造');
    expect(model.items.filter((i) => /单位:/.test(i.title))).toEqual([]);
  });

  it('reads 二(八)3, whose unit list is followed by "。"', () => {
    expect(item('二(八)3').units).toEqual([
      {
        name: '各区人民政府',
        key: '各区人民政府',
        role: '责任单位',
        edge: 'LEADS',
        inferred: true,
      },
    ]);
  });

  it('gives projects whose units are on the next line those units, and their text', () => {
    const first = item('三(一)');
    expect(first).toMatchObject({ line: 209, column: 3, parent: null });
    expect(first.text).toBe(
      '(一)“1553”人才工作框架(专栏3)\n牵头单位:市委组织部;责任单位:市人社局、市科技局、市经信局、市发改委。',
    );
    expect(first.units.map((u) => u.name)).toEqual([
      '市委组织部',
      '市人社局',
      '市科技局',
      '市经信局',
      '市发改委',
    ]);
    // 三(八)'s unit line has no closing punctuation at all.
    expect(item('三(八)').units).toEqual([
      {
        name: '中法武汉生态城管委会',
        key: '中法武汉生态城管委会',
        role: '责任单位',
        edge: 'LEADS',
        inferred: true,
      },
    ]);
    for (const ref of ['三(五)', '三(十二)', '三(十五)', '三(十九)', '三(二十一)']) {
      expect(item(ref).units.length, ref).toBeGreaterThan(0);
    }
  });

  it('numbers project sub-items within their project', () => {
    const subs = model.items.filter((i) => i.parent === item('三(三)').id);
    expect(subs.map((i) => i.ref)).toEqual(Array.from({ length: 20 }, (_, k) => `三(三)${k + 1}`));
    expect(subs.every((i) => i.kind === 'project')).toBe(true);
    expect(item('三(三)1')).toMatchObject({ title: '“光芯屏端网”新一代信息技术', line: 219 });
  });

  it('records the delegated projects and their notices', () => {
    expect(model.documents).toEqual([
      {
        id: 'document/武办发〔2020〕28号',
        number: '武办发〔2020〕28号',
        title:
          '市委办公厅市政府办公厅关于印发院士专家引领十大高端产业发展行动计划(2020—2025年)的通知',
        line: 215,
      },
      {
        id: 'document/武办发〔2020〕10号',
        number: '武办发〔2020〕10号',
        title: '市委办公厅市政府办公厅关于印发武汉市推进超大城市治理现代化“八大工程”实施方案的通知',
        line: 413,
      },
    ]);
    expect(item('三(二)')).toMatchObject({ delegatedTo: 'document/武办发〔2020〕28号', units: [] });
    expect(item('三(二十三)').delegatedTo).toBe('document/武办发〔2020〕10号');
  });

  it('holds 各区人民政府 as one collective unit, defined by its qualifier for every mention', () => {
    const districts = model.units.find((u) => u.key === '各区人民政府');
    expect(districts).toEqual({
      id: '武汉市/各区人民政府',
      key: '各区人民政府',
      name: '各区人民政府',
      collective: true,
      qualifier: '〈含东湖高新区、武汉经开区、东湖风景区、长江新城管委会,下同〉',
      members: ['东湖高新区', '武汉经开区', '东湖风景区', '长江新城管委会'],
      line: 67,
    });
    const mentions = edges.filter((e) => e.key === '各区人民政府');
    expect(mentions.length).toBeGreaterThan(70);
    expect(mentions.every((e) => e.name === '各区人民政府')).toBe(true);
    expect(model.units.filter((u) => u.collective).map((u) => u.name)).toEqual([
      '市政府各有关部门',
      '各区人民政府',
      '市委退役军人事务工作领导小组其他成员单位',
      '市委国家安全委员会各成员单位',
      '相关区人民政府',
      '市老旧小区改造工作领导小组成员单位',
    ]);
  });

  it('records 参与单位 as support', () => {
    expect(item('二(十三)3').units.slice(-2)).toEqual([
      {
        name: '市委退役军人事务工作领导小组其他成员单位',
        key: '市委退役军人事务工作领导小组其他成员单位',
        role: '参与单位',
        edge: 'SUPPORTS',
        inferred: false,
      },
      {
        name: '各区人民政府',
        key: '各区人民政府',
        role: '参与单位',
        edge: 'SUPPORTS',
        inferred: false,
      },
    ]);
  });

  it('reads the requirements, and the unit 四(三) puts in charge, as an info issue', () => {
    expect(['四(一)', '四(二)', '四(三)'].map((r) => item(r).kind)).toEqual([
      'requirement',
      'requirement',
      'requirement',
    ]);
    expect(item('四(一)').units).toEqual([]);
    expect(item('四(三)').units).toEqual([
      { name: '市发改委', key: '市发改委', role: '正文点名', edge: 'LEADS', inferred: true },
    ]);
    expect(model.issues).toContainEqual(
      expect.objectContaining({ code: 'unit-named-in-text', severity: 'info', line: 421 }),
    );
  });

  it('leaves out the web-page noise, reporting it, and nothing else', () => {
    expect(model.items.some((i) => i.text.includes('扫一扫'))).toBe(false);
    expect(model.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['unit-named-in-text', 'info', 421],
      ['page-noise', 'info', 426],
    ]);
  });

  it('records item lines as printed, also with CRLF line breaks and a BOM', () => {
    const crlf = new TextEncoder().encode('\ufeff' + seedText.replace(/\n/g, '\r\n'));
    const again = parsePlanBytes(crlf);
    expect(again.items.map((i) => [i.ref, i.line, i.title])).toEqual(
      model.items.map((i) => [i.ref, i.line, i.title]),
    );
    expect(item('一(一)1').line).toBe(21);
    expect(item('四(三)').line).toBe(421);
  });

  it('gives the same ids on every parse', () => {
    const again = parsePlan(seedText);
    expect(again.items.map((i) => i.id)).toEqual(model.items.map((i) => i.id));
    expect(again.units.map((u) => u.id)).toEqual(model.units.map((u) => u.id));
    expect(item('二(一)1').id).toBe('武汉市-f64b89c6/二(一)1');
    expect(new Set(model.items.map((i) => i.id)).size).toBe(model.items.length);
  });

  it('survives a JSON round trip through the schema', () => {
    expect(PlanModel.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
  });
});
