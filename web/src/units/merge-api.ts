// The units-merge routes as the unit panel calls them (docs/api.md, "Units merged"), through the
// app's one client (its `send` turns an expired session into the login): writes carry the header
// only a page of guatu sends, answers are checked against the contract before they are read.
import type * as z from 'zod/mini';
import { ErrorBody } from '../../../contract/api/errors.ts';
import {
  MergeAnswer,
  MergesAnswer,
  type MergePost,
  type SplitPost,
} from '../../../contract/api/unit-merge.ts';
import { ApiError, type ApiClient } from '../api/client.ts';

async function read<S extends z.ZodMiniType>(
  response: Response,
  schema: S,
  path: string,
): Promise<z.infer<S>> {
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ErrorBody.safeParse(answer);
    throw error.success
      ? new ApiError(response.status, error.data.error.code, error.data.error.message)
      : new ApiError(response.status, 'http', `${response.status} ${response.statusText}`);
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new ApiError(response.status, 'payload', `${path}: unexpected answer`);
  return parsed.data;
}

function write<S extends z.ZodMiniType>(
  api: ApiClient,
  path: string,
  body: unknown,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  return api
    .send(api.url(path), {
      method: 'POST',
      signal: signal ?? null,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'x-guatu-request': '1',
      },
      body: JSON.stringify(body),
    })
    .then((response) => read(response, schema, path));
}

/** The merges into or from a unit, newest first. */
export async function mergesOf(api: ApiClient, unit: string, signal?: AbortSignal) {
  const path = '/units/merges';
  const response = await api.send(api.url(path, { unit }), {
    signal: signal ?? null,
    headers: { accept: 'application/json' },
  });
  return (await read(response, MergesAnswer, path)).merges;
}

/** Merges one unit into another; with `dryRun`, only counts what would move. */
export function mergeUnits(api: ApiClient, post: MergePost, signal?: AbortSignal) {
  return write(api, '/units/merge', post, MergeAnswer, signal);
}

export function splitMerge(api: ApiClient, post: SplitPost, signal?: AbortSignal) {
  return write(api, '/units/split', post, MergeAnswer, signal);
}
