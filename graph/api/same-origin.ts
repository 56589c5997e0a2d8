// The guard in front of every write the explorer can make (imports, progress, ledgers, accounts,
// sign-in). In local mode there is no login at all, and in team mode a signed-in planner's cookie
// rides along with any request its browser makes: a browser will send a request to guatu from any
// site it visits, so without this a page elsewhere could post into the planner's database (a
// cross-site form), or reach it under its own name after re-pointing that name at 127.0.0.1 (DNS
// rebinding). Who may make the write is asked after this (graph/api/accounts/gate.ts).
//
// Three checks, each enough against one attack and together the defence in depth the issue asks:
//   - Host must be a name this server answers to: a rebinding page's requests carry its own name.
//   - X-Guatu-Request must be present: a form cannot set a header, and a script on another origin
//     can only set one after a CORS preflight, which this server never grants.
//   - Origin must be this server's (or, where a browser leaves Origin out, Sec-Fetch-Site must say
//     same-origin).
import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.ts';

/** The header a same-origin script adds to every write; its value is always "1". */
export const REQUEST_HEADER = 'X-Guatu-Request';

export interface SameOriginOptions {
  /** The HOST the server listens on (graph/api/config.ts). */
  host: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** A host as it appears in a Host header: an IPv6 literal in brackets, names in lower case. */
function hostName(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]` : bare;
}

const isWildcard = (host: string) => ['0.0.0.0', '::', '[::]'].includes(host);

/** The socket the request arrived on, when it came over the network (absent in app.request()). */
function socketOf(c: Context): { localPort?: number; localAddress?: string } | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming = env.incoming as { socket?: { localPort?: number; localAddress?: string } };
  return incoming.socket;
}

/**
 * The `name:port` values a Host header may hold: the loopback names and the configured HOST, at
 * the port the request reached. Listening on every interface (HOST=0.0.0.0), the address the
 * request arrived at stands in for HOST: a browser that sends it as Host opened guatu by that
 * address, so its pages are this server's own.
 */
export function servedHosts(c: Context, configured: string): Set<string> {
  const socket = socketOf(c);
  const url = new URL(c.req.url);
  const port = String(socket?.localPort ?? (url.port || (url.protocol === 'https:' ? 443 : 80)));
  const names = new Set(LOOPBACK_NAMES);
  if (!isWildcard(configured)) names.add(hostName(configured));
  else if (socket?.localAddress) names.add(hostName(socket.localAddress.replace(/^::ffff:/, '')));
  const served = new Set<string>();
  for (const name of names) {
    served.add(`${name}:${port}`);
    // A browser leaves the port out of Host where it is the scheme's default.
    if (
      (port === '80' && url.protocol === 'http:') ||
      (port === '443' && url.protocol === 'https:')
    )
      served.add(name);
  }
  return served;
}

/**
 * Every route, reads included: a request whose Host is not a name this server answers to is
 * refused. A page on a rebinding name (attacker.example re-pointed at 127.0.0.1) would otherwise
 * read the plan as its own origin. A request with no Host at all never crossed a network (the
 * tests' in-process app.request()); browsers and HTTP tools always send one.
 */
export function servedHostsOnly(options: SameOriginOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (host !== undefined && !servedHosts(c, options.host).has(host.toLowerCase())) {
      throw new HttpError(
        403,
        'host_not_served',
        `this server does not answer to the name "${host}": open guatu at the address it printed when it started`,
      );
    }
    await next();
  };
}

/**
 * Refuses a request that did not come from a page this server served. Mounted on the import's
 * routes only: reads stay open to scripts and tools (curl, the CLI), as docs/api.md describes.
 */
export function sameOrigin(options: SameOriginOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!servedHosts(c, options.host).has(host)) {
      throw new HttpError(
        403,
        'host_not_served',
        `this server does not answer to the name "${host}": open guatu at the address it printed when it started`,
      );
    }
    if (c.req.header(REQUEST_HEADER) !== '1') {
      throw new HttpError(
        403,
        'request_header_required',
        `a write must carry the header ${REQUEST_HEADER}: 1, which only guatu's own pages send`,
      );
    }
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const ownOrigin = `${new URL(c.req.url).protocol}//${host}`;
    if (origin !== undefined) {
      if (origin.toLowerCase() !== ownOrigin) {
        throw new HttpError(
          403,
          'cross_origin',
          `a write from ${origin} is refused: only pages of ${ownOrigin} may import`,
        );
      }
    } else if (fetchSite !== 'same-origin') {
      throw new HttpError(
        403,
        'origin_required',
        'a write must say where it comes from (Origin, or Sec-Fetch-Site: same-origin)',
      );
    }
    if (fetchSite !== undefined && fetchSite !== 'same-origin') {
      throw new HttpError(403, 'cross_origin', `a write from a ${fetchSite} page is refused`);
    }
    await next();
  };
}
