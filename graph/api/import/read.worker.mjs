// The reader (readDocument) in a worker thread: the bytes of an uploaded file in, the model and
// the lines as read out. Nothing here interprets the file: ./read-off-thread.ts keeps the
// deadline and the heap cap and validates what this posts.
//
// Plain JavaScript that registers tsx before importing the TypeScript reader: tsx's loader does
// not reach worker threads by itself, and the API runs under tsx (`npm start`) and vitest alike.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readDocument } = await import('../../parse/parse-document.ts');

parentPort.on('message', async ({ id, bytes, name }) => {
  try {
    const { model, lines } = await readDocument(bytes, { name });
    parentPort.postMessage({ id, kind: 'read', model, lines });
  } catch (error) {
    parentPort.postMessage({
      id,
      kind: 'failed',
      name: String(error?.name ?? 'Error'),
      message: String(error?.message ?? error),
    });
  }
});
