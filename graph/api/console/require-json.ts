// Posts that run queries must say their body is JSON. A page on another site can make a browser
// post to guatu without asking first only as text/plain, a form or multipart (a CORS "simple"
// request), and `no-cors` lets it do so blind; application/json needs a preflight, which guatu
// never grants, so such a page cannot run a query at all (issue 16). Every JSON write asks it.
import type { Context } from 'hono';
import { HttpError } from '../http-error.ts';

/** Throws 415 `unsupported_media_type` unless the request's Content-Type is application/json. */
export function requireJson(c: Context): void {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json') {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `send the body as JSON with Content-Type: application/json, not ${type === '' ? 'without a type' : type} / 请以 JSON 格式发送请求`,
    );
  }
}
