/** Scheduler ticks over the fan-out, and how the fan-out feeds its queue. */
import { describe, it, expect } from 'vitest';
import { openTestStore } from '../helpers/store.ts';
import { silentLogger } from '../../src/logger.ts';
import { startScheduler } from '../../src/digest/scheduler.ts';
import { Fanout } from '../../src/digest/fanout.ts';
import { createEditionCache } from '../../src/digest/edition.ts';
import { DeliveryLedger } from '../../src/digest/ledger.ts';
import { dueDigests } from '../../src/digest/schedule.ts';
import { SubscriptionRepository } from '../../src/digest/subscriptions.ts';
import { countingCompose, deferred, recordingDeliverer, until } from './support/fakes.ts';
import { CREATED, SEND } from './support/fanout-setup.ts';

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
