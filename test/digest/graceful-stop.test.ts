/**
 * Graceful stop (SIGTERM): no new claims, sends in flight finish, claims not started (or waiting for a
 * retry) are given back, so the next process sends the rest at once instead of waiting out a lease.
 */
import { describe, expect, it, vi } from 'vitest';
import { DeliveryError } from '../../src/digest/deliverer.ts';
import { startScheduler } from '../../src/digest/scheduler.ts';
import { UNLIMITED } from '../../src/digest/fanout.ts';
import { silentLogger } from '../../src/logger.ts';
import { testDatabase } from '../helpers/store.ts';
import { countingCompose, deferred, recordingDeliverer } from './support/fakes.ts';

const SEND = new Date('2025-11-24T13:30:00Z');
const CREATED = new Date('2025-11-20T12:00:00Z');
const settle = async () => {
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
};

describe('graceful stop', () => {
  it('lets sends in flight finish, gives back the rest, and a restart sends the rest at once', async () => {
    const database = testDatabase();
    const hold = deferred();
    // Three sends at a time: ch0 and ch1 stay in flight until released; ch2 fails once and waits for its
    // retry, which lets ch3 start (in flight too); ch4..ch7 have not started when the stop comes.
    const first = recordingDeliverer('slack', async (channelId, attempt) => {
      if (channelId === 'ch2' && attempt === 1) throw new DeliveryError('transient', 'internal_error');
      await hold.promise;
    });
    let now = CREATED;
    const a = startScheduler({
      store: await database.open(),
      deliverers: [first.deliverer],
      compose: countingCompose().compose,
      now: () => now,
      logger: silentLogger,
      cron: false,
      instanceId: 'stopping',
      ledger: { leaseMs: 600_000 },
      fanout: { limits: { slack: { ...UNLIMITED, concurrency: 3 } }, backoffMs: () => 60_000 },
    });
    for (let i = 0; i < 8; i++) await a.subscriptions.save({ platform: 'slack', channelId: `ch${i}`, userId: 'U1' });
    now = SEND;
    const ticking = a.tick();
    // Claims are database round trips (PostgreSQL too): wait for the fan-out to reach its steady state.
    await vi.waitFor(() => expect([...first.attempts.keys()].sort()).toEqual(['ch0', 'ch1', 'ch2', 'ch3']), { timeout: 10_000 });

    const stopping = a.stop();
    await settle();
    hold.resolve();
    await stopping;
    const { outcomes } = await ticking;
    // Nothing new started after the stop; what was in flight finished and is recorded as sent.
    expect(first.sent.sort()).toEqual(['ch0', 'ch1', 'ch3']);
    expect(first.attempts.get('ch2')).toBe(1);
    const byResult = (r: string) => outcomes.filter((o) => o.result === r).map((o) => o.subscriptionId).sort();
    expect(byResult('sent')).toEqual(['slack:ch0', 'slack:ch1', 'slack:ch3']);
    expect(byResult('released')).toEqual(['slack:ch2', 'slack:ch4', 'slack:ch5', 'slack:ch6', 'slack:ch7']);
    expect(await a.ledger.counts()).toEqual({ sent: 3, claimed: 1 });

    // The next process (another instance id, a lease of ten minutes) sends the rest now, not in ten minutes.
    const second = recordingDeliverer('slack');
    const b = startScheduler({ store: await database.open(), deliverers: [second.deliverer], compose: countingCompose().compose, now: () => now, logger: silentLogger, cron: false, instanceId: 'restarted', ledger: { leaseMs: 600_000 } });
    const rest = await b.tick();
    expect(rest.outcomes.filter((o) => o.result === 'sent').map((o) => o.subscriptionId).sort()).toEqual(byResult('released'));
    expect([...first.sent, ...second.sent].sort()).toEqual(['ch0', 'ch1', 'ch2', 'ch3', 'ch4', 'ch5', 'ch6', 'ch7']);
    await b.stop();
  });

  it('bounds the wait: a send that never ends keeps its lease and the stop returns after drainMs', async () => {
    const database = testDatabase();
    const hung = recordingDeliverer('slack', () => new Promise<void>(() => {}));
    let now = CREATED;
    const a = startScheduler({ store: await database.open(), deliverers: [hung.deliverer], compose: countingCompose().compose, now: () => now, logger: silentLogger, cron: false, drainMs: 50 });
    await a.subscriptions.save({ platform: 'slack', channelId: 'stuck', userId: 'U1' });
    now = SEND;
    void a.tick();
    await vi.waitFor(() => expect(hung.attempts.get('stuck')).toBe(1), { timeout: 10_000 });
    await a.stop();
    expect(await a.ledger.get('slack:stuck', '2025-11-24')).toMatchObject({ status: 'claimed' });
  });
});
