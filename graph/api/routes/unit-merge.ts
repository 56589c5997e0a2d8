// Units merged and split by a planner (docs/api.md, "Units merged"): the decision is kept in the
// graph and applied again by every load (graph/units/merge.ts, graph/load/write-plan.ts).
// Writes follow every write's rules: same-origin, JSON, a planner's or administrator's account,
// one transaction each, an audit entry naming who, what and when; and the graph answers kept for
// the plans' version are dropped, since a merge changes them without changing a plan's text.
import neo4j, { type Transaction } from 'neo4j-driver';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  MergePost,
  SplitPost,
  type MergeAnswer,
  type MergesAnswer,
} from '../../../contract/api/unit-merge.ts';
import { listMerges, mergeUnits, splitMerge, UnitMergeError } from '../../units/merge.ts';
import { recordWrite, requireWrite } from '../accounts/gate.ts';
import type { ApiContext } from '../context.ts';
import { requireJson } from '../console/require-json.ts';
import { HttpError } from '../http-error.ts';
import { withReadSession } from '../read.ts';
import { sameOrigin } from '../same-origin.ts';
import { contractBody, jsonBodyOf, NodeId, queryOf } from '../validate.ts';

/** Runs `work` in one write transaction, committed unless `rollback`; refusals become 4xx. */
async function inWriteTransaction<T>(
  api: ApiContext,
  work: (tx: Transaction) => Promise<T>,
  rollback = false,
): Promise<T> {
  const { driver, database } = api.target();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  const tx = session.beginTransaction({
    timeout: 60_000,
    metadata: { app: 'guatu-unit-merge' },
  });
  try {
    const result = await work(tx);
    if (rollback) await tx.rollback();
    else await tx.commit();
    return result;
  } catch (error) {
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    if (error instanceof UnitMergeError)
      throw new HttpError(error.status, error.code, error.message);
    throw error;
  } finally {
    await session.close();
  }
}

export function unitMergeRoutes(api: ApiContext): Hono {
  const routes = new Hono();
  const guard = sameOrigin({ host: api.host });

  routes.get('/units/merges', async (c) => {
    const query = queryOf(c, z.object({ unit: NodeId.optional() }));
    const merges = await withReadSession(
      api.target(),
      { timeoutMs: api.queryTimeoutMs, signal: c.req.raw.signal, label: 'unit-merges' },
      (session) =>
        session.executeRead((tx) => listMerges(tx, query.unit ?? null), {
          timeout: api.queryTimeoutMs,
        }),
    );
    const answer: MergesAnswer = { merges };
    return c.json(answer);
  });

  routes.post('/units/merge', guard, async (c) => {
    requireWrite(c, 'edit-item');
    requireJson(c);
    const body = contractBody(MergePost, await jsonBodyOf(c));
    const dryRun = body.dryRun === true;
    const done = await inWriteTransaction(
      api,
      (tx) =>
        mergeUnits(tx, {
          from: body.from,
          into: body.into,
          note: body.note,
          by: c.get('signedIn')?.name ?? 'local',
          at: api.now().toISOString(),
        }),
      dryRun,
    );
    if (!dryRun) {
      api.graphEdited();
      recordWrite(c, {
        action: 'merge-units',
        target: body.from,
        before: { unit: body.from, name: done.merge.fromName },
        after: { into: body.into, merge: done.merge.id, note: done.merge.note, moved: done.moved },
      });
    }
    const answer: MergeAnswer = { ...done, dryRun };
    return c.json(answer, dryRun ? 200 : 201);
  });

  routes.post('/units/split', guard, async (c) => {
    requireWrite(c, 'edit-item');
    requireJson(c);
    const body = contractBody(SplitPost, await jsonBodyOf(c));
    const done = await inWriteTransaction(api, (tx) => splitMerge(tx, body));
    api.graphEdited();
    recordWrite(c, {
      action: 'split-units',
      target: done.merge.from,
      before: { merge: done.merge.id, from: done.merge.from, into: done.merge.into },
      after: { unit: done.merge.from, moved: done.moved },
    });
    const answer: MergeAnswer = { ...done, dryRun: false };
    return c.json(answer);
  });

  return routes;
}
