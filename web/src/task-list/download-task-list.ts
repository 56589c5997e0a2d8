// Fetches a unit's 任务清单 built by the server (GET /api/units/task-list) and hands it to the
// browser as a download under the name the server gave it. Fetched rather than linked, so a
// failure is shown in the panel in the planner's words instead of saved as a file.
import { ApiError, type ApiClient } from '../api/client.ts';
import { ErrorBody } from '../api/schema.ts';
import { attachmentName, downloadBlob, localDay } from '../export/download.ts';

export type TaskListFormat = 'xlsx' | 'docx';

export interface TaskListRequest {
  unitId: string;
  plan: string | null;
  format: TaskListFormat;
  lang: 'zh' | 'en';
}

/** Downloads the file and says what it was called. */
export async function downloadTaskList(
  api: ApiClient,
  request: TaskListRequest,
  signal?: AbortSignal,
): Promise<string> {
  const day = localDay();
  const url = api.url('/units/task-list', {
    id: request.unitId,
    plan: request.plan,
    format: request.format,
    lang: request.lang,
    // The planner's day, not the server's, goes on the file.
    day,
  });
  const response = await api.send(url, { signal: signal ?? null });
  if (!response.ok) {
    const body = ErrorBody.safeParse(await response.json().catch(() => null));
    throw body.success
      ? new ApiError(response.status, body.data.error.code, body.data.error.message)
      : new ApiError(response.status, 'http', `${response.status} ${response.statusText}`);
  }
  const name =
    attachmentName(response.headers.get('content-disposition')) ??
    `task-list-${day}.${request.format}`;
  downloadBlob(await response.blob(), name);
  return name;
}
