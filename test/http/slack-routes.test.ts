import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { startSlack, type SlackAdapter } from '../../adapters/slack/index.ts';
import { allCommands } from '../../commands/index.ts';
import { createBot } from '../../src/bot.ts';
import { opsRoutes } from '../../src/http/ops-routes.ts';
import { Readiness } from '../../src/http/readiness.ts';
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';
import { startSlackApi, type SlackApiEmulator } from '../emulators/slack/web-api.ts';

// With Slack over HTTP, Bolt's receiver owns PORT and serves the same route list as custom routes.
describe('routes on the Slack HTTP receiver', () => {
  let api: SlackApiEmulator;
  let adapter: SlackAdapter;
  let base: string;

  beforeAll(async () => {
    api = await startSlackApi({ token: 'xoxb-routes' });
    const now = () => new Date('2025-09-22T15:00:00Z');
    const readiness = new Readiness();
    readiness.set('database', () => undefined);
    adapter = await startSlack({
      botToken: 'xoxb-routes',
      signingSecret: 'routes-secret',
      apiUrl: api.url,
      port: 0,
      retries: 0,
      bot: createBot({ commands: allCommands, market: createSnapshotMarketData(now), now }),
      routes: [
        ...opsRoutes({ readiness, registry: new Registry() }),
        { method: 'POST', path: '/echo', handler: (req, res) => void req.pipe(res) },
      ],
    });
    readiness.set('slack', () => adapter.notReady());
    base = `http://127.0.0.1:${adapter.port}`;
  });
  afterAll(async () => {
    await adapter.stop();
    await api.close();
  });

  it('serves /healthz, /readyz and /metrics next to /slack/events', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    // Bolt still owns its endpoint: an unsigned event is refused.
    expect((await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('hands a POST route the raw body (what a signed-body route such as Discord interactions needs)', async () => {
    const res = await fetch(`${base}/echo`, { method: 'POST', body: '{"type":1}' });
    expect(await res.text()).toBe('{"type":1}');
  });
});
