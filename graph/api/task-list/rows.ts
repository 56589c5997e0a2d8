// A unit's items in a plan as its task list needs them, read from Neo4j
// (graph/api/queries/unit-task-list.cypher) and checked with zod where they enter (read.ts
// parseRows): a row of the wrong shape is a clear 500 naming the query, never a file with holes.
// Each item comes with where it stands today (graph/progress/item-state.ts): status, latest note,
// the deadline in force and whether it is overdue.
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { ItemState } from '../../../contract/progress.ts';
import { itemStates } from '../../progress/item-state.ts';
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
  id: z.string(),
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
  items: (TaskListItem & { state: ItemState | null })[];
}

async function statesOf(
  api: ApiContext,
  planId: string,
  itemIds: readonly string[],
): Promise<Map<string, ItemState>> {
  if (itemIds.length === 0) return new Map();
  const { driver, database } = api.target();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  const today = api.today();
  try {
    const states = await session.executeRead((tx) => itemStates(tx, planId, today, itemIds));
    return new Map(states.map((state) => [state.itemId, state]));
  } finally {
    await session.close();
  }
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
  const states = await statesOf(
    api,
    plan.id,
    row.items.map((item) => item.id),
  );
  return {
    plan: { title: plan.title, jurisdiction: plan.jurisdiction },
    unit: row.unit,
    items: row.items.map((item) => ({ ...item, state: states.get(item.id) ?? null })),
  };
}
