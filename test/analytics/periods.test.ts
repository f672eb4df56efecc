import { describe, expect, it } from 'vitest';
import { parsePeriod, periodWindow } from '../../src/analytics/periods.ts';
import { InputError } from '../../src/command.ts';

describe('parsePeriod', () => {
  it('accepts fixed periods in any case', () => {
    for (const p of ['1d', '5d', '1m', '3m', '6m', 'ytd', '1y', '3y', '5y', '10y']) expect(parsePeriod(p.toUpperCase())).toBe(p);
  });
  it('accepts since dates and years', () => {
    expect(parsePeriod('since 2025-07-01')).toBe('since:2025-07-01');
    expect(parsePeriod('since:2025-07-01')).toBe('since:2025-07-01');
    expect(parsePeriod('2024', '2025-09-10')).toBe('2024');
  });
  it('rejects unknown periods with the valid choices', () => {
    expect(() => parsePeriod('7q')).toThrow(InputError);
    try {
      parsePeriod('7q');
    } catch (e) {
      expect((e as InputError).hint).toMatch(/1d, 5d, 1m, 3m, 6m, ytd, 1y, 3y, 5y, 10y/);
    }
    expect(() => parsePeriod('since 2025-02-30')).toThrow(/not a valid date/);
    expect(() => parsePeriod('since 2030-01-01', '2025-09-10')).toThrow(/not in the past/);
    expect(() => parsePeriod('2031', '2025-09-10')).toThrow(/outside/);
  });
});

describe('periodWindow', () => {
  it('counts calendar months back, clamping month ends', () => {
    expect(periodWindow('1m', '2025-03-31')).toEqual({ start: '2025-02-28', end: '2025-03-31' });
    expect(periodWindow('ytd', '2025-09-10')).toEqual({ start: '2024-12-31', end: '2025-09-10' });
    expect(periodWindow('10y', '2025-09-10')).toEqual({ start: '2015-09-10', end: '2025-09-10' });
  });
  it('uses sessions for 1d and 5d, and calendar years for YYYY', () => {
    expect(periodWindow('5d', '2025-09-10')).toEqual({ sessionsBack: 5, end: '2025-09-10' });
    expect(periodWindow('2024', '2025-09-10')).toEqual({ start: '2023-12-31', end: '2024-12-31' });
    expect(periodWindow('since:2025-07-01', '2025-09-10')).toEqual({ start: '2025-07-01', end: '2025-09-10' });
  });
});

describe('the hint for an invalid date', () => {
  it('gives an example inside the bundled history of every supported "now" (no date from the future in 2021)', () => {
    for (const today of ['2019-06-14', '2021-03-01', '2026-12-02']) {
      let hint = '';
      try {
        parsePeriod('since 2025-02-30', today);
      } catch (error) {
        if (error instanceof InputError) hint = error.hint ?? '';
      }
      const example = /since:(\d{4}-\d{2}-\d{2})/.exec(hint)?.[1];
      expect(example && example < today, `${today}: ${hint}`).toBe(true);
    }
    // Option validation has no "now": its example predates every date the bundled history is checked at.
    expect(() => parsePeriod('since 2025-02-30')).toThrow(InputError);
    try {
      parsePeriod('since 2025-02-30');
    } catch (error) {
      expect(error instanceof InputError && error.hint).toMatch(/since:2015-01-02/);
    }
  });
});
