// Import in the explorer (docs/api.md, "Import"): a file is uploaded and read — nothing written —
// and answered with its review; 载入 loads the kept model atomically with the loader `npm run load`
// uses; 取消 forgets it. Every route here is a write reachable from a browser, so every one is
// behind the same-origin guard, asks the account's role (a planner's: import-plan, and
// replace-plan to load over a plan of the same id) and leaves an entry in the audit log.
import { Hono } from 'hono';
import { z } from 'zod';
import {
  loadPlanModel,
  PlanChangedError,
  PlanParseError,
  seedDictionaries,
} from '../../load/load-plan.ts';
import { PlanModelError } from '../../load/rows.ts';
import type { PlanModel } from '../../model/plan.ts';
import type { PlanSummary } from '../../../contract/api/plans.ts';
import { recordWrite, requireWrite } from '../accounts/gate.ts';
import { readOffThread } from '../import/read-off-thread.ts';
import { DEFAULT_LIMITS } from '../../parse/read/blocks.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { LoadFailedError } from '../../load/failure.ts';
import { HeaderEdits, PrintedFieldError, withHeader } from '../import/edit-plan.ts';
import type { PendingLimits } from '../import/pending.ts';
import { pendingImportsOf } from '../import/pending-of.ts';
import { buildReview, sourceOf } from '../import/review.ts';
import { checkUploadType, FILE_NAME_HEADER, fileNameOf, readCapped } from '../import/upload.ts';
import { sameOrigin } from '../same-origin.ts';
import { jsonBodyOf } from '../validate.ts';

/** The largest file an import accepts: the readers' own limit (graph/parse/read/blocks.ts). */
export const MAX_IMPORT_BYTES = DEFAULT_LIMITS.maxBytes;

const LoadRequest = HeaderEdits.extend({
  /** Replace a plan loaded under the same id; without it, such a load is refused (409). */
  replace: z.boolean().default(false),
});

export interface LoadAnswer {
  status: 'loaded' | 'replaced';
  planId: string;
  title: string;
  counts: { items: number; units: number; LEADS: number; SUPPORTS: number; unverified: number };
}

const TOKEN = /^[0-9a-f]{32}$/;

/** One line per import and load in the server's log: when, which file, which plan, how much. */
function log(line: string): void {
  console.error(`[import] ${new Date().toISOString()} ${line}`);
}

const short = (sha256: string | undefined) => (sha256 ?? '').slice(0, 16);

function unknownImport(): HttpError {
  return new HttpError(
    404,
    'unknown_import',
    'no import is waiting under this token: it was loaded, cancelled, or expired; import the file again',
  );
}

function notLoadable(model: PlanModel): HttpError {
  const errors = model.issues.filter((issue) => issue.severity === 'error');
  const first = errors[0];
  return new HttpError(
    422,
    'not_loadable',
    first === undefined
      ? 'the document holds nothing to load'
      : `the document has ${errors.length} error(s) and cannot be loaded; first: [${first.code}] ${first.message}`,
  );
}

function checkJsonType(contentType: string | undefined): void {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json') {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `send the request as application/json, not ${type === '' ? 'no type' : type}`,
    );
  }
}

export function importRoutes(api: ApiContext, limits: Partial<PendingLimits> = {}): Hono {
  const routes = new Hono();
  // The app's one store: the comparison of editions reads the same reviews (routes/editions.ts).
  const pending = pendingImportsOf(api, limits);
  const guard = sameOrigin({ host: api.host });

  routes.post('/import', guard, async (c) => {
    // Reading a file writes nothing, but it is the first step of an import and costs the server
    // a parse: only those who may import may ask for one.
    requireWrite(c, 'import-plan');
    checkUploadType(c.req.header('content-type'));
    const fileName = fileNameOf(c.req.header(FILE_NAME_HEADER));
    const bytes = await readCapped(c.req.raw, MAX_IMPORT_BYTES);
    const { model, lines } = await readOffThread(bytes, fileName);
    const kept = pending.add({ fileName, model, lines, bytes: bytes.byteLength });
    const [dictionaries, loaded] = await Promise.all([
      seedDictionaries(),
      // Only to say whether a plan of this id is loaded; the review stands without it.
      api.plans(c.req.raw.signal).catch(() => []),
    ]);
    const review = buildReview(kept.token, kept.pending, dictionaries, loaded);
    const { counts } = review;
    log(
      `read "${fileName}" (${review.file.format}, ${bytes.byteLength} bytes, sha256 ${short(review.file.sha256)}…) ` +
        `→ plan ${model.plan.id}: ${model.items.length} items, ${counts.units} units, ` +
        `${counts.LEADS} LEADS, ${counts.SUPPORTS} SUPPORTS, ${counts.errors} errors; nothing written`,
    );
    recordWrite(c, {
      action: 'read-import',
      target: fileName,
      before: null,
      after: { planId: model.plan.id, title: model.plan.title, items: model.items.length },
    });
    return c.json(review);
  });

  routes.post('/import/:token/load', guard, async (c) => {
    requireWrite(c, 'import-plan');
    checkJsonType(c.req.header('content-type'));
    const token = c.req.param('token');
    const kept = TOKEN.test(token) ? pending.get(token) : undefined;
    if (kept === undefined) throw unknownImport();
    if (kept.loading) {
      throw new HttpError(409, 'import_in_progress', 'this import is being loaded already');
    }
    const { replace, ...edits } = LoadRequest.parse(await jsonBodyOf(c));
    if (replace) requireWrite(c, 'replace-plan');
    let model: PlanModel;
    try {
      model = withHeader(kept.model, edits);
    } catch (error) {
      if (error instanceof PrintedFieldError) {
        throw new HttpError(422, 'field_printed', error.message);
      }
      throw error;
    }
    if (model.items.length === 0 || model.issues.some((issue) => issue.severity === 'error')) {
      throw notLoadable(model);
    }

    const { driver, database } = api.target();
    kept.loading = true;
    try {
      // What a replace overwrites, for the audit log's "before".
      const before = replace
        ? ((await api.plans(c.req.raw.signal)).find((plan) => plan.id === model.plan.id) ?? null)
        : null;
      // `force` with `replace`: the same file may come back with a header the planner supplied.
      const outcome = await loadPlanModel(driver, model, sourceOf({ ...kept, model }), {
        database,
        replace,
        force: replace,
      });
      if (outcome.status === 'already-loaded') throw planExists(model, true);
      pending.delete(token);
      api.plansChanged();
      const answer: LoadAnswer = {
        status: outcome.status,
        planId: outcome.planId,
        title: outcome.title,
        counts: {
          items: model.items.length,
          units: model.units.length,
          LEADS: outcome.expected.relationships.LEADS,
          SUPPORTS: outcome.expected.relationships.SUPPORTS,
          unverified: outcome.unverified.length,
        },
      };
      log(
        `${outcome.status} "${kept.fileName}" (sha256 ${short(model.source?.sha256)}…) as plan ${outcome.planId}: ` +
          `${answer.counts.items} items, ${answer.counts.units} units, ${answer.counts.LEADS} LEADS, ` +
          `${answer.counts.SUPPORTS} SUPPORTS, ${answer.counts.unverified} unverified`,
      );
      recordWrite(c, {
        action: outcome.status === 'replaced' ? 'replace-plan' : 'import-plan',
        target: outcome.planId,
        before: before === null ? null : auditedPlan(before),
        after: {
          title: outcome.title,
          file: kept.fileName,
          sha256: model.source?.sha256 ?? null,
          items: answer.counts.items,
          units: answer.counts.units,
        },
      });
      return c.json(answer);
    } catch (error) {
      if (error instanceof PlanChangedError) throw planExists(model, false);
      if (error instanceof PlanParseError || error instanceof PlanModelError) {
        throw new HttpError(422, 'not_loadable', error.message);
      }
      // The database failed mid-write: say so in the planner's words (the load is one
      // transaction, so nothing was written unless the message says the outcome is unknown).
      if (error instanceof LoadFailedError) {
        const status = error.reason === 'transaction-memory' ? 422 : 503;
        throw new HttpError(
          status,
          `load_${error.reason.replaceAll('-', '_')}`,
          `${error.zh} / ${error.en}`,
          {
            cause: error,
          },
        );
      }
      throw error;
    } finally {
      kept.loading = false;
    }
  });

  routes.delete('/import/:token', guard, (c) => {
    requireWrite(c, 'import-plan');
    const token = c.req.param('token');
    const kept = TOKEN.test(token) ? pending.get(token) : undefined;
    if (kept === undefined) throw unknownImport();
    if (kept.loading) {
      throw new HttpError(409, 'import_in_progress', 'this import is being loaded already');
    }
    pending.delete(token);
    log(
      `cancelled "${kept.fileName}" (sha256 ${short(kept.model.source?.sha256)}…); nothing written`,
    );
    recordWrite(c, {
      action: 'cancel-import',
      target: kept.fileName,
      before: { planId: kept.model.plan.id },
      after: null,
    });
    return c.json({ cancelled: true });
  });

  return routes;
}

function planExists(model: PlanModel, sameFile: boolean): HttpError {
  return new HttpError(
    409,
    'plan_exists',
    `plan ${model.plan.id} (${model.plan.title}) is loaded already${sameFile ? ' from this same file' : ''}; ` +
      'tick "replace" to replace it',
  );
}

/** A plan as the audit log remembers it before a replace. */
function auditedPlan(plan: PlanSummary) {
  return {
    title: plan.title,
    sha256: plan.sourceSha256,
    items: plan.itemCount,
    units: plan.unitCount,
  };
}
