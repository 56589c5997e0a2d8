// A Neo4j that goes away and comes back without stopping the server itself: a TCP relay on a port
// of its own in front of the run's Neo4j. cut() closes every connection through it and refuses
// new ones — what a driver sees when Neo4j stops — and restore() listens on the same port again.
// A test of how the API answers an outage needs no Neo4j of its own (each costs a JVM start);
// that a real Neo4j restarts and the app serves again is test/neo4j/supervisor.test.ts's subject.
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Connection } from '../../graph/neo4j/config.ts';

/**
 * The scheme that reaches one server directly through the relay: a routing driver would follow
 * the server's advertised address around it, and a certificate names the server, not 127.0.0.1.
 */
const DIRECT = {
  bolt: 'bolt',
  neo4j: 'bolt',
  'bolt+s': 'bolt+ssc',
  'neo4j+s': 'bolt+ssc',
  'bolt+ssc': 'bolt+ssc',
  'neo4j+ssc': 'bolt+ssc',
} as const;

export class Neo4jRelay {
  readonly #sockets: Set<Socket>;
  #server: Server | null;

  private constructor(
    readonly uri: string,
    readonly port: number,
    readonly target: { host: string; port: number },
    server: Server,
    sockets: Set<Socket>,
  ) {
    this.#server = server;
    this.#sockets = sockets;
  }

  /** A relay to `connection`'s server, listening on 127.0.0.1 at a port the system picks. */
  static async start(connection: Connection): Promise<Neo4jRelay> {
    const url = new URL(connection.uri);
    const scheme = DIRECT[url.protocol.slice(0, -1) as keyof typeof DIRECT];
    if (scheme === undefined) throw new Error(`no relay for ${connection.uri}`);
    const target = { host: url.hostname, port: Number(url.port || 7687) };
    const sockets = new Set<Socket>();
    const server = await listen(0, target, sockets);
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('relay has no port');
    const uri = `${scheme}://127.0.0.1:${address.port}`;
    return new Neo4jRelay(uri, address.port, target, server, sockets);
  }

  /** Neo4j "stops": every connection through the relay closes and new ones are refused. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    if (server !== null) await close(server);
  }

  /** Neo4j is "back" on the same address. */
  async restore(): Promise<void> {
    if (this.#server !== null) return;
    this.#server = await listen(this.port, this.target, this.#sockets);
  }

  close(): Promise<void> {
    return this.cut();
  }
}

function listen(
  port: number,
  target: { host: string; port: number },
  sockets: Set<Socket>,
): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      // A reset on one side ends both; neither may crash the test process.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
