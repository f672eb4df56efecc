import { describe, it, expect } from 'vitest';
import {
  isNyseHoliday,
  isTradingDay,
  nextTradingDay,
  nyseHolidayName,
  nyseHolidays,
  previousTradingDay,
} from '../../src/digest/calendar.ts';

// The NYSE's published holiday calendar (nyse.com/markets/hours-calendars) for 2025-2027.
const PUBLISHED: Record<number, string[]> = {
  2025: ['2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25'],
  2026: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'],
  2027: ['2027-01-01', '2027-01-18', '2027-02-15', '2027-03-26', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24'],
};

describe('NYSE calendar', () => {
  for (const [year, dates] of Object.entries(PUBLISHED)) {
    it(`matches the published holidays for ${year}`, () => {
      expect(nyseHolidays(Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it('names Good Friday and Juneteenth, including observed dates', () => {
    expect(nyseHolidayName('2025-04-18')).toBe('Good Friday');
    expect(nyseHolidayName('2027-03-26')).toBe('Good Friday');
    expect(nyseHolidayName('2025-06-19')).toBe('Juneteenth National Independence Day');
    // Juneteenth 2027 falls on a Saturday: observed Friday 18th.
    expect(nyseHolidayName('2027-06-18')).toBe('Juneteenth National Independence Day');
    expect(isNyseHoliday('2027-06-19')).toBe(false);
  });

  it('applies the observance rules: Saturday to Friday, Sunday to Monday, but not New Year on a Saturday', () => {
    expect(nyseHolidayName('2026-07-03')).toBe('Independence Day'); // July 4 2026 is a Saturday
    expect(nyseHolidayName('2027-07-05')).toBe('Independence Day'); // July 4 2027 is a Sunday
    expect(nyseHolidayName('2027-12-24')).toBe('Christmas Day'); // Christmas 2027 is a Saturday
    // Jan 1 2028 is a Saturday: the NYSE stays open on Friday Dec 31 2027.
    expect(isTradingDay('2027-12-31')).toBe(true);
    expect(nyseHolidays(2028).some((h) => h.name === "New Year's Day")).toBe(false);
  });

  it('knows weekends and ordinary trading days', () => {
    expect(isTradingDay('2025-11-22')).toBe(false); // Saturday
    expect(isTradingDay('2025-11-23')).toBe(false); // Sunday
    expect(isTradingDay('2025-11-24')).toBe(true);
    expect(isTradingDay('2025-11-28')).toBe(true); // day after Thanksgiving: early close, still open
  });

  it('steps over weekends and holidays', () => {
    expect(previousTradingDay('2025-04-20')).toBe('2025-04-17'); // Easter Sunday -> Thursday before Good Friday
    expect(nextTradingDay('2025-04-18')).toBe('2025-04-21');
    expect(previousTradingDay('2025-11-24', false)).toBe('2025-11-21');
    expect(nextTradingDay('2025-12-24', false)).toBe('2025-12-26');
  });

  it('puts Good Friday two days before Easter, and leaves a Saturday New Year in its own year', () => {
    expect(nyseHolidayName('2024-03-29')).toBe('Good Friday');
    expect(nyseHolidayName('2038-04-23')).toBe('Good Friday');
    // 2022-01-01 was a Saturday: the NYSE traded on Friday 2021-12-31.
    expect(isTradingDay('2021-12-31')).toBe(true);
    // 2021-07-04 was a Sunday: observed Monday 2021-07-05.
    expect(nyseHolidayName('2021-07-05')).toBe('Independence Day');
  });
});
