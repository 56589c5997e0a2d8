// Property: a task-division table comes back as the same items however it is laid out — any
// column order, any of the header words planners use, lead cells merged down, section rows,
// units split by 、 ， or line breaks — and whether it arrives as a real table (cells, as the
// Word/Excel/HTML readers give it), as tab-separated text or as a web table pasted one cell per
// line with "|" lines between the cells.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanModel } from '../../graph/model/plan.ts';
import { parsePlan, parsePlanLines } from '../../graph/parse/parse-plan.ts';
import type { Block, RowCell } from '../../graph/parse/read/blocks.ts';
import { toLines } from '../../graph/parse/read/to-lines.ts';

const SEED = 20_240_612;

const WORDS = {
  ref: ['序号', '编号'],
  text: ['重点任务', '主要任务', '工作任务', '工作内容', '具体措施', '任务举措'],
  lead: ['牵头单位', '牵头部门', '主责单位', '牵头责任单位'],
  support: ['配合单位', '协办单位', '参与单位', '协同责任单位', '责任单位'],
  deadline: ['完成时限', '时间节点', '完成时间'],
  leader: ['责任领导', '牵头领导', '分管领导'],
  status: ['状态'],
  progress: ['进展情况'],
} as const;
type Column = keyof typeof WORDS;

const UNITS = [
  '市发改委',
  '市财政局',
  '市教育局',
  '市住建局',
  '市商务局',
  '市科技局',
  '市人社局',
  '市卫健委',
  '市交通运输局',
  '市农业农村局',
  '各区人民政府',
  '市直各有关部门',
];
const DEADLINES: [string, unknown][] = [
  ['2023年底', { kind: 'date', date: '2023-12-31' }],
  ['2024年6月底前', { kind: 'date', date: '2024-06-30' }],
  ['2024年3月', { kind: 'date', date: '2024-03-31' }],
  ['每季度', { kind: 'recurring', every: 'quarter' }],
  ['长期坚持', { kind: 'ongoing' }],
  ['持续推进', { kind: 'ongoing' }],
  ['', undefined],
];
const LEADERS = ['分管副市长', '市长、常务副市长', '常务副市长'];
const SECTIONS = ['一、推动经济高质量发展', '二、深化改革扩大开放', '三、持续保障和改善民生'];

interface Row {
  title: string;
  detail: string;
  leads: string[];
  supports: string[];
  deadline: number;
  leader: number;
  status: string;
  /** A section row stands above this one. */
  section: boolean;
  /** The lead cell is merged down from the row above (same units). */
  mergedLead: boolean;
  separator: string;
}

const rowArb = fc
  .record({
    title: fc.constantFrom('实施', '推进', '加快', '深化', '完善', '开展'),
    object: fc.constantFrom(
      '产业链提升行动',
      '城市更新',
      '数字政府建设',
      '就业优先政策',
      '营商环境优化',
    ),
    detail: fc.constantFrom('全年完成目标', '新增项目10个', '覆盖率达到90%以上'),
    units: fc.shuffledSubarray(UNITS, { minLength: 1, maxLength: 5 }),
    leadCount: fc.integer({ min: 0, max: 2 }),
    deadline: fc.integer({ min: 0, max: DEADLINES.length - 1 }),
    leader: fc.integer({ min: 0, max: LEADERS.length - 1 }),
    status: fc.constantFrom('推进中', '已完成', '滞后'),
    section: fc.boolean(),
    mergedLead: fc.boolean(),
    separator: fc.constantFrom('、', '，', '\n'),
  })
  .map((r): Row => ({
    title: `${r.title}${r.object}`,
    detail: r.detail,
    leads: r.units.slice(0, Math.min(r.leadCount, r.units.length - 1 || 1)),
    supports: r.units.slice(Math.min(r.leadCount, r.units.length - 1 || 1)),
    deadline: r.deadline,
    leader: r.leader,
    status: r.status,
    section: r.section,
    mergedLead: r.mergedLead,
    separator: r.separator,
  }));

const tableArb = fc.record({
  columns: fc
    .record({
      support: fc.boolean(),
      deadline: fc.boolean(),
      leader: fc.boolean(),
      ledger: fc.boolean(),
    })
    .chain((has) => {
      const columns: Column[] = ['ref', 'text', 'lead'];
      if (has.support) columns.push('support');
      if (has.deadline) columns.push('deadline');
      if (has.leader) columns.push('leader');
      if (has.ledger) columns.push('status', 'progress');
      return fc.shuffledSubarray(columns, { minLength: columns.length });
    }),
  words: fc.record(
    Object.fromEntries(
      Object.entries(WORDS).map(([k, words]) => [k, fc.constantFrom(...words)]),
    ) as { [K in Column]: fc.Arbitrary<string> },
  ),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 8 }),
  shape: fc.constantFrom('cells', 'tab', 'piped'),
});

type Table = typeof tableArb extends fc.Arbitrary<infer T> ? T : never;

/** Titles are made unique by their number, so that no two items read alike. */
function titleOf(table: Table, i: number): string {
  return `${(table.rows[i] as Row).title}${i + 1}`;
}

/**
 * The units a row names: with no support column, its lead cell names them all (never none); a
 * lead cell merged down (real tables only) names the row above's.
 */
function unitsOf(table: Table, i: number): { leads: string[]; supports: string[] } {
  const row = table.rows[i] as Row;
  if (
    table.shape === 'cells' &&
    row.mergedLead &&
    i > 0 &&
    unitsOf(table, i - 1).leads.length > 0
  ) {
    return {
      leads: unitsOf(table, i - 1).leads,
      supports: unitsOf({ ...table, shape: 'tab' }, i).supports,
    };
  }
  if (table.columns.includes('support')) return { leads: row.leads, supports: row.supports };
  return { leads: row.leads.length > 0 ? row.leads : row.supports.slice(0, 1), supports: [] };
}

/** What each cell of a row holds, by column, as the planner wrote it. */
function cellsOf(table: Table, i: number, lines: boolean): string[] {
  const row = table.rows[i] as Row;
  const sep = lines ? row.separator : row.separator === '\n' ? '、' : row.separator;
  const { leads, supports } = unitsOf(table, i);
  return table.columns.map((column) => {
    switch (column) {
      case 'ref':
        return String(i + 1);
      case 'text':
        return `${titleOf(table, i)}，${row.detail}。`;
      case 'lead':
        return leads.join(sep);
      case 'support':
        return supports.join(sep);
      case 'deadline':
        return DEADLINES[row.deadline]?.[0] ?? '';
      case 'leader':
        return LEADERS[row.leader] ?? '';
      case 'status':
        return row.status;
      case 'progress':
        return `已完成年度目标的${(i + 1) * 10}%。`;
    }
  });
}

function sectionsOf(table: Table): (string | undefined)[] {
  let n = -1;
  return table.rows.map((row) => {
    if (row.section && n < SECTIONS.length - 1) n++;
    return n === -1 ? undefined : SECTIONS[n];
  });
}

/** The rows where a section row is printed above. */
function opensSection(table: Table, i: number): string | undefined {
  const sections = sectionsOf(table);
  return sections[i] !== (i === 0 ? undefined : sections[i - 1]) ? sections[i] : undefined;
}

function render(table: Table): PlanModel {
  const header = table.columns.map((c) => table.words[c]);
  const width = header.length;
  const title = '示例市2023年重点工作任务分工方案';
  if (table.shape === 'cells') {
    const blocks: Block[] = [
      { kind: 'paragraph', text: title, source: { format: 'docx', paragraph: 1 } },
    ];
    const row = (cells: RowCell[]): Block => ({
      kind: 'row',
      table: 1,
      cells,
      source: { format: 'docx', table: 1, row: blocks.length },
    });
    blocks.push(row(header.map((text) => ({ text, span: 1, merged: false }))));
    for (const [i, r] of table.rows.entries()) {
      const section = opensSection(table, i);
      if (section) blocks.push(row([{ text: section, span: width, merged: false }]));
      const merged = r.mergedLead && i > 0;
      blocks.push(
        row(
          cellsOf(table, i, true).map((text, c) => ({
            text,
            span: 1,
            merged: merged && table.columns[c] === 'lead',
          })),
        ),
      );
    }
    const { text, lines } = toLines(blocks);
    return parsePlanLines(text, lines);
  }
  const lines = [title, ''];
  if (table.shape === 'tab') {
    lines.push(header.join('\t'));
    for (const i of table.rows.keys()) {
      const section = opensSection(table, i);
      if (section) lines.push(section);
      lines.push(cellsOf(table, i, false).join('\t'));
    }
  } else {
    lines.push(header.join('\n|\n'));
    for (const i of table.rows.keys()) {
      const section = opensSection(table, i);
      if (section) lines.push(section);
      lines.push(cellsOf(table, i, false).join('\n|\n'));
    }
  }
  return parsePlan(lines.join('\n'));
}

/** The items the table holds, as the planner meant them. */
function meant(table: Table) {
  const sections = sectionsOf(table);
  const has = (c: Column) => table.columns.includes(c);
  return table.rows.map((row, i) => {
    const units = unitsOf(table, i);
    const leads = units.leads;
    const supports = units.supports.filter((s) => !leads.includes(s));
    const owned = leads.length === 0;
    const edges = [
      ...leads.map((name) => [name, table.words.lead, 'LEADS', false]),
      ...supports.map((name) => [name, table.words.support, owned ? 'LEADS' : 'SUPPORTS', owned]),
    ];
    const [printed, due] = DEADLINES[row.deadline] ?? ['', undefined];
    const leader = has('leader') ? LEADERS[row.leader] : undefined;
    return {
      ref: String(i + 1),
      title: titleOf(table, i),
      section: sections[i],
      deadline: has('deadline') && printed !== '' ? printed : undefined,
      due: has('deadline') ? due : undefined,
      leader,
      leaders: leader?.split('、'),
      status: has('status') ? row.status : undefined,
      units: edges,
    };
  });
}

function read(model: PlanModel) {
  return model.items.map((item) => ({
    ref: item.ref,
    title: item.title,
    section: item.section,
    deadline: item.deadline,
    due: item.due,
    leader: item.leader,
    leaders: item.leaders,
    status: item.status,
    units: item.units.map((u) => [u.name, u.role, u.edge, u.inferred]),
  }));
}

describe('tables in any layout', () => {
  it('come back as the same items, units, roles, edges and deadlines', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const model = render(table);
        expect(read(model)).toEqual(meant(table));
        expect(model.issues.filter((i) => i.severity !== 'info')).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('read the same from every shape', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const cells = read(render({ ...table, shape: 'cells' }));
        const tab = read(render({ ...table, shape: 'tab' }));
        const piped = read(render({ ...table, shape: 'piped' }));
        // A merged cell exists only in a real table; text repeats the unit.
        const unmerged = { ...table, rows: table.rows.map((r) => ({ ...r, mergedLead: false })) };
        expect(tab).toEqual(piped);
        expect(read(render({ ...unmerged, shape: 'cells' }))).toEqual(tab);
        expect(cells.map((c) => c.ref)).toEqual(tab.map((t) => t.ref));
      }),
      { seed: SEED + 1, numRuns: 60 },
    );
  });
});
