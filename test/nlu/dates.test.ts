import { describe, it, expect } from 'vitest';
import { dateBefore, findDates, pastDate, today, upcomingMonth } from '../../src/nlu/dates.ts';

const now = new Date('2026-11-21T15:00:00Z');

describe('dates', () => {
  it('reads today in New York', () => {
    expect(today(new Date('2026-07-01T02:00:00Z'))).toEqual({ year: 2026, month: 6, day: 30 });
  });

  it('finds only the parts of a date the text states', () => {
    expect(findDates('since march 3', now)).toEqual([{ index: 6, text: 'march 3', month: 3, day: 3 }]);
    expect(findDates('in july 2025', now)).toEqual([{ index: 3, text: 'july 2025', month: 7, year: 2025 }]);
    expect(findDates('this year', now)).toEqual([]);
    expect(findDates('who is the fed chair now', now)).toEqual([]);
  });

  it('reads "may" as a month only where a month is expected', () => {
    expect(findDates('may the fed cut', now)).toEqual([]);
    expect(findDates('a cut in may', now).map((d) => d.month)).toEqual([5]);
  });

  it('resolves past dates and upcoming months', () => {
    expect(pastDate({ index: 0, text: '', month: 12 }, now)).toBe('2025-12-01');
    expect(pastDate({ index: 0, text: '', month: 11, day: 21 }, now)).toBe('2026-11-21');
    expect(pastDate({ index: 0, text: '', month: 12, day: 1, year: 2024 }, now)).toBe('2024-12-01');
    expect(upcomingMonth(11, now)).toBe('2026-11');
    expect(upcomingMonth(10, now)).toBe('2027-10');
    expect(upcomingMonth(10, now, 2030)).toBe('2030-10');
    expect(dateBefore(now, 2, 'weeks')).toBe('2026-11-07');
  });
});
