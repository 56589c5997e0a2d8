// The responsibility matrix's words (责任矩阵: units × themes, items or plans). The role words are the app's one
// pair (roles.ts: 牵头, 配合, 推定牵头), never a synonym of the matrix's own.
import { featureWords } from '../feature-words.ts';
import type { Lang } from '../messages.ts';
import { EDGE_WORDS } from './roles.ts';

const { LEADS, SUPPORTS, inferred } = EDGE_WORDS;

export const zh = {
  viewMatrix: '矩阵',
  viewMatrixHint: '责任矩阵:单位 × 主题,每格为该单位在该主题牵头、配合的事项数',
  matrixTitle: '责任矩阵',
  matrixCaption: '{units} 个单位 × {columns} 列',
  matrixUnit: '单位',
  matrixTotal: '合计',
  matrixLoad: '工作量',
  matrixSortLabel: '行顺序',
  matrixSort_load: '按工作量',
  matrixSort_name: '按名称(拼音)',
  matrixSort_cluster: '聚类(相近的单位相邻)',
  matrixSort_column: '按所点列:{column}',
  matrixSortColumnHint: '点击列标题,按该列排序',
  matrixClusterHint:
    '聚类:按各单位在各主题上的工作量构成(余弦相似度)逐层合并(平均连接层次聚类),构成相近的单位相邻,每层较重的一组在前;列按承担单位的相近程度同样排列',
  matrixColumnsLabel: '列',
  matrixColumns_themes: '按主题',
  matrixColumns_items: '按事项',
  matrixGroup_indicator: '主要指标',
  matrixGroup_project: '重大工程',
  matrixGroup_requirement: '工作要求',
  matrixGroup_task: '未归主题的任务',
  matrixGroup_other: '其他事项',
  matrixLegend: `格中数字:${LEADS.zh}事项数(右上角小字为其中${inferred.zh})· ${SUPPORTS.zh}事项数;底色越深,工作量越大(${LEADS.zh}计 1,${SUPPORTS.zh}计 0.5)`,
  matrixLegendItems: `格中:牵 = ${LEADS.zh},推 = ${inferred.zh},配 = ${SUPPORTS.zh}`,
  matrixShortLead: '牵',
  matrixShortOwner: '推',
  matrixShortSupport: '配',
  matrixCellTitle: `{unit} · {column}:${LEADS.zh} {leads},${SUPPORTS.zh} {supports}`,
  matrixCellItems: '{unit} × {column}:{n} 项',
  matrixCellClose: '关闭列表',
  matrixExportCsv: '导出 CSV',
  matrixExportHint: '按当前筛选和顺序导出矩阵,每列分牵头、其中推定、配合三栏',
  matrixFile: '责任矩阵',
  matrixEmpty: '当前筛选下没有单位承担事项',
  matrixRole: '角色',
  matrixColumns_plans: '按规划',
  matrixColumnsPlansHint:
    '单位 × 规划:每格为该单位在该规划中的牵头、配合与工作量(即该规划单位工作量排名中的一行),行合计即全部规划工作量排名中的一行',
  matrixPlanColumn: '{title}({date})',
  matrixPlanCellTitle: `{unit} · {column}:${LEADS.zh} {leads},${SUPPORTS.zh} {supports},工作量 {load};点击切换到该规划并选中该单位`,
  matrixLegendPlans: `格中数字:${LEADS.zh}事项数(右上角小字为其中${inferred.zh})· ${SUPPORTS.zh}事项数 · 工作量(小字);为各规划的全部分工,事项类型、角色和主题筛选不适用,集合单位随“集合单位”开关;点击格子切换到该规划并选中该单位`,
  matrixPlansLoading: '正在读取各规划的数字…',
  matrixPlansFailed: '未能读取各规划的数字:{message}',
  matrixAllPlans: '全部规划',
  matrixFilePlans: '责任矩阵-单位×规划',
  matrixView_themes: '单位 × 主题',
  matrixView_items: '单位 × 事项',
  matrixView_plans: '单位 × 规划',
  matrixPrint: '打印',
  matrixPrintHint: '只打印矩阵:横向,较宽的矩阵缩放到页宽,每页重复列标题',
  matrixPrintTitle: '{plan} · 责任矩阵({view})· {date}',
  matrixPrintPlans: '{count} 份规划:{plans}',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  viewMatrix: 'Matrix',
  viewMatrixHint:
    'Responsibility matrix: units × themes, each cell the items the unit leads and supports there',
  matrixTitle: 'Responsibility matrix',
  matrixCaption: '{units} units × {columns} columns',
  matrixUnit: 'Unit',
  matrixTotal: 'Total',
  matrixLoad: 'Load',
  matrixSortLabel: 'Row order',
  matrixSort_load: 'By load',
  matrixSort_name: 'By name',
  matrixSort_cluster: 'Clustered (similar units together)',
  matrixSort_column: 'By the column clicked: {column}',
  matrixSortColumnHint: 'Click a column heading to sort by it',
  matrixClusterHint:
    'Clustered: units merged step by step by how alike their load is spread over the themes (cosine similarity, average-linkage hierarchical clustering), the heavier group first at each step; columns likewise by the units that share them',
  matrixColumnsLabel: 'Columns',
  matrixColumns_themes: 'Themes',
  matrixColumns_items: 'Items',
  matrixGroup_indicator: 'Indicators',
  matrixGroup_project: 'Major projects',
  matrixGroup_requirement: 'Work requirements',
  matrixGroup_task: 'Tasks outside the themes',
  matrixGroup_other: 'Other items',
  matrixLegend: `In a cell: items led (small figure: of which ${inferred.en.toLowerCase()}) · items supported; the darker, the more load (1 per item led, 0.5 per item supported)`,
  matrixLegendItems: `In a cell: L = ${LEADS.en.toLowerCase()}, I = ${inferred.en.toLowerCase()}, S = ${SUPPORTS.en.toLowerCase()}`,
  matrixShortLead: 'L',
  matrixShortOwner: 'I',
  matrixShortSupport: 'S',
  matrixCellTitle: '{unit} · {column}: leads {leads}, supports {supports}',
  matrixCellItems: '{unit} × {column}: {n} items',
  matrixCellClose: 'Close the list',
  matrixExportCsv: 'Export CSV',
  matrixExportHint:
    'The matrix as filtered and ordered; each column as three: leads, of which inferred, supports',
  matrixFile: 'responsibility-matrix',
  matrixEmpty: 'No unit answers for an item under these filters',
  matrixRole: 'Role',
  matrixColumns_plans: 'Plans',
  matrixColumnsPlansHint:
    "Units × plans: each cell the unit's leads, supports and load in that plan (its row of the plan's unit-load ranking); a row's totals are its row of the all-plans ranking",
  matrixPlanColumn: '{title} ({date})',
  matrixPlanCellTitle:
    '{unit} · {column}: leads {leads}, supports {supports}, load {load}; click to switch to this plan with the unit chosen',
  matrixLegendPlans: `In a cell: items led (small figure: of which ${inferred.en.toLowerCase()}) · items supported · load (small); each plan's whole division of work: the kind, role and theme filters do not apply, collective units follow their switch; click a cell to switch to that plan with the unit chosen`,
  matrixPlansLoading: "Reading each plan's figures…",
  matrixPlansFailed: "Could not read each plan's figures: {message}",
  matrixAllPlans: 'All plans',
  matrixFilePlans: 'responsibility-matrix-by-plan',
  matrixView_themes: 'units × themes',
  matrixView_items: 'units × items',
  matrixView_plans: 'units × plans',
  matrixPrint: 'Print',
  matrixPrintHint:
    'Prints the matrix alone: landscape, a wide matrix scaled to the page width, column headings on every page',
  matrixPrintTitle: '{plan} · Responsibility matrix ({view}) · {date}',
  matrixPrintPlans: '{count} plans: {plans}',
};

export type MatrixWord = keyof typeof zh;

const WORDS: Record<Lang, Record<MatrixWord, string>> = { zh, en };

/** A word of the matrix, `{name}`s filled in. */
export const matrixWord = featureWords<MatrixWord>(WORDS);
