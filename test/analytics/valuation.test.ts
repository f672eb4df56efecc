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
