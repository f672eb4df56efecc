import { describe, expect, it } from 'vitest';
import { exchangeDate, isKnownAt, knownAt, lastOnOrBefore } from '../../src/market/as-of.ts';

describe('as of now', () => {
  it('uses the exchange date, not UTC', () => {
    expect(exchangeDate(new Date('2026-03-03T03:00:00Z'))).toBe('2026-03-02');
    expect(exchangeDate(new Date('2026-03-03T15:00:00Z'))).toBe('2026-03-03');
  });
  it('never admits anything dated after now', () => {
    const now = new Date('2024-11-05T21:00:00Z');
    expect(isKnownAt('2024-11-05', now)).toBe(true);
    expect(isKnownAt('2024-11-06', now)).toBe(false);
    expect(isKnownAt('2024-11-05T21:00:01Z', now)).toBe(false);
    const rows = [{ d: '2024-11-04' }, { d: '2024-11-05' }, { d: '2025-09-10' }];
    expect(knownAt(rows, now, (r) => r.d)).toEqual(rows.slice(0, 2));
  });
  it('finds the last row on or before a date', () => {
    const rows = ['2024-01-02', '2024-01-03', '2024-01-05'];
    expect(lastOnOrBefore(rows, '2024-01-04', (r) => r)).toBe('2024-01-03');
    expect(lastOnOrBefore(rows, '2024-01-01', (r) => r)).toBeUndefined();
    expect(lastOnOrBefore(rows, '2030-01-01', (r) => r)).toBe('2024-01-05');
  });
});
