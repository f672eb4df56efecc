import { describe, it, expect } from 'vitest';
import { openTestStore } from '../helpers/store.ts';
import { silentLogger, type Logger } from '../../src/logger.ts';
import { DeliveryError } from '../../src/digest/deliverer.ts';
import { startScheduler } from '../../src/digest/scheduler.ts';
import { countingCompose, deferred, recordingDeliverer, until } from './support/fakes.ts';
import { SEND, setup } from './support/fanout-setup.ts';

describe('digest fan-out', () => {
  it('delivers 1,000 subscriptions exactly once with one compose (one fetch, one chart) per edition', async () => {
    const t = await setup({});
    for (let i = 0; i < 1000; i++) {
      await t.scheduler.subscriptions.save({ platform: i % 2 ? 'slack' : 'discord', channelId: `ch${i}`, userId: 'admin' });
    }
    t.setNow(SEND);
    const first = await t.scheduler.tick();
    expect(first.due).toBe(1000);
    expect(first.outcomes.filter((o) => o.result === 'sent')).toHaveLength(1000);
    // Later ticks inside the grace window find the same subscriptions due but deliver nothing again.
    t.setNow(new Date(SEND.getTime() + 60_000));
    expect((await t.scheduler.tick()).outcomes).toEqual([]);
    t.setNow(new Date(SEND.getTime() + 90 * 60_000));
    await t.scheduler.tick();

    const all = [...t.discord.sent, ...t.slack.sent];
    expect(all).toHaveLength(1000);
    expect(new Set(all).size).toBe(1000);
    expect(t.discord.sent).toHaveLength(500);
    expect(t.counts).toEqual({ compose: 1, fetches: 1, charts: 1 });
    expect(await t.scheduler.ledger.counts()).toEqual({ sent: 1000 });
  }, 90_000); // a hang guard: 1,000 subscriptions stored and claimed one by one on a shared machine

  it('composes once per market date: subscribers in other zones the same morning share the edition', async () => {
    const t = await setup({});
    await t.scheduler.subscriptions.save({ platform: 'discord', channelId: 'ny', userId: 'u' });
    await t.scheduler.subscriptions.save({ platform: 'discord', channelId: 'chi', userId: 'u', timezone: 'America/Chicago' });
    t.setNow(SEND);
    await t.scheduler.tick();
    t.setNow(new Date(SEND.getTime() + 60 * 60_000));
    await t.scheduler.tick();
    expect(t.discord.sent).toEqual(['ny', 'chi']);
    expect(t.counts.compose).toBe(1);
    // The next market day is a new edition.
    t.setNow(new Date('2025-11-25T13:30:00Z'));
    await t.scheduler.tick();
    expect(t.counts.compose).toBe(2);
  });

  it('honours Retry-After on 429: the platform queue holds, sends nothing meanwhile, then each channel gets one digest', async () => {
    const hold = deferred();
    const sleeps: number[] = [];
    const discord = recordingDeliverer('discord', (channel, attempt) => {
      if (channel === 'a' && attempt === 1) throw new DeliveryError('rate_limited', 'You are being rate limited.', 1500);
    });
    const s = startScheduler({
      store: await openTestStore(),
      deliverers: [discord.deliverer],
      compose: countingCompose().compose,
      now: () => SEND,
      logger: silentLogger,
      cron: false,
      // One send at a time, so 'b' and 'c' queue behind 'a'.
      fanout: { limits: { discord: { concurrency: 1 } }, sleep: (ms) => (sleeps.push(ms), hold.promise) },
    });
    for (const channelId of ['a', 'b', 'c']) await s.subscriptions.save({ platform: 'discord', channelId, userId: 'u' });
    const ticking = s.tick();
    await until(() => sleeps.length > 0);
    // Let anything that could wrongly start meanwhile get its chance.
    await new Promise((r) => setTimeout(r, 50));
    expect(sleeps).toEqual([1500]);
    expect(discord.attempts.get('a')).toBe(1);
    expect(discord.attempts.has('b')).toBe(false);
    hold.resolve();
    const { outcomes } = await ticking;
    // The retry goes ahead of the queued sends.
    expect(discord.sent).toEqual(['a', 'b', 'c']);
    expect(outcomes.find((o) => o.subscriptionId === 'discord:a')).toEqual({
      subscriptionId: 'discord:a', localDate: '2025-11-24', result: 'sent', attempts: 2,
    });
    expect(await s.ledger.counts()).toEqual({ sent: 3 });
  });

  it('gives up after a bounded number of 429s and records the failure', async () => {
    const t = await setup({ slack: () => { throw new DeliveryError('rate_limited', 'ratelimited'); } });
    await t.scheduler.subscriptions.save({ platform: 'slack', channelId: 'C1', userId: 'u' });
    t.setNow(SEND);
    const { outcomes } = await t.scheduler.tick();
    expect(outcomes[0]).toMatchObject({ result: 'failed', attempts: 6 });
    expect(t.sleeps).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(await t.scheduler.ledger.get('slack:C1', '2025-11-24')).toMatchObject({ status: 'failed' });
  });

  it('pauses the subscription of a deleted channel with the reason, logs it, and never retries it', async () => {
    const warnings: unknown[] = [];
    const logger: Logger = { ...silentLogger, warn: (msg, extra) => void warnings.push({ msg, ...extra }) };
    const t = await setup({
      logger,
      discord: (channel) => {
        if (channel === 'deleted') throw new DeliveryError('gone', 'Unknown Channel (10003)');
        if (channel === 'locked') throw new DeliveryError('forbidden', 'Missing Access (50001)');
      },
    });
    for (const channelId of ['ok', 'deleted', 'locked']) await t.scheduler.subscriptions.save({ platform: 'discord', channelId, userId: 'u' });
    t.setNow(SEND);
    await t.scheduler.tick();
    t.setNow(new Date('2025-11-25T13:30:00Z'));
    await t.scheduler.tick();

    expect(t.discord.attempts.get('deleted')).toBe(1);
    expect(t.discord.attempts.get('locked')).toBe(1);
    expect(t.discord.sent).toEqual(['ok', 'ok']);
    expect(await t.scheduler.subscriptions.byId('discord:deleted')).toMatchObject({
      status: 'paused',
      pauseReason: 'channel is gone: Unknown Channel (10003)',
    });
    expect((await t.scheduler.subscriptions.byId('discord:locked'))?.pauseReason).toBe('bot is not allowed to post: Missing Access (50001)');
    expect((await t.scheduler.ledger.get('discord:deleted', '2025-11-24'))?.status).toBe('paused');
    expect(warnings).toContainEqual({ msg: 'digest subscription paused', subscription: 'discord:deleted', reason: 'channel is gone: Unknown Channel (10003)' });
  });

  it('retries transient failures with backoff, a bounded number of times', async () => {
    const t = await setup({
      slack: (channel, attempt) => {
        if (channel === 'flaky' && attempt < 3) throw new DeliveryError('transient', 'HTTP 502');
        if (channel === 'down') throw new Error('socket hang up');
      },
    });
    await t.scheduler.subscriptions.save({ platform: 'slack', channelId: 'flaky', userId: 'u' });
    await t.scheduler.subscriptions.save({ platform: 'slack', channelId: 'down', userId: 'u' });
    t.setNow(SEND);
    const { outcomes } = await t.scheduler.tick();
    const byId = Object.fromEntries(outcomes.map((o) => [o.subscriptionId, o]));
    expect(byId['slack:flaky']).toMatchObject({ result: 'sent', attempts: 3 });
    expect(byId['slack:down']).toMatchObject({ result: 'failed', attempts: 3, error: 'transient: socket hang up' });
    expect(t.slack.attempts.get('down')).toBe(3);
    expect(t.sleeps.sort((a, b) => a - b)).toEqual([2000, 2000, 8000, 8000]);
    // A later tick, after the ledger's retry pause, tries the failed one again.
    t.setNow(new Date(SEND.getTime() + 6 * 60_000));
    await t.scheduler.tick();
    expect(t.slack.attempts.get('down')).toBe(6);
    expect(t.slack.attempts.get('flaky')).toBe(3);
  });

  it('claims nothing when composing fails, and delivers on the next tick', async () => {
    let fail = true;
    const db = await openTestStore();
    const discord = recordingDeliverer('discord');
    const s = startScheduler({
      store: db,
      deliverers: [discord.deliverer],
      compose: async () => {
        if (fail) throw new Error('market data unavailable');
        return countingCompose().compose(SEND);
      },
      now: () => SEND,
      logger: silentLogger,
      cron: false,
    });
    await s.subscriptions.save({ platform: 'discord', channelId: 'c', userId: 'u' });
    const first = await s.tick();
    expect(first.outcomes[0]).toMatchObject({ result: 'failed', attempts: 0 });
    expect(await s.ledger.get('discord:c', '2025-11-24')).toBeUndefined();
    fail = false;
    await s.tick();
    expect(discord.sent).toEqual(['c']);
  });
});
