// The Hono app on a Node HTTP server. Hono rather than Fastify: it is small and typed, its
// handlers take and return Web-standard Request/Response, so the tests call `app.request()` in
// process with no port, and one `onError` turns every failure into the API's JSON error.
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

export interface ServerHandle {
  /** `http://host:port`, with the port actually bound (useful when asked for port 0). */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, ends idle keep-alive ones, and resolves once closed. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  app: Hono;
  /** 0 picks a free port. */
  port: number;
  host: string;
}

export function startServer({ app, port, host }: StartServerOptions): Promise<ServerHandle> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      server.off('error', reject);
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)));
            // A browser keeps idle connections open for minutes; they must not hold the exit.
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
