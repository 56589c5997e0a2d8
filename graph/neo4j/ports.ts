// Loopback TCP ports: is one free, and which one is.
import { createServer } from 'node:net';

const LOOPBACK = '127.0.0.1';

/** Whether a listener could bind `port` on 127.0.0.1 right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    probe.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      probe.close(() => resolve(true));
    });
  });
}

/** A port on 127.0.0.1 that was free a moment ago (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: LOOPBACK, exclusive: true }, () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('the kernel assigned no port'));
      });
    });
  });
}
