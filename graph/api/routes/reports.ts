// A progress report for a range of days (docs/api.md, "Progress report"):
//   GET  /api/reports/progress?plan=&from=&to=            → the report as JSON (the browser's PDF)
//   POST /api/reports/progress?plan=&from=&to=&format=docx|xlsx&lang=zh|en
//        body: the war map as a PNG (application/octet-stream), or empty → the file
// The POST writes nothing; it is a POST only because the picture travels in its body. It is still
// behind the same-origin guard (a page elsewhere must not make the server build files) and its
// body is size-limited as it is read.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { addDays, progressReport, reportFileName, stampOf } from '../../reports/report.ts';
import type { ReportFile } from '../../reports/docx.ts';
import { attachment } from '../task-list/file-name.ts';
import { checkUploadType, readCapped } from '../import/upload.ts';
import { sameOrigin } from '../same-origin.ts';
import { PlanParam, queryOf } from '../validate.ts';

/** The war map at 4K and more is under this; a larger body is refused as it is read. */
export const MAX_FIGURE_BYTES = 12 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const Day = z.iso.date({ error: 'expected a day as YYYY-MM-DD / 日期格式应为 YYYY-MM-DD' });

const ReportQuery = z.object({
  plan: PlanParam,
  from: Day.optional(),
  to: Day.optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
});

const FileQuery = ReportQuery.extend({
  format: z.enum(['docx', 'xlsx'], {
    error: 'say which file: format=docx or format=xlsx / 请指定 format=docx 或 format=xlsx',
  }),
});

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Loaded on first use: docx and ExcelJS take seconds to import. */
const BUILDERS = {
  docx: async (file: ReportFile) => (await import('../../reports/docx.ts')).reportDocx(file),
  xlsx: async (file: ReportFile) => (await import('../../reports/xlsx.ts')).reportXlsx(file),
};

/** The range asked for; by default the 30 days up to today. */
function rangeOf(query: { from?: string | undefined; to?: string | undefined }, today: string) {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -30);
  if (from > to) {
    throw new HttpError(
      400,
      'bad_range',
      `the range starts (${from}) after it ends (${to}) / 开始日期晚于结束日期`,
    );
  }
  return { from, to };
}

export function reportsRoutes(api: ApiContext): Hono {
  const routes = new Hono();
  const guard = sameOrigin({ host: api.host });

  const reportOf = async (
    query: { plan?: string | undefined; from?: string | undefined; to?: string | undefined },
    signal: AbortSignal,
  ) => {
    const plan = await api.resolvePlan(query.plan, signal);
    const today = api.today();
    const { driver, database } = api.target();
    return progressReport(driver, database, {
      plan: { id: plan.id, title: plan.title, jurisdiction: plan.jurisdiction },
      ...rangeOf(query, today),
      today,
    });
  };

  routes.get('/reports/progress', async (c) => {
    const query = queryOf(c, ReportQuery);
    return c.json(await reportOf(query, c.req.raw.signal));
  });

  routes.post('/reports/progress', guard, async (c) => {
    const query = queryOf(c, FileQuery);
    checkUploadType(c.req.header('content-type'));
    const body = await readCapped(c.req.raw, MAX_FIGURE_BYTES);
    if (body.byteLength > 0 && !PNG_SIGNATURE.every((byte, index) => body[index] === byte)) {
      throw new HttpError(
        415,
        'figure_not_png',
        'the figure must be a PNG image / 作战图须为 PNG 图片',
      );
    }
    const report = await reportOf(query, c.req.raw.signal);
    const bytes = await BUILDERS[query.format]({
      report,
      lang: query.lang,
      stamp: stampOf,
      figure: body.byteLength > 0 ? body : null,
    });
    const name = reportFileName(report, query.lang, query.format);
    return c.body(bytes, 200, {
      'Content-Type': CONTENT_TYPES[query.format],
      'Content-Disposition': attachment(
        name,
        `progress-report-${report.from}-${report.to}.${query.format}`,
      ),
    });
  });

  return routes;
}
