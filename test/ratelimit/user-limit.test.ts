import { describe, expect, it } from 'vitest';
import { describeRate, parseRate } from '../../src/ratelimit/rate.ts';
import { createUserLimit } from '../../src/ratelimit/user-limit.ts';
import type { Actor } from '../../src/command.ts';

const alice = (platform: Actor['platform'] = 'slack'): Actor => ({ platform, userId: 'U1' });

describe('RATE_LIMIT_PER_USER values', () => {
  it('reads counts per unit, per multiple units, and off', () => {
    expect(parseRate('10/min')).toEqual({ points: 10, seconds: 60 });
    expect(parseRate(' 5 / 30s ')).toEqual({ points: 5, seconds: 30 });
    expect(parseRate('100/hour')).toEqual({ points: 100, seconds: 3600 });
    expect(parseRate('2/sec')).toEqual({ points: 2, seconds: 1 });
    expect(parseRate('off')).toBeNull();
    for (const bad of ['ten/min', '10', '10/fortnight', '0/min', '-1/min', '']) expect(parseRate(bad), bad).toBeUndefined();
  });

  it('says a rate in words', () => {
    expect(describeRate({ points: 10, seconds: 60 })).toBe('10 per minute');
    expect(describeRate({ points: 5, seconds: 30 })).toBe('5 per 30 seconds');
    expect(describeRate({ points: 3, seconds: 7200 })).toBe('3 per 2 hours');
  });
});

describe('the per-user limit', () => {
  it('lets a user make `points` requests, then says when to try again (ephemeral)', async () => {
    const limit = createUserLimit({ points: 3, seconds: 60 });
    for (let i = 0; i < 3; i++) expect(await limit.check(alice())).toBeUndefined();
    const refused = await limit.check(alice());
    expect(refused).toMatchObject({ visibility: 'ephemeral', error: { kind: 'rate_limited' } });
    expect(refused!.commentary).toMatch(/limit of 3 per minute requests\. Please try again in \d+ seconds?\./);
  });

  it('keeps users and platforms apart, and never limits the CLI or the console', async () => {
    const limit = createUserLimit({ points: 1, seconds: 60 });
    expect(await limit.check(alice('slack'))).toBeUndefined();
    expect(await limit.check(alice('slack'))).toBeDefined();
    expect(await limit.check(alice('discord'))).toBeUndefined();
    expect(await limit.check({ platform: 'slack', userId: 'U2' })).toBeUndefined();
    for (let i = 0; i < 5; i++) {
      expect(await limit.check(alice('cli'))).toBeUndefined();
      expect(await limit.check(alice('console'))).toBeUndefined();
    }
  });

  it('off means no limit', async () => {
    const limit = createUserLimit(null);
    for (let i = 0; i < 50; i++) expect(await limit.check(alice())).toBeUndefined();
  });
});
