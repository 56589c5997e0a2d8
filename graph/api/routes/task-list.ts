// A unit's 任务清单 as a file: GET /api/units/task-list?id=&plan=&format=xlsx|docx&lang=zh|en&day=.
// Built here rather than in the browser, so ExcelJS and docx stay out of the web app's bundle.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import {
  attachment,
  CONTENT_TYPES,
  localDay,
  taskListFileName,
  type TaskListFormat,
} from '../task-list/file-name.ts';
import { readTaskList } from '../task-list/rows.ts';
import { taskListTable, type TaskListTable } from '../task-list/table.ts';
import { TaskListLang } from '../task-list/words.ts';
import { NodeId, PlanParam, queryOf } from '../validate.ts';

const FORMATS = ['xlsx', 'docx'] as const satisfies readonly TaskListFormat[];

const TaskListQuery = z.object({
  id: NodeId,
  plan: PlanParam,
  format: z.string().optional(),
  lang: TaskListLang.default('zh'),
  /** The planner's day, for the file name: the browser knows its time zone, the server may not. */
  day: z.iso.date({ error: 'expected a day as YYYY-MM-DD' }).optional(),
});

/** A format of its own code: the one mistake a hand-made link is likely to make. */
function formatOf(format: string | undefined): TaskListFormat {
  const known = FORMATS.find((candidate) => candidate === format);
  if (known !== undefined) return known;
  throw new HttpError(
    400,
    'unsupported_format',
    format === undefined
      ? 'say which file: format=xlsx or format=docx'
      : `no task list as "${format}": format=xlsx or format=docx`,
  );
}

/**
 * Loaded on the first request for each format: ExcelJS and docx take seconds to import, and the
 * server should not wait for them before it answers anything else.
 */
const BUILDERS: Record<TaskListFormat, (table: TaskListTable) => Promise<Uint8Array<ArrayBuffer>>> =
  {
    xlsx: async (table) => (await import('../task-list/xlsx.ts')).taskListXlsx(table),
    docx: async (table) => (await import('../task-list/docx.ts')).taskListDocx(table),
  };

export function taskListRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/units/task-list', async (c) => {
    const query = queryOf(c, TaskListQuery);
    const format = formatOf(query.format);
    const signal = c.req.raw.signal;
    const plan = await api.resolvePlan(query.plan, signal);
    const list = await readTaskList(api, query.id, plan, signal);
    const bytes = await BUILDERS[format](taskListTable(list, query.lang));
    const day = query.day ?? localDay();
    const name = taskListFileName({
      plan,
      unitName: list.unit.name,
      format,
      lang: query.lang,
      day,
    });
    return c.body(bytes, 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': attachment(name, `task-list-${day}.${format}`),
    });
  });

  return routes;
}
