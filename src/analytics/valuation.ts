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

/** Observations needed before a gap is judged against its own history rather than a published median. */
export const MIN_OWN_HISTORY = 250;

export interface DatedValue {
  asOf: string;
  value: number;
}

/** The gap on every date both sides were observed, ascending. */
export function gapSeries(small: readonly DatedValue[], large: readonly DatedValue[]): Array<{ asOf: string; gapPct: number }> {
  const byDate = new Map(large.filter((l) => l.value > 0).map((l) => [l.asOf, l.value]));
  return small
    .filter((s) => s.value > 0 && byDate.has(s.asOf))
    .map((s) => ({ asOf: s.asOf, gapPct: valuationGap(s.value, byDate.get(s.asOf)!) }))
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Share of the values at or below `x`, in percent (0-100). */
export function percentileRank(values: readonly number[], x: number): number {
  if (values.length === 0) throw new RangeError('percentile of nothing');
  return (values.filter((v) => v <= x).length / values.length) * 100;
}

export type OwnHistory =
  | { enough: true; observations: number; from: string; to: string; medianPct: number; percentile: number }
  | { enough: false; observations: number; from: string | null; to: string | null; needed: number };

/** The current gap against its own stored history, once that history is long enough. */
export function versusOwnHistory(series: ReadonlyArray<{ asOf: string; gapPct: number }>, current: number, needed = MIN_OWN_HISTORY): OwnHistory {
  const from = series[0]?.asOf ?? null;
  const to = series.at(-1)?.asOf ?? null;
  if (series.length < needed || from === null || to === null) return { enough: false, observations: series.length, from, to, needed };
  const gaps = series.map((s) => s.gapPct);
  return { enough: true, observations: series.length, from, to, medianPct: median(gaps), percentile: percentileRank(gaps, current) };
}

/** Days between two ISO dates (absolute). */
export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a.slice(0, 10)}T00:00:00Z`) - Date.parse(`${b.slice(0, 10)}T00:00:00Z`)) / 86_400_000;
}

/** The older of two ISO dates: a gap is only as recent as its older figure. */
export function olderDate(a: string, b: string): string {
  return a <= b ? a : b;
}
