/** Valuation gaps between small and large caps. Pure. */

/** small/large - 1, in percent: negative is a discount, positive a premium. */
export function valuationGap(small: number, large: number): number {
  if (!(large > 0) || !(small > 0)) throw new RangeError('multiples must be positive');
  return (small / large - 1) * 100;
}

export interface VersusHistory {
  current: number;
  median: number;
  /** current / median, when the median is positive and the current figure not negative. */
  ratioToMedian: number | null;
  /** current - median, in percentage points. */
  differencePp: number;
}

export function versusHistory(current: number, median: number): VersusHistory {
  return {
    current,
    median,
    ratioToMedian: current >= 0 && median > 0 ? current / median : null,
    differencePp: current - median,
  };
}
