import { describe, it, expect } from 'vitest';
import {
  FOMC_DECISIONS,
  calendarCoversThrough,
  meetingInMonth,
  meetingsAfter,
  nextMeeting,
} from '../../src/analytics/fomc-calendar.ts';

describe('FOMC calendar', () => {
  it('holds the 24 published decision days of 2025-2027, ascending', () => {
    expect(FOMC_DECISIONS).toHaveLength(24);
    expect([...FOMC_DECISIONS].sort()).toEqual(FOMC_DECISIONS);
    expect(FOMC_DECISIONS).toContain('2026-10-28');
    expect(FOMC_DECISIONS).toContain('2027-06-09');
  });

  it('lists meetings strictly after a date', () => {
    expect(meetingsAfter('2026-09-16')[0]).toBe('2026-10-28');
    expect(meetingsAfter('2026-09-15')[0]).toBe('2026-09-16');
    expect(meetingsAfter('2027-12-08')).toEqual([]);
    expect(nextMeeting('2026-11-01')).toBe('2026-12-09');
    expect(nextMeeting('2028-01-01')).toBeUndefined();
  });

  it('finds the meeting of a contract month and knows where it ends', () => {
    expect(meetingInMonth('2026-10')).toBe('2026-10-28');
    expect(meetingInMonth('2026-11')).toBeUndefined();
    expect(calendarCoversThrough()).toBe('2027-12');
  });

  it('takes any calendar, sorting it and rejecting malformed entries', () => {
    expect(meetingsAfter('2030-01-01', ['2030-03-01', '2030-02-01'])).toEqual(['2030-02-01', '2030-03-01']);
    expect(() => meetingsAfter('2030-01-01', ['2030-3-1'])).toThrow(/not a YYYY-MM-DD/);
  });
});
