// GET /api/matrix/plans as the matrix asks it: every unit's figures in every plan loaded, checked
// against the contract before the view reads them. Through ApiClient.send, so an expired
// session brings back the login as any other request does.
import { PlansMatrixAnswer } from '../../../contract/api/plans-matrix.ts';
import { ApiError, type ApiClient } from '../api/client.ts';
import { ErrorBody } from '../api/schema.ts';

export async function fetchPlansMatrix(
  api: ApiClient,
  collectives: boolean,
  signal?: AbortSignal,
  /** A chosen set (选定规划): only these plans' columns; null: every plan loaded. */
  plans: readonly string[] | null = null,
): Promise<PlansMatrixAnswer> {
  const url = api.url('/matrix/plans', { collectives, plans: plans?.join(',') });
  const response = await api.send(url, {
    headers: { accept: 'application/json' },
    signal: signal ?? null,
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ErrorBody.safeParse(body);
    throw error.success
      ? new ApiError(response.status, error.data.error.code, error.data.error.message)
      : new ApiError(response.status, 'http', `${response.status} ${response.statusText}`);
  }
  const parsed = PlansMatrixAnswer.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'payload', '/matrix/plans: unexpected answer');
  }
  return parsed.data;
}
