import { describe, it, expect } from 'vitest';
import { openTestStore } from '../helpers/store.ts';
import { silentLogger, type Logger } from '../../src/logger.ts';
import { DeliveryError } from '../../src/digest/deliverer.ts';
import { startScheduler } from '../../src/digest/scheduler.ts';
import { Fanout, UNLIMITED } from '../../src/digest/fanout.ts';
import { createEditionCache } from '../../src/digest/edition.ts';
import { DeliveryLedger } from '../../src/digest/ledger.ts';
import { dueDigests } from '../../src/digest/schedule.ts';
import { SubscriptionRepository } from '../../src/digest/subscriptions.ts';
import { countingCompose, deferred, recordingDeliverer, until, type Behaviour } from './support/fakes.ts';

// Monday 2025-11-24, 08:30 in New York.
const SEND = new Date('2025-11-24T13:30:00Z');
const CREATED = new Date('2025-11-20T12:00:00Z');

async function setup(opts: { discord?: Behaviour; slack?: Behaviour; sleeps?: number[]; sleep?: (ms: number) => Promise<void>; limits?: boolean; logger?: Logger }) {
  let now = CREATED;
  const db = await openTestStore();
  const { compose, counts } = countingCompose();
  const discord = recordingDeliverer('discord', opts.discord);
  const slack = recordingDeliverer('slack', opts.slack);
  const sleeps = opts.sleeps ?? [];
  const scheduler = startScheduler({
    store: db,
    // The test's clock stands in for the real one, so ledger retry pauses pass as it moves.
    ledger: { clock: () => now.getTime() },
    deliverers: [discord.deliverer, slack.deliverer],
    compose,
    now: () => now,
    logger: opts.logger ?? silentLogger,
    cron: false,
    fanout: {
      ...(opts.limits === false ? {} : { limits: { discord: UNLIMITED, slack: UNLIMITED } }),
      sleep: opts.sleep ?? (async (ms) => void sleeps.push(ms)),
    },
  });
  return { db, scheduler, discord, slack, counts, sleeps, setNow: (d: Date) => (now = d) };
}

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

describe('scheduler ticks', () => {
  it('lets a tick start while an earlier one is still sending, without sending anything twice', async () => {
    const gate = deferred();
    const discord = recordingDeliverer('discord', () => gate.promise);
    let now = CREATED;
    const s = startScheduler({ store: await openTestStore(), deliverers: [discord.deliverer], compose: countingCompose().compose, now: () => now, logger: silentLogger, cron: false });
    await s.subscriptions.save({ platform: 'discord', channelId: 'slow', userId: 'u' });
    now = SEND;
    const first = s.tick();
    await until(() => discord.attempts.get('slow') === 1);
    now = new Date(SEND.getTime() + 60_000);
    // The digest is still in flight in this process: the second tick leaves it alone and returns.
    expect((await s.tick()).outcomes).toEqual([]);
    gate.resolve();
    expect((await first).outcomes.map((o) => o.result)).toEqual(['sent']);
    expect(discord.attempts.get('slow')).toBe(1);
  });

  it('does not queue a digest twice when a tick starts while the edition is still being composed', async () => {
    const gate = deferred();
    let composes = 0;
    const discord = recordingDeliverer('discord');
    let now = CREATED;
    const s = startScheduler({
      store: await openTestStore(),
      deliverers: [discord.deliverer],
      compose: async (at) => {
        composes++;
        await gate.promise;
        return countingCompose().compose(at);
      },
      now: () => now,
      logger: silentLogger,
      cron: false,
    });
    await s.subscriptions.save({ platform: 'discord', channelId: 'c', userId: 'u' });
    now = SEND;
    const first = s.tick();
    await until(() => composes === 1);
    now = new Date(SEND.getTime() + 60_000);
    expect((await s.tick()).outcomes).toEqual([]);
    gate.resolve();
    expect((await first).outcomes.map((o) => o.result)).toEqual(['sent']);
    expect(composes).toBe(1);
    expect(discord.sent).toEqual(['c']);
  });

  it('skips a channel unsubscribed while its digest waited in the queue', async () => {
    const gate = deferred();
    const discord = recordingDeliverer('discord', (channel) => (channel === 'first' ? gate.promise : undefined));
    const s = startScheduler({
      store: await openTestStore(),
      deliverers: [discord.deliverer],
      compose: countingCompose().compose,
      now: () => SEND,
      logger: silentLogger,
      cron: false,
      fanout: { limits: { discord: { concurrency: 1 } } },
    });
    for (const channelId of ['first', 'leaving']) await s.subscriptions.save({ platform: 'discord', channelId, userId: 'u' });
    const ticking = s.tick();
    await until(() => discord.attempts.has('first'));
    await s.subscriptions.unsubscribe('discord', 'leaving');
    gate.resolve();
    const { outcomes } = await ticking;
    expect(outcomes.map((o) => `${o.subscriptionId} ${o.result}`)).toEqual(['discord:first sent', 'discord:leaving skipped']);
    expect(discord.attempts.has('leaving')).toBe(false);
    expect(await s.ledger.get('discord:leaving', '2025-11-24')).toBeUndefined();
  });

  it('runs one node-cron task a minute, whatever the number of subscriptions', async () => {
    const cron = (await import('node-cron')).default;
    const before = cron.getTasks().size;
    const s = startScheduler({ store: await openTestStore(), deliverers: [], compose: countingCompose().compose, logger: silentLogger });
    for (let i = 0; i < 50; i++) await s.subscriptions.save({ platform: 'slack', channelId: `C${i}`, userId: 'u' });
    const added = [...cron.getTasks().values()].slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]!.getPattern()).toBe('* * * * *');
    s.stop();
    expect(cron.getTasks().size).toBe(before);
  });
});

describe('fan-out queue', () => {
  it('feeds the queue as it drains: memory follows the concurrency, not the number of subscriptions', async () => {
    const db = await openTestStore();
    const subscriptions = new SubscriptionRepository(db, () => CREATED);
    for (let i = 0; i < 200; i++) await subscriptions.save({ platform: 'discord', channelId: `c${i}`, userId: 'u' });
    const gate = deferred();
    const discord = recordingDeliverer('discord', () => gate.promise);
    const fanout = new Fanout({
      deliverers: [discord.deliverer],
      ledger: new DeliveryLedger(db.ledger, 'test'),
      subscriptions,
      editions: createEditionCache(countingCompose().compose),
      now: () => SEND,
      logger: silentLogger,
      limits: { discord: { concurrency: 3, perSecond: Infinity } },
    });
    const due = dueDigests(await subscriptions.listActive(), SEND);
    expect(due).toHaveLength(200);
    const delivering = fanout.deliver(due);
    await until(() => discord.attempts.size === 3 && fanout.load('discord').waiting === 3);
    await new Promise((r) => setTimeout(r, 50));
    expect(fanout.load('discord')).toEqual({ waiting: 3, running: 3 });
    expect(discord.attempts.size).toBe(3);
    gate.resolve();
    const outcomes = await delivering;
    // Outcomes keep the order of the due list; each channel got exactly one digest.
    expect(outcomes.map((o) => o.subscriptionId)).toEqual(due.map((d) => d.subscription.id));
    expect(outcomes.every((o) => o.result === 'sent')).toBe(true);
    expect(new Set(discord.sent).size).toBe(200);
    expect(discord.sent).toHaveLength(200);
    await fanout.onIdle();
    expect(fanout.load('discord')).toEqual({ waiting: 0, running: 0 });
  });
});
