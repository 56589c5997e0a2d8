// Progress on one item (docs/api.md, "Progress"): where it stands today, its dated records, a
// planner's deadline changes and an indicator's values by year; and the writes that add them.
// Every write is behind the same-origin guard, asks the account's write rule inside the write's
// own transaction (a liaison only on items its units lead or support), and leaves an audit entry
// with before → after. None of these answers is kept (kept-answers.ts): progress changes without
// the plan changing, and no kept graph answer shows progress, so a write has none to drop.
import neo4j from 'neo4j-driver';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  AttachPost,
  DeadlinePost,
  IndicatorPost,
  ProgressPost,
  type ProgressAnswer,
  type UnattachedAnswer,
  type UnattachedView,
} from '../../../contract/api/progress.ts';
import { trajectoryOf, type ItemState } from '../../../contract/progress.ts';
import { readDue } from '../../parse/deadline.ts';
import { deadlineHistory, recordDeadline, type DeadlineInput } from '../../progress/deadlines.ts';
import {
  indicatorValues,
  NotAnIndicatorError,
  recordIndicatorValue,
} from '../../progress/indicator-values.ts';
import { itemStates } from '../../progress/item-state.ts';
import {
  ProgressError,
  progressHistory,
  recordProgress,
  type ItemUnits,
} from '../../progress/records.ts';
import { allUnattached, attachRecord, type RecordLabel } from '../../progress/relink.ts';
import { recordWrite, requireWrite } from '../accounts/gate.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { withReadSession } from '../read.ts';
import { sameOrigin } from '../same-origin.ts';
import { contractBody, jsonBodyOf, NodeId, PlanParam, queryOf } from '../validate.ts';

const KIND_OF: Record<RecordLabel, UnattachedView['kind']> = {
  Progress: 'progress',
  DeadlineChange: 'deadline',
  IndicatorValue: 'indicator',
};

function unknownItem(itemId: string): HttpError {
  return new HttpError(
    404,
    'unknown_item',
    `there is no item ${itemId} in this plan / 该计划中没有此事项`,
  );
}

/** The item must be of the plan the request names: ids of another plan are not written through it. */
const ofPlan = (planId: string, item: ItemUnits) => {
  if (item.planId !== planId) throw unknownItem(item.itemId);
};

/** The words a planner typed as a deadline: an ISO date, or words a document would print. */
export function deadlineOf(typed: string): DeadlineInput {
  const text = typed.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = new Date(`${text}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)) {
      return { deadline: text, dueKind: 'date', dueDate: text };
    }
  }
  const due = readDue(text);
  if (due === undefined) {
    throw new HttpError(
      400,
      'unreadable_deadline',
      `"${text}" does not read as a deadline: write a date (2027-06-30) or words such as 2027年6月底前, 每季度, 长期坚持 / 无法识别该完成时限，请填写日期或“2027年6月底前”“每季度”“长期坚持”等`,
    );
  }
  return {
    deadline: text,
    dueKind: due.kind,
    dueDate: due.kind === 'date' ? due.date : null,
  };
}

/** Turns "no such item" from the progress layer into the API's 404. */
async function asHttp<T>(itemId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProgressError) throw unknownItem(itemId);
    throw error;
  }
}

async function stateOf(
  api: ApiContext,
  planId: string,
  itemId: string,
  signal: AbortSignal,
): Promise<ItemState> {
  const today = api.today();
  const [state] = await withReadSession(
    api.target(),
    { timeoutMs: api.queryTimeoutMs, signal, label: 'progress' },
    (session) =>
      session.executeRead((tx) => itemStates(tx, planId, today, [itemId]), {
        timeout: api.queryTimeoutMs,
      }),
  );
  if (state === undefined) throw unknownItem(itemId);
  return state;
}

async function progressOf(
  api: ApiContext,
  planId: string,
  itemId: string,
  signal: AbortSignal,
): Promise<ProgressAnswer> {
  const item = await stateOf(api, planId, itemId, signal);
  const { driver, database } = api.target();
  const [history, deadlines, indicator] = await Promise.all([
    progressHistory(driver, database, itemId),
    deadlineHistory(driver, database, itemId),
    item.kind === 'indicator' ? indicatorValues(driver, database, itemId) : null,
  ]);
  return {
    today: api.today(),
    item,
    history,
    deadlines,
    indicator:
      indicator === null
        ? null
        : {
            target: indicator.target && {
              comparator: indicator.target.comparator,
              value: indicator.target.value,
              measure: indicator.target.measure,
              text: indicator.target.text,
            },
            years: trajectoryOf(indicator.target, indicator.values),
            values: [...indicator.values].reverse(),
          },
  };
}

export function progressRoutes(api: ApiContext): Hono {
  const routes = new Hono();
  const guard = sameOrigin({ host: api.host });
  const now = () => api.now();
  const planOf = (c: Context, plan: string | undefined) => api.resolvePlan(plan, c.req.raw.signal);

  routes.get('/progress', async (c) => {
    const query = queryOf(c, z.object({ plan: PlanParam, item: NodeId }));
    const plan = await planOf(c, query.plan);
    return c.json(await progressOf(api, plan.id, query.item, c.req.raw.signal));
  });

  routes.get('/progress/unattached', async (c) => {
    const query = queryOf(c, z.object({ plan: PlanParam }));
    const plan = await planOf(c, query.plan);
    const records = await withReadSession(
      api.target(),
      { timeoutMs: api.queryTimeoutMs, signal: c.req.raw.signal, label: 'progress-unattached' },
      (session) => session.executeRead((tx) => allUnattached(tx, plan.id)),
    );
    const answer: UnattachedAnswer = {
      plan: plan.id,
      records: records.map(({ label, ...record }) => ({ kind: KIND_OF[label], ...record })),
    };
    return c.json(answer);
  });

  routes.post('/progress', guard, async (c) => {
    const body = contractBody(ProgressPost, await jsonBodyOf(c));
    const plan = await planOf(c, body.plan);
    const { status, note, percent } = body;
    if (status === undefined && note === undefined && percent === undefined) {
      throw new HttpError(
        400,
        'bad_request',
        'a progress update needs a status, a note or a percent / 进展需包含状态、说明或完成比例',
      );
    }
    const { driver, database } = api.target();
    const signedIn = c.get('signedIn');
    const written = await asHttp(body.item, () =>
      recordProgress(driver, database, {
        itemId: body.item,
        update: {
          ...(status === undefined ? {} : { status }),
          ...(note === undefined ? {} : { note }),
          ...(percent === undefined ? {} : { percent }),
        },
        by: signedIn?.name ?? 'local',
        source: signedIn?.role === 'liaison' ? 'update' : 'planner',
        allowed: (item) => {
          ofPlan(plan.id, item);
          requireWrite(c, 'update-progress', item.unitIds);
        },
        now: now(),
      }),
    );
    recordWrite(c, {
      action: 'update-progress',
      target: body.item,
      before: written.before,
      after: written.after,
    });
    return c.json(written.after, 201);
  });

  routes.post('/progress/deadline', guard, async (c) => {
    const body = contractBody(DeadlinePost, await jsonBodyOf(c));
    // A viewer or liaison is refused before the words are even read.
    requireWrite(c, 'edit-item');
    const due = deadlineOf(body.due);
    const plan = await planOf(c, body.plan);
    const { driver, database } = api.target();
    const written = await asHttp(body.item, () =>
      recordDeadline(driver, database, {
        itemId: body.item,
        due,
        by: c.get('signedIn')?.name ?? 'local',
        allowed: (item) => ofPlan(plan.id, item),
        now: now(),
      }),
    );
    recordWrite(c, {
      action: 'edit-item',
      target: body.item,
      before: { deadline: written.before },
      after: { deadline: written.after },
    });
    return c.json(written.after, 201);
  });

  routes.post('/progress/indicator', guard, async (c) => {
    const body = contractBody(IndicatorPost, await jsonBodyOf(c));
    const plan = await planOf(c, body.plan);
    const { driver, database } = api.target();
    const written = await asHttp(body.item, () =>
      recordIndicatorValue(driver, database, {
        itemId: body.item,
        year: body.year,
        value: body.value,
        ...(body.note === undefined ? {} : { note: body.note }),
        by: c.get('signedIn')?.name ?? 'local',
        allowed: (item) => {
          ofPlan(plan.id, item);
          requireWrite(c, 'update-progress', item.unitIds);
        },
        now: now(),
      }),
    ).catch((error: unknown) => {
      if (error instanceof NotAnIndicatorError) {
        throw new HttpError(422, 'not_an_indicator', error.message);
      }
      throw error;
    });
    recordWrite(c, {
      action: 'update-progress',
      target: body.item,
      before: written.before,
      after: written.after,
    });
    return c.json(written.after, 201);
  });

  routes.post('/progress/attach', guard, async (c) => {
    const body = contractBody(AttachPost, await jsonBodyOf(c));
    requireWrite(c, 'edit-item');
    const plan = await planOf(c, body.plan);
    const { driver, database } = api.target();
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    let attached;
    try {
      attached = await session.executeWrite((tx) =>
        attachRecord(tx, {
          planId: plan.id,
          recordId: body.record,
          itemId: body.item,
          by: c.get('signedIn')?.name ?? 'local',
        }),
      );
    } finally {
      await session.close();
    }
    if (attached === null) {
      throw new HttpError(
        404,
        'unknown_record',
        `the plan has no record ${body.record}, or no item ${body.item} / 该计划中没有此记录或事项`,
      );
    }
    recordWrite(c, {
      action: 'edit-item',
      target: body.record,
      before: attached.before,
      after: attached.after,
    });
    return c.json({ kind: KIND_OF[attached.label], id: body.record, ...attached.after });
  });

  return routes;
}
