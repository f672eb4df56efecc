import { describe, it, expect } from 'vitest';
import { SeenEvents, sharedSeen } from '../../../adapters/slack/dedupe.ts';
import { testDatabase } from '../../helpers/store.ts';

describe('SeenEvents', () => {
  it('accepts an id once within the TTL, again after it', () => {
    let t = 0;
    const seen = new SeenEvents(1000, 100, () => t);
    expect(seen.first('Ev1')).toBe(true);
    expect(seen.first('Ev1')).toBe(false);
    t = 999;
    expect(seen.first('Ev1')).toBe(false);
    t = 1000;
    expect(seen.first('Ev1')).toBe(true);
  });

  it('keeps at most max ids, dropping the oldest', () => {
    let t = 0;
    const seen = new SeenEvents(60_000, 3, () => t);
    for (const id of ['a', 'b', 'c', 'd']) {
      t += 1;
      expect(seen.first(id)).toBe(true);
    }
    expect(seen.size).toBe(3);
    expect(seen.first('a')).toBe(true); // forgotten
    expect(seen.first('d')).toBe(false);
  });

  it('drops expired ids as new ones arrive', () => {
    let t = 0;
    const seen = new SeenEvents(10, 100, () => t);
    seen.first('old');
    t = 20;
    seen.first('new');
    expect(seen.size).toBe(1);
  });
});

describe('sharedSeen', () => {
  it('answers a retry once across instances on one database, and again after the TTL', async () => {
    const db = testDatabase();
    let t = 1_000_000;
    const a = sharedSeen(new SeenEvents(), (await db.open()).events, 60_000, () => t);
    const b = sharedSeen(new SeenEvents(), (await db.open()).events, 60_000, () => t);
    // A retry of the same event lands on the other instance (a load balancer's choice).
    const both = await Promise.all([a.first('Ev1'), b.first('Ev1')]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await b.first('Ev1')).toBe(false);
    expect(await a.first('Ev2')).toBe(true);
    t += 60_000;
    expect(await b.first('Ev2')).toBe(true);
  });
});
