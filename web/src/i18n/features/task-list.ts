// The words of a unit's 任务清单 export in its panel, in Chinese and English. The file's own words
// (headers, roles) are the server's: graph/api/task-list/words.ts.
import { featureWords } from '../feature-words.ts';
import type { Lang } from '../messages.ts';

export const zh = {
  taskList: '任务清单',
  taskListHint: '本单位承担的全部事项:编号、任务、所属主题、角色、牵头与配合单位、完成时限。',
  taskListXlsx: '导出任务清单 Excel',
  taskListDocx: '导出任务清单 Word',
  taskListExporting: '正在生成…',
  taskListExported: '已导出 {file}',
  taskListFailed: '导出失败:{problem}',
  taskListUnavailable: '图数据库暂时无法连接,请稍后再试。',
  taskListTimeout: '生成超时,请稍后再试。',
  taskListGone: '找不到该单位或规划,可能已重新载入,请刷新页面。',
  taskListOffline: '无法连接服务器。',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  taskList: 'Task list',
  taskListHint:
    'Every item this unit answers for: ref, item, theme, role, lead and supporting units, deadline.',
  taskListXlsx: 'Export task list (Excel)',
  taskListDocx: 'Export task list (Word)',
  taskListExporting: 'Preparing…',
  taskListExported: 'Exported {file}',
  taskListFailed: 'Export failed: {problem}',
  taskListUnavailable: 'The graph database cannot be reached right now; try again shortly.',
  taskListTimeout: 'Building the file took too long; try again shortly.',
  taskListGone: 'The unit or plan is no longer there (reloaded?); refresh the page.',
  taskListOffline: 'The server cannot be reached.',
};

export type TaskListWord = keyof typeof zh;

const WORDS: Record<Lang, Record<TaskListWord, string>> = { zh, en };

/** The API's error codes a planner may meet here, in words; others keep the API's message. */
const PROBLEMS: Record<string, TaskListWord> = {
  neo4j_unavailable: 'taskListUnavailable',
  database_unavailable: 'taskListUnavailable',
  timeout: 'taskListTimeout',
  not_found: 'taskListGone',
  unknown_plan: 'taskListGone',
};

/** A word of this feature, `{name}`s filled in. */
export const taskListWord = featureWords<TaskListWord>(WORDS);

/** Why an export failed, in the planner's words: by the API's code, else its message. */
export function taskListProblem(lang: Lang, error: unknown): string {
  const code =
    error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const known = PROBLEMS[code];
  const problem =
    known !== undefined
      ? taskListWord(lang, known)
      : error instanceof TypeError
        ? taskListWord(lang, 'taskListOffline')
        : error instanceof Error
          ? error.message
          : String(error);
  return taskListWord(lang, 'taskListFailed', { problem });
}
