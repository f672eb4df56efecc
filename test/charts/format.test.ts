import { describe, it, expect } from 'vitest';
import { dateRange, periodWords, plainName, rangeLow, seriesName, seriesNameWithSymbol, shortDate, signedPct, slug } from '../../src/charts/format.ts';

describe('format', () => {
  it('signs percentages with a true minus and no sign for zero', () => {
    expect(signedPct(7.2913)).toBe('+7.3%');
    expect(signedPct(-20.93)).toBe('−20.9%');
    expect(signedPct(-0.04)).toBe('0.0%');
    expect(signedPct(0.033, 3)).toBe('+0.033%');
  });

  it('writes dates and ranges of dates briefly', () => {
    expect(shortDate('2026-12-09')).toBe('Dec 9, 2026');
    expect(shortDate('2026-12-09T14:00:00Z', false)).toBe('Dec 9');
    expect(shortDate('next week')).toBe('next week');
    expect(dateRange('2026-10-21', '2026-11-19')).toBe('Oct 21 to Nov 19, 2026');
    expect(dateRange('2025-11-19', '2026-11-19')).toBe('Nov 19, 2025 to Nov 19, 2026');
  });

  it('spells out periods', () => {
    expect(periodWords('1m')).toBe('1 month');
    expect(periodWords('YTD')).toBe('year to date');
    expect(periodWords('since:2025-07-01')).toBe('since Jul 1, 2025');
    expect(periodWords('since 2025-07-01')).toBe('since Jul 1, 2025');
    expect(periodWords('2024')).toBe('2024');
  });

  it('orders target ranges by their lower bound', () => {
    expect(rangeLow('3.75-4.00')).toBe(3.75);
    expect(rangeLow('0.00-0.25')).toBe(0);
    expect(Number.isNaN(rangeLow('hold'))).toBe(true);
  });

  it('makes file-safe slugs', () => {
    expect(slug('IWM-SPY-since:2025-07-01')).toBe('iwm-spy-since-2025-07-01');
    expect(slug('../../etc')).toBe('..-..-etc');
  });
});

describe('series names', () => {
  it('turn sentence-style labels into chart headings', () => {
    expect(seriesName('the S&P 500 (SPY)', 'SPY')).toBe('S&P 500');
    expect(seriesName('The Russell 2000 (IWM)', 'IWM')).toBe('Russell 2000');
    expect(seriesName('The Russell 2000 index', '^RUT')).toBe('Russell 2000 index');
    expect(seriesName('the equal-weight S&P 500 (RSP)', 'RSP')).toBe('Equal-weight S&P 500');
    expect(seriesName('', 'QQQ')).toBe('QQQ');
    expect(seriesName('qqq', 'QQQ')).toBe('QQQ');
    expect(seriesNameWithSymbol('the Nasdaq 100 (QQQ)', 'QQQ')).toBe('Nasdaq 100 (QQQ)');
    expect(seriesNameWithSymbol('SPY', 'SPY')).toBe('SPY');
    expect(plainName('the S&P 500')).toBe('S&P 500');
  });
});
