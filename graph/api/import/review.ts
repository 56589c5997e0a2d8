// The review of an import: what the file holds as the loader would load it — counts, the document
// as read with its items and units in place, every issue where it is, the units no dictionary
// knows — and whether it can be loaded at all. Pure: the route hands in the reading, the
// dictionaries and what is loaded already. The web app reads this shape through
// web/src/api/import-schema.ts; test/api/import.test.ts checks the one against the other.
import { identifyPlanUnits, identifyUnit, type UnitKnownBy } from '../../dictionary/identify.ts';
import type { UnitDictionary } from '../../dictionary/schema.ts';
import type { ItemKind, ParseIssue, PlanModel, SourcePosition } from '../../model/plan.ts';
import { expectedCounts, preparePlan, PlanModelError, type PlanSource } from '../../load/rows.ts';
import type { ReadLine } from '../../parse/parse-document.ts';
import { missingFields, type HeaderField } from './edit-plan.ts';
import type { PendingImport } from './pending.ts';

export interface ReviewItem {
  id: string;
  kind: ItemKind;
  ref: string;
  title: string;
  line: number;
  units: {
    name: string;
    key: string;
    role: string;
    edge: 'LEADS' | 'SUPPORTS';
    inferred: boolean;
  }[];
}

export interface ReviewUnit {
  id: string;
  key: string;
  name: string;
  line: number;
  collective: boolean;
  /** Who knows the unit: the plan's dictionary, the general name table, its form only, none. */
  known: UnitKnownBy;
  /** A dictionary knows it (the plan's own or the general table); otherwise it is flagged. */
  verified: boolean;
}

export interface ImportReview {
  /** Names this import in 载入 and 取消; unguessable, kept by the server only for `expiresAt`. */
  token: string;
  expiresAt: string;
  file: {
    name: string;
    format: SourcePosition['format'];
    encoding: string | null;
    bytes: number;
    sha256: string;
  };
  plan: PlanModel['plan'];
  /** Header fields the document does not print: the review lets the planner supply them. */
  missing: Record<HeaderField, boolean>;
  counts: Record<ItemKind, number> & {
    units: number;
    unverified: number;
    LEADS: number;
    SUPPORTS: number;
    errors: number;
    warnings: number;
  };
  /** lines[n - 1] is line n, the number items, units and issues refer to. */
  lines: ReadLine[];
  items: ReviewItem[];
  units: ReviewUnit[];
  issues: ParseIssue[];
  /** False when the loader would refuse the model (it has errors, or nothing to load). */
  loadable: boolean;
  /** The plan already loaded under the same id, which 载入 would replace only when asked to. */
  existing: { id: string; title: string; sameFile: boolean } | null;
}

const KINDS: readonly ItemKind[] = ['indicator', 'theme', 'task', 'project', 'requirement'];

/** The document as read, one string: what the Plan node keeps for "show source". */
export function sourceOf(pending: Pick<PendingImport, 'fileName' | 'model' | 'lines'>): PlanSource {
  return {
    name: pending.fileName,
    text: pending.lines.map((line) => line.text).join('\n'),
    sha256: pending.model.source?.sha256 ?? '',
  };
}

export function buildReview(
  token: string,
  pending: PendingImport,
  dictionaries: readonly UnitDictionary[],
  loaded: readonly { id: string; title: string; sourceSha256: string | null }[],
): ImportReview {
  const { model, lines } = pending;
  const issues = [...model.issues];
  const counts = {
    ...(Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<ItemKind, number>),
    units: model.units.length,
    unverified: 0,
    LEADS: 0,
    SUPPORTS: 0,
    errors: 0,
    warnings: 0,
  };
  for (const item of model.items) counts[item.kind] += 1;

  // The loader's own preparation, so the review counts the edges it would write.
  const dictionary =
    dictionaries.find((candidate) => candidate.jurisdiction === model.plan.jurisdiction) ?? null;
  // A model with no items has nothing to prepare (and the metrics want at least one item).
  if (model.items.length > 0) {
    try {
      const prepared = preparePlan(model, dictionary, sourceOf(pending));
      const expected = expectedCounts(prepared);
      counts.LEADS = expected.relationships.LEADS;
      counts.SUPPORTS = expected.relationships.SUPPORTS;
      // Units no dictionary knows are listed once below, not once each.
      issues.push(...prepared.issues.filter((issue) => issue.code !== 'unit-not-in-dictionary'));
    } catch (error) {
      if (!(error instanceof PlanModelError)) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, severity: 'error' as const })));
    }
  }

  // Who each unit is, as the dictionaries (the plan's own, then the general table) say.
  const context = { jurisdiction: model.plan.jurisdiction, dictionary };
  const units = model.units.map((unit): ReviewUnit => {
    const { known } = identifyUnit(unit.name, context);
    return {
      id: unit.id,
      key: unit.key,
      name: unit.name,
      line: unit.line,
      collective: unit.collective,
      known,
      verified: known === 'dictionary' || known === 'general',
    };
  });
  const unlisted = identifyPlanUnits(model.units, context).issue;
  if (unlisted !== null) issues.push(unlisted);
  counts.unverified = units.filter((unit) => !unit.verified).length;
  counts.errors = issues.filter((issue) => issue.severity === 'error').length;
  counts.warnings = issues.filter((issue) => issue.severity === 'warning').length;
  // Issues in reading order, the document's own (no line) first, as the parser orders them.
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const found = loaded.find((plan) => plan.id === model.plan.id);
  return {
    token,
    expiresAt: new Date(pending.expiresAt).toISOString(),
    file: {
      name: pending.fileName,
      format: model.source?.format ?? 'text',
      encoding: model.source?.encoding ?? null,
      bytes: model.source?.bytes ?? pending.bytes,
      sha256: model.source?.sha256 ?? '',
    },
    plan: model.plan,
    missing: missingFields(model),
    counts,
    lines,
    items: model.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      ref: item.ref,
      title: item.title,
      line: item.line,
      units: item.units.map(({ name, key, role, edge, inferred }) => ({
        name,
        key,
        role,
        edge,
        inferred,
      })),
    })),
    units,
    issues,
    loadable: counts.errors === 0 && model.items.length > 0,
    existing:
      found === undefined
        ? null
        : {
            id: found.id,
            title: found.title,
            sameFile: found.sourceSha256 === model.source?.sha256,
          },
  };
}
