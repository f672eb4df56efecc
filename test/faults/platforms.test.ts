/**
 * Platform REST faults through the real adapters and the local emulators: Discord 429, 5xx and other 4xx
 * for digests (a 4xx other than 429 is not retried as if transient), and Slack 429 with Retry-After on an
 * interactive answer (the Web API client waits as told, then the answer goes out).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/digest/deliverer.ts';
import type { Reply } from '../../src/reply.ts';
import { startHarness as startDiscordHarness, type Harness as DiscordHarness } from '../adapters/discord/harness.ts';
import { startHarness as startSlackHarness, type Harness as SlackHarness } from '../adapters/slack/harness.ts';

const digest: Reply = {
  title: 'Small caps daily digest',
  commentary: 'Small caps rose 0.4% while large caps were flat.',
  sections: [],
  sources: [{ name: 'IWM closes (Yahoo Finance)', asOf: '2025-09-10', stale: false }],
  visibility: 'public',
  tone: 'positive',
};

let discord: DiscordHarness | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await discord?.close();
  await slack?.close();
  discord = slack = undefined;
});

const failureOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('Discord REST faults (digests)', () => {
  it('a 400 is rejected after one request, a 5xx that persists is transient, a long 429 is rate_limited', async () => {
    discord = await startDiscordHarness();
    const { emu } = discord;
    const path = `/channels/${emu.channelId}/messages`;
    const posts = () => emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith(path)).length;

    emu.failNext({ path, status: 400, code: 50035, message: 'Invalid Form Body' });
    const before = posts();
    const rejected = await failureOf(discord.discord.deliverer.send(emu.channelId, digest));
    expect(rejected).toBeInstanceOf(DeliveryError);
    expect((rejected as DeliveryError).kind).toBe('rejected');
    expect(posts() - before).toBe(1);

    // Each fault on a channel of its own, so retries of one never meet the next.
    const [, second, third] = emu.channelIds;
    emu.failNext({ path: `/channels/${second}/messages`, status: 503, times: 10 });
    expect(((await failureOf(discord.discord.deliverer.send(second!, digest))) as DeliveryError).kind).toBe('transient');

    emu.failNext({ path: `/channels/${third}/messages`, status: 429, retryAfter: 60 });
    expect(((await failureOf(discord.discord.deliverer.send(third!, digest))) as DeliveryError).kind).toBe('rate_limited');
  }, 60_000);
});

describe('Slack 429 with Retry-After on an interactive answer', () => {
  it('waits as Slack says, then posts the answer in the thread', async () => {
    // The Web API client's own retry policy, as in production (the shared harness turns retries off).
    slack = await startSlackHarness({ retries: undefined });
    slack.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const res = await slack.mention({ text: '<@U0CAPWATCH> how are small caps valued?', eventId: 'Ev429' });
    expect(res.status).toBe(200);
    const calls = await slack.api.waitFor(() => (slack!.api.callsTo('chat.postMessage').length >= 2 ? slack!.api.callsTo('chat.postMessage') : undefined), 15_000);
    expect(calls[1]!.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1763700000.000100' });
    expect(slack.logs.filter((l) => l.level === 'error')).toEqual([]);
  }, 30_000);
});
