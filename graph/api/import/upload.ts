// Reading an uploaded file from the request: raw bytes (application/octet-stream), the name in a
// header, and never more than the limit held in memory — a body declared too large is refused
// before a byte of it is read, one that turns out too large is cut off where it passes the limit.
import { HttpError } from '../http-error.ts';

/** The file's name, percent-encoded UTF-8 (a header is ASCII): `encodeURIComponent(file.name)`. */
export const FILE_NAME_HEADER = 'X-Guatu-File-Name';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function tooLarge(limit: number, size?: number): HttpError {
  const what = size === undefined ? 'the file' : `the file (${mb(size)})`;
  return new HttpError(
    413,
    'file_too_large',
    `${what} is over the ${mb(limit)} limit; split the notice or save it without images`,
  );
}

/** The body as one file; only the raw type, so no form of another site can post one. */
export function checkUploadType(contentType: string | undefined): void {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/octet-stream') {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `send the file as application/octet-stream, not ${type === '' ? 'no type' : type}`,
    );
  }
}

/** The name the browser gave the file, without any directory, or "upload" when there is none. */
export function fileNameOf(header: string | undefined): string {
  if (header === undefined || header.trim() === '') return 'upload';
  let name: string;
  try {
    name = decodeURIComponent(header.trim());
  } catch {
    throw new HttpError(
      400,
      'bad_file_name',
      `${FILE_NAME_HEADER} must be the file name percent-encoded`,
    );
  }
  // A name is shown and logged, never used as a path; still, keep only its last part.
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').slice(0, 255);
  return base === '' ? 'upload' : base;
}

/** The request body, at most `limit` bytes; 413 as soon as it is known to be more. */
export async function readCapped(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    throw tooLarge(limit, Number(declared));
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
