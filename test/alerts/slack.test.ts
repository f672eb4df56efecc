/**
 * Alerts end to end on Slack: a rule made by a signed /smallcaps command through the real Bolt app, stored
 * in a real database, evaluated over a live MarketData fetching from a local Yahoo server whose closes move
 * day by day, and posted through the Slack deliverer to the local Web API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { allCommands } from '../../commands/index.ts';
import alert from '../../commands/alert.ts';
import { checkAlerts } from '../../src/alerts/check.ts';
import { createLiveAlertMetrics } from '../../src/alerts/metrics-live.ts';
import { createSlackDeliverer } from '../../adapters/slack/deliverer.ts';
import { silentLogger } from '../../src/logger.ts';
import { createMarketData } from '../../src/market/live.ts';
import type { Store } from '../../src/store/open.ts';
import { startHarness, TOKEN, type Harness } from '../adapters/slack/harness.ts';
import { weekdays } from '../market/helpers/vendors.ts';
import { yahooChart } from '../market/helpers/payloads.ts';
import { json, startVendor, type FakeVendor } from '../market/helpers/server.ts';
import { openTestStore } from '../helpers/store.ts';

const DAYS = weekdays('2026-10-01', '2026-11-27');
/** IWM closes: flat at 200, then the moves each test day adds. */
const closes = DAYS.map(() => 200);
let day = DAYS.length - 6;
const now = () => new Date(`${DAYS[day]}T21:00:00Z`);

let store: Store;
let yahoo: FakeVendor;
let h: Harness;

beforeAll(async () => {
  store = await openTestStore();
  yahoo = await startVendor((url) => {
    const symbol = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
    const upTo = DAYS.slice(0, day + 1);
    return json(yahooChart({ symbol, timestamps: upTo.map((d) => Date.parse(`${d}T14:30:00Z`) / 1000), closes: upTo.map((_, i) => (symbol === 'IWM' ? closes[i]! : 500)) }));
  });
  h = await startHarness({ bot: { commands: [...allCommands, alert], services: { alerts: store.alerts } } });
  h.api.setUser('U0MAKER');
  h.api.setUser('U0MEMBER');
  h.api.setChannel('C0DESK', { creator: 'U0MAKER' });
});
afterAll(async () => {
  await h.close();
  await yahoo.close();
});

async function slash(userId: string, line: string): Promise<{ response_type: string; text: string }> {
  const res = await h.slash(line, { userId, channelId: 'C0DESK', teamId: 'T0TEAM' });
  expect(res.status).toBe(200);
  if (res.json) return res.json as { response_type: string; text: string };
  return (await h.api.waitFor(() => h.api.responses.find((r) => r.id === res.responseId))).body as { response_type: string; text: string };
}

/** One refresh on the next trading day, IWM moving by `pct`. */
async function refresh(pct: number) {
  day++;
  closes[day] = closes[day - 1]! * (1 + pct / 100);
  const dead = 'http://127.0.0.1:9';
  const market = createMarketData({ config: { yahooBaseUrl: yahoo.baseUrl, stooqBaseUrl: dead, nyfedBaseUrl: dead, fredBaseUrl: dead, http: { retries: 0, timeoutMs: 1000 } }, store, now });
  const client = new webApi.WebClient(TOKEN, { slackApiUrl: h.api.url, retryConfig: { retries: 0 } });
  return checkAlerts({
    repo: store.alerts,
    metrics: createLiveAlertMetrics({ market, now, rateCuts: () => Promise.reject(new Error('not used')) }),
    now,
    logger: silentLogger,
    deliverers: [createSlackDeliverer(client, silentLogger)],
    post: true,
  });
}

const posts = () => h.api.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0DESK');

describe('alerts on Slack', () => {
  it('refuses a plain member and stores nothing', async () => {
    const answer = await slash('U0MEMBER', 'alert move iwm 1d below -3');
    expect(answer.response_type).toBe('ephemeral');
    expect(await store.alerts.listChannel('slack', 'C0DESK')).toHaveLength(0);
  });

  it('answers hostile or bad rule text with an escaped, ephemeral error and stores nothing', async () => {
    for (const line of ['alert move <!everyone> 1d below -3', 'alert spread 1m above lots', 'alert cut next above 250', 'alert vibes next above 3']) {
      const answer = await slash('U0MAKER', line);
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).not.toContain('<!everyone>');
    }
    expect(await store.alerts.listChannel('slack', 'C0DESK')).toHaveLength(0);
  });

  it('fires once when the served data crosses the line, stays silent, re-arms, fires again', async () => {
    const made = await slash('U0MAKER', 'alert move iwm 1d below -3');
    expect(made.response_type).toBe('in_channel');
    const [rule] = await store.alerts.listChannel('slack', 'C0DESK');
    expect(rule).toMatchObject({ kind: 'move', instrument: 'iwm', window: '1d', direction: 'below', threshold: -3 });

    expect((await refresh(-1)).outcomes[0]).toMatchObject({ fired: false });
    const crossed = await refresh(-4);
    expect(crossed.outcomes[0]).toMatchObject({ fired: true, status: 'posted' });
    expect(posts()).toHaveLength(1);
    expect(String(posts()[0]!.params.text)).toMatch(/IWM/);
    expect(JSON.stringify(posts()[0]!.params)).toContain(`alert remove ${rule!.id}`);

    await refresh(-3.5);
    expect(posts()).toHaveLength(1);
    await refresh(2);
    expect(posts()).toHaveLength(1);
    await refresh(-5);
    expect(posts()).toHaveLength(2);
    expect((await store.alerts.listAll())[0]!.state.fired).toBe(2);
  });

  it('lists and removes rules', async () => {
    const listed = await slash('U0MAKER', 'alert list');
    const [rule] = await store.alerts.listChannel('slack', 'C0DESK');
    expect(JSON.stringify(listed)).toContain(rule!.id);
    await slash('U0MAKER', `alert remove ${rule!.id}`);
    expect(await store.alerts.listChannel('slack', 'C0DESK')).toHaveLength(0);
  });
});
