import { afterEach, describe, expect, it } from 'vitest';
import { MarketCache } from '../../src/market/cache.ts';
import type { Answer } from '../../src/market/chain.ts';
import { ProviderError, type Provenance } from '../../src/market/types.ts';
import { manualClock, tempDb } from './helpers/db.ts';

const MIN = 60_000;
const ttl = { rates: { ttlMs: 10 * MIN, maxAgeMs: 60 * MIN } };

function prov(asOf: string): Provenance {
  return { source: 'Test', provider: 'test', asOf, fetchedAt: '2026-11-21T10:00:00.000Z', stale: false, fallback: false, snapshot: false };
}

/** An upstream that counts calls and answers the next value (or fails when told to). */
function upstream() {
  let calls = 0;
  let fail = false;
  let value = 1;
  return {
    get calls() {
      return calls;
    },
    failing(f: boolean) {
      fail = f;
    },
    next(v: number) {
      value = v;
    },
    fetch: async (): Promise<Answer<number>> => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new ProviderError('test', 'down', 'http');
      return { value, provenance: prov(`2026-11-${String(value).padStart(2, '0')}`) };
    },
  };
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

describe('MarketCache', () => {
  it('collapses 100 concurrent identical requests into one upstream call', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const cache = new MarketCache({ repo: t.db.marketCache, now: manualClock('2026-11-21T10:00:00Z').now, ttl });
    const up = upstream();
    const answers = await Promise.all(Array.from({ length: 100 }, () => cache.get('rates', 'k', up.fetch)));
    expect(up.calls).toBe(1);
    expect(new Set(answers.map((a) => a.value))).toEqual(new Set([1]));
  });

  it('serves fresh entries without asking upstream', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const clock = manualClock('2026-11-21T10:00:00Z');
    const cache = new MarketCache({ repo: t.db.marketCache, now: clock.now, ttl });
    const up = upstream();
    await cache.get('rates', 'k', up.fetch);
    clock.advance(9 * MIN);
    expect((await cache.get('rates', 'k', up.fetch)).value).toBe(1);
    expect(up.calls).toBe(1);
  });

  it('past the TTL serves the old answer at once and refreshes in the background', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const clock = manualClock('2026-11-21T10:00:00Z');
    const cache = new MarketCache({ repo: t.db.marketCache, now: clock.now, ttl });
    const up = upstream();
    await cache.get('rates', 'k', up.fetch);
    up.next(2);
    clock.advance(11 * MIN);
    const served = await cache.get('rates', 'k', up.fetch);
    expect(served.value).toBe(1);
    expect(served.provenance.stale).toBe(false);
    await cache.settled();
    expect(up.calls).toBe(2);
    expect((await cache.get('rates', 'k', up.fetch)).value).toBe(2);
    expect(up.calls).toBe(2);
  });

  it('past the max age refreshes first, and serves the old answer labelled stale when that fails', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const clock = manualClock('2026-11-21T10:00:00Z');
    const cache = new MarketCache({ repo: t.db.marketCache, now: clock.now, ttl });
    const up = upstream();
    await cache.get('rates', 'k', up.fetch);
    clock.advance(2 * 60 * MIN);
    up.failing(true);
    const staleSeen: Provenance[] = [];
    const got = await cache.get('rates', 'k', up.fetch, { onStale: (p) => staleSeen.push(p) });
    expect(got.value).toBe(1);
    expect(got.provenance.stale).toBe(true);
    expect(staleSeen).toHaveLength(1);
    up.failing(false);
    up.next(3);
    const fresh = await cache.get('rates', 'k', up.fetch);
    expect(fresh).toMatchObject({ value: 3, provenance: { stale: false } });
  });

  it('throws when nothing is cached and upstream fails', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const cache = new MarketCache({ repo: t.db.marketCache, now: () => new Date('2026-11-21T10:00:00Z'), ttl });
    const up = upstream();
    up.failing(true);
    await expect(cache.get('rates', 'k', up.fetch)).rejects.toBeInstanceOf(ProviderError);
  });

  it('refetches when the cached value cannot answer, without sharing a flight with a different range', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const cache = new MarketCache({ repo: t.db.marketCache, now: () => new Date('2026-11-21T10:00:00Z'), ttl });
    const up = upstream();
    await cache.get('rates', 'k', up.fetch, { flight: 'short' });
    up.next(5);
    const [a, b] = await Promise.all([
      cache.get('rates', 'k', up.fetch, { usable: (v) => v >= 5, flight: 'long' }),
      cache.get('rates', 'k', up.fetch, { usable: (v) => v >= 5, flight: 'long' }),
    ]);
    expect([a.value, b.value]).toEqual([5, 5]);
    expect(up.calls).toBe(2);
  });

  it('survives a restart: a new cache on the same file answers without upstream', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const clock = manualClock('2026-11-21T10:00:00Z');
    const first = new MarketCache({ repo: t.db.marketCache, now: clock.now, ttl });
    const up = upstream();
    up.next(7);
    await first.get('rates', 'k', up.fetch);
    await t.db.close();

    const second = new MarketCache({ repo: (await t.reopen()).marketCache, now: clock.now, ttl });
    const up2 = upstream();
    const got = await second.get('rates', 'k', up2.fetch);
    expect(got.value).toBe(7);
    expect(got.provenance.asOf).toBe('2026-11-07');
    expect(up2.calls).toBe(0);
  });

  it('prunes persisted entries older than a cutoff', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const clock = manualClock('2026-11-01T10:00:00Z');
    const cache = new MarketCache({ repo: t.db.marketCache, now: clock.now, ttl });
    const up = upstream();
    await cache.get('rates', 'old', up.fetch);
    clock.set('2026-11-21T10:00:00Z');
    await cache.get('rates', 'new', up.fetch);
    expect(await cache.prune(new Date('2026-11-10T00:00:00Z'))).toBe(1);
  });

  it('shares one upstream call among instances on one database, per key and TTL', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const clock = manualClock('2026-11-21T10:00:00Z');
    const up = upstream();
    const instances = await Promise.all([0, 1, 2].map(async () => new MarketCache({ repo: (await t.reopen()).marketCache, now: clock.now, ttl })));
    const answers = await Promise.all(instances.flatMap((c) => [c.get('rates', 'k', up.fetch), c.get('rates', 'k', up.fetch)]));
    expect(up.calls).toBe(1);
    expect(new Set(answers.map((a) => a.value))).toEqual(new Set([1]));
    // Past the TTL: one refresh again, whichever instance asks first.
    clock.advance(11 * MIN);
    up.next(2);
    await Promise.all(instances.map((c) => c.get('rates', 'k', up.fetch)));
    await Promise.all(instances.map((c) => c.settled()));
    expect(up.calls).toBe(2);
  });
});
