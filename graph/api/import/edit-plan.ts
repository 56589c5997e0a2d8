// What the planner supplies in the review where the document is silent: title, issuer, date,
// jurisdiction. Applied to the kept model before it is loaded; a new title or jurisdiction
// gives the plan the id the parser would have given it had the document printed them, and the
// items and units the ids that follow from it.
import { z } from 'zod';
import { PlanModel, type ParseIssue } from '../../model/plan.ts';
import { planIdOf } from '../../parse/parse-plan.ts';
import { UNKNOWN_JURISDICTION, UNTITLED } from '../../parse/preamble.ts';

const isRealDate = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

/** Text a planner typed: trimmed, one line, no control characters. */
const Typed = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `at most ${max} characters` })
    .refine((text) => !/\p{Cc}/u.test(text), { error: 'must be one line of text' });

export const HeaderEdits = z.strictObject({
  title: Typed(200).optional(),
  issuer: Typed(100).optional(),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' })
    .refine(isRealDate, { error: 'no such day' })
    .optional(),
  // Unit ids are `${jurisdiction}/${key}`: a slash would make them ambiguous.
  jurisdiction: Typed(40)
    .refine((text) => !text.includes('/'), { error: 'must not contain "/"' })
    .optional(),
});
export type HeaderEdits = z.infer<typeof HeaderEdits>;

export type HeaderField = keyof HeaderEdits;
export const HEADER_FIELDS: readonly HeaderField[] = ['title', 'issuer', 'date', 'jurisdiction'];

/** The issue each field's absence raises (graph/parse/preamble.ts), settled once it is supplied. */
const ABSENCE: Record<HeaderField, string> = {
  title: 'no-title',
  issuer: 'no-issuer',
  date: 'no-date',
  jurisdiction: 'no-jurisdiction',
};

/** The header fields the document does not print: the ones the review lets the planner fill. */
export function missingFields(model: PlanModel): Record<HeaderField, boolean> {
  const absent = (field: HeaderField) =>
    model.issues.some((issue) => issue.code === ABSENCE[field] && issue.line === null);
  return {
    title: absent('title') || model.plan.title === UNTITLED,
    issuer: model.plan.issuer === null,
    date: model.plan.date === null,
    jurisdiction: absent('jurisdiction') || model.plan.jurisdiction === UNKNOWN_JURISDICTION,
  };
}

/** Thrown for an edit of a field the document prints: those stay as printed. */
export class PrintedFieldError extends Error {
  override readonly name = 'PrintedFieldError';
  constructor(readonly fields: readonly HeaderField[]) {
    super(`the document prints its ${fields.join(', ')}; only missing fields can be supplied`);
  }
}

/** The model with the planner's edits applied and every id that depends on them renewed. */
export function withHeader(model: PlanModel, edits: HeaderEdits): PlanModel {
  const missing = missingFields(model);
  const printed = HEADER_FIELDS.filter((field) => edits[field] !== undefined && !missing[field]);
  if (printed.length > 0) throw new PrintedFieldError(printed);
  const supplied = new Set(HEADER_FIELDS.filter((field) => edits[field] !== undefined));
  if (supplied.size === 0) return model;

  const old = model.plan;
  const title = edits.title ?? old.title;
  const jurisdiction = edits.jurisdiction ?? old.jurisdiction;
  const id = planIdOf(jurisdiction, title);
  const itemId = (oldId: string) =>
    oldId.startsWith(`${old.id}/`) ? `${id}/${oldId.slice(old.id.length + 1)}` : oldId;
  const settled = new Set([...supplied].map((field) => ABSENCE[field]));
  const keep = (issue: ParseIssue) => !(issue.line === null && settled.has(issue.code));

  return PlanModel.parse({
    ...model,
    plan: {
      id,
      title,
      issuer: edits.issuer ?? old.issuer,
      date: edits.date ?? old.date,
      jurisdiction,
    },
    items: model.items.map((item) => ({
      ...item,
      id: itemId(item.id),
      parent: item.parent === null ? null : itemId(item.parent),
    })),
    units: model.units.map((unit) => ({ ...unit, id: `${jurisdiction}/${unit.key}` })),
    issues: model.issues.filter(keep),
  });
}
