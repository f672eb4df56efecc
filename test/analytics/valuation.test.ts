import { describe, expect, it } from 'vitest';
import { valuationGap, versusHistory } from '../../src/analytics/valuation.ts';

describe('valuation gap', () => {
  it('is small/large - 1: a discount when negative', () => {
    expect(valuationGap(13.6, 17.2)).toBeCloseTo(-20.93, 2);
    expect(valuationGap(20, 16)).toBeCloseTo(25, 10);
    expect(() => valuationGap(10, 0)).toThrow(RangeError);
  });
  it('compares with a historical median', () => {
    const h = versusHistory(3.7, 8.2);
    expect(h.ratioToMedian).toBeCloseTo(0.4512, 4);
    expect(h.differencePp).toBeCloseTo(-4.5, 10);
  });
});

describe('the gap against its own history', () => {
  it('pairs the two sides by date and ranks the current gap', async () => {
    const { gapSeries, median, percentileRank, olderDate } = await import('../../src/analytics/valuation.ts');
    const series = gapSeries(
      [{ asOf: '2026-11-24', value: 18 }, { asOf: '2026-11-25', value: 18.02 }, { asOf: '2026-11-26', value: 19 }],
      [{ asOf: '2026-11-25', value: 27.61 }, { asOf: '2026-11-24', value: 27 }],
    );
    expect(series.map((s) => s.asOf)).toEqual(['2026-11-24', '2026-11-25']);
    expect(series[0]!.gapPct).toBeCloseTo((18 / 27 - 1) * 100, 10);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentileRank([1, 2, 3, 4], 2)).toBe(50);
    expect(olderDate('2025-09-10', '2025-08-28')).toBe('2025-08-28');
  });
});
