/** A local HTTP server standing in for a market vendor: routes by path, counts requests, can misbehave. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer (for timeouts); the socket is closed when the server stops. */
  hang?: boolean;
}

export type Handler = (url: URL, req: IncomingMessage) => Reply | Promise<Reply>;

export interface FakeVendor {
  baseUrl: string;
  /** Every request URL seen, in order. */
  requests: URL[];
  /** Requests whose path starts with `prefix`. */
  count(prefix?: string): number;
  /** Replace the handler (e.g. to make the vendor fail after a first good answer). */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startVendor(handler: Handler): Promise<FakeVendor> {
  let current = handler;
  const requests: URL[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    try {
      const reply = await current(url, req);
      if (reply.hang) {
        hanging.add(res);
        return;
      }
      res.writeHead(reply.status ?? 200, reply.headers ?? {});
      res.end(reply.body ?? '');
    } catch (err) {
      res.writeHead(599);
      res.end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    count: (prefix = '/') => requests.filter((u) => u.pathname.startsWith(prefix)).length,
    handle: (h) => {
      current = h;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const json = (body: unknown, status = 200): Reply => ({
  status,
  headers: { 'content-type': 'application/json;charset=utf-8' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const csv = (body: string, status = 200): Reply => ({ status, headers: { 'content-type': 'text/csv' }, body });

export const html = (status = 200): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: '<!DOCTYPE html><html><head><title>Please verify</title></head><body>Are you a robot?</body></html>',
});
