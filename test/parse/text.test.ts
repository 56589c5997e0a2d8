// The small pure pieces: folding, keys, bracket scans, titles, targets, line shapes.
import { describe, expect, it } from 'vitest';
import { classifyLine, dateOfLine, sectionKindOf } from '../../graph/parse/outline.ts';
import { fold, unitKey } from '../../graph/parse/normalise.ts';
import { isCollective } from '../../graph/parse/parse-plan.ts';
import { classifyLabel, suffixRole } from '../../graph/parse/roles.ts';
import { readTarget } from '../../graph/parse/targets.ts';
import {
  findImbalance,
  firstClauseEnd,
  pairBrackets,
  splitTopLevel,
} from '../../graph/parse/text-scan.ts';
import { columnOf, firstClause } from '../../graph/parse/title.ts';
import { HANG_MS } from '../support/hang.ts';

const title = (text: string) => firstClause(text, fold(text), 0, text.length);
const target = (text: string) => readTarget(fold(text), text);

describe('folding and keys', () => {
  it('folds width and script one character for one', () => {
    const printed = '（牽頭單位：市發改委；責任單位：市財政局）';
    const folded = fold(printed);
    expect(folded).toBe('(牵头单位:市发改委;责任单位:市财政局)');
    expect(folded).toHaveLength(printed.length);
  });

  it('keys a unit: Simplified, half-width, no white space', () => {
    expect(unitKey('市發改委')).toBe('市发改委');
    expect(unitKey(' 市 財政局 ')).toBe('市财政局');
    expect(unitKey('中国高校（华中）科技成果转化中心')).toBe('中国高校(华中)科技成果转化中心');
    expect(unitKey('團市委')).toBe('团市委');
  });

  it('knows collective units', () => {
    for (const key of [
      '各区人民政府',
      '相关区人民政府',
      '市政府各有关部门',
      '市直各有关部门',
      '各县区人民政府',
      '各乡镇人民政府',
      '市委国家安全委员会各成员单位',
      '市委退役军人事务工作领导小组其他成员单位',
      '有关单位',
    ]) {
      expect(isCollective(key), key).toBe(true);
    }
    for (const key of ['市发改委', '街道办事处', '东湖高新区管委会', '团市委']) {
      expect(isCollective(key), key).toBe(false);
    }
  });
});

describe('bracket scans', () => {
  it('splits at depth zero only', () => {
    const s = '各区人民政府〈含东湖高新区、武汉经开区,下同〉、中国高校(华中)中心,市科协';
    expect(splitTopLevel(s, '、,').map((p) => s.slice(p.start, p.end))).toEqual([
      '各区人民政府〈含东湖高新区、武汉经开区,下同〉',
      '中国高校(华中)中心',
      '市科协',
    ]);
  });

  it('pairs brackets in one pass and finds the stray one', () => {
    const s = '(a〈b〉)c)';
    const partner = pairBrackets(s);
    expect([partner[0], partner[2], partner[4], partner[7]]).toEqual([5, 4, 2, -1]);
    expect(findImbalance(s)).toBe(7);
    expect(findImbalance('《a(b》')).toBe(4);
    expect(findImbalance('“链长制”(专栏3)')).toBe(-1);
  });

  it('stays linear on a megabyte of openers', () => {
    const s = '('.repeat(1 << 20);
    const started = performance.now();
    expect(findImbalance(s)).toBe(0);
    expect(splitTopLevel(s, '、')).toHaveLength(1);
    expect(firstClauseEnd(s, 0, s.length)).toBe(s.length);
    expect(performance.now() - started).toBeLessThan(HANG_MS);
  });
});

describe('titles', () => {
  it('cut at the first clause outside brackets and quotes', () => {
    expect(title('创建东湖综合性国家科学中心。高标准规划建设东湖科学城。')).toBe(
      '创建东湖综合性国家科学中心',
    );
    expect(title('實施先進製造業集群培育行動,全年新增規模以上工業企業150家。')).toBe(
      '實施先進製造業集群培育行動',
    );
    expect(title('细颗粒物(PM2.5)年均浓度降至30微克/立方米以下。')).toBe(
      '细颗粒物(PM2.5)年均浓度降至30微克/立方米以下',
    );
    expect(title('“1553”人才工作框架(专栏3)')).toBe('“1553”人才工作框架');
    expect(title('推行“链长制,链主制”改革;其他')).toBe('推行“链长制,链主制”改革');
    expect(title('新增12,000家企业,其他')).toBe('新增12,000家企业');
    expect(title('激发各类市场主体活力 。深化国资国企改革')).toBe('激发各类市场主体活力');
  });

  it('find the column of a project', () => {
    expect(columnOf('(一)“1553”人才工作框架(专栏3)')).toBe(3);
    expect(columnOf('(二)某工程(专栏十二)')).toBe(12);
    expect(columnOf('(三)某工程')).toBeUndefined();
  });
});

describe('targets', () => {
  it.each([
    ['森林覆盖率大于14.5%', { comparator: '>', value: 14.5, measure: '%', text: '大于14.5%' }],
    ['地区生产总值增长年均7%左右', { comparator: '~', value: 7, measure: '%', text: '7%左右' }],
    [
      '劳动年龄人口平均受教育年限12.5年',
      { comparator: '=', value: 12.5, measure: '年', text: '12.5年' },
    ],
    [
      '粮食综合生产能力达到17.4亿斤',
      { comparator: '>=', value: 17.4, measure: '亿斤', text: '达到17.4亿斤' },
    ],
    ['城镇调查失业率小于6%', { comparator: '<', value: 6, measure: '%', text: '小于6%' }],
    [
      '每千人口拥有执业(助理)医师数4.74人',
      { comparator: '=', value: 4.74, measure: '人', text: '4.74人' },
    ],
    [
      '能源综合生产能力达到344万吨标煤',
      { comparator: '>=', value: 344, measure: '万吨标煤', text: '达到344万吨标煤' },
    ],
    [
      '细颗粒物(PM2.5)年均浓度降至30微克/立方米以下',
      { comparator: '<=', value: 30, measure: '微克/立方米', text: '降至30微克/立方米以下' },
    ],
    [
      '城镇生活污水集中处理率95%以上',
      { comparator: '>=', value: 95, measure: '%', text: '95%以上' },
    ],
    [
      '空气质量优良天数比率完成省下达目标',
      { comparator: 'provincial-target', value: null, measure: null, text: '完成省下达目标' },
    ],
    [
      '居民人均可支配收入增长与经济增长保持同步',
      { comparator: 'in-step', value: null, measure: null, text: '与经济增长保持同步' },
    ],
  ])('%s', (text, want) => {
    expect(target(text)).toEqual(want);
  });

  it('gives no target where the text states no number', () => {
    expect(target('提升城市品质')).toBeUndefined();
  });
});

describe('line shapes and words', () => {
  it('classifies headings', () => {
    expect(classifyLine('一、主要指标分工', 0)).toMatchObject({ kind: 'part', value: 1 });
    expect(classifyLine('(十五)统筹发展和安全', 0)).toMatchObject({ kind: 'section', value: 15 });
    expect(classifyLine('(二千三百四十五)某主题', 0)).toMatchObject({
      kind: 'section',
      value: 2345,
    });
    expect(classifyLine('12.打造产业创新高地', 0)).toMatchObject({ kind: 'numbered', value: 12 });
    expect(classifyLine('(3)推进某项', 0)).toMatchObject({ kind: 'sub', value: 3 });
    expect(classifyLine('②推进某项', 0)).toMatchObject({ kind: 'sub', value: 2 });
    expect(classifyLine('第二部分 重点任务', 0)).toMatchObject({ kind: 'part', value: 2 });
    for (const text of ['2035年远景目标纲要任务分工方案', '2.5万亿元左右', '一主引领']) {
      expect(classifyLine(text, 0).kind, text).toBe('text');
    }
  });

  it('names what a part holds', () => {
    expect(
      [
        '一、主要指标分工',
        '二、主要任务分工',
        '三、重大工程分工',
        '四、工作要求',
        '三、保障措施',
        '二、强化要素保障',
        '一、坚定不移推动产业转型升级',
      ].map(sectionKindOf),
    ).toEqual(['indicator', 'task', 'project', 'requirement', 'requirement', 'theme', 'theme']);
  });

  it('reads dates printed either way', () => {
    expect(dateOfLine('2022年3月3日')).toBe('2022-03-03');
    expect(dateOfLine('二〇二二年三月三日')).toBe('2022-03-03');
    expect(dateOfLine('2022年13月3日')).toBeNull();
  });

  it('classifies role words', () => {
    expect(
      [
        '牵头单位',
        '责任单位',
        '配合单位',
        '协办单位',
        '参与单位',
        '主办单位',
        '主抓单位',
        '牵头领导',
        '到2025年',
      ].map(classifyLabel),
    ).toEqual(['lead', 'other', 'other', 'other', 'other', 'lead', 'unknown', 'person', null]);
    expect(suffixRole('市直各有关部门按职责分工负责')).toMatchObject({
      length: 7,
      roleClass: 'other',
    });
    expect(suffixRole('市住建局、市自然资源局牵头')).toMatchObject({
      length: 2,
      roleClass: 'lead',
    });
    expect(suffixRole('各县区人民政府负责落实')).toMatchObject({ length: 4, roleClass: 'other' });
    expect(suffixRole('市发改委')).toBeNull();
  });
});
