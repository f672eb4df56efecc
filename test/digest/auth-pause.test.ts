/**
 * Auth trouble is the workspace's, not the channel's: through the real adapters and the emulators, a token
 * Slack or Discord refuses pauses every delivery of that workspace with one logged reason, pauses no
 * channel, gives the claims back, and deliveries resume by themselves once a probe succeeds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../adapters/discord/index.ts';
import { startSlack } from '../../adapters/slack/index.ts';
import { createBot } from '../../src/bot.ts';
import { UNLIMITED } from '../../src/digest/fanout.ts';
import { startScheduler } from '../../src/digest/scheduler.ts';
import type { Logger } from '../../src/logger.ts';
import { openTestStore } from '../helpers/store.ts';
import { DiscordEmulator } from '../emulators/discord/emulator.ts';
import { snowflake } from '../emulators/discord/snowflake.ts';
import { startSlackApi, type SlackApiEmulator as Api } from '../emulators/slack/web-api.ts';
import { fakeMarket } from '../helpers/fake-market.ts';
import { countingCompose } from './support/fakes.ts';

const SEND = new Date('2025-11-24T13:30:00Z');
const CREATED = new Date('2025-11-20T12:00:00Z');
const PAUSED = 'digest deliveries paused for the whole workspace';
const RESUMED = 'digest deliveries resumed for the workspace: its credentials work again';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function recording() {
  const lines: { level: string; msg: string; extra?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (msg, extra) => lines.push({ level: 'info', msg, extra }),
    warn: (msg, extra) => lines.push({ level: 'warn', msg, extra }),
    error: (msg, extra) => lines.push({ level: 'error', msg, extra }),
  };
  return { lines, logger };
}

const ALL_SCOPES = ['commands', 'chat:write', 'files:write', 'users:read', 'channels:read', 'groups:read', 'channels:history', 'groups:history'];

describe('auth trouble pauses the whole Slack workspace', () => {
  it.each([
    ['invalid_auth', (api: Api) => api.setTokenError('invalid_auth'), (api: Api) => api.setTokenError(undefined)],
    ['token_revoked', (api: Api) => api.setTokenError('token_revoked'), (api: Api) => api.setTokenError(undefined)],
    ['account_inactive', (api: Api) => api.setTokenError('account_inactive'), (api: Api) => api.setTokenError(undefined)],
    ['not_allowed_token_type', (api: Api) => api.setTokenError('not_allowed_token_type'), (api: Api) => api.setTokenError(undefined)],
    ['missing_scope', (api: Api) => (api.scopes = ALL_SCOPES.filter((s) => s !== 'chat:write')), (api: Api) => (api.scopes = ALL_SCOPES)],
  ])('%s: one reason, no channel paused, everything sent once fixed', async (code, breakIt, fixIt) => {
    const api = await startSlackApi({ scopes: ALL_SCOPES });
    closers.push(() => api.close());
    const { lines, logger } = recording();
    const slack = await startSlack({ botToken: 'xoxb-test', signingSecret: 's', apiUrl: api.url, port: 0, retries: 0, bot: createBot({ commands: [], market: fakeMarket({}) }) });
    closers.push(() => slack.stop());
    let now = CREATED;
    const scheduler = startScheduler({
      store: await openTestStore(),
      deliverers: [slack.deliverer],
      compose: countingCompose().compose,
      now: () => now,
      logger,
      cron: false,
      fanout: { limits: { slack: { ...UNLIMITED, concurrency: 4 } } },
    });
    const channels = Array.from({ length: 12 }, (_, i) => `C0AUTH${i}`);
    for (const channelId of channels) await scheduler.subscriptions.save({ platform: 'slack', channelId, userId: 'U1' });

    breakIt(api);
    now = SEND;
    const first = await scheduler.tick();
    expect(new Set(first.outcomes.map((o) => o.result))).toEqual(new Set(['held']));
    const pausedLines = lines.filter((l) => l.msg === PAUSED);
    expect(pausedLines).toHaveLength(1);
    expect(pausedLines[0]?.extra).toMatchObject({ scope: 'slack:T0TEAM', reason: expect.stringContaining(code) });
    expect(await scheduler.subscriptions.listActive()).toHaveLength(12);
    expect(await scheduler.ledger.counts()).toEqual({ claimed: expect.any(Number) });

    // Still broken a minute later: one probe, nothing posted, no new reason logged.
    const posts = api.callsTo('chat.postMessage').length;
    now = new Date(SEND.getTime() + 60_000);
    const second = await scheduler.tick();
    expect(second.outcomes.every((o) => o.result === 'held')).toBe(true);
    expect(api.callsTo('chat.postMessage').length).toBe(posts);
    expect(lines.filter((l) => l.msg === PAUSED)).toHaveLength(1);

    fixIt(api);
    now = new Date(SEND.getTime() + 120_000);
    const third = await scheduler.tick();
    expect(third.outcomes.filter((o) => o.result === 'sent')).toHaveLength(12);
    expect(lines.filter((l) => l.msg === RESUMED)).toHaveLength(1);
    for (const channelId of channels) expect(api.posts(channelId)).toHaveLength(1);
    expect(await scheduler.ledger.counts()).toEqual({ sent: 12 });
  });
});

describe('channel trouble stays the channel\'s', () => {
  it('not_in_channel pauses that subscription alone, saying to invite the bot; the workspace carries on', async () => {
    const api = await startSlackApi();
    closers.push(() => api.close());
    const { lines, logger } = recording();
    const slack = await startSlack({ botToken: 'xoxb-test', signingSecret: 's', apiUrl: api.url, port: 0, retries: 0, bot: createBot({ commands: [], market: fakeMarket({}) }) });
    closers.push(() => slack.stop());
    let now = CREATED;
    const scheduler = startScheduler({ store: await openTestStore(), deliverers: [slack.deliverer], compose: countingCompose().compose, now: () => now, logger, cron: false, fanout: { limits: { slack: UNLIMITED } } });
    for (const channelId of ['C0OK1', 'C0UNINVITED', 'C0OK2']) await scheduler.subscriptions.save({ platform: 'slack', channelId, userId: 'U1' });
    api.failChannel('C0UNINVITED', 'not_in_channel');
    now = SEND;
    const { outcomes } = await scheduler.tick();
    expect(Object.fromEntries(outcomes.map((o) => [o.subscriptionId, o.result]))).toEqual({ 'slack:C0OK1': 'sent', 'slack:C0UNINVITED': 'paused', 'slack:C0OK2': 'sent' });
    const paused = await scheduler.subscriptions.byId('slack:C0UNINVITED');
    expect(paused?.pauseReason).toMatch(/^bot is not allowed to post: not_in_channel \(invite the bot/);
    expect(paused?.pauseReason).not.toMatch(/gone/);
    expect(lines.filter((l) => l.msg === PAUSED)).toEqual([]);
  });
});

describe('auth trouble pauses the whole Discord application', () => {
  it('401: one reason, no channel paused, sent once the token works again', async () => {
    const emu = await DiscordEmulator.start();
    closers.push(() => emu.close());
    const { lines, logger } = recording();
    const discord = await startDiscord({ token: emu.token, appId: emu.applicationId, apiUrl: emu.apiUrl, bot: createBot({ commands: [], market: fakeMarket({}) }), drainMs: 0 });
    closers.push(() => discord.stop());
    const channels = Array.from({ length: 6 }, () => snowflake());
    for (const [i, id] of channels.entries()) emu.state.guild.channels.push({ id, name: `auth-${i}` });
    let now = CREATED;
    const scheduler = startScheduler({ store: await openTestStore(), deliverers: [discord.deliverer], compose: countingCompose().compose, now: () => now, logger, cron: false, fanout: { limits: { discord: { ...UNLIMITED, concurrency: 2 } } } });
    for (const channelId of channels) await scheduler.subscriptions.save({ platform: 'discord', channelId, userId: 'admin' });

    emu.revokeToken();
    now = SEND;
    const first = await scheduler.tick();
    expect(new Set(first.outcomes.map((o) => o.result))).toEqual(new Set(['held']));
    expect(lines.filter((l) => l.msg === PAUSED)).toMatchObject([{ extra: { scope: `discord:${emu.applicationId}`, reason: expect.stringContaining('401') } }]);
    expect(await scheduler.subscriptions.listActive()).toHaveLength(6);

    emu.restoreToken();
    now = new Date(SEND.getTime() + 60_000);
    const second = await scheduler.tick();
    expect(second.outcomes.filter((o) => o.result === 'sent')).toHaveLength(6);
    for (const id of channels) expect(emu.messagesIn(id)).toHaveLength(1);
    expect(lines.filter((l) => l.msg === RESUMED)).toHaveLength(1);
  });
});
