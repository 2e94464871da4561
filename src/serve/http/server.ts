import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';

export interface Running { url: string; port: number; close(): Promise<void> }

/**
 * Serves the app on host:port (port 0: any free port). Slow clients are cut off: 10 s to send the headers,
 * 60 s for a whole request.
 */
export function startServer(opts: AppOptions & { port?: number; headersTimeoutMs?: number }): Promise<Running> {
  const host = opts.host ?? '127.0.0.1';
  const app = createApp({ ...opts, host });
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port: opts.port ?? 8080, hostname: host, serverOptions: {
        headersTimeout: opts.headersTimeoutMs ?? 10_000, requestTimeout: 60_000, connectionsCheckingInterval: Math.min(1000, opts.headersTimeoutMs ?? 1000),
      } }, (info: AddressInfo) => {
        const shown = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shown}:${info.port}`, port: info.port,
          close: () => new Promise<void>((done) => { (server as import('node:http').Server).closeAllConnections?.(); server.close(() => done()); }),
        });
      });
      server.once('error', reject);
    } catch (err) {
      reject(err);
    }
  });
}
