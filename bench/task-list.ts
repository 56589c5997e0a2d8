// npx tsx bench/task-list.ts
// How long a unit's 任务清单 takes to build, without Neo4j: the first build of each format and the
// median of warm builds, for a unit of the seed's size (74 items, 市发改委) and for much larger
// lists. The import of ExcelJS or docx is timed apart: the server pays it once, on the first
// request of a format.
import { performance } from 'node:perf_hooks';
import type { TaskList } from '../graph/api/task-list/rows.ts';
import { taskListTable } from '../graph/api/task-list/table.ts';

const RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (k: number) => sorted[k] ?? Number.NaN;
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

const unit = (n: number) => ({ name: `市单位${n}局`, englishName: `Bureau ${n}` });

/** A unit's list of `size` items shaped like the seed's: tasks with 4 leads and 6 supports. */
function syntheticList(size: number): TaskList {
  const items = Array.from({ length: size }, (_, index): TaskList['items'][number] => ({
    id: `武汉市-f64b89c6/${index + 1}`,
    ref: `二(${Math.floor(index / 5) + 1})${(index % 5) + 1}`,
    title: `推进第${index + 1}项重点任务落实见效`,
    kind: 'task',
    binding: null,
    theme: `第${Math.floor(index / 5) + 1}个主题:坚持创新驱动发展`,
    project: null,
    edge: index % 3 === 0 ? 'SUPPORTS' : 'LEADS',
    inferred: index % 7 === 0,
    leads: [1, 2, 3, 4].map(unit),
    supports: [5, 6, 7, 8, 9, 10].map(unit),
    deadline: index % 2 === 0 ? '2025年底前' : null,
    dueKind: index % 2 === 0 ? 'date' : null,
    dueDate: index % 2 === 0 ? '2025-12-31' : null,
    dueEvery: null,
    // Every item reported on: the status and note columns are full, as in a working ledger.
    state: {
      itemId: `武汉市-f64b89c6/${index + 1}`,
      ref: `${index + 1}`,
      title: `推进第${index + 1}项重点任务落实见效`,
      kind: 'task',
      status: index % 4 === 0 ? 'late' : 'in-progress',
      percent: null,
      note: '已完成年度目标的72%，正在推进剩余工作，预计年底前完成。',
      lastReportedAt: '2025-11-01T02:00:00.000Z',
      dueKind: index % 2 === 0 ? 'date' : null,
      dueDate: index % 2 === 0 ? '2025-12-31' : null,
      deadline: index % 2 === 0 ? '2025年底前' : null,
      deadlineChanged: false,
      overdue: false,
      dueSoon: false,
    },
  }));
  return {
    plan: {
      title: '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
      jurisdiction: '武汉市',
    },
    unit: { name: '市发改委', englishName: 'Wuhan Municipal Development and Reform Commission' },
    items,
  };
}

async function time(build: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const bytes = await build();
  return { ms: performance.now() - start, bytes: bytes.byteLength };
}

const modules = {
  xlsx: async () => (await import('../graph/api/task-list/xlsx.ts')).taskListXlsx,
  docx: async () => (await import('../graph/api/task-list/docx.ts')).taskListDocx,
};

console.log('format  import     items  first build  warm median  size');
for (const format of ['xlsx', 'docx'] as const) {
  const importStart = performance.now();
  const build = await modules[format]();
  const imported = performance.now() - importStart;
  for (const size of [74, 1_000, 5_000]) {
    const table = taskListTable(syntheticList(size), 'zh');
    const first = await time(() => build(table));
    const warm: number[] = [];
    for (let run = 0; run < (size > 1_000 ? 3 : RUNS); run += 1) {
      warm.push((await time(() => build(table))).ms);
    }
    console.log(
      [
        format.padEnd(6),
        `${imported.toFixed(0).padStart(5)} ms`,
        String(size).padStart(6),
        `${first.ms.toFixed(0).padStart(8)} ms`,
        `${median(warm).toFixed(0).padStart(8)} ms`,
        `${(first.bytes / 1024).toFixed(0)} KB`,
      ].join('  '),
    );
  }
}
