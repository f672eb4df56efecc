/** GET /healthz, /readyz and /metrics. */
import type { Registry } from 'prom-client';
import type { Readiness } from './readiness.ts';
import { sendText, type Route } from './route.ts';

export function opsRoutes(deps: { readiness: Readiness; registry: Registry }): Route[] {
  return [
    { method: 'GET', path: '/healthz', handler: (_req, res) => sendText(res, 200, 'ok\n') },
    {
      method: 'GET',
      path: '/readyz',
      handler: async (_req, res) => {
        const { ready, reasons } = await deps.readiness.status();
        sendText(res, ready ? 200 : 503, ready ? 'ready\n' : `not ready\n${reasons.join('\n')}\n`);
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handler: async (_req, res) => sendText(res, 200, await deps.registry.metrics(), deps.registry.contentType),
    },
  ];
}
