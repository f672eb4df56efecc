import { describe, expect, it } from 'vitest';
import { commonWindow, InsufficientDataError, lastOnOrBefore, periodReturn, relativePerformance } from '../../src/analytics/returns.ts';
import type { Bar } from '../../src/market/types.ts';

// Around Good Friday 2025 (Apr 18, NYSE closed) and a weekend.
const bars: Bar[] = [
  { date: '2025-04-14', close: 100 },
  { date: '2025-04-15', close: 101 },
  { date: '2025-04-16', close: 99 },
  { date: '2025-04-17', close: 102 },
  { date: '2025-04-21', close: 98 },
  { date: '2025-04-22', close: 103 },
];

describe('periodReturn', () => {
  it('takes the last close on or before each boundary (weekends and holidays)', () => {
    // Start falls on Good Friday -> Thursday's close; end on Sunday -> Thursday's close too.
    const r = periodReturn(bars, { start: '2025-04-18', end: '2025-04-22' });
    expect(r.start.date).toBe('2025-04-17');
    expect(r.end.date).toBe('2025-04-22');
    expect(r.returnPct).toBeCloseTo((103 / 102 - 1) * 100, 12);
  });
  it('counts sessions back for 1d and 5d', () => {
    const oneDay = periodReturn(bars, { sessionsBack: 1, end: '2025-04-21' });
    expect(oneDay.start.date).toBe('2025-04-17');
    expect(oneDay.returnPct).toBeCloseTo((98 / 102 - 1) * 100, 12);
    expect(periodReturn(bars, { sessionsBack: 5, end: '2025-04-22' }).start.date).toBe('2025-04-14');
  });
  it('fails clearly without enough history', () => {
    expect(() => periodReturn(bars, { start: '2025-01-01', end: '2025-04-22' })).toThrow(InsufficientDataError);
    expect(() => periodReturn(bars, { sessionsBack: 10, end: '2025-04-22' })).toThrow(InsufficientDataError);
  });
  it('finds boundaries by binary search', () => {
    expect(lastOnOrBefore(bars, '2025-04-13')).toBe(-1);
    expect(lastOnOrBefore(bars, '2025-04-20')).toBe(3);
    expect(lastOnOrBefore(bars, '2026-01-01')).toBe(5);
  });
});

describe('relativePerformance', () => {
  it('gives the spread in pp and the ratio of growth', () => {
    const r = relativePerformance(12.05, 25.59);
    expect(r.spreadPp).toBeCloseTo(-13.54, 10);
    expect(r.relativePct).toBeCloseTo((1.1205 / 1.2559 - 1) * 100, 10);
  });
});

describe('commonWindow', () => {
  it('aligns the end on a date both series have', () => {
    const other = bars.filter((b) => b.date !== '2025-04-22');
    expect(commonWindow(bars, other, { start: '2025-04-15', end: '2025-04-22' }).end).toBe('2025-04-21');
    expect(commonWindow(bars, other, { sessionsBack: 1, end: '2025-04-22' })).toEqual({ start: '2025-04-17', end: '2025-04-21' });
  });
});
