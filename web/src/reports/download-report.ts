// A progress report as a file: Word and Excel are built by the server (POST /api/reports/progress,
// the war map's PNG in the body: a POST that writes nothing), the PDF here from the report's JSON
// (report-pdf.ts), so its Chinese is set by the browser's own fonts. Every file is named by the
// server's rule: 武汉十四五分工-进展通报-2026-11-01至2026-12-07.docx.
import { ApiError, type ApiClient } from '../api/client.ts';
import { ErrorBody } from '../api/schema.ts';
import { ProgressReport } from '../../../contract/api/reports.ts';
import { reportFileName } from '../../../contract/report-words.ts';
import { attachmentName, downloadBlob } from '../export/download.ts';
import type { Lang } from '../i18n/messages.ts';

export type ReportFormat = 'docx' | 'xlsx' | 'pdf';

export interface ReportRequest {
  plan: string | null;
  from: string;
  to: string;
  format: ReportFormat;
  lang: Lang;
  /** The war map as a PNG, or null for a report without it. */
  figure: Blob | null;
}

async function failure(response: Response): Promise<ApiError> {
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  return body.success
    ? new ApiError(response.status, body.data.error.code, body.data.error.message)
    : new ApiError(response.status, 'http', `${response.status} ${response.statusText}`);
}

/** The report's data (statuses today, the range's records): what the PDF and the dialog read. */
export async function fetchReport(
  api: ApiClient,
  query: { plan: string | null; from?: string; to?: string },
  signal?: AbortSignal,
): Promise<ProgressReport> {
  const response = await api.send(api.url('/reports/progress', query), {
    signal: signal ?? null,
  });
  if (!response.ok) throw await failure(response);
  const parsed = ProgressReport.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(response.status, 'payload', '/reports/progress: unexpected answer');
  }
  return parsed.data;
}

/** Downloads the report and says what it was called. */
export async function downloadReport(
  api: ApiClient,
  request: ReportRequest,
  signal?: AbortSignal,
): Promise<string> {
  const range = { plan: request.plan, from: request.from, to: request.to };
  if (request.format === 'pdf') {
    const report = await fetchReport(api, range, signal);
    const { reportPdf } = await import('./report-pdf.ts');
    const name = reportFileName(report, request.lang, 'pdf');
    downloadBlob(await reportPdf(report, request.lang, request.figure), name);
    return name;
  }
  const response = await api.send(
    api.url('/reports/progress', { ...range, format: request.format, lang: request.lang }),
    {
      method: 'POST',
      signal: signal ?? null,
      headers: { 'content-type': 'application/octet-stream', 'x-guatu-request': '1' },
      body: request.figure ?? new Blob([]),
    },
  );
  if (!response.ok) throw await failure(response);
  const name =
    attachmentName(response.headers.get('content-disposition')) ??
    `progress-report-${request.from}-${request.to}.${request.format}`;
  downloadBlob(await response.blob(), name);
  return name;
}
