import { describe, it, expect } from 'vitest';
import { DeliveryLedger, type LedgerOptions } from '../../src/digest/ledger.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore, testDatabase } from '../helpers/store.ts';

const T0 = new Date('2025-11-24T13:30:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A real-clock stand-in the test moves by hand (leases run on it, not on the app's now). */
function realClock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const ledgerOn = (store: Store, owner: string, opts: LedgerOptions = {}) => new DeliveryLedger(store.ledger, owner, opts);

describe('DeliveryLedger', () => {
  it('lets exactly one claimant take a (subscription, local date)', async () => {
    const store = await openTestStore();
    const a = ledgerOn(store, 'a');
    const b = ledgerOn(store, 'b');
    expect(await a.claim('discord:1', '2025-11-24', T0, '2025-11-21')).toBe(true);
    expect(await a.claim('discord:1', '2025-11-24', at(1))).toBe(false);
    expect(await b.claim('discord:1', '2025-11-24', at(1))).toBe(false);
    expect(await b.claim('discord:1', '2025-11-25', at(1))).toBe(true);
    expect(await a.get('discord:1', '2025-11-24')).toMatchObject({ status: 'claimed', attempts: 1, owner: 'a', edition: '2025-11-21' });
  });

  it('never reopens a sent or paused digest, and keeps the message ref', async () => {
    const store = await openTestStore();
    const clock = realClock();
    const a = ledgerOn(store, 'a', { clock: clock.now });
    await a.claim('s1', '2025-11-24', T0);
    expect(await a.complete('s1', '2025-11-24', at(1), 'msg-123')).toBe(true);
    await a.claim('s2', '2025-11-24', T0);
    await a.markPaused('s2', '2025-11-24', at(1), 'channel is gone');
    clock.advance(3_600_000);
    const later = ledgerOn(store, 'restarted', { clock: clock.now });
    expect(await later.claim('s1', '2025-11-24', at(600))).toBe(false);
    expect(await later.claim('s2', '2025-11-24', at(600))).toBe(false);
    expect(await later.get('s1', '2025-11-24')).toMatchObject({ status: 'sent', messageRef: 'msg-123', leaseUntil: null });
    expect(await later.get('s2', '2025-11-24')).toMatchObject({ status: 'paused', lastError: 'channel is gone' });
    await a.claim('s3', '2025-11-24', T0);
    expect(await later.settledOn('2025-11-24')).toEqual(new Set(['s1', 's2']));
    expect(await later.settledOn('2025-11-25')).toEqual(new Set());
  });

  it('lets another process take a claim once its lease has run out, and fences the old owner', async () => {
    const store = await openTestStore();
    const clock = realClock();
    const crashed = ledgerOn(store, 'crashed', { leaseMs: 120_000, clock: clock.now });
    const restarted = ledgerOn(store, 'restarted', { leaseMs: 120_000, clock: clock.now });
    expect(await crashed.claim('s1', '2025-11-24', T0)).toBe(true);
    clock.advance(119_000);
    expect(await restarted.claim('s1', '2025-11-24', T0)).toBe(false);
    clock.advance(2_000);
    expect(await restarted.claim('s1', '2025-11-24', T0)).toBe(true);
    expect(await restarted.get('s1', '2025-11-24')).toMatchObject({ status: 'claimed', attempts: 2, owner: 'restarted' });
    // The old owner can no longer renew or record an outcome.
    expect(await crashed.renew('s1', '2025-11-24')).toBe(false);
    expect(await crashed.markSent('s1', '2025-11-24', at(12))).toBe(false);
    expect(await restarted.markSent('s1', '2025-11-24', at(12))).toBe(true);
  });

  it('runs leases on the real clock: a frozen app time does not freeze expiry', async () => {
    const store = await openTestStore();
    const frozen = T0; // CAPWATCH_NOW fixed: every call passes the same app time
    const a = ledgerOn(store, 'a', { leaseMs: 50 });
    const b = ledgerOn(store, 'b', { leaseMs: 50 });
    expect(await a.claim('s1', '2025-11-24', frozen)).toBe(true);
    expect(await b.claim('s1', '2025-11-24', frozen)).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(await b.claim('s1', '2025-11-24', frozen)).toBe(true);
  });

  it('keeps a lease alive while the send runs, by renewing it', async () => {
    const store = await openTestStore();
    const a = ledgerOn(store, 'a', { leaseMs: 300 });
    const b = ledgerOn(store, 'b', { leaseMs: 300 });
    await a.claim('s1', '2025-11-24', T0);
    const stolen = await a.whileHeld('s1', '2025-11-24', async () => {
      await new Promise((r) => setTimeout(r, 1000));
      return b.claim('s1', '2025-11-24', T0);
    });
    expect(stolen).toBe(false);
    expect(await a.markSent('s1', '2025-11-24', T0)).toBe(true);
  });

  it('gives a released claim back at once without spending an attempt', async () => {
    const store = await openTestStore();
    const a = ledgerOn(store, 'a');
    const b = ledgerOn(store, 'b');
    await a.claim('s1', '2025-11-24', T0);
    expect(await b.release('s1', '2025-11-24', T0)).toBe(false);
    expect(await a.release('s1', '2025-11-24', T0)).toBe(true);
    expect(await b.claim('s1', '2025-11-24', T0)).toBe(true);
    expect(await b.get('s1', '2025-11-24')).toMatchObject({ owner: 'b', attempts: 1 });
  });

  it('stops taking over a digest that keeps killing its senders', async () => {
    const store = await openTestStore();
    const clock = realClock();
    const opts = { leaseMs: 1000, maxClaims: 3, clock: clock.now };
    for (const owner of ['p1', 'p2', 'p3']) {
      expect(await ledgerOn(store, owner, opts).claim('s1', '2025-11-24', T0)).toBe(true);
      clock.advance(1001);
    }
    expect(await ledgerOn(store, 'p4', opts).claim('s1', '2025-11-24', T0)).toBe(false);
  });

  it('retries a failed delivery after a pause on the real clock, up to maxAttempts claims', async () => {
    const store = await openTestStore();
    const clock = realClock();
    const l = ledgerOn(store, 'a', { retryFailedAfterMs: 5 * 60_000, maxAttempts: 2, clock: clock.now });
    await l.claim('s1', '2025-11-24', T0);
    await l.markFailed('s1', '2025-11-24', at(1), 'transient: 502');
    clock.advance(3 * 60_000);
    expect(await l.claim('s1', '2025-11-24', at(3))).toBe(false);
    clock.advance(3 * 60_000);
    expect(await l.claim('s1', '2025-11-24', at(3))).toBe(true);
    await l.markFailed('s1', '2025-11-24', at(8), 'transient: 502');
    clock.advance(30 * 60_000);
    expect(await l.claim('s1', '2025-11-24', at(20))).toBe(false);
    expect(await l.get('s1', '2025-11-24')).toMatchObject({ status: 'failed', attempts: 2, lastError: 'transient: 502' });
    expect(await l.counts()).toEqual({ failed: 1 });
  });

  it('prunes rows before a date', async () => {
    const l = ledgerOn(await openTestStore(), 'a');
    for (const date of ['2025-09-01', '2025-09-30', '2025-10-01', '2025-11-24']) await l.claim('s1', date, T0);
    expect(await l.pruneBefore('2025-10-01')).toBe(2);
    expect(await l.get('s1', '2025-09-30')).toBeUndefined();
    expect((await l.get('s1', '2025-10-01'))?.status).toBe('claimed');
  });

  it('keeps claims exclusive between two connections to one database, racing', async () => {
    const db = testDatabase();
    const one = ledgerOn(await db.open(), 'one');
    const two = ledgerOn(await db.open(), 'two');
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => [one, two].map(async (l) => ((await l.claim(`s${i}`, '2025-11-24', T0)) ? `${i}:${l.ownerId}` : null))).flat(),
    );
    const winners = results.filter((w): w is string => w !== null);
    expect(winners).toHaveLength(300);
    expect(new Set(winners.map((w) => w.split(':')[0])).size).toBe(300);
    expect(await one.counts()).toEqual({ claimed: 300 });
  });

  it('lets exactly one of three instances take over each expired claim of a dead one, racing', async () => {
    const db = testDatabase();
    const clock = realClock();
    const dead = ledgerOn(await db.open(), 'dead', { leaseMs: 1000, clock: clock.now });
    for (let i = 0; i < 100; i++) await dead.claim(`s${i}`, '2025-11-24', T0);
    clock.advance(1001);
    const live = await Promise.all(['x', 'y', 'z'].map(async (o) => ledgerOn(await db.open(), o, { leaseMs: 1000, clock: clock.now })));
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => live.map(async (l) => ((await l.claim(`s${i}`, '2025-11-24', T0)) ? `${i}:${l.ownerId}` : null))).flat(),
    );
    const winners = results.filter((w): w is string => w !== null);
    expect(winners).toHaveLength(100);
    expect(new Set(winners.map((w) => w.split(':')[0])).size).toBe(100);
    for (let i = 0; i < 100; i += 17) expect(await dead.get(`s${i}`, '2025-11-24')).toMatchObject({ attempts: 2, status: 'claimed' });
  });
});
