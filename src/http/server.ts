/** A small node:http server for the route list, used when no Slack HTTP receiver owns PORT. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guarded, sendText, type Route } from './route.ts';

export interface RouteServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function serveRoutes(
  routes: readonly Route[],
  port: number,
  onError: (error: unknown, route: Route) => void,
): Promise<RouteServer> {
  const table = new Map(routes.map((r) => [`${r.method} ${r.path}`, guarded(r, onError)]));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = table.get(`${(req.method ?? 'GET').toUpperCase()} ${path}`);
    if (handler) return handler(req, res);
    const known = routes.some((r) => r.path === path);
    sendText(res, known ? 405 : 404, known ? 'method not allowed\n' : 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeIdleConnections();
        server.close(() => resolve());
      }),
  };
}
