/**
 * One HTTP route on PORT. The same list is served by Bolt's custom routes (Slack over HTTP) or by
 * serveRoutes() (Socket Mode, Discord only), so a route never knows which server carries it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'POST';
  /** An exact path such as /healthz (no patterns: both servers must match it the same way). */
  path: string;
  handler: RouteHandler;
}

/** Bolt's CustomRoute shape; its handler is not awaited, so failures are turned into a 500 here. */
export interface BoltCustomRoute {
  path: string;
  method: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export function sendText(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

/** Runs a handler; a throw or rejection answers 500 (when nothing was sent yet) and is reported, never unhandled. */
export function guarded(route: Route, onError: (error: unknown, route: Route) => void): BoltCustomRoute['handler'] {
  return (req, res) => {
    const fail = (error: unknown) => {
      onError(error, route);
      if (!res.headersSent) sendText(res, 500, 'internal error\n');
      else res.end();
    };
    try {
      const done = route.handler(req, res);
      if (done) done.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

export function toBoltRoutes(routes: readonly Route[], onError: (error: unknown, route: Route) => void): BoltCustomRoute[] {
  return routes.map((r) => ({ path: r.path, method: r.method, handler: guarded(r, onError) }));
}
