// A deterministic 督办台账 (supervision ledger) as .xlsx bytes, for the parse benchmark: a merged
// title row, a 填报单位/统计截至 row, the header on row 3, a section row merged across the table
// every 50 tasks, 牵头单位 merged down over pairs of rows, 责任单位 on several lines in some
// cells, and deadlines stored as dates under a Chinese date format. Same options, same bytes
// apart from the timestamps ExcelJS writes.
import ExcelJS from 'exceljs';

export interface LedgerOptions {
  /** Task rows (section, title and header rows come on top). */
  rows?: number;
  seed?: number;
}

const UNITS = [
  '市发改委',
  '市科技局',
  '市财政局',
  '市住建局',
  '市水务局',
  '市城管局',
  '市教育局',
  '市卫健委',
  '市商务局',
  '市税务局',
  '市应急局',
  '市生态环境局',
  '市农业农村局',
  '市自然资源和规划局',
  '市数据局',
  '各区人民政府',
];
const LEADERS = ['分管副市长', '常务副市长', '市长', '市长、分管副市长'];
const STATUSES = ['推进中', '已完成', '滞后', '未启动'];
const WORKS = ['实施', '推进', '建设', '开展', '落实', '完善'];
const THINGS = [
  '老旧小区改造',
  '排水管网建设',
  '智慧停车平台',
  '招商引资攻坚',
  '垃圾分类',
  '河湖连通',
];
const SECTION_EVERY = 50;

/** A small PRNG (mulberry32): the same seed gives the same ledger on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function ledgerXlsx(options: LedgerOptions = {}): Promise<Uint8Array> {
  const rows = options.rows ?? 2_000;
  const next = random(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('督办台账');
  sheet.addRow(['示例市重点工作督办台账']);
  sheet.mergeCells('A1:H1');
  sheet.getCell('A2').value = '填报单位：市政府督查室';
  sheet.getCell('E2').value = '统计截至：2023年9月30日';
  sheet.mergeCells('A2:D2');
  sheet.mergeCells('E2:H2');
  sheet.addRow([
    '序号',
    '工作任务',
    '责任领导',
    '牵头单位',
    '责任单位',
    '完成时限',
    '进展情况',
    '状态',
  ]);

  let section = 0;
  let leadAbove = false;
  for (let n = 1; n <= rows; n++) {
    if ((n - 1) % SECTION_EVERY === 0) {
      section++;
      const at = sheet.addRow([`第${section}部分重点工作`]).number;
      sheet.mergeCells(at, 1, at, 8);
    }
    const lead = leadAbove ? null : pick(UNITS);
    const supports = [
      ...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(UNITS))),
    ];
    const row = sheet.addRow([
      n,
      `${pick(WORKS)}${pick(THINGS)}第${n}项，年内完成阶段目标。`,
      pick(LEADERS),
      // Under a merge from the row above: the value is the merge's, not this row's.
      lead,
      supports.join(next() < 0.3 ? '\n' : '、'),
      null,
      `已完成年度目标的${Math.floor(next() * 100)}%。`,
      pick(STATUSES),
    ]);
    const deadline = row.getCell(6);
    if (next() < 0.5) {
      deadline.value = new Date(
        Date.UTC(2023, Math.floor(next() * 12), 1 + Math.floor(next() * 28)),
      );
      deadline.numFmt = 'yyyy"年"m"月"d"日"';
    } else {
      deadline.value = `2023年${1 + Math.floor(next() * 12)}月底`;
    }
    // Every tenth task (not the last of a section) shares its lead with the next, merged down.
    if (leadAbove) sheet.mergeCells(row.number - 1, 4, row.number, 4);
    leadAbove = n % 10 === 0 && n % SECTION_EVERY !== 0 && n < rows;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
