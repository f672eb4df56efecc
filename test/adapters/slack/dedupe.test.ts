import { describe, it, expect } from 'vitest';
import { SeenEvents } from '../../../adapters/slack/dedupe.ts';

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
