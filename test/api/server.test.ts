// The server around the API, over real HTTP on a loopback port: security headers on every kind
// of answer, no CORS, no configuration echoed, the built web app served with its index.html for
// the app's own routes, and a clear 503 page when it has not been built.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../graph/api/app.ts';
import { startServer, type ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { planGraphUrl } from '../../contract/api/plan-graph-url.ts';
import { graphUrl } from '../../web/src/api/early-graph.ts';
import { readView } from '../../web/src/state/view.ts';
import { FGW, loadSeed, SEED_PLAN, seedApp, url } from './support.ts';

useTestNeo4j();

let webRoot: string;
let server: ServerHandle;
let unbuilt: ServerHandle;

beforeAll(async () => {
  const driver = getDriver();
  const database = connection().database;
  await loadSeed(driver, database);
  webRoot = await mkdtemp(join(tmpdir(), 'guatu-web-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(
    join(webRoot, 'index.html'),
    '<!doctype html><title>guatu</title><gt-app></gt-app>',
  );
  await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log("guatu");');
  server = await startServer({
    app: seedApp(driver, database, { webRoot }),
    port: 0,
    host: '127.0.0.1',
  });
  unbuilt = await startServer({
    app: seedApp(driver, database, { webRoot: join(webRoot, 'missing') }),
    port: 0,
    host: '127.0.0.1',
  });
});

afterAll(async () => {
  await server?.close();
  await unbuilt?.close();
  if (webRoot) await rm(webRoot, { recursive: true, force: true });
});

const fetchFrom = (handle: ServerHandle, path: string, init?: RequestInit) =>
  fetch(`${handle.url}${path}`, init);

describe('startServer', () => {
  it('listens on the loopback address and the port it was given (0: a free one)', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });
});

describe('headers', () => {
  const expectSecurityHeaders = (response: Response) => {
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  };

  it('sends the Content-Security-Policy, nosniff and no-referrer on JSON, errors and pages', async () => {
    const health = await fetchFrom(server, '/api/health', {
      headers: { Origin: 'https://elsewhere.example' },
    });
    expect(health.status).toBe(200);
    expectSecurityHeaders(health);
    expect(health.headers.get('cache-control')).toBe('no-store');
    const missing = await fetchFrom(server, '/api/nothing');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    const bad = await fetchFrom(server, url('/api/neighbourhood', { id: FGW, depth: 9 }));
    expect(bad.status).toBe(400);
    expectSecurityHeaders(bad);
    const page = await fetchFrom(server, '/');
    expectSecurityHeaders(page);
    expectSecurityHeaders(await fetchFrom(unbuilt, '/'));
  });

  it('allows only self, with inline styles and data:/blob: images', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data: blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self' 'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src/);
  });

  it('answers a CORS preflight without allowing anything', async () => {
    const preflight = await fetchFrom(server, '/api/cypher', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://elsewhere.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('never echoes the Neo4j connection: no URI, user or password in any answer', async () => {
    const { uri, password } = connection();
    for (const path of [
      '/api/health',
      '/api/plans',
      '/api/queries',
      '/api/hotspots',
      '/api/nothing',
    ]) {
      const text = await (await fetchFrom(server, path)).text();
      expect(text).not.toContain(uri);
      expect(text).not.toContain(password);
    }
  });
});

describe('the web app', () => {
  it("serves index.html at / and for the app's own routes", async () => {
    for (const path of ['/', '/units/profile', '/themes/二(一)']) {
      const response = await fetchFrom(server, encodeURI(path));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<gt-app></gt-app>');
    }
  });

  it('hints the page’s plan graph for preloading, at the URL the page asks for it', async () => {
    const hint = async (path: string) => (await fetchFrom(server, path)).headers.get('link');
    expect(await hint('/')).toBe(`<${planGraphUrl(null)}>; rel=preload; as=fetch; crossorigin`);
    const address = `/?plan=${encodeURIComponent(SEED_PLAN)}&lang=en`;
    expect(await hint(address)).toBe(
      `<${graphUrl(readView(new URL(address, server.url).search).plan)}>; rel=preload; as=fetch; crossorigin`,
    );
    expect(await hint(address)).toContain(encodeURIComponent(SEED_PLAN));
    // Not on anything but the page.
    expect(await hint('/assets/app.js')).toBeNull();
    expect(await hint(url('/api/health'))).toBeNull();
  });

  it('serves built files with their type, and 404 for a missing one', async () => {
    const script = await fetchFrom(server, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toBe('console.log("guatu");');
    const missing = await fetchFrom(server, '/assets/missing.js');
    expect(missing.status).toBe(404);
  });

  it('does not serve files outside its folder', async () => {
    const response = await fetchFrom(server, '/assets/%2e%2e/%2e%2e/package.json');
    expect(await response.text()).not.toContain('"name": "guatu"');
  });

  it('says, with a 503 page, that the web app is not built yet', async () => {
    const response = await fetchFrom(unbuilt, '/');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('text/html');
    const text = await response.text();
    expect(text).toContain('web app not built');
    expect(text).toContain('npm run build');
    // The API answers all the same.
    expect((await fetchFrom(unbuilt, '/api/health')).status).toBe(200);
  });
});

describe('a body over the limit', () => {
  /** Sends headers announcing `declared` bytes and only part of them; returns what came back. */
  function oversized(
    handle: ServerHandle,
    path: string,
    declared: number,
  ): Promise<{ head: string; closed: boolean }> {
    return new Promise((resolve, reject) => {
      const socket = connect(handle.port, '127.0.0.1');
      let text = '';
      let settled = false;
      const finish = (closed: boolean) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        resolve({ head: text.split('\r\n\r\n')[0] ?? '', closed });
      };
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        // A server that keeps the connection open has answered once the body is complete.
        if (/\r\n\r\n/.test(text) && /\}$/.test(text.trim()))
          setTimeout(() => finish(false), 1_000);
      });
      socket.on('end', () => finish(true));
      socket.on('error', reject);
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${handle.port}\r\n` +
          `Origin: ${handle.url}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${declared}\r\nConnection: keep-alive\r\n\r\n{"query":"`,
      );
    });
  }

  it('is refused with 413, and the connection is closed as the answer says', async () => {
    const answer = await oversized(server, '/api/cypher', 50_000_000);
    expect(answer.head).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.head.toLowerCase()).toContain('connection: close');
    expect(answer.closed).toBe(true);
  });
});
