import { describe, it, expect } from 'vitest';
import { createEditionCache, editionDate } from '../../src/digest/edition.ts';
import { deferred, sampleReply } from './support/fakes.ts';

describe('editionDate', () => {
  it('is the latest NYSE session whose close has settled', () => {
    expect(editionDate(new Date('2025-11-24T13:30:00Z'))).toBe('2025-11-21'); // Monday 08:30 NY -> Friday
    expect(editionDate(new Date('2025-11-24T21:29:00Z'))).toBe('2025-11-21'); // 16:29 NY
    expect(editionDate(new Date('2025-11-24T21:30:00Z'))).toBe('2025-11-24'); // 16:30 NY
    expect(editionDate(new Date('2025-11-22T15:00:00Z'))).toBe('2025-11-21'); // Saturday
  });

  it('steps over holidays and reads the date in New York, not UTC', () => {
    expect(editionDate(new Date('2025-11-28T13:30:00Z'))).toBe('2025-11-26'); // Friday after Thanksgiving, morning
    expect(editionDate(new Date('2025-04-21T12:30:00Z'))).toBe('2025-04-17'); // Monday after Good Friday
    expect(editionDate(new Date('2025-11-25T03:00:00Z'))).toBe('2025-11-24'); // Monday 22:00 NY, Tuesday in UTC
    expect(editionDate(new Date('2025-03-10T21:30:00Z'))).toBe('2025-03-10'); // 17:30 EDT after the clock change
  });
});

describe('createEditionCache', () => {
  it('composes once per market date, sharing a compose already under way', async () => {
    const gate = deferred();
    let calls = 0;
    const cache = createEditionCache(async (now) => {
      calls++;
      await gate.promise;
      return sampleReply(now.toISOString().slice(0, 10));
    });
    const a = cache.get(new Date('2025-11-24T13:30:00Z'));
    const b = cache.get(new Date('2025-11-24T14:30:00Z'));
    gate.resolve();
    const [ea, eb] = await Promise.all([a, b]);
    expect(ea).toBe(eb);
    expect(ea.date).toBe('2025-11-21');
    expect(calls).toBe(1);
    await cache.get(new Date('2025-11-25T13:30:00Z'));
    expect(calls).toBe(2);
    expect(cache.composed).toBe(2);
  });

  it('forgets a failed compose so the next call tries again, and keeps only the last editions', async () => {
    let fail = true;
    let calls = 0;
    const cache = createEditionCache(async () => {
      calls++;
      if (fail) throw new Error('upstream down');
      return sampleReply();
    }, 2);
    await expect(cache.get(new Date('2025-11-24T13:30:00Z'))).rejects.toThrow('upstream down');
    fail = false;
    await cache.get(new Date('2025-11-24T13:31:00Z'));
    await cache.get(new Date('2025-11-25T13:30:00Z'));
    await cache.get(new Date('2025-11-26T13:30:00Z'));
    expect(calls).toBe(4);
    await cache.get(new Date('2025-11-24T13:32:00Z')); // evicted: composed again
    expect(calls).toBe(5);
  });
});
