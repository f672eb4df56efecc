/**
 * Digests fanned out through the real adapters' deliverers to the local Discord and Slack emulators,
 * composed by the real digest composition over an in-memory market.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { REST } from 'discord.js';
import { createBot } from '../../src/bot.ts';
import { createChartService } from '../../src/charts/index.ts';
import type { ChartService } from '../../src/charts/types.ts';
import { composeDigest } from '../../src/digest/compose.ts';
import { UNLIMITED } from '../../src/digest/fanout.ts';
import { startScheduler } from '../../src/digest/scheduler.ts';
import { silentLogger } from '../../src/logger.ts';
import { openTestStore } from '../helpers/store.ts';
import { createDiscordDeliverer } from '../../adapters/discord/deliverer.ts';
import { startDiscord } from '../../adapters/discord/index.ts';
import { startSlack } from '../../adapters/slack/index.ts';
import { DiscordEmulator } from '../emulators/discord/emulator.ts';
import { snowflake } from '../emulators/discord/snowflake.ts';
import { startSlackApi, type SlackApiEmulator } from '../emulators/slack/web-api.ts';
import { fakeMarket, weekdayBars } from '../helpers/fake-market.ts';

// Monday 2025-11-24, 08:30 New York: the edition of Friday 2025-11-21.
const SEND = new Date('2025-11-24T13:30:00Z');
const CREATED = new Date('2025-11-20T12:00:00Z');

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function market() {
  const wave = (base: number, drift: number) => (i: number) => base * (1 + drift * i + 0.01 * Math.sin(i / 3));
  return fakeMarket(
    {
      IWM: weekdayBars('2024-10-01', '2025-11-21', wave(200, 0.0006)),
      SPY: weekdayBars('2024-10-01', '2025-11-21', wave(560, 0.0004)),
      QQQ: weekdayBars('2024-10-01', '2025-11-21', wave(480, 0.0005)),
    },
    { now: () => SEND },
  );
}

/** The real digest composition, counting editions and chart requests. */
function countingDigest() {
  const m = market();
  const real = createChartService();
  const counts = { compose: 0, charts: 0 };
  const charts: ChartService = { ...real, digest: (d) => (counts.charts++, real.digest(d)) };
  const compose = (now: Date) => {
    counts.compose++;
    return composeDigest({ market: m, now, charts });
  };
  return { compose, counts, market: m };
}

async function slackEmulatorWithAdapter(api: SlackApiEmulator) {
  const slack = await startSlack({
    botToken: 'xoxb-test',
    signingSecret: 'test-secret',
    apiUrl: api.url,
    port: 0,
    bot: createBot({ commands: [], market: market() }),
  });
  closers.push(() => slack.stop());
  return slack;
}

describe('digest fan-out to the local emulators', () => {
  it('delivers 1,000 subscriptions exactly once each, composing and rendering the chart once', async () => {
    const discordEmu = await DiscordEmulator.start();
    closers.push(() => discordEmu.close());
    const slackApi = await startSlackApi();
    closers.push(() => slackApi.close());
    const slack = await slackEmulatorWithAdapter(slackApi);
    // discord.js caps REST at 50 requests/s by default; the fan-out's own pacing is what is under test here.
    const rest = new REST({ api: discordEmu.apiUrl, globalRequestsPerSecond: 1_000_000 }).setToken(discordEmu.token);
    const discord = createDiscordDeliverer(rest, () => SEND);

    let now = CREATED;
    const digest = countingDigest();
    const scheduler = startScheduler({
      store: await openTestStore(),
      deliverers: [discord, slack.deliverer],
      compose: digest.compose,
      now: () => now,
      logger: silentLogger,
      cron: false,
      // Unpaced, with modest concurrency: the emulators share this test's thread.
      fanout: { limits: { discord: { ...UNLIMITED, concurrency: 16 }, slack: { ...UNLIMITED, concurrency: 16 } } },
    });
    const discordChannels: string[] = [];
    const slackChannels: string[] = [];
    for (let i = 0; i < 500; i++) {
      const id = snowflake();
      discordEmu.state.guild.channels.push({ id, name: `digest-${i}` });
      discordChannels.push(id);
      slackChannels.push(`C${String(i).padStart(6, '0')}`);
    }
    for (const channelId of discordChannels) await scheduler.subscriptions.save({ platform: 'discord', channelId, userId: 'admin' });
    for (const channelId of slackChannels) await scheduler.subscriptions.save({ platform: 'slack', channelId, userId: 'U1' });

    now = SEND;
    const { outcomes } = await scheduler.tick();
    expect(outcomes.filter((o) => o.result === 'sent')).toHaveLength(1000);
    const fetchesForOneEdition = digest.market.calls.length;
    now = new Date(SEND.getTime() + 60_000);
    await scheduler.tick();

    for (const id of discordChannels) {
      const messages = discordEmu.messagesIn(id);
      expect(messages).toHaveLength(1);
    }
    const first = discordEmu.messagesIn(discordChannels[0]!)[0]!;
    expect(first.attachments).toHaveLength(1);
    const posted = slackApi.callsTo('chat.postMessage').map((c) => String(c.params.channel));
    expect(posted).toHaveLength(500);
    expect(new Set(posted)).toEqual(new Set(slackChannels));
    expect(digest.counts).toEqual({ compose: 1, charts: 1 });
    // Every market fetch happened inside that single composition.
    const reference = market();
    await composeDigest({ market: reference, now: SEND });
    expect(fetchesForOneEdition).toBe(reference.calls.length);
    expect(digest.market.calls).toHaveLength(reference.calls.length);
    expect(await scheduler.ledger.counts()).toEqual({ sent: 1000 });
  }, 90_000); // a hang guard: 1,000 posts with chart uploads through two emulators take several seconds

  it('pauses deleted and forbidden channels, honours Slack Retry-After, through the running adapters', async () => {
    const discordEmu = await DiscordEmulator.start();
    closers.push(() => discordEmu.close());
    const discordHandle = await startDiscord({
      token: discordEmu.token,
      appId: discordEmu.applicationId,
      apiUrl: discordEmu.apiUrl,
      bot: createBot({ commands: [], market: market() }),
    });
    closers.push(() => discordHandle.stop());
    const slackApi = await startSlackApi();
    closers.push(() => slackApi.close());
    const slack = await slackEmulatorWithAdapter(slackApi);

    const [general, markets] = discordEmu.channelIds as [string, string];
    const deleted = snowflake(); // never existed in the guild: 404 Unknown Channel
    discordEmu.forbidChannel(markets);
    slackApi.failChannel('C0ARCHIVED', 'channel_not_found');
    slackApi.failNext('chat.postMessage', { status: 429, retryAfter: 2 });

    const sleeps: number[] = [];
    let now = CREATED;
    const scheduler = startScheduler({
      store: await openTestStore(),
      deliverers: [discordHandle.deliverer, slack.deliverer],
      compose: countingDigest().compose,
      now: () => now,
      logger: silentLogger,
      cron: false,
      fanout: { limits: { slack: { concurrency: 1 } }, sleep: async (ms) => void sleeps.push(ms) },
    });
    for (const channelId of [general, markets, deleted]) await scheduler.subscriptions.save({ platform: 'discord', channelId, userId: 'admin' });
    for (const channelId of ['C0LIVE', 'C0ARCHIVED']) await scheduler.subscriptions.save({ platform: 'slack', channelId, userId: 'U1' });

    now = SEND;
    const { outcomes } = await scheduler.tick();
    const result = Object.fromEntries(outcomes.map((o) => [o.subscriptionId, o.result]));
    expect(result).toEqual({
      [`discord:${general}`]: 'sent',
      [`discord:${markets}`]: 'paused',
      [`discord:${deleted}`]: 'paused',
      'slack:C0LIVE': 'sent',
      'slack:C0ARCHIVED': 'paused',
    });
    expect(sleeps).toContain(2000);
    expect(discordEmu.messagesIn(general)).toHaveLength(1);
    expect(slackApi.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0LIVE')).toHaveLength(2); // 429, then sent
    expect((await scheduler.subscriptions.byId(`discord:${deleted}`))?.pauseReason).toMatch(/^channel is gone: Discord 404 10003/);
    expect((await scheduler.subscriptions.byId(`discord:${markets}`))?.pauseReason).toMatch(/^bot is not allowed to post: Discord 403 50001/);
    expect((await scheduler.subscriptions.byId('slack:C0ARCHIVED'))?.pauseReason).toBe('channel is gone: channel_not_found');

    // The next market day: paused channels are left alone.
    const before = discordEmu.requests.length;
    now = new Date('2025-11-25T13:30:00Z');
    const next = await scheduler.tick();
    expect(next.outcomes.map((o) => o.subscriptionId).sort()).toEqual([`discord:${general}`, 'slack:C0LIVE']);
    expect(discordEmu.requests.slice(before).filter((r) => r.path.includes(markets) || r.path.includes(deleted))).toEqual([]);
  });
});
