// A named query's parameters as form fields and back: what each field starts with (the header's
// default, else its example, the plan on screen for `planId`) and the typed value it sends. Pure.
import type { QueryParamInfo } from '../api/schema.ts';

/** What a field holds while the planner edits it: text for inputs, a flag for checkboxes. */
export type FieldValue = string | boolean;

/** The field's first value. */
export function initialField(param: QueryParamInfo, plan: string | null): FieldValue {
  if (param.name === 'planId' && plan !== null) return plan;
  const start = param.default !== undefined ? param.default : param.example;
  if (param.type === 'boolean') return start === true;
  if (param.type === 'list') return JSON.stringify(start ?? []);
  if (start === null || start === undefined) return '';
  return typeof start === 'string' ? start : String(start);
}

export class ParamError extends Error {
  override readonly name = 'ParamError';
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The value to send for a field, typed as the header declares; an empty optional field is left
 * out (the query's default applies). Throws ParamError when the text cannot be that type.
 */
export function fieldValue(param: QueryParamInfo, field: FieldValue): unknown {
  if (param.type === 'boolean') return field === true;
  const raw = typeof field === 'string' ? field.trim() : '';
  if (raw === '') {
    if (!param.required) return undefined;
    throw new ParamError(param.name, `${param.name}: required`);
  }
  switch (param.type) {
    case 'integer': {
      const value = Number(raw);
      if (!Number.isSafeInteger(value)) throw new ParamError(param.name, `${param.name}: ${raw}`);
      return value;
    }
    case 'float': {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new ParamError(param.name, `${param.name}: ${raw}`);
      return value;
    }
    case 'list': {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        value = undefined;
      }
      if (!Array.isArray(value)) throw new ParamError(param.name, `${param.name}: ${raw}`);
      return value;
    }
    default:
      return typeof field === 'string' ? field : String(field);
  }
}

/** Every field's value, by parameter name; empty optional ones left out. */
export function paramsOf(
  params: readonly QueryParamInfo[],
  fields: Readonly<Record<string, FieldValue>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const param of params) {
    const value = fieldValue(param, fields[param.name] ?? '');
    if (value !== undefined) out[param.name] = value;
  }
  return out;
}
