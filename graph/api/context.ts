// What every route needs: the driver (asked for on each request, so a driver replaced after a
// failure is picked up and nothing holds a broken session), the database, the planners' query
// registry, and the API's own structural lookups (graph/api/queries/*.cypher).
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import type { AccountsDeps } from './accounts/gate.ts';
import type { PlanSummary } from '../../contract/api/plans.ts';
import type { QueryDefinition } from '../queries/header.ts';
import { bindParams } from '../queries/params.ts';
import { loadQueries } from '../queries/registry.ts';
import { AnswerCache } from './answer-cache.ts';
import type { DatabaseAvailability } from './availability.ts';
import { answerCacheConfig, DEFAULT_HOST, timeZoneConfig } from './config.ts';
import type { FoundGraph } from './elements.ts';
import type { RefusalLimits } from './console/refusals.ts';
import type { ConsoleDatabase } from './console/target.ts';
import { HttpError } from './http-error.ts';
import { readRows, type ReadTarget, type Rows } from './read.ts';
import { missingEnds } from './results.ts';
import { lookupRows } from './rows.ts';

// A result naming more relationship ends than this without their nodes draws them partly.
const MAX_ENDS_FETCHED = 2_000;

/**
 * How long the list of plans is reused. Nearly every request resolves its plan first; a second's
 * reuse spares that round trip under load, and a plan is never loaded faster than that.
 * GET /api/plans and /api/health always read afresh.
 */
const PLANS_TTL_MS = 1_000;

/** A console query's time limit unless the app is told otherwise. */
export const DEFAULT_CONSOLE_TIMEOUT_MS = 10_000;

export interface ApiDeps {
  /** The driver, or a getter for it (e.g. graph/neo4j/database.ts's getDriver). */
  driver: Driver | (() => Driver);
  /**
   * The console's own driver, or a getter (graph/neo4j/database.ts getConsoleDriver): a small
   * pool of its own, so console queries never hold the explorer's connections. Default: driver.
   */
  consoleDriver?: Driver | (() => Driver);
  /**
   * A database of the console's own (graph/neo4j/console-copy.ts): when given, console queries
   * run there and never on `driver`'s Neo4j; `consoleDriver` is then unused.
   */
  consoleDatabase?: ConsoleDatabase;
  /** The Neo4j database holding the plans (NEO4J_DATABASE; `neo4j` on the local server). */
  database: string;
  /** The planners' queries (graph/queries/registry.ts `queries()`): hotspots and named queries. */
  queries: readonly QueryDefinition[];
  /** The built web app (web/dist); null serves the API only. */
  webRoot: string | null;
  /** Time limit of the API's own lookups and named queries; default 10 s. */
  queryTimeoutMs?: number;
  /** Time limit of a console query; default 10 s. */
  consoleTimeoutMs?: number;
  /** How a client's refused console queries slow its next ones (console/refusals.ts). */
  consoleRefusals?: Partial<RefusalLimits>;
  /** Rows a console or named query returns at most; default 5,000. */
  maxRows?: number;
  /**
   * Graph answers kept for reuse while the plans are unchanged. Default: one bounded by
   * GUATU_ANSWER_CACHE_BYTES and GUATU_ANSWER_CACHE_TTL (graph/api/config.ts); a test passes its
   * own to look inside.
   */
  answers?: AnswerCache;
  /** At most this many kept answers besides the byte budget; 0 keeps none. Default 10,000. */
  cacheEntries?: number;
  /**
   * What the process knows of its database besides what queries find out: the supervisor of the
   * local Neo4j (graph/neo4j/supervisor.ts) says when it is restarting. Absent: queries alone tell.
   */
  availability?: () => DatabaseAvailability;
  /**
   * The HOST the server listens on (graph/api/config.ts): a name the browser may use besides the
   * loopback ones, for the writes that check Host (graph/api/same-origin.ts). Default 127.0.0.1.
   */
  host?: string;
  /**
   * Accounts, sessions and the audit log (graph/accounts/): with them guatu is in team mode as
   * soon as one account exists. Absent: local mode, the one planner at the machine.
   */
  accounts?: AccountsDeps;
  /**
   * The clock behind "today", "overdue" and "due soon" (tests move it; default the system's).
   * The browser never uses its own clock for these: answers carry the server's `today`.
   */
  now?: () => Date;
}

export const API_QUERIES_DIR = fileURLToPath(new URL('./queries/', import.meta.url));

let apiQueries: Map<string, QueryDefinition> | undefined;

/** The API's structural lookups, read (and their headers checked) once per process. */
export function apiQueryDefinitions(): Map<string, QueryDefinition> {
  apiQueries ??= new Map(
    loadQueries(API_QUERIES_DIR).map((definition) => [definition.name, definition]),
  );
  return apiQueries;
}

export class ApiContext {
  readonly queries: readonly QueryDefinition[];
  readonly webRoot: string | null;
  readonly host: string;
  readonly queryTimeoutMs: number;
  readonly consoleTimeoutMs: number;
  readonly consoleRefusals: Partial<RefusalLimits> | undefined;
  readonly maxRows: number;
  readonly #driver: Driver | (() => Driver);
  readonly #consoleDriver: Driver | (() => Driver) | undefined;
  readonly consoleDatabase: ConsoleDatabase | undefined;
  readonly #database: string;
  #plans: { at: number; plans: Promise<PlanSummary[]> } | null = null;
  /** Edits of the graph that leave every plan's text and counts as they were (a units merge). */
  #graphEdits = 0;
  readonly answers: AnswerCache;
  readonly availability: (() => DatabaseAvailability) | undefined;
  readonly now: () => Date;
  // en-CA writes dates as YYYY-MM-DD.
  readonly #today = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZoneConfig(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

  constructor(deps: ApiDeps) {
    this.#driver = deps.driver;
    this.#consoleDriver = deps.consoleDriver;
    this.consoleDatabase = deps.consoleDatabase;
    this.#database = deps.database;
    this.queries = deps.queries;
    this.webRoot = deps.webRoot;
    this.host = deps.host ?? DEFAULT_HOST;
    this.queryTimeoutMs = deps.queryTimeoutMs ?? 10_000;
    this.consoleTimeoutMs = deps.consoleTimeoutMs ?? DEFAULT_CONSOLE_TIMEOUT_MS;
    this.consoleRefusals = deps.consoleRefusals;
    this.maxRows = deps.maxRows ?? 5_000;
    this.answers =
      deps.answers ??
      new AnswerCache({
        ...answerCacheConfig(),
        ...(deps.cacheEntries === undefined ? {} : { maxEntries: deps.cacheEntries }),
      });
    this.availability = deps.availability;
    this.now = deps.now ?? (() => new Date());
    apiQueryDefinitions();
  }

  /**
   * Today's date (YYYY-MM-DD) by the app's clock, in the plan's time zone: a deadline passes at
   * midnight where the bureaus work, not at midnight UTC (GUATU_TIME_ZONE, default Asia/Shanghai).
   */
  today(): string {
    return this.#today.format(this.now());
  }

  target(): ReadTarget {
    const driver = typeof this.#driver === 'function' ? this.#driver() : this.#driver;
    return { driver, database: this.#database };
  }
  /** Where console queries run: the console's own driver when the app has one. */
  consoleTarget(): ReadTarget {
    const source = this.#consoleDriver ?? this.#driver;
    return { driver: typeof source === 'function' ? source() : source, database: this.#database };
  }

  /** Runs one of the API's own lookups by name, its parameters typed by the file's header. */
  lookup(
    name: string,
    params: Record<string, unknown>,
    signal?: AbortSignal,
    timeoutMs: number = this.queryTimeoutMs,
    target: ReadTarget = this.target(),
  ): Promise<Rows> {
    const definition = apiQueryDefinitions().get(name);
    if (definition === undefined) throw new Error(`no API query called ${name}`);
    return readRows(target, definition.text, bindParams(definition, params), {
      timeoutMs,
      signal,
      label: name,
    });
  }

  /** The plans loaded, read afresh. */
  async readPlans(signal?: AbortSignal): Promise<PlanSummary[]> {
    return lookupRows(this, 'plan-summaries', {}, signal);
  }

  /** A plan was loaded or replaced here: the next request reads the plans afresh. */
  plansChanged(): void {
    this.#plans = null;
  }

  /** The plans loaded, as read within the last second. A failed read is never reused. */
  plans(signal?: AbortSignal): Promise<PlanSummary[]> {
    const now = Date.now();
    if (this.#plans !== null && now - this.#plans.at < PLANS_TTL_MS) return this.#plans.plans;
    // Not tied to this request's signal: other requests may share the answer.
    const plans = this.readPlans();
    const entry = { at: now, plans };
    this.#plans = entry;
    plans.catch(() => {
      if (this.#plans === entry) this.#plans = null;
    });
    return signal === undefined ? plans : abortable(plans, signal);
  }

  /**
   * The plan a request is about: the one named, or the only one loaded. 404 for an unknown plan
   * or none at all; 400 when several are loaded and the request did not say which.
   */
  async resolvePlan(planId: string | undefined, signal?: AbortSignal): Promise<PlanSummary> {
    const plans = await this.plans(signal);
    if (planId !== undefined) {
      const plan = plans.find((candidate) => candidate.id === planId);
      if (plan === undefined) throw unknownPlan(planId, plans);
      return plan;
    }
    const [only, ...others] = plans;
    if (only === undefined) throw new HttpError(404, 'no_plan', 'no plan is loaded yet');
    if (others.length > 0) {
      throw new HttpError(
        400,
        'plan_required',
        `${plans.length} plans are loaded; say which with plan= (${plans.map((plan) => plan.id).join(', ')})`,
      );
    }
    return only;
  }

  /**
   * The plans a request may look across: the one named, the chosen set (选定规划, each id checked),
   * or every plan loaded.
   */
  async planIds(
    chosen: string | readonly string[] | undefined,
    signal?: AbortSignal,
  ): Promise<string[]> {
    const plans = await this.plans(signal);
    if (chosen === undefined) return plans.map((plan) => plan.id);
    const ids = typeof chosen === 'string' ? [chosen] : [...chosen];
    const unknown = ids.find((id) => !plans.some((plan) => plan.id === id));
    if (unknown !== undefined) throw unknownPlan(unknown, plans);
    return ids;
  }

  /**
   * Adds the nodes at the ends of the found relationships that the result did not hold itself
   * (`MATCH ()-[r]->() RETURN r`), so every relationship can be drawn.
   */
  async completeGraph(
    found: FoundGraph,
    signal?: AbortSignal,
    target: ReadTarget = this.target(),
  ): Promise<FoundGraph> {
    const elementIds = missingEnds(found).slice(0, MAX_ENDS_FETCHED);
    if (elementIds.length === 0) return found;
    const rows = await lookupRows(
      this,
      'nodes-by-element-id',
      { elementIds },
      signal,
      this.queryTimeoutMs,
      target,
    );
    for (const { node } of rows) {
      found.nodes.set(node.elementId, node);
    }
    return found;
  }

  /** Whether answers are kept at all. */
  get caching(): boolean {
    return this.answers.enabled;
  }

  /**
   * What kept answers depend on: every plan's id, text checksum and counts. Reading it (the plans
   * list, reused for a second) is also what notices Neo4j going away, within that second.
   */
  async answersVersion(signal?: AbortSignal): Promise<string> {
    const plans = await this.plans(signal);
    return plans
      .map(
        (plan) =>
          `${plan.id}@${plan.sourceSha256}:${plan.itemCount}:${plan.unitCount}:${plan.edgeCount}`,
      )
      .join('|')
      .concat(`#${this.#graphEdits}`);
  }

  /**
   * The graph was edited here without a plan being loaded (graph/api/routes/unit-merge.ts): the
   * answers kept so far describe it no longer.
   */
  graphEdited(): void {
    this.#graphEdits += 1;
  }

  /** The JSON kept for `key` under this version of the plans, if any and not too old. */
  keptAnswer(version: string, key: string): string | undefined {
    return this.answers.get(version, key);
  }

  keepAnswer(version: string, key: string, json: string): void {
    this.answers.set(version, key, json);
  }

  /** The plan to read unit figures from: the one named, else the only one, else none. */
  async metricsPlan(planId: string | undefined, signal?: AbortSignal): Promise<string> {
    const ids = await this.planIds(planId, signal);
    return ids.length === 1 ? (ids[0] ?? '') : '';
  }
}

/** Resolves like `promise`, or rejects as soon as the client has gone. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted)
    return Promise.reject(new HttpError(400, 'cancelled', 'the client went away'));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new HttpError(400, 'cancelled', 'the client went away'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function unknownPlan(planId: string, plans: readonly PlanSummary[]): HttpError {
  const known = plans.map((plan) => plan.id).join(', ');
  return new HttpError(
    404,
    'unknown_plan',
    `no plan with id "${planId}" (loaded: ${known || 'none'}) / 没有编号为“${planId}”的规划(已载入:${known || '无'})`,
  );
}
