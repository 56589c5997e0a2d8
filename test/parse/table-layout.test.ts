// The table layout on its own: blocks as the structured readers give them (Word, Excel, HTML
// tables — cells with spans and merges resolved), built by hand after examples 06, 07 and 08,
// and tables in text (tab rows, pipe rows, flattened one cell per line with or without "|"
// lines). Each goes through toLines and the one assembler, as parseDocument does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Item, PlanModel } from '../../graph/model/plan.ts';
import { parsePlan, parsePlanLines } from '../../graph/parse/parse-plan.ts';
import type { Block, RowCell } from '../../graph/parse/read/blocks.ts';
import { toLines } from '../../graph/parse/read/to-lines.ts';

const examplesDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'examples',
);

interface ExpectedItem {
  ref: string;
  title: string;
  kind?: string;
  deadline?: string;
  section?: string;
  group?: string;
  leader?: string;
  status?: string;
  progress?: string;
  units: { name: string; role: string; edge: string }[];
}

function expected(name: string): ExpectedItem[] {
  const json = JSON.parse(readFileSync(path.join(examplesDir, name), 'utf8')) as {
    items: ExpectedItem[];
  };
  return json.items;
}

type CellSpec = string | Partial<RowCell>;

function cell(spec: CellSpec): RowCell {
  return typeof spec === 'string'
    ? { text: spec, span: 1, merged: false }
    : { text: '', span: 1, merged: false, ...spec };
}

let blockCount = 0;
const para = (text: string): Block => ({
  kind: 'paragraph',
  text,
  source: { format: 'docx', paragraph: ++blockCount },
});
const row = (table: number, ...cells: CellSpec[]): Block => ({
  kind: 'row',
  table,
  cells: cells.map(cell),
  source: { format: 'docx', table, row: ++blockCount },
});
/** A section row: one cell across the table's five columns. */
const banner = (table: number, text: string, span = 5): Block => row(table, { text, span });
const down = (text: string): Partial<RowCell> => ({ text, merged: true });

function parseBlocks(blocks: Block[]): PlanModel {
  const { text, lines } = toLines(blocks);
  return parsePlanLines(text, lines);
}

/** An item as the expected JSON writes it, the fields it gives and nothing more. */
function shaped(item: Item, like: ExpectedItem) {
  const out: Record<string, unknown> = { ref: item.ref, title: item.title };
  for (const key of [
    'kind',
    'deadline',
    'section',
    'group',
    'leader',
    'status',
    'progress',
  ] as const) {
    // kind and deadline where the example gives them; what a table adds always (undefined too).
    if (key in like || (key !== 'kind' && item[key] !== undefined)) out[key] = item[key];
  }
  out.units = item.units.map((u) => ({ name: u.name, role: u.role, edge: u.edge }));
  return out;
}

function withoutNotes(item: ExpectedItem) {
  const { ...rest } = item as ExpectedItem & { notes?: string };
  delete (rest as { notes?: string }).notes;
  return rest;
}

function problems(model: PlanModel) {
  return model.issues.filter((i) => i.severity !== 'info').map((i) => `${i.code}@${i.line}`);
}

describe('a Word table (example 06 as the docx reader gives it)', () => {
  const blocks: Block[] = [
    para('示例市2023年市政府重点工作任务分工方案'),
    para('示例市人民政府办公室'),
    para('2023年2月16日'),
    para('一、总体要求'),
    para('二、重点任务分工'),
    para('2023年市政府重点工作任务共12项，具体分工见下表。'),
    row(1, '序号', '重点任务', '牵头单位', '配合单位', '完成时限'),
    banner(1, '一、推动经济高质量发展'),
    row(
      1,
      '1',
      '实施制造业重点产业链提升行动，全年新增规模以上工业企业120家。',
      '市工信局',
      '市发改委、市科技局、市财政局',
      '2023年底',
    ),
    row(
      1,
      '2',
      '推进重大项目“季度集中开工”，全年固定资产投资增长8%以上。',
      '市发改委',
      '市财政局、市自然资源和规划局、市住建局',
      '每季度',
    ),
    row(
      1,
      '3',
      '做好地方政府专项债券项目储备，全年争取债券额度60亿元以上。',
      down('市发改委'),
      '市财政局',
      '2023年6月底前',
    ),
    row(
      1,
      '4',
      '开展“十四五”规划实施情况中期评估，形成评估报告提请市人大常委会审议。',
      down('市发改委'),
      '市直各有关部门',
      '2023年9月底前',
    ),
    banner(1, '二、深化改革扩大开放'),
    row(
      1,
      '5',
      '深化“放管服”改革，政务服务事项“一网通办”率达到95%以上。',
      '市政务服务局',
      '市直各有关部门\n各区人民政府',
      '2023年底',
    ),
    row(
      1,
      '6',
      '实施国有企业改革深化提升行动，完成市属国有企业重组整合2户。',
      '市政府国资委',
      '市财政局、市人社局',
      '2024年3月',
    ),
    row(
      1,
      '7',
      '稳住外贸基本盘，全年货物进出口总额增长5%以上。',
      '市商务局',
      '示例海关、市税务局、人民银行示例市分行',
      '每季度',
    ),
    row(
      1,
      '8',
      '加快跨境电商综合试验区建设，新培育跨境电商企业30家。',
      down('市商务局'),
      '市邮政管理局、示例海关',
      '2023年底',
    ),
    banner(1, '三、持续保障和改善民生'),
    row(
      1,
      '9',
      '落实就业优先政策，全年新增城镇就业4.5万人。',
      '市人社局',
      '市发改委、市教育局、市财政局，团市委',
      '2023年底',
    ),
    row(
      1,
      '10',
      '实施城市更新行动，改造城镇老旧小区60个。',
      '市住建局\n市自然资源和规划局',
      '市财政局、各区人民政府',
      '2023年底',
    ),
    row(
      1,
      '11',
      '推进义务教育优质均衡发展，新建改扩建中小学校10所。',
      '市教育局',
      '市发改委、市财政局、市自然资源和规划局',
      '2023年8月底前',
    ),
    row(
      1,
      '12',
      '常态化开展安全生产隐患排查整治，坚决遏制重特大事故发生。',
      '市应急局',
      '市安委会各成员单位',
      '长期坚持',
    ),
    para('注：完成时限为“每季度”的任务，牵头单位须于每季度末月25日前报送工作进展情况。'),
    para('三、保障措施'),
    para('（一）加强组织领导。各牵头单位要将重点工作任务纳入本单位年度工作计划。'),
  ];
  const model = parseBlocks(blocks);
  const want = expected('06-table-word.expected.json').filter((e) => /^\d+$/.test(e.ref));

  it.each(want.map((w) => [w.ref, w] as const))('row %s comes out as expected', (ref, w) => {
    const item = model.items.find((i) => i.ref === ref);
    expect(item, `no item ${ref}`).toBeDefined();
    if (item) expect(shaped(item, w)).toEqual(withoutNotes(w));
  });

  it('makes no item of the section rows or the note under the table', () => {
    expect(model.items.map((i) => i.ref)).toEqual([...want.map((w) => w.ref), '三(一)']);
    expect(model.units.map((u) => u.name)).not.toContain('一、推动经济高质量发展');
    expect(problems(model)).toEqual([]);
  });

  it('normalises each deadline and keeps it as printed', () => {
    const due = Object.fromEntries(model.items.map((i) => [i.ref, [i.deadline, i.due]]));
    expect(due['3']).toEqual(['2023年6月底前', { kind: 'date', date: '2023-06-30' }]);
    expect(due['2']).toEqual(['每季度', { kind: 'recurring', every: 'quarter' }]);
    expect(due['6']).toEqual(['2024年3月', { kind: 'date', date: '2024-03-31' }]);
    expect(due['12']).toEqual(['长期坚持', { kind: 'ongoing' }]);
  });

  it('points every row at its line, its text the row as read', () => {
    const four = model.items.find((i) => i.ref === '4');
    expect(four?.line).toBe(12);
    expect(four?.text.split('\t')).toEqual([
      '4',
      '开展“十四五”规划实施情况中期评估，形成评估报告提请市人大常委会审议。',
      '市发改委',
      '市直各有关部门',
      '2023年9月底前',
    ]);
  });
});

describe('an Excel ledger (example 07 as the sheet reader gives it)', () => {
  const rows: CellSpec[][] = [
    [{ text: '示例市2023年市政府重点工作督办台账', span: 8 }],
    [
      { text: '填报单位：市政府督查室', span: 4 },
      { text: '统计截至：2023年9月30日', span: 4 },
    ],
    ['序号', '工作任务', '责任领导', '牵头单位', '责任单位', '完成时限', '进展情况', '状态'],
    [
      '1',
      '实施科技型企业培育工程，全年新增高新技术企业150家。',
      '分管副市长',
      '市科技局',
      '市财政局、市税务局',
      '2023年12月底',
      '已新增认定高新技术企业108家，完成年度目标的72%。',
      '推进中',
    ],
    [
      '2',
      '实施城镇老旧小区改造，完成改造小区45个。',
      '分管副市长',
      '市住建局',
      '市财政局，各区人民政府',
      '2023年11月底',
      '45个小区已全部开工，完工31个。',
      '推进中',
    ],
    [
      '3',
      '推进城市排水管网建设，新建改造雨污管网80公里。',
      '分管副市长',
      down('市住建局'),
      '市水务局、市城管局',
      '2023年10月底',
      '已建成62公里，剩余18公里受管线迁改影响进度滞后。',
      '滞后',
    ],
    [
      '4',
      '新建改扩建公办幼儿园5所，新增学位1800个。',
      '分管副市长',
      '市教育局',
      '市自然资源和规划局\n市住建局\n市财政局',
      '2023年8月底',
      '5所幼儿园均已竣工验收，9月如期开园。',
      '已完成',
    ],
    [
      '5',
      '推进市第一人民医院新院区建设，年内完成主体结构封顶。',
      '市长、分管副市长',
      '市卫健委',
      '市发改委、市住建局、市财政局',
      '2023年12月底',
      '主体结构已于9月中旬封顶，正在开展机电安装。',
      '已完成',
    ],
    [
      '6',
      '开展招商引资攻坚行动，全年引进亿元以上项目80个。',
      '常务副市长',
      '市商务局',
      '市发改委、市投资促进中心、各区人民政府',
      '2023年12月底',
      '已签约亿元以上项目57个，协议总投资312亿元。',
      '推进中',
    ],
    [
      '7',
      '实施河湖水系连通工程，完成河道清淤疏浚15公里。',
      '分管副市长',
      '市水务局',
      '市生态环境局、市农业农村局',
      '2023年6月30日',
      '已完成清淤疏浚15.4公里，6月下旬通过竣工验收。',
      '已完成',
    ],
    [
      '8',
      '推进生活垃圾分类，实现城区居民小区分类设施全覆盖。',
      '分管副市长',
      '市城管局',
      '各区人民政府',
      '2023年12月底',
      '城区居民小区覆盖率达到83%，部分老旧小区分类设施尚未配齐。',
      '滞后',
    ],
    [
      '9',
      '建设智慧停车管理平台，新增公共停车泊位5000个。',
      '分管副市长',
      '市公安局交警支队',
      '市城管局、市数据局',
      '2024年3月底',
      '平台建设方案正在履行审批程序，尚未开工建设。',
      '未启动',
    ],
    [
      '10',
      '落实结构性减税降费政策，确保各项优惠政策应享尽享。',
      '常务副市长',
      '',
      '市税务局、市财政局',
      '长期坚持',
      '前三季度累计新增减税降费及退税缓费18.6亿元。',
      '推进中',
    ],
    [
      '11',
      '开展安全生产治本攻坚行动，全面排查整治重大事故隐患。',
      '市长',
      '市应急局',
      '市安委会各成员单位',
      '长期坚持',
      '第三季度排查整改一般隐患1260处，挂牌督办重大隐患3处。',
      '推进中',
    ],
    [{ text: '备注：进展情况由各牵头单位于每月25日前报送，市政府督查室汇总更新。', span: 8 }],
  ];
  const model = parseBlocks(rows.map((cells) => row(1, ...cells)));
  const want = expected('07-ledger.expected.json');

  it.each(want.map((w) => [w.ref, w] as const))('row %s comes out as expected', (ref, w) => {
    const item = model.items.find((i) => i.ref === ref);
    expect(item, `no item ${ref}`).toBeDefined();
    if (item) expect(shaped(item, w)).toEqual(withoutNotes(w));
  });

  it('finds the header on the third row; the title, 填报单位 and 备注 rows are no items', () => {
    expect(model.items.map((i) => i.ref)).toEqual(want.map((w) => w.ref));
    expect(model.plan.title).toBe('示例市2023年市政府重点工作督办台账');
    expect(model.units.map((u) => u.name)).not.toContain('市政府督查室');
    expect(problems(model)).toEqual([]);
  });

  it('keeps leaders as persons, never units, split on 、', () => {
    const five = model.items.find((i) => i.ref === '5');
    expect(five).toMatchObject({ leader: '市长、分管副市长', leaders: ['市长', '分管副市长'] });
    expect(model.units.map((u) => u.name)).not.toContain('市长');
    expect(model.issues.filter((i) => i.code === 'person-named')).toEqual([
      expect.objectContaining({ line: 3, severity: 'info' }),
    ]);
  });

  it('lets the 责任单位 own a row whose 牵头单位 is empty, marking the edges inferred', () => {
    const ten = model.items.find((i) => i.ref === '10');
    expect(ten?.units.map((u) => [u.name, u.edge, u.inferred])).toEqual([
      ['市税务局', 'LEADS', true],
      ['市财政局', 'LEADS', true],
    ]);
    const three = model.items.find((i) => i.ref === '3');
    expect(three?.units.every((u) => !u.inferred)).toBe(true);
  });
});

describe('an HTML table after body text (example 08 as the web reader gives it)', () => {
  const blocks: Block[] = [
    para('示例市2024年数字政府建设工作要点'),
    para('一、夯实数字基础设施'),
    para(
      '（一）完善政务云平台。推动市级部门非涉密业务系统应上尽上。（市数据局牵头，市财政局、市委网信办配合）',
    ),
    para('四、抓好重点项目建设'),
    para('附件：示例市2024年数字政府建设重点项目责任分工表'),
    row(2, '序号', '项目名称', '牵头单位', '配合单位', '完成时间'),
    banner(2, '一、基础支撑类'),
    row(2, '1', '市级政务云扩容工程，新增计算资源2000核', '市数据局', '市财政局', '2024年9月'),
    row(
      2,
      '2',
      '政务数据共享交换平台升级，新增共享数据目录500条',
      down('市数据局'),
      '市直各有关部门',
      '2024年6月',
    ),
    row(
      2,
      '3',
      '城市运行管理服务平台二期，接入城市运行体征指标300项',
      down('市数据局'),
      '市城管局、市应急局',
      '2024年12月',
    ),
    banner(2, '二、应用场景类'),
    row(
      2,
      '4',
      '“示例通”城市服务平台升级，上线高频服务事项100项',
      '市政务服务局',
      '市卫健委、市医保局、市人社局',
      '2024年6月',
    ),
    row(2, '5', '智慧医保结算平台建设', '市医保局', ' ', '2024年10月'),
    row(
      2,
      '6',
      '中小学智慧校园建设，建成智慧校园示范校30所',
      '市教育局',
      '各区人民政府',
      '2024年底',
    ),
    row(
      2,
      '7',
      '智慧交通信号控制系统，完成主城区200个路口信号配时优化',
      '市公安局交警支队',
      '市交通运输局、\n市城管局',
      '2024年11月',
    ),
  ];
  const model = parseBlocks(blocks);
  const want = expected('08-web-page.expected.json').filter((e) => /^\d+$/.test(e.ref));

  it.each(want.map((w) => [w.ref, w] as const))('row %s comes out as expected', (ref, w) => {
    const item = model.items.find((i) => i.ref === ref);
    expect(item, `no item ${ref}`).toBeDefined();
    if (item) expect(shaped(item, w)).toEqual(withoutNotes(w));
  });

  it('keeps the serials as refs and makes the rows projects (项目名称)', () => {
    const rows = model.items.filter((i) => /^\d+$/.test(i.ref));
    expect(rows.map((i) => i.ref)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows.every((i) => i.kind === 'project')).toBe(true);
    expect(model.items.find((i) => i.ref === '一(一)')?.units.map((u) => u.name)).toEqual([
      '市数据局',
      '市财政局',
      '市委网信办',
    ]);
  });
});

describe('header words, merges and rows of the genre', () => {
  const table = (...rows: CellSpec[][]) =>
    parseBlocks([para('示例市重点工作任务分工方案'), ...rows.map((cells) => row(1, ...cells))]);
  const units = (item: Item | undefined) =>
    item?.units.map((u) => `${u.name}:${u.role}:${u.edge}${u.inferred ? '*' : ''}`);

  it('reads any column order and the synonyms planners use', () => {
    const model = table(
      ['完成时间', '协同责任单位', '任务举措', '牵头责任单位', '编号'],
      ['2024年6月', '区财政局', '建设数据中心，提升算力', '区数据局', '1'],
      ['持续推进', '区教育局、区卫健局', '推进公共服务数字化', '区政务服务局', '2'],
    );
    expect(model.items.map((i) => [i.ref, i.title, i.deadline, units(i)])).toEqual([
      [
        '1',
        '建设数据中心',
        '2024年6月',
        ['区数据局:牵头责任单位:LEADS', '区财政局:协同责任单位:SUPPORTS'],
      ],
      [
        '2',
        '推进公共服务数字化',
        '持续推进',
        [
          '区政务服务局:牵头责任单位:LEADS',
          '区教育局:协同责任单位:SUPPORTS',
          '区卫健局:协同责任单位:SUPPORTS',
        ],
      ],
    ]);
    expect(problems(model)).toEqual([]);
  });

  it('makes 责任单位 a lead with no 牵头 column, a support beside one', () => {
    const alone = table(
      ['序号', '工作内容', '责任单位', '时间节点'],
      ['1', '开展专项整治', '市公安局、市市场监管局', '2023年底'],
    );
    expect(units(alone.items[0])).toEqual([
      '市公安局:责任单位:LEADS*',
      '市市场监管局:责任单位:LEADS*',
    ]);
    const beside = table(
      ['序号', '工作内容', '主责单位', '责任单位'],
      ['1', '开展专项整治', '市公安局', '市市场监管局'],
    );
    expect(units(beside.items[0])).toEqual([
      '市公安局:主责单位:LEADS',
      '市市场监管局:责任单位:SUPPORTS',
    ]);
  });

  it('takes a unit marked (牵头) in a 责任单位 cell as the lead', () => {
    const model = table(
      ['序号', '具体措施', '责任单位', '完成时限'],
      ['1', '完善应急预案体系', '市应急局（牵头）、市公安局、市消防救援支队', '2023年6月'],
    );
    expect(units(model.items[0])).toEqual([
      '市应急局:牵头:LEADS',
      '市公安局:责任单位:SUPPORTS',
      '市消防救援支队:责任单位:SUPPORTS',
    ]);
  });

  it('reads role labels inside a cell, and a person in a unit cell as the leader', () => {
    const model = table(
      ['序号', '重点任务', '责任单位'],
      ['1', '推进某项工作', '牵头：市发改委；配合：市财政局、市统计局'],
      ['2', '推进另一项工作', '副市长赵某某、市教育局'],
    );
    expect(units(model.items[0])).toEqual([
      '市发改委:牵头:LEADS',
      '市财政局:配合:SUPPORTS',
      '市统计局:配合:SUPPORTS',
    ]);
    expect(model.items[1]).toMatchObject({ leader: '副市长赵某某', leaders: ['副市长赵某某'] });
    expect(units(model.items[1])).toEqual(['市教育局:责任单位:LEADS*']);
  });

  it('takes the first-listed rule from the header or a note under the table', () => {
    const header = table(
      ['序号', '重点任务', '责任单位（列第一位的为牵头单位）'],
      ['1', '推进某项工作', '市发改委、市财政局'],
    );
    expect(units(header.items[0])).toEqual([
      '市发改委:责任单位:LEADS',
      '市财政局:责任单位:SUPPORTS',
    ]);
    const note = parseBlocks([
      para('示例市重点工作任务分工方案'),
      row(1, '序号', '重点任务', '责任单位'),
      row(1, '1', '推进某项工作', '市发改委、市财政局'),
      row(1, '2', '推进另一项工作', '市教育局、市人社局'),
      para('注：列第一位的单位为牵头单位。'),
    ]);
    expect(note.items.map(units)).toEqual([
      ['市发改委:责任单位:LEADS', '市财政局:责任单位:SUPPORTS'],
      ['市教育局:责任单位:LEADS', '市人社局:责任单位:SUPPORTS'],
    ]);
    expect(problems(note)).toEqual([]);
  });

  it('reads a two-row header (责任单位 over 牵头单位 | 配合单位) and skips a repeated header', () => {
    const model = table(
      ['序号', '重点任务', { text: '责任单位', span: 2 }, '完成时限'],
      [down('序号'), down('重点任务'), '牵头单位', '配合单位', down('完成时限')],
      ['1', '推进某项工作', '市发改委', '市财政局', '2023年底'],
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['2', '推进另一项工作', '市教育局', '市人社局', '2024年底'],
    );
    expect(model.items.map((i) => [i.ref, units(i)])).toEqual([
      ['1', ['市发改委:牵头单位:LEADS', '市财政局:配合单位:SUPPORTS']],
      ['2', ['市教育局:牵头单位:LEADS', '市人社局:配合单位:SUPPORTS']],
    ]);
  });

  it('reads one item from rows merged down its serial and text, each with units', () => {
    const model = table(
      ['序号', '重点任务', '牵头单位', '配合单位'],
      ['1', '推进某项工作', '市发改委', '市财政局'],
      [down('1'), down('推进某项工作'), '市教育局', '市人社局'],
      ['2', '推进另一项工作', '市住建局', ''],
    );
    expect(model.items.map((i) => [i.ref, units(i)])).toEqual([
      [
        '1',
        [
          '市发改委:牵头单位:LEADS',
          '市财政局:配合单位:SUPPORTS',
          '市教育局:牵头单位:LEADS',
          '市人社局:配合单位:SUPPORTS',
        ],
      ],
      ['2', ['市住建局:牵头单位:LEADS']],
    ]);
  });

  it('keeps group rows that name a person apart from section rows', () => {
    const model = table(
      ['序号', '重点工作', '责任单位'],
      [{ text: '一、经济发展', span: 3 }],
      [{ text: '（一）王某某市长牵头重点工作', span: 3 }],
      ['1', '稳增长', '市发改委'],
      [{ text: '（二）李某某副市长牵头重点工作', span: 3 }],
      ['2', '促消费', '市商务局'],
      [{ text: '二、民生保障', span: 3 }],
      ['3', '稳就业', '市人社局'],
    );
    expect(model.items.map((i) => [i.ref, i.section, i.group])).toEqual([
      ['1', '一、经济发展', '（一）王某某市长牵头重点工作'],
      ['2', '一、经济发展', '（二）李某某副市长牵头重点工作'],
      ['3', '二、民生保障', undefined],
    ]);
    expect(model.units.map((u) => u.name)).toEqual(['市发改委', '市商务局', '市人社局']);
  });

  it('prefixes serials with their section where each section numbers from 1', () => {
    const model = table(
      ['序号', '重点任务', '牵头单位'],
      [{ text: '一、经济发展', span: 3 }],
      ['1', '稳增长', '市发改委'],
      ['2', '促消费', '市商务局'],
      [{ text: '二、民生保障', span: 3 }],
      ['1', '稳就业', '市人社局'],
    );
    expect(model.items.map((i) => i.ref)).toEqual(['一1', '一2', '二1']);
    expect(problems(model)).toEqual([]);
  });

  it('reads indicators, their binding and a 属性 column', () => {
    const model = table(
      ['序号', '指标名称', '指标属性', '牵头单位'],
      ['1', '森林覆盖率达到40%', '约束性', '市林业局'],
      ['2', '地区生产总值增长6%左右', '预期性', '市发改委'],
    );
    expect(model.items.map((i) => [i.kind, i.binding, i.target?.value])).toEqual([
      ['indicator', true, 40],
      ['indicator', false, 6],
    ]);
  });

  it('keeps a detail column out of the title and an unknown column out of the way', () => {
    const model = table(
      ['序号', '重点任务', '工作目标', '类别', '牵头单位', '备注'],
      ['1', '推进城市更新', '完成改造60个小区', '民生', '市住建局', '新增'],
    );
    expect(model.items[0]).toMatchObject({ ref: '1', title: '推进城市更新' });
    expect(units(model.items[0])).toEqual(['市住建局:牵头单位:LEADS']);
  });

  it('reports cells beyond the header and reads a table with no header as text', () => {
    const wide = table(
      ['序号', '重点任务', '牵头单位'],
      ['1', '推进某项工作', '市发改委', '多出的一格'],
    );
    expect(wide.issues.filter((i) => i.code === 'table-row-shape')).toEqual([
      expect.objectContaining({ line: 3, severity: 'warning' }),
    ]);
    const headless = parseBlocks([
      para('示例市方案'),
      row(1, '发布机构：', '示例市人民政府办公室'),
      row(1, '成文日期：', '2024年03月12日'),
    ]);
    expect(headless.items).toEqual([]);
    expect(headless.issues.map((i) => i.code)).toContain('no-items');
  });
});

describe('tables in text', () => {
  const units = (item: Item | undefined) =>
    item?.units.map((u) => `${u.name}:${u.role}:${u.edge}${u.inferred ? '*' : ''}`);

  it('reads a tab table with section rows between its rows', () => {
    const model = parsePlan(
      '示例区分工表\n\n序号\t主要任务\t牵头单位\t协办单位\t完成时限\n' +
        '一、科技创新\n' +
        '1\t建设科创中心\t区科技局\t区发改局\t2025年\n' +
        '二、城市更新\n' +
        '2\t推进老城更新\t区住建局\t区城管局\t持续推进\n',
    );
    expect(model.items.map((i) => [i.ref, i.kind, i.section, units(i)])).toEqual([
      ['1', 'task', '一、科技创新', ['区科技局:牵头单位:LEADS', '区发改局:协办单位:SUPPORTS']],
      ['2', 'task', '二、城市更新', ['区住建局:牵头单位:LEADS', '区城管局:协办单位:SUPPORTS']],
    ]);
    expect(problems(model)).toEqual([]);
  });

  it('reads a pipe table, one row per line, Markdown rule and all', () => {
    const model = parsePlan(
      '示例区分工表\n\n| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n' +
        '| 1 | 建设科创中心 | 区科技局 | 区发改局、区财政局 |\n| 2 | 推进老城更新 | 区住建局 | |\n',
    );
    expect(model.items.map((i) => [i.ref, i.title, units(i)])).toEqual([
      [
        '1',
        '建设科创中心',
        ['区科技局:牵头单位:LEADS', '区发改局:配合单位:SUPPORTS', '区财政局:配合单位:SUPPORTS'],
      ],
      ['2', '推进老城更新', ['区住建局:牵头单位:LEADS']],
    ]);
    expect(problems(model)).toEqual([]);
  });

  it('reads a web table pasted one cell per line with "|" lines, groups and an empty cell', () => {
    const model = parsePlan(
      [
        '示例市重点工作分工',
        '',
        '表中列第一位的责任单位为牵头单位。',
        '',
        '序号',
        '|',
        '重点工作',
        '|',
        '责任单位',
        '|',
        '完成时限',
        '(一)王某某市长牵头重点工作',
        '1',
        '|',
        '编制投资计划,全年投资增长10%。',
        '|',
        '市发改委、市财政局',
        '|',
        '2023年12月',
        '2',
        '|',
        '创建园林城市。',
        '|',
        '市园林局 ',
        '|',
        '',
        '(二)李某某副市长牵头重点工作',
        '3',
        '|',
        '加强财源建设。',
        '|',
        '市财政局、市税务局',
        '|',
        '长期坚持',
        '',
        '分享到:',
      ].join('\n'),
    );
    expect(model.items.map((i) => [i.ref, i.title, i.group, i.deadline, units(i)])).toEqual([
      [
        '1',
        '编制投资计划',
        '(一)王某某市长牵头重点工作',
        '2023年12月',
        ['市发改委:责任单位:LEADS', '市财政局:责任单位:SUPPORTS'],
      ],
      ['2', '创建园林城市', '(一)王某某市长牵头重点工作', undefined, ['市园林局:责任单位:LEADS']],
      [
        '3',
        '加强财源建设',
        '(二)李某某副市长牵头重点工作',
        '长期坚持',
        ['市财政局:责任单位:LEADS', '市税务局:责任单位:SUPPORTS'],
      ],
    ]);
    expect(problems(model)).toEqual([]);
  });

  it('reads a table flattened one cell per line with a section line between rows', () => {
    const model = parsePlan(
      '示例区重点任务分工表\n\n序号\n主要任务\n牵头单位\n责任单位\n' +
        '一、科技创新\n1\n建设区域科技创新中心\n区科技局\n区发改局\n' +
        '二、城市更新\n2\n推进老城区有机更新\n区住建局\n各街道办事处\n',
    );
    expect(model.items.map((i) => [i.ref, i.section, units(i)])).toEqual([
      ['1', '一、科技创新', ['区科技局:牵头单位:LEADS', '区发改局:责任单位:SUPPORTS']],
      ['2', '二、城市更新', ['区住建局:牵头单位:LEADS', '各街道办事处:责任单位:SUPPORTS']],
    ]);
  });

  it('gives the second table numbered from 1 its heading in the ref', () => {
    const model = parsePlan(
      '示例市方案\n\n一、重点任务\n\n序号\t重点任务\t牵头单位\n1\t任务甲\t市发改委\n\n' +
        '二、重点项目\n\n序号\t项目名称\t牵头单位\n1\t项目乙\t市住建局\n',
    );
    expect(model.items.map((i) => [i.ref, i.kind])).toEqual([
      ['1', 'task'],
      ['二1', 'project'],
    ]);
    expect(problems(model)).toEqual([]);
  });
});
