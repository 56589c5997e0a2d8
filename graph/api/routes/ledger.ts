// Importing a 督办台账 as progress (docs/api.md, "Ledger import"): the file is read with the same
// parser as a notice and matched to a loaded plan's items — nothing written — and answered with
// its review; 确认 writes one progress record per matched row in one transaction (all or
// nothing); 取消 forgets it. Like the notice import, every route is a write a browser can reach:
// same-origin guard, the planner's `import-ledger`, and an entry in the audit log.
import neo4j from 'neo4j-driver';
import { Hono } from 'hono';
import { z } from 'zod';
import type { LedgerConfirmAnswer, LedgerReview } from '../../../contract/api/ledger.ts';
import type { PlanSummary } from '../../../contract/api/plans.ts';
import type { PlanModel } from '../../model/plan.ts';
import { itemStates } from '../../progress/item-state.ts';
import { matchLedger, type LedgerMatching, type LedgerRow } from '../../progress/ledger.ts';
import { ProgressError, writeProgress } from '../../progress/records.ts';
import { recordWrite, requireWrite } from '../accounts/gate.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { PendingImports, type PendingLimits } from '../import/pending.ts';
import { readOffThread } from '../import/read-off-thread.ts';
import { checkUploadType, FILE_NAME_HEADER, fileNameOf, readCapped } from '../import/upload.ts';
import { sameOrigin } from '../same-origin.ts';
import { PlanParam, queryOf } from '../validate.ts';
import { MAX_IMPORT_BYTES } from './import.ts';

const TOKEN = /^[0-9a-f]{32}$/;

const LedgerQuery = z.object({ plan: PlanParam });

function log(line: string): void {
  console.error(`[ledger] ${new Date().toISOString()} ${line}`);
}

function unknownLedger(): HttpError {
  return new HttpError(
    404,
    'unknown_ledger',
    'no ledger import is waiting under this token: it was confirmed, cancelled or expired; import the file again / 该台账导入已确认、取消或过期，请重新导入',
  );
}

/** The ledger's rows: the items the parser read, with the columns a ledger adds. */
function rowsOf(model: PlanModel): LedgerRow[] {
  return model.items
    .filter((item) => item.kind !== 'theme')
    .map((item) => ({
      ref: item.ref,
      title: item.title,
      status: item.status,
      progress: item.progress,
      deadline: item.deadline,
      leader: item.leader,
      line: item.line,
    }));
}

/**
 * The plan to match against: the one named; else a loaded plan the ledger itself was loaded as
 * (a ledger can be a plan of its own); else the only plan loaded.
 */
async function planFor(
  api: ApiContext,
  named: string | undefined,
  model: PlanModel,
  signal: AbortSignal,
): Promise<PlanSummary> {
  if (named === undefined) {
    const own = (await api.plans(signal)).find((plan) => plan.id === model.plan.id);
    if (own !== undefined) return own;
  }
  return api.resolvePlan(named, signal);
}

function reviewOf(
  token: string,
  expiresAt: number,
  file: LedgerReview['file'],
  plan: PlanSummary,
  matching: LedgerMatching,
): LedgerReview {
  const view = (row: LedgerRow) => ({
    ref: row.ref,
    title: row.title,
    status: row.status ?? null,
    progress: row.progress ?? null,
    deadline: row.deadline ?? null,
    leader: row.leader ?? null,
    line: row.line,
  });
  const matched = matching.matched.map((match) => ({ ...match, row: view(match.row) }));
  const unmatched = matching.unmatched.map((miss) => ({ ...miss, row: view(miss.row) }));
  return {
    token,
    expiresAt: new Date(expiresAt).toISOString(),
    file,
    plan: { id: plan.id, title: plan.title },
    matched,
    unmatched,
    counts: {
      rows: matched.length + unmatched.length,
      matched: matched.length,
      unmatched: unmatched.length,
      changed: matched.filter((match) => match.after !== null && match.after !== match.before)
        .length,
    },
  };
}

async function readStates(api: ApiContext, planId: string) {
  const { driver, database } = api.target();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  const today = api.today();
  try {
    return await session.executeRead((tx) => itemStates(tx, planId, today));
  } finally {
    await session.close();
  }
}

export function ledgerRoutes(api: ApiContext, limits: Partial<PendingLimits> = {}): Hono {
  const routes = new Hono();
  // The file is read once; its review is kept until 确认 or 取消, like a notice import's.
  const pending = new PendingImports(limits);
  const reviews = new Map<string, LedgerReview>();
  const guard = sameOrigin({ host: api.host });
  const keptReview = (token: string) => {
    const kept = TOKEN.test(token) ? pending.get(token) : undefined;
    const review = reviews.get(token);
    if (kept === undefined || review === undefined) {
      reviews.delete(token);
      throw unknownLedger();
    }
    return { kept, review };
  };

  routes.post('/ledger', guard, async (c) => {
    requireWrite(c, 'import-ledger');
    checkUploadType(c.req.header('content-type'));
    const { plan: named } = queryOf(c, LedgerQuery);
    const fileName = fileNameOf(c.req.header(FILE_NAME_HEADER));
    const bytes = await readCapped(c.req.raw, MAX_IMPORT_BYTES);
    const { model, lines } = await readOffThread(bytes, fileName);
    const rows = rowsOf(model);
    if (rows.length === 0) {
      throw new HttpError(
        422,
        'no_ledger_rows',
        `no task rows were found in "${fileName}" / 未在文件中读到任何事项行`,
      );
    }
    const signal = c.req.raw.signal;
    const plan = await planFor(api, named, model, signal);
    const states = await readStates(api, plan.id);
    const matching = matchLedger(
      rows,
      states
        .filter((state) => state.kind !== 'theme')
        .map((state) => ({
          id: state.itemId,
          ref: state.ref,
          title: state.title,
          status: state.status,
        })),
    );
    for (const token of reviews.keys()) if (pending.get(token) === undefined) reviews.delete(token);
    const kept = pending.add({ fileName, model, lines, bytes: bytes.byteLength });
    const review = reviewOf(
      kept.token,
      kept.pending.expiresAt,
      { name: fileName, format: model.source?.format ?? 'text', bytes: bytes.byteLength },
      plan,
      matching,
    );
    reviews.set(kept.token, review);
    log(
      `read "${fileName}" against plan ${plan.id}: ${review.counts.matched} of ${review.counts.rows} rows matched; nothing written`,
    );
    return c.json(review);
  });

  routes.post('/ledger/:token/confirm', guard, async (c) => {
    const signedIn = requireWrite(c, 'import-ledger');
    const token = c.req.param('token');
    const { kept, review } = keptReview(token);
    if (kept.loading) {
      throw new HttpError(
        409,
        'ledger_in_progress',
        'this ledger is being written already / 该台账正在写入',
      );
    }
    const { driver, database } = api.target();
    const now = api.now();
    kept.loading = true;
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(async (tx) => {
        for (const match of review.matched) {
          await writeProgress(tx, {
            itemId: match.itemId,
            update: {
              ...(match.after === null ? {} : { status: match.after }),
              ...(match.note === null ? {} : { note: match.note }),
            },
            by: signedIn.name,
            source: 'ledger',
            now,
          });
        }
      });
    } catch (error) {
      if (error instanceof ProgressError) {
        throw new HttpError(
          409,
          'ledger_item_gone',
          `${error.message}; the plan changed since the review and nothing was written: import the ledger again / 审阅后方案已变化，未写入任何记录，请重新导入`,
        );
      }
      throw error;
    } finally {
      kept.loading = false;
      await session.close();
    }
    pending.delete(token);
    reviews.delete(token);
    const answer: LedgerConfirmAnswer = {
      planId: review.plan.id,
      written: review.matched.length,
      unmatched: review.unmatched.length,
    };
    recordWrite(c, {
      action: 'import-ledger',
      target: review.plan.id,
      before: null,
      after: { file: review.file.name, ...answer, changed: review.counts.changed },
    });
    log(
      `wrote ${answer.written} progress records on plan ${answer.planId} from "${review.file.name}" (${answer.unmatched} rows unmatched)`,
    );
    return c.json(answer);
  });

  routes.delete('/ledger/:token', guard, (c) => {
    requireWrite(c, 'import-ledger');
    const token = c.req.param('token');
    const { kept } = keptReview(token);
    if (kept.loading) {
      throw new HttpError(
        409,
        'ledger_in_progress',
        'this ledger is being written already / 该台账正在写入',
      );
    }
    pending.delete(token);
    reviews.delete(token);
    log(`cancelled "${kept.fileName}"; nothing written`);
    return c.json({ cancelled: true });
  });

  return routes;
}
