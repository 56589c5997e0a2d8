// Shapes of the genre beyond the five examples: tables flattened one cell per line, "等部门",
// roles as verbs, a deadline clause, people in a table, Traditional characters with full-width
// punctuation, headings that carry units, and the first-listed rule stated before the items.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../graph/parse/parse-plan.ts';

function edges(text: string) {
  const model = parsePlan(text);
  return {
    model,
    items: model.items.map((i) => ({
      ref: i.ref,
      kind: i.kind,
      title: i.title,
      units: i.units.map((u) => `${u.name}:${u.role}:${u.edge}${u.inferred ? '*' : ''}`),
    })),
    problems: model.issues.filter((i) => i.severity !== 'info').map((i) => i.code),
  };
}

describe('other shapes', () => {
  it('reads a table flattened one cell per line', () => {
    const { items, problems, model } = edges(
      '示例区重点任务分工表\n\n序号\n\n主要任务\n\n牵头单位\n\n责任单位\n\n完成时限\n\n' +
        '1\n\n建设区域科技创新中心,打造创新高地\n\n区科技局\n\n区发改局、区财政局\n\n2025年\n\n' +
        '2\n\n推进老城区有机更新\n\n区住建局\n\n各街道办事处\n\n持续推进\n',
    );
    expect(items).toEqual([
      {
        ref: '1',
        kind: 'task',
        title: '建设区域科技创新中心',
        units: [
          '区科技局:牵头单位:LEADS',
          '区发改局:责任单位:SUPPORTS',
          '区财政局:责任单位:SUPPORTS',
        ],
      },
      {
        ref: '2',
        kind: 'task',
        title: '推进老城区有机更新',
        units: ['区住建局:牵头单位:LEADS', '各街道办事处:责任单位:SUPPORTS'],
      },
    ]);
    expect(model.items.map((i) => [i.line, i.deadline])).toEqual([
      [13, '2025年'],
      [23, '持续推进'],
    ]);
    expect(problems).toEqual([]);
  });

  it('reads "等部门" lists and roles written as verbs', () => {
    const { items, problems } = edges(
      '示例市方案\n\n一、重点任务\n\n1.加强某项工作。(市发改委、市财政局等部门负责)\n\n' +
        '2.另一项工作。(由市教育局牵头落实,市人社局等单位配合落实)\n',
    );
    expect(items.map((i) => i.units)).toEqual([
      ['市发改委:负责:LEADS*', '市财政局:负责:LEADS*'],
      ['市教育局:牵头落实:LEADS', '市人社局:配合落实:SUPPORTS'],
    ]);
    expect(problems).toEqual([]);
  });

  it('reads a deadline clause inside the unit list', () => {
    const { model } = edges(
      '示例市方案\n\n一、重点任务\n\n1.加强某项工作。(牵头单位:市发改委;责任单位:市财政局;完成时限:2023年底)\n',
    );
    expect(model.items[0]).toMatchObject({ deadline: '2023年底', title: '加强某项工作' });
    expect(model.items[0]?.units.map((u) => u.name)).toEqual(['市发改委', '市财政局']);
  });

  it('leaves people out of a table, saying so once', () => {
    const { items, model } = edges(
      '示例市方案\n\n序号\t工作任务\t责任领导\t牵头单位\t配合单位\n' +
        '1\t加强某项工作\t张三\t市发改委\t市财政局、市教育局\n' +
        '2\t另一项工作\t李四\t市教育局\t市财政局\n',
    );
    expect(items.map((i) => i.units)).toEqual([
      ['市发改委:牵头单位:LEADS', '市财政局:配合单位:SUPPORTS', '市教育局:配合单位:SUPPORTS'],
      ['市教育局:牵头单位:LEADS', '市财政局:配合单位:SUPPORTS'],
    ]);
    expect(model.issues.filter((i) => i.code === 'person-named')).toEqual([
      expect.objectContaining({ line: 3, severity: 'info' }),
    ]);
  });

  it('reads Traditional characters with full-width punctuation', () => {
    const { items, model, problems } = edges(
      '示例市重點任務分工方案\n\n一、主要指標\n\n（一）約束性指標\n\n' +
        '1．森林覆蓋率達到40%。（牽頭單位：市林業局；責任單位：市發改委）\n\n' +
        '二、重點任務\n\n（一）推進產業升級\n\n1．實施某項工程。（責任單位：市經信局）\n',
    );
    expect(items).toEqual([
      {
        ref: '一(一)1',
        kind: 'indicator',
        title: '森林覆蓋率達到40%',
        units: ['市林業局:牽頭單位:LEADS', '市發改委:責任單位:SUPPORTS'],
      },
      { ref: '二(一)', kind: 'theme', title: '推進產業升級', units: [] },
      { ref: '二(一)1', kind: 'task', title: '實施某項工程', units: ['市經信局:責任單位:LEADS*'] },
    ]);
    expect(model.items[0]).toMatchObject({
      binding: true,
      target: { comparator: '>=', value: 40, measure: '%', text: '達到40%' },
    });
    expect(model.units.map((u) => u.key)).toEqual(['市林业局', '市发改委', '市经信局']);
    expect(problems).toEqual([]);
  });

  it('takes part headings that carry units as items', () => {
    const { items } = edges(
      '示例市方案\n\n一、全面推进某项工作。(牵头单位:市发改委)\n\n二、加快推进另一项工作。(责任单位:市教育局)\n',
    );
    expect(items).toEqual([
      { ref: '一', kind: 'task', title: '全面推进某项工作', units: ['市发改委:牵头单位:LEADS'] },
      { ref: '二', kind: 'task', title: '加快推进另一项工作', units: ['市教育局:责任单位:LEADS*'] },
    ]);
  });

  it('applies 列第一位者为牵头单位 stated in a note before the items, or in a heading', () => {
    for (const text of [
      '示例县方案\n\n注:各项任务中列第一位者为牵头单位。\n\n一、重点任务\n\n1.工作一。(责任单位:县发改局、县财政局)\n',
      '示例县方案\n\n一、重点任务(列第一位者为牵头单位)\n\n1.工作一。(责任单位:县发改局、县财政局)\n',
    ]) {
      expect(edges(text).items.at(-1)?.units).toEqual([
        '县发改局:责任单位:LEADS',
        '县财政局:责任单位:SUPPORTS',
      ]);
    }
  });

  it('does not let the rule of one list without 下同 reach the next item', () => {
    const { items } = edges(
      '示例县方案\n\n一、重点任务\n\n1.工作一。\n责任单位:县发改局、县财政局(列第一位者为牵头单位)\n\n' +
        '2.工作二。\n责任单位:县住建局、县财政局\n',
    );
    expect(items.map((i) => i.units)).toEqual([
      ['县发改局:责任单位:LEADS', '县财政局:责任单位:SUPPORTS'],
      ['县住建局:责任单位:LEADS*', '县财政局:责任单位:LEADS*'],
    ]);
  });

  it('reads "主办单位/协办单位" and a 〈…〉 qualifier without 下同', () => {
    const { items, model } = edges(
      '示例市方案\n\n一、重点任务\n\n1.工作一。(主办单位:市商务局〈含口岸办〉;协办单位:市交通局)\n',
    );
    expect(items[0]?.units).toEqual(['市商务局:主办单位:LEADS', '市交通局:协办单位:SUPPORTS']);
    expect(model.units[0]).toMatchObject({ qualifier: '〈含口岸办〉', members: ['口岸办'] });
  });

  it('leaves the signature and date after the last item out of its text', () => {
    const { model } = edges(
      '示例市方案\n\n一、工作要求\n\n(一)加强组织领导。各单位要高度重视。\n\n示例市人民政府办公室\n\n2023年5月6日\n',
    );
    expect(model.items).toHaveLength(1);
    expect(model.items[0]).toMatchObject({
      kind: 'requirement',
      text: '(一)加强组织领导。各单位要高度重视。',
    });
    expect(model.plan.date).toBe('2023-05-06');
  });

  it('numbers further unnumbered parts of a task 之二, 之三, all under the task', () => {
    const { model } = edges(
      '示例市方案\n\n一、重点任务\n\n(一)主题\n\n1.工作一。(牵头单位:市发改委)\n\n' +
        '另一段工作。(责任单位:市教育局)\n\n第三段工作。(牵头单位:市财政局;责任单位:各区人民政府)\n',
    );
    const task = model.items.find((i) => i.ref === '一(一)1');
    expect(model.items.map((i) => [i.ref, i.kind, i.parent === task?.id])).toEqual([
      ['一(一)', 'theme', false],
      ['一(一)1', 'task', false],
      ['一(一)1之二', 'task', true],
      ['一(一)1之三', 'task', true],
    ]);
    expect(model.items.at(-1)?.units.map((u) => u.edge)).toEqual(['LEADS', 'SUPPORTS']);
  });
});
