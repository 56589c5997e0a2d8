// One unit, however a notice prints it: the key the parser gives a unit name (unitKey), and a
// plan that names one bureau three ways coming out with one unit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWidth, unitKey } from '../../graph/parse/normalise.ts';
import { parsePlan } from '../../graph/parse/parse-plan.ts';

const WUHAN = '武汉市';

describe('unitKey', () => {
  it('gives 市发改委 for every printing of the development and reform commission', () => {
    for (const name of ['市发改委', '市发展改革委', '市发展和改革委员会', '市发展改革委员会']) {
      expect(unitKey(name), name).toBe('市发改委');
    }
  });

  it('reads the plan’s own jurisdiction as its level, and only that one', () => {
    expect(unitKey('武汉市发展和改革委员会', WUHAN)).toBe('市发改委');
    expect(unitKey('武汉市发改委', WUHAN)).toBe('市发改委');
    expect(unitKey('湖北省武汉市住房和城乡建设局', WUHAN)).toBe('市住建局');
    // Another city's bureau in the same plan keeps its city; without a jurisdiction, so does this one.
    expect(unitKey('孝感市发展和改革委员会', WUHAN)).toBe('孝感市发改委');
    expect(unitKey('武汉市发展和改革委员会')).toBe('武汉市发改委');
  });

  it('keeps the level: a province’s commission is not the city’s', () => {
    expect(unitKey('省发改委', WUHAN)).toBe('省发改委');
    expect(unitKey('省发展和改革委员会', WUHAN)).toBe('省发改委');
    expect(unitKey('省发改委', WUHAN)).not.toBe(unitKey('市发改委', WUHAN));
    expect(unitKey('区发展和改革局')).toBe('区发改局');
    expect(unitKey('江岸区发展和改革局')).toBe('江岸区发改局');
  });

  it('keys the State Council’s ministries and commissions by the form its notices print', () => {
    expect(unitKey('国家发展和改革委员会')).toBe('国家发展改革委');
    expect(unitKey('国家发展改革委')).toBe('国家发展改革委');
    expect(unitKey('发展改革委')).toBe('国家发展改革委');
    expect(unitKey('工信部')).toBe('工业和信息化部');
    expect(unitKey('工业和信息化部')).toBe('工业和信息化部');
    expect(unitKey('国家市场监督管理总局')).toBe('市场监管总局');
    expect(unitKey('中国人民银行')).toBe('人民银行');
  });

  it('keys a Traditional or full-width printing like its Simplified one', () => {
    expect(unitKey('市發改委')).toBe('市发改委');
    expect(unitKey('市發展和改革委員會')).toBe('市发改委');
    expect(unitKey('團市委')).toBe('团市委');
    expect(unitKey('市 衞生健康委')).toBe('市卫健委');
  });

  it('keys party organs, the youth league and vertically managed agencies', () => {
    expect(unitKey('中共武汉市委组织部', WUHAN)).toBe('市委组织部');
    expect(unitKey('市委统一战线工作部')).toBe('市委统战部');
    expect(unitKey('市网信办')).toBe('市委网信办');
    expect(unitKey('共青团武汉市委员会', WUHAN)).toBe('团市委');
    expect(unitKey('国家税务总局武汉市税务局', WUHAN)).toBe('市税务局');
    expect(unitKey('市妇女联合会')).toBe('市妇联');
  });

  it('leaves apart the bodies cities organise differently', () => {
    expect(unitKey('市城管委')).not.toBe(unitKey('市城管局'));
    expect(unitKey('市政务服务局')).not.toBe(unitKey('市政务服务大数据局'));
    expect(unitKey('市自然资源局')).not.toBe(unitKey('市自然资源和规划局'));
    expect(unitKey('市纪委监委')).toBe('市纪委监委');
  });

  it('keeps a name it does not know as its own key', () => {
    expect(unitKey('市不存在局')).toBe('市不存在局');
    expect(unitKey('各区人民政府')).toBe('各区人民政府');
    expect(unitKey('人行武汉分行营管部')).toBe('人行武汉分行营管部');
    expect(unitKey('中国高校(华中)科技成果转化中心')).toBe('中国高校(华中)科技成果转化中心');
  });
});

/** Names in the genre's alphabet: places, levels, stems, party and league prefixes, noise. */
const fragments = [
  '市',
  '省',
  '区',
  '县',
  '武汉',
  '武汉市',
  '湖北省',
  '江岸区',
  '国家',
  '中共',
  '共青团',
  '团',
  '委',
  '发改委',
  '发展和改革委员会',
  '發展改革委',
  '住房和城乡建设局',
  '组织部',
  '统一战线工作部',
  '员会',
  '税务局',
  '国家税务总局',
  '人民政府',
  '政府',
  '各',
  '网信办',
  '应急局',
  '应急管理局',
  '工信部',
  '市场监督管理局',
  '有限公司',
  '中心',
  'Ａ',
  '　',
  '(',
  ')',
];
const names = fc
  .array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''));
const jurisdictions = fc.constantFrom('', '武汉市', '湖北省', '江岸区', '示例市');

/** Full-width forms of every ASCII character in a name: what a notice's typesetting may give. */
function widen(text: string): string {
  return text.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe('unitKey properties', () => {
  it('is idempotent: a key is its own key', () => {
    fc.assert(
      fc.property(names, jurisdictions, (name, jurisdiction) => {
        const key = unitKey(name, jurisdiction);
        expect(unitKey(key, jurisdiction)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });

  it('is stable under width folding', () => {
    fc.assert(
      fc.property(names, jurisdictions, (name, jurisdiction) => {
        expect(unitKey(widen(name), jurisdiction)).toBe(unitKey(name, jurisdiction));
        expect(unitKey(foldWidth(name), jurisdiction)).toBe(unitKey(name, jurisdiction));
      }),
      { numRuns: 500 },
    );
  });
});

describe('a plan that prints one unit three ways', () => {
  const plan = [
    '武汉市人民政府办公厅关于印发测试方案的通知',
    '一、主要任务',
    '1.推进甲项工作。(牵头单位:市发改委;责任单位:市财政局)',
    '2.推进乙项工作。(牵头单位:市发展改革委;责任单位:市財政局)',
    '3.推进丙项工作。(牵头单位:市发展和改革委员会;责任单位:市应急局)',
  ].join('\n');
  const model = parsePlan(plan);

  it('has one unit for them, under the first printing', () => {
    const commissions = model.units.filter((unit) => unit.key === '市发改委');
    expect(commissions).toHaveLength(1);
    expect(commissions[0]?.name).toBe('市发改委');
    expect(model.units.map((unit) => unit.key).sort()).toEqual(
      ['市发改委', '市应急管理局', '市财政局'].sort(),
    );
  });

  it('keeps each printing on its item, with the one key', () => {
    const leads = model.items
      .filter((item) => item.kind === 'task')
      .map((item) => item.units.find((unit) => unit.edge === 'LEADS'));
    expect(leads.map((unit) => [unit?.name, unit?.key])).toEqual([
      ['市发改委', '市发改委'],
      ['市发展改革委', '市发改委'],
      ['市发展和改革委员会', '市发改委'],
    ]);
  });
});

describe('a notice naming its own city before a unit', () => {
  it('keys 武汉市发改委 as 市发改委 in a Wuhan plan, and names it once per item', () => {
    const model = parsePlan(
      [
        '武汉市2031年重点任务分工方案',
        '武汉市人民政府办公厅',
        '一、扩大有效投资',
        '1.实施重大项目攻坚。(牵头单位:武汉市发展和改革委员会;责任单位:市财政局)',
        '2.做好专项债券储备。(牵头单位:市发改委;责任单位:武汉市财政局、市财政局)',
      ].join('\n'),
    );
    expect(model.plan.jurisdiction).toBe('武汉市');
    const keys = model.items.flatMap((i) => i.units.map((u) => [i.ref, u.name, u.key]));
    expect(keys).toEqual([
      ['一1', '武汉市发展和改革委员会', '市发改委'],
      ['一1', '市财政局', '市财政局'],
      ['一2', '市发改委', '市发改委'],
      ['一2', '武汉市财政局', '市财政局'],
    ]);
    expect(model.units.map((u) => u.key).sort()).toEqual(['市发改委', '市财政局']);
  });
});
