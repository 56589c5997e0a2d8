// The responsibility matrix without a browser: cells and totals counted from the plan's own
// LEADS/SUPPORTS edges (inferred leads apart), the explorer's filters applied, items outside the
// themes grouped so a row's totals are the unit's whole load; the orders (load, pinyin, a column,
// clustered) and the CSV in the planner's words. The matrix over plans: built from the server's
// rows (portfolio-by-plan), each cell a plan's figures, each row's totals their sums.
import { describe, expect, it } from 'vitest';
import type { PlansMatrixAnswer, UnitPlanCell } from '../../contract/api/plans-matrix.ts';
import type { PlanSummary } from '../../contract/api/plans.ts';
import { columnLabel } from '../../web/src/matrix/labels.ts';
import { buildPlansMatrix } from '../../web/src/matrix/plans-matrix.ts';
import { readMatrixView, writeMatrixView } from '../../web/src/state/matrix.ts';
import { indexElements } from '../../web/src/graph/plan-index.ts';
import { shadeOf } from '../../web/src/matrix/draw-table.ts';
import { matrixInWords } from '../../web/src/matrix/matrix-csv.ts';
import {
  buildMatrix,
  filterKey,
  matrixEdges,
  type Matrix,
} from '../../web/src/matrix/matrix-data.ts';
import { orderMatrix } from '../../web/src/matrix/order.ts';
import { seriate } from '../../web/src/matrix/seriation.ts';
import { toCsv } from '../../web/src/export/table-data.ts';
import { DEFAULT_VIEW, type ViewState } from '../../web/src/state/view.ts';
import {
  DISTRICTS,
  FGW,
  INDICATOR,
  JXJ,
  KJJ,
  PARTY,
  plan,
  planNodeIds,
  SUB_1,
  SUB_2,
  TASK_A1,
  TASK_A2,
  TASK_A2_PART,
  TASK_B1,
  THEME_A,
  THEME_B,
} from './fixture.ts';

const index = indexElements(plan);

function matrixOf(patch: Partial<ViewState> = {}, lang: 'zh' | 'en' = 'zh'): Matrix {
  const view = { ...DEFAULT_VIEW, ...patch };
  return buildMatrix(index, matrixEdges(index, planNodeIds, view), {
    by: view.matrixColumns,
    lang,
  });
}

/** A row as figures: totals, then each cell as [leads, inferred, supports]. */
function figures(matrix: Matrix, unit: string) {
  const row = matrix.rows.find((each) => each.id === unit);
  if (row === undefined) return undefined;
  return {
    leads: row.leads,
    inferredLeads: row.inferredLeads,
    supports: row.supports,
    load: row.load,
    cells: Object.fromEntries(
      [...row.cells].map(([key, cell]) => [key, [cell.leads, cell.inferredLeads, cell.supports]]),
    ),
  };
}

describe('the matrix of a plan', () => {
  it('counts each unit’s leads (inferred apart) and supports per theme, the rest by group', () => {
    const matrix = matrixOf();
    // Plan order: indicators (一) before the themes (二), projects (三) after.
    expect(matrix.columns.map((column) => column.key)).toEqual([
      'group:indicator',
      THEME_A,
      THEME_B,
      'group:project',
    ]);
    expect(figures(matrix, FGW)).toEqual({
      leads: 4,
      inferredLeads: 1,
      supports: 0,
      load: 4,
      cells: { 'group:indicator': [1, 0, 0], [THEME_A]: [1, 0, 0], 'group:project': [2, 1, 0] },
    });
    expect(figures(matrix, JXJ)).toEqual({
      leads: 1,
      inferredLeads: 0,
      supports: 2,
      load: 2,
      cells: { 'group:indicator': [0, 0, 1], [THEME_A]: [1, 0, 0], 'group:project': [0, 0, 1] },
    });
    // A task's second part counts under the task's theme.
    expect(figures(matrix, DISTRICTS)?.cells).toEqual({ [THEME_A]: [1, 1, 1] });
    expect(figures(matrix, KJJ)?.cells).toEqual({ [THEME_A]: [0, 0, 1], [THEME_B]: [1, 1, 0] });
    expect(matrix.maxCellLoad).toBe(2);
  });

  it('has, in every row, as many leads and supports as the plan has edges from the unit', () => {
    const matrix = matrixOf();
    for (const row of matrix.rows) {
      const from = plan.edges.filter((edge) => edge.data.source === row.id);
      expect(row.leads).toBe(from.filter((edge) => edge.data.type === 'LEADS').length);
      expect(row.supports).toBe(from.filter((edge) => edge.data.type === 'SUPPORTS').length);
      const cells = [...row.cells.values()];
      expect(cells.reduce((sum, cell) => sum + cell.items.length, 0)).toBe(from.length);
    }
    expect(matrix.rows).toHaveLength(5);
  });

  it('lists a cell’s items in plan order with their roles', () => {
    const cell = matrixOf()
      .rows.find((row) => row.id === FGW)
      ?.cells.get('group:project');
    expect(cell?.items.map((item) => [item.id, item.role])).toEqual([
      [SUB_1, 'owner'],
      [SUB_2, 'lead'],
    ]);
    const districts = matrixOf()
      .rows.find((row) => row.id === DISTRICTS)
      ?.cells.get(THEME_A);
    expect(districts?.items.map((item) => [item.id, item.role])).toEqual([
      [TASK_A1, 'support'],
      [TASK_A2_PART, 'owner'],
    ]);
  });

  it('follows the explorer’s filters: roles, theme, kinds, categories, collectives, hidden', () => {
    const supports = matrixOf({ roles: ['support'] });
    expect(supports.rows.map((row) => row.id).sort()).toEqual([DISTRICTS, JXJ, KJJ].sort());
    expect(supports.rows.every((row) => row.leads === 0)).toBe(true);

    const named = matrixOf({ roles: ['lead', 'support'] });
    expect(named.rows.every((row) => row.inferredLeads === 0)).toBe(true);
    expect(figures(named, FGW)?.leads).toBe(3);

    const themeA = matrixOf({ theme: THEME_A });
    expect(themeA.columns.map((column) => column.key)).toEqual([THEME_A]);
    expect(themeA.rows.map((row) => row.id).sort()).toEqual([DISTRICTS, FGW, JXJ, KJJ].sort());

    const noProjects = matrixOf({ kinds: DEFAULT_VIEW.kinds.filter((kind) => kind !== 'project') });
    expect(noProjects.columns.map((column) => column.key)).not.toContain('group:project');
    expect(noProjects.rows.map((row) => row.id)).not.toContain(PARTY);

    expect(matrixOf({ collectives: false }).rows.map((row) => row.id)).not.toContain(DISTRICTS);
    expect(matrixOf({ hiddenCategories: ['party-organ'] }).rows.map((row) => row.id)).not.toContain(
      PARTY,
    );
    expect(matrixOf({ hidden: [JXJ] }).rows.map((row) => row.id)).not.toContain(JXJ);
  });

  it('counts the whole plan whatever the canvas focuses on, and never counts the selection twice', () => {
    const whole = matrixOf();
    const focused = matrixOf({
      scope: 'focus',
      selected: KJJ,
      expanded: [{ id: FGW, limit: 20 }],
    });
    expect(focused.rows.map((row) => figures(focused, row.id))).toEqual(
      whole.rows.map((row) => figures(whole, row.id)),
    );
    // A selected item the theme filter leaves out is drawn on the graph, but not counted here.
    const filtered = matrixOf({ theme: THEME_A, selected: TASK_B1 });
    expect(filtered.columns.map((column) => column.key)).toEqual([THEME_A]);
  });

  it('is counted again for a change of filter, not of selection, order or language', () => {
    const key = filterKey(DEFAULT_VIEW);
    expect(filterKey({ ...DEFAULT_VIEW, selected: FGW, scope: 'focus' })).toBe(key);
    const reordered: ViewState = { ...DEFAULT_VIEW, matrixSort: 'name', lang: 'en' };
    expect(filterKey(reordered)).toBe(key);
    for (const patch of [
      { theme: THEME_A },
      { roles: ['lead' as const] },
      { kinds: ['unit' as const] },
      { hiddenCategories: ['collective'] },
      { collectives: false },
      { hidden: [FGW] },
    ]) {
      expect(filterKey({ ...DEFAULT_VIEW, ...patch })).not.toBe(key);
    }
  });

  it('makes one column per item when asked, in plan order', () => {
    const matrix = matrixOf({ matrixColumns: 'items' });
    expect(matrix.columns.map((column) => column.key)).toEqual([
      INDICATOR,
      TASK_A1,
      TASK_A2,
      TASK_A2_PART,
      TASK_B1,
      `p/三(一)`,
      SUB_1,
      SUB_2,
    ]);
    expect(figures(matrix, FGW)?.cells[SUB_1]).toEqual([1, 1, 0]);
  });
});

describe('the order of the matrix', () => {
  it('puts the most load first, by default', () => {
    const ordered = orderMatrix(matrixOf(), 'load', 'zh');
    expect(ordered.rows.map((row) => row.load)).toEqual([4, 2, 1.5, 1.5, 1]);
    expect(ordered.rows[0]?.id).toBe(FGW);
  });

  it('orders Chinese names by pinyin and English ones alphabetically', () => {
    const zh = orderMatrix(matrixOf(), 'name', 'zh');
    // fāgǎi, gèqū…, jīngxìn, kējì, xuānchuán
    expect(zh.rows.map((row) => row.name)).toEqual([
      '发改',
      '各区人民政府',
      '经信',
      '科技',
      '宣传部',
    ]);
    const en = orderMatrix(matrixOf({}, 'en'), 'name', 'en');
    expect(en.rows.map((row) => row.name)).toEqual(
      en.rows.map((row) => row.name).toSorted((a, b) => a.localeCompare(b, 'en')),
    );
  });

  it('sorts by one column’s load, the clicked heading', () => {
    const ordered = orderMatrix(matrixOf(), `col:${THEME_A}`, 'zh');
    // 各区 1.5 there; 发改 and 经信 1 each (发改 carries more overall); 科技 0.5; 宣传部 nothing.
    expect(ordered.rows.map((row) => row.id)).toEqual([DISTRICTS, FGW, JXJ, KJJ, PARTY]);
    expect(ordered.columns).toEqual(matrixOf().columns);
  });

  it('falls back to load when the sorted column is gone (another filter, other columns)', () => {
    const ordered = orderMatrix(matrixOf(), 'col:nothing', 'zh');
    expect(ordered.rows[0]?.id).toBe(FGW);
  });

  it('clusters: rows and columns both reordered, every unit and column kept', () => {
    const matrix = matrixOf();
    const ordered = orderMatrix(matrix, 'cluster', 'zh');
    expect(ordered.rows.map((row) => row.id).sort()).toEqual(
      matrix.rows.map((row) => row.id).sort(),
    );
    expect(ordered.columns.map((column) => column.key).sort()).toEqual(
      matrix.columns.map((column) => column.key).sort(),
    );
    expect(orderMatrix(matrix, 'cluster', 'zh')).toEqual(ordered);
  });
});

describe('seriation', () => {
  const at = (order: readonly number[], members: readonly number[]) =>
    members.map((member) => order.indexOf(member)).sort((a, b) => a - b);
  const contiguous = (places: number[]) =>
    places.every((place, i) => i === 0 || place === (places[i - 1] ?? 0) + 1);

  it('brings two interleaved blocks together, rows and columns, the heavier block first', () => {
    // Rows 0, 2, 4 work on columns 0 and 2; rows 1, 3, 5, twice as much, on columns 1 and 3.
    const entries = [0, 1, 2, 3, 4, 5].flatMap((row) =>
      (row % 2 === 0 ? [0, 2] : [1, 3]).map((column) => ({
        row,
        column,
        weight: (row % 2 === 0 ? 1 : 2) * (1 + (column % 2) / 2),
      })),
    );
    // A weak link between the blocks, so they are one table and not two.
    entries.push({ row: 0, column: 1, weight: 0.1 });
    const order = seriate(6, 4, entries);
    expect(contiguous(at(order.rows, [0, 2, 4]))).toBe(true);
    expect(order.rows.slice(0, 3).sort()).toEqual([1, 3, 5]);
    expect(contiguous(at(order.columns, [0, 2]))).toBe(true);
    expect(contiguous(at(order.columns, [1, 3]))).toBe(true);
    expect(seriate(6, 4, entries)).toEqual(order);
  });

  it('puts rows of the same proportions together, whatever their size', () => {
    // Rows 0 and 3 share a profile (3 : 1), rows 1 and 2 another (1 : 3), at other sizes.
    const entries = [
      { row: 0, column: 0, weight: 30 },
      { row: 0, column: 1, weight: 10 },
      { row: 1, column: 0, weight: 1 },
      { row: 1, column: 1, weight: 3 },
      { row: 2, column: 0, weight: 5 },
      { row: 2, column: 1, weight: 15 },
      { row: 3, column: 0, weight: 3 },
      { row: 3, column: 1, weight: 1 },
    ];
    expect(seriate(4, 2, entries).rows).toEqual([0, 3, 2, 1]);
  });

  it('leaves an empty table as it is', () => {
    expect(seriate(2, 3, [])).toEqual({ rows: [0, 1], columns: [0, 1, 2] });
  });
});

describe('the matrix for a spreadsheet', () => {
  it('writes each unit’s totals and each column’s leads, inferred leads and supports', () => {
    const ordered = orderMatrix(matrixOf(), 'load', 'zh');
    const table = matrixInWords(ordered, 'themes', 'zh');
    expect(table.columns.slice(0, 5)).toEqual([
      '单位',
      '合计 · 牵头',
      '合计 · 其中推定牵头',
      '合计 · 配合',
      '工作量',
    ]);
    expect(table.columns).toContain('二(一) title 二(一) · 牵头');
    expect(table.rows[0]).toMatchObject({
      单位: '发改',
      '合计 · 牵头': 4,
      '合计 · 其中推定牵头': 1,
      '主要指标 · 牵头': 1,
      '重大工程 · 牵头': 2,
      '重大工程 · 其中推定牵头': 1,
      '重大工程 · 配合': 0,
    });
    const csv = toCsv(table);
    expect(csv.split('\r\n')[1]?.startsWith('发改,4,1,0,4,1,0,0,1,0,0,0,0,0,2,1,0')).toBe(true);
    const english = matrixInWords(orderMatrix(matrixOf({}, 'en'), 'load', 'en'), 'themes', 'en');
    expect(english.columns.slice(0, 2)).toEqual(['Unit', 'Total · Leads']);
    expect(english.columns).toContain('Major projects · Supports');
  });

  it('writes an item column’s role in words', () => {
    const matrix = matrixOf({ matrixColumns: 'items' });
    const table = matrixInWords(orderMatrix(matrix, 'load', 'zh'), 'items', 'zh');
    const fgw = table.rows.find((row) => row['单位'] === '发改');
    expect(fgw?.['三(一)1 title 三(一)1']).toBe('推定牵头');
    expect(fgw?.['三(一)2 title 三(一)2']).toBe('牵头');
    expect(fgw?.['二(一)2 title 二(一)2']).toBe('');
  });

  it('shades a cell by the square root of its share of the largest cell, in five steps', () => {
    expect(shadeOf({ leads: 0, supports: 1 }, 100)).toBe(1);
    expect(shadeOf({ leads: 0, supports: 1 }, 10)).toBe(2);
    expect(shadeOf({ leads: 5, supports: 0 }, 10)).toBe(4);
    expect(shadeOf({ leads: 10, supports: 0 }, 10)).toBe(5);
  });
});

describe('the matrix over plans', () => {
  const planOf = (id: string, title: string, date: string | null): PlanSummary => ({
    id,
    title,
    issuer: '武汉市人民政府办公厅',
    date,
    jurisdiction: '武汉市',
    itemCount: 10,
    unitCount: 5,
    edgeCount: 20,
    sourceSha256: null,
  });
  const FYP = planOf(
    'fyp',
    '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
    '2022-03-03',
  );
  const REPORT = planOf('report', '武汉市2023年政府工作报告重点工作任务分工方案', '2023-02-20');
  const cell = (
    unitId: string,
    planId: string,
    [leads, inferredLeads, supports]: [number, number, number],
    englishName: string | null = null,
  ): UnitPlanCell => ({
    unit: unitId.split('/')[1] ?? unitId,
    unitId,
    englishName,
    collective: false,
    planId,
    leads,
    inferredLeads,
    supports,
    load: leads + supports / 2,
  });
  const answer: PlansMatrixAnswer = {
    // Newest first, as the plans list may give them: the columns go by date.
    plans: [REPORT, FYP],
    collectives: false,
    cells: [
      cell(
        '武汉市/市发改委',
        'fyp',
        [53, 16, 21],
        'Wuhan Municipal Development and Reform Commission',
      ),
      cell(
        '武汉市/市发改委',
        'report',
        [5, 1, 3],
        'Wuhan Municipal Development and Reform Commission',
      ),
      cell('武汉市/市经信局', 'fyp', [30, 2, 40]),
      cell('武汉市/市科技局', 'report', [2, 0, 1]),
      // A plan loaded after the list was read has no column, and no figure in the totals.
      cell('武汉市/市科技局', 'late', [9, 9, 9]),
    ],
  };

  it('has one column per plan, oldest first, named by short title and date', () => {
    const matrix = buildPlansMatrix(answer, { lang: 'zh' });
    expect(matrix.columns.map((column) => column.key)).toEqual(['fyp', 'report']);
    expect(matrix.columns.map((column) => columnLabel(column, 'zh'))).toEqual([
      '武汉十四五分工(2022-03-03)',
      '武汉2023政府工作报告分工(2023-02-20)',
    ]);
    expect(columnLabel(matrix.columns[0] as Matrix['columns'][number], 'en')).toBe(
      '武汉十四五分工 (2022-03-03)',
    );
  });

  it('gives each cell the plan’s figures and each row their sums, the heaviest unit first', () => {
    const matrix = buildPlansMatrix(answer, { lang: 'zh' });
    expect(matrix.rows.map((row) => row.id)).toEqual([
      '武汉市/市发改委',
      '武汉市/市经信局',
      '武汉市/市科技局',
    ]);
    expect(figures(matrix, '武汉市/市发改委')).toEqual({
      leads: 58,
      inferredLeads: 17,
      supports: 24,
      load: 53 + 10.5 + 5 + 1.5,
      cells: { fyp: [53, 16, 21], report: [5, 1, 3] },
    });
    expect(figures(matrix, '武汉市/市科技局')).toEqual({
      leads: 2,
      inferredLeads: 0,
      supports: 1,
      load: 2.5,
      cells: { report: [2, 0, 1] },
    });
    expect(matrix.maxCellLoad).toBe(53 + 21 / 2);
  });

  it('names units in the interface language, a common English prefix left off', () => {
    const matrix = buildPlansMatrix(answer, { lang: 'en', englishPrefix: 'Wuhan Municipal ' });
    expect(matrix.rows.map((row) => row.name)).toEqual([
      'Development and Reform Commission',
      // No English name: the Chinese one.
      '市经信局',
      '市科技局',
    ]);
  });

  it('sorts by a plan’s column and clusters like the other matrices', () => {
    const matrix = buildPlansMatrix(answer, { lang: 'zh' });
    const byReport = orderMatrix(matrix, 'col:report', 'zh');
    expect(byReport.rows.map((row) => row.id)).toEqual([
      '武汉市/市发改委',
      '武汉市/市科技局',
      '武汉市/市经信局',
    ]);
    const clustered = orderMatrix(matrix, 'cluster', 'zh');
    expect(clustered.rows.map((row) => row.id).toSorted()).toEqual(
      matrix.rows.map((row) => row.id).toSorted(),
    );
    expect(clustered.columns.map((column) => column.key).toSorted()).toEqual(['fyp', 'report']);
  });

  it('writes four figures per plan to a spreadsheet, its load the fourth', () => {
    const matrix = buildPlansMatrix(answer, { lang: 'zh' });
    const table = matrixInWords(orderMatrix(matrix, 'load', 'zh'), 'plans', 'zh');
    expect(table.columns.slice(5)).toEqual([
      '武汉十四五分工(2022-03-03) · 牵头',
      '武汉十四五分工(2022-03-03) · 其中推定牵头',
      '武汉十四五分工(2022-03-03) · 配合',
      '武汉十四五分工(2022-03-03) · 工作量',
      '武汉2023政府工作报告分工(2023-02-20) · 牵头',
      '武汉2023政府工作报告分工(2023-02-20) · 其中推定牵头',
      '武汉2023政府工作报告分工(2023-02-20) · 配合',
      '武汉2023政府工作报告分工(2023-02-20) · 工作量',
    ]);
    const csv = toCsv(table).split('\r\n');
    expect(csv[1]?.replace(/^\uFEFF/, '')).toBe('市发改委,58,17,24,70,53,16,21,63.5,5,1,3,6.5');
    expect(csv[3]).toBe('市科技局,2,0,1,2.5,0,0,0,0,2,0,1,2.5');
  });

  it('is kept in the address as mcols=plans', () => {
    const view = readMatrixView(new URLSearchParams('view=matrix&mcols=plans&msort=col:fyp'));
    expect(view).toEqual({ matrix: true, matrixColumns: 'plans', matrixSort: 'col:fyp' });
    const query = new URLSearchParams();
    writeMatrixView(view, query);
    expect(query.toString()).toBe('view=matrix&msort=col%3Afyp&mcols=plans');
    expect(readMatrixView(new URLSearchParams('mcols=nonsense')).matrixColumns).toBe('themes');
  });
});
