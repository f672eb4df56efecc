import { afterEach, describe, expect, it } from 'vitest';
import { Registry, Counter } from 'prom-client';
import { opsRoutes } from '../../src/http/ops-routes.ts';
import { Readiness } from '../../src/http/readiness.ts';
import { serveRoutes, type RouteServer } from '../../src/http/server.ts';
import type { Route } from '../../src/http/route.ts';

let server: RouteServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function setup(routes: Route[], errors: unknown[] = []) {
  return serveRoutes(routes, 0, (e) => errors.push(e)).then((s) => {
    server = s;
    return `http://127.0.0.1:${s.port}`;
  });
}

describe('the route server (no Slack HTTP receiver)', () => {
  it('serves /healthz, /readyz with reasons, and /metrics as Prometheus text', async () => {
    const registry = new Registry();
    new Counter({ name: 'capwatch_test_total', help: 'a test counter', registers: [registry] }).inc(3);
    const readiness = new Readiness();
    let discord: string | undefined = 'connecting';
    readiness.set('database', () => undefined);
    readiness.set('discord', () => discord);
    const base = await setup(opsRoutes({ readiness, registry }));

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.text()).toContain('discord: connecting');
    discord = undefined;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain('capwatch_test_total 3');
  });

  it('a throwing readiness check is a 503 with its message', async () => {
    const readiness = new Readiness();
    readiness.set('database', () => {
      throw new Error('database is locked');
    });
    const base = await setup(opsRoutes({ readiness, registry: new Registry() }));
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('database: database is locked');
  });

  it('answers 404 for unknown paths, 405 for a known path with another method, 500 when a handler fails', async () => {
    const errors: unknown[] = [];
    const base = await setup(
      [
        { method: 'GET', path: '/boom', handler: async () => Promise.reject(new Error('boom')) },
        { method: 'POST', path: '/thing', handler: (_q, res) => void res.end('posted') },
      ],
      errors,
    );
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/thing`)).status).toBe(405);
    expect(await (await fetch(`${base}/thing`, { method: 'POST' })).text()).toBe('posted');
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    expect(errors).toHaveLength(1);
  });

  it('a busy port is a start-up error, not a hang', async () => {
    const base = await setup([]);
    const port = Number(new URL(base).port);
    await expect(serveRoutes([], port, () => {})).rejects.toThrow(/EADDRINUSE/);
  });
});
