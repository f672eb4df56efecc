import { describe, it, expect } from 'vitest';
import { InputError } from '../../src/command.ts';
import { describeDays, parseDays, parseTime, parseTimezone, weekdaysOf } from '../../src/digest/validation.ts';

describe('parseTime', () => {
  it('accepts 24-hour HH:MM and pads the hour', () => {
    expect(parseTime('08:30')).toBe('08:30');
    expect(parseTime('8:05')).toBe('08:05');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('00:00')).toBe('00:00');
  });

  it.each(['24:00', '8', '8:5', '8:60', '8pm', '08:30 pm', '8.30', ''])('rejects %j with a clear message', (raw) => {
    expect(() => parseTime(raw)).toThrow(InputError);
    expect(() => parseTime(raw)).toThrow(/HH:MM on a 24-hour clock/);
  });
});

describe('parseTimezone', () => {
  it('accepts IANA names and canonicalises their spelling', () => {
    expect(parseTimezone('America/New_York')).toBe('America/New_York');
    expect(parseTimezone('europe/london')).toBe('Europe/London');
    expect(parseTimezone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(parseTimezone('UTC')).toBe('UTC');
  });

  it('rejects unknown zones and DST-less abbreviations', () => {
    expect(() => parseTimezone('Mars/Olympus')).toThrow(/not a known time zone/);
    expect(() => parseTimezone('New York')).toThrow(InputError);
    expect(() => parseTimezone('EST')).toThrow(/abbreviation/);
    expect(() => parseTimezone('pst')).toThrow(/America\/Los_Angeles/);
  });
});

describe('parseDays', () => {
  it('knows weekdays and daily', () => {
    expect(parseDays('weekdays')).toEqual({ days: 'weekdays', includeHolidays: false });
    expect(parseDays('Daily')).toEqual({ days: 'daily', includeHolidays: true });
  });

  it('canonicalises lists into week order', () => {
    expect(parseDays('fri,mon, Wednesday')).toEqual({ days: 'mon,wed,fri', includeHolidays: false });
    expect(parseDays('sat,sun')).toEqual({ days: 'sat,sun', includeHolidays: false });
    expect(parseDays('mon,tue,wed,thu,fri')).toEqual({ days: 'weekdays', includeHolidays: false });
    expect(parseDays('mon,holidays')).toEqual({ days: 'mon', includeHolidays: true });
  });

  it('rejects unknown day names', () => {
    expect(() => parseDays('mon,funday')).toThrow(/"funday" is not a day/);
    expect(() => parseDays('holidays')).toThrow(/at least one day/);
  });

  it('maps to ISO weekdays and describes itself', () => {
    expect([...weekdaysOf('weekdays')]).toEqual([1, 2, 3, 4, 5]);
    expect([...weekdaysOf('mon,wed,sun')]).toEqual([1, 3, 7]);
    expect(describeDays('mon,wed,fri', false)).toBe('Mon, Wed, Fri, NYSE holidays skipped');
    expect(describeDays('daily', true)).toBe('every day');
  });
});
