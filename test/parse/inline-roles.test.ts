// The text layouts of the genre beyond the seed's: units written into a task's sentence, bare
// unit lines, the first-listed rule however it is worded, numbering down to ①, persons where
// units stand, and collectives whose names hold "、". Short notices written here, several
// wordings per construct: real notices word these every way.
import { describe, expect, it } from 'vitest';
import { PlanModel } from '../../graph/model/plan.ts';
import { collectivePiece } from '../../graph/parse/layouts/collectives.ts';
import { isRuleNote } from '../../graph/parse/layouts/first-listed.ts';
import { isPerson } from '../../graph/parse/layouts/persons.ts';
import { parsePlan } from '../../graph/parse/parse-plan.ts';
import { looksLikeUnitName } from '../../graph/parse/units.ts';

const HEAD = '示例市2023年重点任务分工方案\n\n各区人民政府,市直各有关单位:\n\n一、重点任务\n\n';

function parsed(body: string, head = HEAD): PlanModel {
  const model = parsePlan(head + body);
  // Every model the parser hands out is a valid one.
  expect(PlanModel.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
  return model;
}

/** "name role edge" for each unit of the item `ref`. */
function units(model: PlanModel, ref: string): string[] | undefined {
  return model.items
    .find((i) => i.ref === ref)
    ?.units.map((u) => `${u.name} ${u.role} ${u.edge === 'LEADS' ? 'L' : 'S'}`);
}

function problems(model: PlanModel): string[] {
  return model.issues.filter((i) => i.severity !== 'info').map((i) => `${i.code}@${i.line}`);
}

describe('units written into the sentence', () => {
  it('"由X负责,Y配合": the unit that 负责 leads when the others cooperate', () => {
    const model = parsed(
      '1.深化户籍制度改革。由市公安局负责,市发改委、市人社局配合。\n' +
        '2.推进公园城市建设,由市园林局牵头,市住建局、各区人民政府参与。\n' +
        '3.完善托育服务体系。由市卫健委负责。\n' +
        '4.加强就业服务,由市人社局负责,确保年底前完成。\n',
    );
    expect(units(model, '一1')).toEqual(['市公安局 负责 L', '市发改委 配合 S', '市人社局 配合 S']);
    expect(units(model, '一2')).toEqual([
      '市园林局 牵头 L',
      '市住建局 参与 S',
      '各区人民政府 参与 S',
    ]);
    expect(model.items.find((i) => i.ref === '一3')?.units).toEqual([
      { name: '市卫健委', key: '市卫健委', role: '负责', edge: 'LEADS', inferred: true },
    ]);
    // The list stops where the sentence goes on ("确保年底前完成" is the task's, not a unit).
    expect(units(model, '一4')).toEqual(['市人社局 负责 L']);
    expect(model.items.find((i) => i.ref === '一2')?.title).toBe('推进公园城市建设');
    expect(problems(model)).toEqual([]);
  });

  it('never reads a sentence of the task as units', () => {
    const model = parsed(
      '1.加强部门协作,形成工作合力,确保各项任务落实。(牵头单位:市发改委)\n' +
        '2.由各区负责组织实施老旧小区改造。(牵头单位:市住建局)\n' +
        '3.推进示例高新区建设,加快建设示例高新区。(牵头单位:示例高新区管委会)\n',
    );
    expect(units(model, '一1')).toEqual(['市发改委 牵头单位 L']);
    expect(units(model, '一2')).toEqual(['市住建局 牵头单位 L']);
    expect(units(model, '一3')).toEqual(['示例高新区管委会 牵头单位 L']);
    expect(problems(model)).toEqual([]);
  });

  it('"责任单位为X" after a target, and "牵头单位为X,责任单位为Y" as clauses', () => {
    const model = parsed(
      '1.常住人口城镇化率达到68.5%,责任单位为市发改委、市统计局。\n' +
        '2.新增城镇就业5万人,牵头单位为市人社局,责任单位为市财政局、各区人民政府。\n' +
        '3.建成5G基站3000个,配合单位为市通信管理局;牵头单位为市经信局。\n',
    );
    expect(units(model, '一1')).toEqual(['市发改委 责任单位 L', '市统计局 责任单位 L']);
    expect(units(model, '一2')).toEqual([
      '市人社局 牵头单位 L',
      '市财政局 责任单位 S',
      '各区人民政府 责任单位 S',
    ]);
    expect(units(model, '一3')).toEqual(['市通信管理局 配合单位 S', '市经信局 牵头单位 L']);
    expect(model.items.find((i) => i.ref === '一1')?.title).toBe('常住人口城镇化率达到68.5%');
    expect(problems(model)).toEqual([]);
  });

  it('lists in square brackets, and roles separated by a comma', () => {
    const model = parsed(
      '1.推进基本公共服务全覆盖。[牵头单位:市教育局;责任单位:市财政局、各区人民政府]\n' +
        '2.推进智慧城市建设。【牵头单位:市大数据局;配合单位:市经信局】\n' +
        '3.推进数字政府建设。(牵头单位:市政务服务局,配合单位:市大数据局、市财政局)\n' +
        '4.建设城市大脑。［牵头单位：市大数据局；责任单位：市公安局］\n',
    );
    expect(units(model, '一1')).toEqual([
      '市教育局 牵头单位 L',
      '市财政局 责任单位 S',
      '各区人民政府 责任单位 S',
    ]);
    expect(units(model, '一2')).toEqual(['市大数据局 牵头单位 L', '市经信局 配合单位 S']);
    expect(units(model, '一3')).toEqual([
      '市政务服务局 牵头单位 L',
      '市大数据局 配合单位 S',
      '市财政局 配合单位 S',
    ]);
    expect(units(model, '一4')).toEqual(['市大数据局 牵头单位 L', '市公安局 责任单位 S']);
    expect(problems(model)).toEqual([]);
  });

  it('"X为牵头单位,Y为配合单位", "按职责分工负责" and "(X、Y负责)"', () => {
    const model = parsed(
      '1.建设保障性租赁住房。(市住建局为牵头单位,市财政局为配合单位)\n' +
        '2.健全住房保障机制。(市住建局牵头,市财政局、市自然资源和规划局按职责分工负责)\n' +
        '3.保障重点项目用地。(市自然资源局、市发改委负责)\n',
    );
    expect(units(model, '一1')).toEqual(['市住建局 牵头单位 L', '市财政局 配合单位 S']);
    expect(units(model, '一2')).toEqual([
      '市住建局 牵头 L',
      '市财政局 按职责分工负责 S',
      '市自然资源和规划局 按职责分工负责 S',
    ]);
    expect(units(model, '一3')).toEqual(['市自然资源局 负责 L', '市发改委 负责 L']);
  });

  it('list endings 等, 等部门, 等单位, 等有关部门 are never part of a name', () => {
    const model = parsed(
      '1.任务一。(牵头单位:市发改委;配合单位:市财政局、市商务局等)\n' +
        '2.任务二。(市教育局牵头,市人社局、市财政局等部门配合)\n' +
        '3.任务三。(牵头单位:市卫健委;配合单位:市医保局等单位)\n' +
        '4.任务四。(牵头单位:市民政局;配合单位:市财政局等有关部门)\n' +
        '5.任务五。(牵头单位:市应急局;配合单位:市公安局等3个部门)\n',
    );
    const names = model.items.flatMap((i) => i.units.map((u) => u.name));
    expect(names).toEqual([
      '市发改委',
      '市财政局',
      '市商务局',
      '市教育局',
      '市人社局',
      '市财政局',
      '市卫健委',
      '市医保局',
      '市民政局',
      '市财政局',
      '市应急局',
      '市公安局',
    ]);
  });

  it('"…配合落实" is the role of the group it ends, the rest keep the label', () => {
    const model = parsed(
      '1.实施城市更新行动。(责任单位:市住建局、市城管局,各区人民政府配合落实)\n',
      HEAD.replace('一、重点任务', '一、重点任务(列第一位者为牵头单位)'),
    );
    expect(units(model, '一1')).toEqual([
      '市住建局 责任单位 L',
      '市城管局 责任单位 S',
      '各区人民政府 配合落实 S',
    ]);
  });
});

describe('the first-listed rule', () => {
  it('is recognised however it is worded', () => {
    for (const note of [
      '列第一位者为牵头单位',
      '(列第一位的为牵头单位,下同)',
      '表中列第一位的责任单位为牵头单位或汇总单位',
      '排在第一位的为牵头单位',
      '排名第一的单位为牵头单位',
      '各项任务的牵头单位为列第一位的单位',
      '牵头单位为排在首位的单位',
      '排在首位的单位牵头',
      '第一个单位为牵头单位',
    ]) {
      expect(isRuleNote(note), note).toBe(true);
    }
    for (const prose of [
      '全市排名第一,要发挥牵头作用',
      '各牵头单位要加强统筹协调',
      '首位度提升,由市发改委牵头',
    ]) {
      expect(isRuleNote(prose), prose).toBe(false);
    }
  });

  it('from the preamble, in any wording, holds for every item', () => {
    for (const note of [
      '注:列第一位者为牵头单位。',
      '表中列第一位的责任单位为牵头单位,其他责任单位要密切配合。',
      '各项任务排在第一位的为牵头单位。',
      '责任单位中,排名第一的单位为牵头单位。',
    ]) {
      const model = parsed(
        '1.任务一。(责任单位:市发改委、市财政局)\n2.任务二。(责任单位:市商务局、市财政局)\n',
        HEAD.replace('一、重点任务', `${note}\n\n一、重点任务`),
      );
      expect(units(model, '一1'), note).toEqual(['市发改委 责任单位 L', '市财政局 责任单位 S']);
      expect(units(model, '一2'), note).toEqual(['市商务局 责任单位 L', '市财政局 责任单位 S']);
    }
  });

  it('in an item\'s brackets holds from there on with "下同", not backwards; without it, there only', () => {
    const model = parsed(
      '1.任务一。(责任单位:市发改委、市财政局)\n' +
        '2.任务二。(责任单位:市商务局、市财政局;列第一位的为牵头单位)\n' +
        '3.任务三。(责任单位:市教育局、市财政局)\n' +
        '4.任务四。\n市卫健委、市医保局(排在第一位的为牵头单位,下同)\n' +
        '5.任务五。(责任单位:市民政局、市财政局)\n',
    );
    expect(units(model, '一1')).toEqual(['市发改委 责任单位 L', '市财政局 责任单位 L']);
    expect(units(model, '一2')).toEqual(['市商务局 责任单位 L', '市财政局 责任单位 S']);
    expect(units(model, '一3')).toEqual(['市教育局 责任单位 L', '市财政局 责任单位 L']);
    expect(units(model, '一4')).toEqual(['市卫健委  L', '市医保局  S']);
    expect(units(model, '一5')).toEqual(['市民政局 责任单位 L', '市财政局 责任单位 S']);
  });

  it('gives way to an explicit "A、B牵头负责"', () => {
    const model = parsed(
      '1.任务一。(市发改委、市财政局牵头负责,市商务局配合)\n',
      HEAD.replace('一、重点任务', '列第一位者为牵头单位。\n\n一、重点任务'),
    );
    expect(units(model, '一1')).toEqual([
      '市发改委 牵头负责 L',
      '市财政局 牵头负责 L',
      '市商务局 配合 S',
    ]);
  });
});

describe('bare unit lines', () => {
  it('are the units of the item above, with no role printed', () => {
    const model = parsed(
      '1.完善城市排水防涝体系。\n市水务局、市住建局、各区人民政府\n\n' +
        '2.推进城市停车设施建设。\n市城管局、市公安局,各区、县(市)政府(管委会)。\n',
    );
    const first = model.items.find((i) => i.ref === '一1');
    // No lead named and no rule: the units own the item.
    expect(first?.units.map((u) => [u.role, u.edge, u.inferred])).toEqual([
      ['', 'LEADS', true],
      ['', 'LEADS', true],
      ['', 'LEADS', true],
    ]);
    expect(first?.text).toBe('1.完善城市排水防涝体系。\n市水务局、市住建局、各区人民政府');
    expect(units(model, '一2')).toEqual([
      '市城管局  L',
      '市公安局  L',
      '各区、县(市)政府(管委会)  L',
    ]);
    expect(problems(model)).toEqual([]);
  });

  it('never takes an addressee line, a requirements paragraph or a signature for units', () => {
    const model = parsed(
      '1.推进城市更新。\n市住建局、市城管局\n\n' +
        '二、工作要求\n\n' +
        '各责任单位要建立工作台账,于每季度末月20日前将工作进展情况报送市发改委。\n\n' +
        '示例市人民政府办公室\n2023年2月20日\n',
      '示例市2023年重点任务分工方案\n\n各区人民政府,市人民政府各部门,各有关单位:\n\n一、重点任务\n\n',
    );
    expect(model.items.map((i) => i.ref)).toEqual(['一1']);
    expect(model.units.map((u) => u.name)).toEqual(['市住建局', '市城管局']);
    expect(model.issues.map((i) => i.code)).toContain('requirements-text');
  });
});

describe('numbering', () => {
  it('① ② ③ under a numbered item: refs 二(二)6①, parent 二(二)6', () => {
    const model = parsed(
      '(一)提升城市承载能力\n' +
        '1.加快补齐县城短板弱项。\n' +
        '①推进燃气管道更新改造。(牵头单位:市住建局)\n' +
        '②建设县域医疗卫生次中心。(牵头单位:市卫健委)\n' +
        '(二)推进城乡融合\n' +
        '2.健全建设用地市场。(牵头单位:市自然资源和规划局)\n',
    );
    const refOf = new Map(model.items.map((i) => [i.id, i.ref]));
    expect(model.items.map((i) => [i.ref, refOf.get(i.parent ?? '') ?? null])).toEqual([
      ['一(一)', null],
      ['一(一)1', '一(一)'],
      ['一(一)1①', '一(一)1'],
      ['一(一)1②', '一(一)1'],
      ['一(二)', null],
      ['一(二)2', '一(二)'],
    ]);
    expect(problems(model)).toEqual([]);
  });

  it('① under (1) sits under the (1); ⑴ and ㈠ read as (1) and (一); "1、" as 1.', () => {
    const model = parsed(
      '㈠稳定经济增长\n' +
        '1、扩大有效投资。\n' +
        '⑴推进重大项目。\n' +
        '①开工项目100个。(牵头单位:市发改委)\n' +
        '②竣工项目50个。(牵头单位:市住建局)\n' +
        '⑵促进消费。(牵头单位:市商务局)\n',
    );
    expect(model.items.map((i) => i.ref)).toEqual([
      '一(一)',
      '一(一)1',
      '一(一)1(1)',
      '一(一)1(1)①',
      '一(一)1(1)②',
      '一(一)1(2)',
    ]);
    const parentOf = (ref: string) =>
      model.items.find((p) => p.id === model.items.find((i) => i.ref === ref)?.parent)?.ref;
    expect(parentOf('一(一)1(1)②')).toBe('一(一)1(1)');
  });
});

describe('persons are never units', () => {
  it('"牵头领导:副市长赵某某" is the item\'s leader', () => {
    const model = parsed(
      '1.推动基础设施向乡村延伸。(牵头领导:副市长赵某某;牵头单位:市交通运输局;责任单位:市农业农村局)\n' +
        '2.推进文旅融合。(责任领导:市长、分管副市长;牵头单位:市文旅局)\n' +
        '3.推进乡村振兴。(王某某副市长牵头,市农业农村局负责,市财政局配合)\n',
    );
    const item = (ref: string) => model.items.find((i) => i.ref === ref);
    expect(item('一1')).toMatchObject({ leader: '副市长赵某某', leaders: ['副市长赵某某'] });
    expect(units(model, '一1')).toEqual(['市交通运输局 牵头单位 L', '市农业农村局 责任单位 S']);
    expect(item('一2')).toMatchObject({ leaders: ['市长', '分管副市长'] });
    expect(item('一3')?.leaders).toEqual(['王某某副市长']);
    expect(units(model, '一3')).toEqual(['市农业农村局 负责 L', '市财政局 配合 S']);
    expect(model.units.map((u) => u.name)).not.toContain('副市长赵某某');
    expect(problems(model)).toEqual([]);
  });

  it('tells posts from units', () => {
    for (const post of ['副市长赵某某', '常务副市长', '市委书记', '市政府秘书长', '王某某副市长']) {
      expect(isPerson(post), post).toBe(true);
    }
    for (const unit of ['市长热线办公室', '市委办公室', '市发改委', '副市长办公室', '团市委']) {
      expect(isPerson(unit), unit).toBe(false);
    }
  });
});

describe('collectives kept whole', () => {
  it('even when their names hold "、" or brackets', () => {
    const model = parsed(
      '1.任务一。(牵头单位:市营商办;责任单位:市政务服务局,各区、县(市)政府(管委会))\n' +
        '2.任务二。(牵头单位:市农业农村局;责任单位:各县、市、区人民政府)\n' +
        '3.任务三。(牵头单位:市水务局;责任单位:各县(市、区)人民政府、市财政局)\n' +
        '4.任务四。(牵头单位:市住建局;责任单位:各区人民政府〈含示例高新区、示例经开区,下同〉)\n' +
        '5.任务五。(牵头单位:市民政局;责任单位:各区、市财政局)\n',
    );
    expect(model.items.map((i) => i.units.map((u) => u.name))).toEqual([
      ['市营商办', '市政务服务局', '各区、县(市)政府(管委会)'],
      ['市农业农村局', '各县、市、区人民政府'],
      ['市水务局', '各县(市、区)人民政府', '市财政局'],
      ['市住建局', '各区人民政府'],
      ['市民政局', '各区', '市财政局'],
    ]);
    const collective = new Map(model.units.map((u) => [u.name, u.collective]));
    expect(collective.get('各区、县(市)政府(管委会)')).toBe(true);
    expect(collective.get('各县、市、区人民政府')).toBe(true);
    expect(collective.get('各县(市、区)人民政府')).toBe(true);
    expect(model.units.find((u) => u.name === '各区人民政府')?.members).toEqual([
      '示例高新区',
      '示例经开区',
    ]);
    expect(problems(model)).toEqual([]);
  });

  it('knows the pieces of such a name, and what reads as a unit', () => {
    expect(['各区', '县(市)', '县(市)政府(管委会)', '市发改委'].map(collectivePiece)).toEqual([
      'head',
      'middle',
      'tail',
      null,
    ]);
    for (const name of ['市发改委', '样例县人民政府', '示例高新区', '市直各有关部门', '示例海关']) {
      expect(looksLikeUnitName(name), name).toBe(true);
    }
    for (const text of ['确保年底前完成', '加快建设示例高新区', '各区要加强领导', '2023年底']) {
      expect(looksLikeUnitName(text), text).toBe(false);
    }
  });
});
