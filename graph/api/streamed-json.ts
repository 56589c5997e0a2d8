// A JSON answer written piece by piece as its pieces are made (results.ts answerPieces), so a
// large one never holds the event loop, nor the whole text at once, while other requests wait.
import type { Context } from 'hono';

export function streamedJson(c: Context, pieces: AsyncIterable<string>): Response {
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    // The client left: stop making pieces.
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
}
