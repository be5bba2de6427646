import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotMetrics } from './bot-metrics.js';
import type { HealthChecks } from './readiness.js';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /healthz: the process is alive and its event loop answers (always 200 while it runs).
 * GET /readyz: every readiness check, 200 when all pass, else 503, as JSON.
 * GET /metrics: Prometheus text format.
 */
export async function startHealthServer(opts: {
  port: number;
  host?: string;
  checks: HealthChecks;
  metrics: BotMetrics;
  startedAt?: number;
}): Promise<HealthServer> {
  const startedAt = opts.startedAt ?? Date.now();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
    };
    switch (path) {
      case '/healthz':
        return json(200, { ok: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
      case '/readyz': {
        const readiness = opts.checks.evaluate();
        return json(readiness.ok ? 200 : 503, readiness);
      }
      case '/metrics':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : opts.metrics.render());
        return;
      default:
        return json(404, { error: 'not found: try /healthz, /readyz or /metrics' });
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
