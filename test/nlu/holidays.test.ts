import { describe, it, expect } from 'vitest';
import Holidays from 'date-holidays';
import { HOLIDAY_WORD, findPastHoliday } from '../../src/nlu/holidays.ts';

const now = new Date('2026-11-21T15:00:00Z'); // Saturday, before Thanksgiving 2026

describe('findPastHoliday', () => {
  it.each([
    ['labor day', '2026-09-07'],
    ['memorial day', '2026-05-25'],
    ['july 4th', '2026-07-04'],
    ['mlk day', '2026-01-19'],
    ['veterans day', '2026-11-11'],
  ])('%s -> %s', (text, date) => expect(findPastHoliday(`since ${text}`, now)).toEqual({ index: 6, date }));

  it('takes last year when this year\'s has not come yet', () => {
    expect(findPastHoliday('thanksgiving', now)?.date).toBe('2025-11-27');
    expect(findPastHoliday('christmas', now)?.date).toBe('2025-12-25');
  });

  it('finds nothing in ordinary words', () => {
    expect(findPastHoliday('since the may meeting', now)).toBeUndefined();
    expect(findPastHoliday('day after day', now)).toBeUndefined();
  });

  it('gates on a word that every US holiday name holds, so other questions never load date-holidays', () => {
    const us = new Holidays('US');
    const names = [2020, 2024, 2026, 2030].flatMap((year) => us.getHolidays(year).map((h) => h.name.toLowerCase()));
    expect(names.filter((name) => !HOLIDAY_WORD.test(name))).toEqual([]);
    expect(HOLIDAY_WORD.test('how are small caps doing this week vs the s&p')).toBe(false);
  });
});
