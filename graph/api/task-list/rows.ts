// A unit's items in a plan as its task list needs them, read from Neo4j
// (graph/api/queries/unit-task-list.cypher) and checked with zod where they enter (read.ts
// parseRows): a row of the wrong shape is a clear 500 naming the query, never a file with holes.
import { z } from 'zod';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { parseRows } from '../read.ts';

const QUERY = 'unit-task-list';

const UnitNames = z.object({
  name: z.string(),
  englishName: z.string().nullable(),
});
export type UnitNames = z.infer<typeof UnitNames>;

const TaskListItem = z.object({
  ref: z.string(),
  title: z.string(),
  kind: z.enum(['indicator', 'theme', 'task', 'project', 'requirement']),
  binding: z.boolean().nullable(),
  theme: z.string().nullable(),
  project: z.string().nullable(),
  edge: z.enum(['LEADS', 'SUPPORTS']),
  inferred: z.boolean().nullable(),
  leads: z.array(UnitNames),
  supports: z.array(UnitNames),
  deadline: z.string().nullable(),
  dueKind: z.enum(['date', 'recurring', 'ongoing']).nullable(),
  dueDate: z.string().nullable(),
  dueEvery: z.enum(['day', 'week', 'month', 'quarter', 'half-year', 'year']).nullable(),
});
export type TaskListItem = z.infer<typeof TaskListItem>;

const TaskListRow = z.object({
  unit: UnitNames,
  items: z.array(TaskListItem),
});

export interface TaskList {
  plan: { title: string; jurisdiction: string };
  unit: UnitNames;
  items: TaskListItem[];
}

/** The unit's task list in the plan; 404 when no unit has this id. */
export async function readTaskList(
  api: ApiContext,
  unitId: string,
  plan: TaskList['plan'] & { id: string },
  signal?: AbortSignal,
): Promise<TaskList> {
  const { records } = await api.lookup(QUERY, { unitId, planId: plan.id }, signal);
  const [row] = parseRows(QUERY, records, TaskListRow);
  if (row === undefined) throw new HttpError(404, 'not_found', `no unit with id "${unitId}"`);
  return { plan: { title: plan.title, jurisdiction: plan.jurisdiction }, ...row };
}
