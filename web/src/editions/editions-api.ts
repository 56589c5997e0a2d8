// GET /api/editions/compare as the web app asks it: the comparison as JSON, checked against the
// contract, or its CSV handed to the browser as a download under the name the server gives it
// (the newer edition's short title, 版本对比, the server's day). Through ApiClient.send, so an
// expired session brings back the login whichever of the two asked.
import { EditionComparison } from '../../../contract/api/editions.ts';
import { ApiError, type ApiClient } from '../api/client.ts';
import { ErrorBody } from '../api/schema.ts';
import { attachmentName, downloadBlob } from '../export/download.ts';
import type { Lang } from '../i18n/messages.ts';
import type { EditionPair } from './compare-view.ts';

/** Two loaded plans, or a file read for import against the plan it would replace. */
export type ComparisonSource = EditionPair | { review: string };

const paramsOf = (source: ComparisonSource) =>
  'review' in source ? { review: source.review } : { from: source.from, to: source.to };

async function failure(response: Response): Promise<ApiError> {
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  return body.success
    ? new ApiError(response.status, body.data.error.code, body.data.error.message)
    : new ApiError(response.status, 'http', `${response.status} ${response.statusText}`);
}

export async function fetchComparison(
  api: ApiClient,
  source: ComparisonSource,
  signal?: AbortSignal,
): Promise<EditionComparison> {
  const response = await api.send(api.url('/editions/compare', paramsOf(source)), {
    headers: { accept: 'application/json' },
    signal: signal ?? null,
  });
  if (!response.ok) throw await failure(response);
  const parsed = EditionComparison.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    throw new ApiError(response.status, 'payload', '/editions/compare: unexpected answer');
  }
  return parsed.data;
}

/** Downloads the changed items (or the units' totals) as CSV and says what the file is called. */
export async function downloadComparisonCsv(
  api: ApiClient,
  source: ComparisonSource,
  options: { lang: Lang; table?: 'items' | 'units' },
): Promise<string> {
  const url = api.url('/editions/compare', {
    ...paramsOf(source),
    format: 'csv',
    table: options.table ?? 'items',
    lang: options.lang,
  });
  const response = await api.send(url);
  if (!response.ok) throw await failure(response);
  const name = attachmentName(response.headers.get('content-disposition')) ?? 'guatu-editions.csv';
  // The server names the file after the newer edition, which need not be the plan on screen.
  downloadBlob(await response.blob(), name, { ofPlan: false });
  return name;
}
