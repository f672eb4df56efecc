/** Chart inputs written for these tests: synthetic but shaped like the real data. */
import type { DigestChartData, PerformanceChartData, RateCutsChartData, ValuationChartData } from '../../src/charts/types.ts';

/** Trading days (Mon-Fri) from start, count of them. */
function tradingDays(start: string, count: number): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  while (out.length < count) {
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** A deterministic wiggly walk from `from` to `to`. */
function walk(dates: string[], from: number, to: number, wiggle: number, phase: number) {
  const n = dates.length - 1;
  return dates.map((date, i) => {
    const trend = from + ((to - from) * i) / Math.max(n, 1);
    const noise = i === 0 || i === n ? 0 : wiggle * Math.sin(i * 0.9 + phase) + wiggle * 0.5 * Math.sin(i * 2.3 + phase);
    return { date, close: Number((trend + noise).toFixed(2)) };
  });
}

export function performanceData(overrides: Partial<PerformanceChartData> = {}): PerformanceChartData {
  const dates = tradingDays('2026-10-21', 22);
  return {
    period: '1m',
    small: { symbol: 'IWM', label: 'Russell 2000', points: walk(dates, 220.4, 236.49, 2.4, 0) },
    large: { symbol: 'SPY', label: 'S&P 500', points: walk(dates, 638.8, 652.21, 4.1, 1.7) },
    source: 'Yahoo Finance daily closes',
    asOf: '2026-11-19',
    ...overrides,
  };
}

export function rateCutsData(overrides: Partial<RateCutsChartData> = {}): RateCutsChartData {
  return {
    next: { date: '2026-12-09', probabilities: { '3.25-3.50': 71.3, '3.50-3.75': 28.7 } },
    path: [
      { date: '2026-12-09', expectedRate: 3.45 },
      { date: '2027-01-27', expectedRate: 3.31 },
      { date: '2027-03-17', expectedRate: 3.18 },
      { date: '2027-04-28', expectedRate: 3.09 },
      { date: '2027-06-16', expectedRate: 2.98 },
      { date: '2027-07-28', expectedRate: 2.93 },
    ],
    currentRange: [3.5, 3.75],
    source: 'CME ZQ futures via Yahoo, FedWatch method',
    asOf: '2026-11-19',
    ...overrides,
  };
}

export function valuationData(overrides: Partial<ValuationChartData> = {}): ValuationChartData {
  return {
    bars: [
      { metric: 'Forward P/E', small: 13.6, large: 17.2 },
      { metric: 'EV/EBITDA', small: 11.2, large: 10.8, median: 8.2 },
    ],
    smallLabel: 'Russell 2000',
    largeLabel: 'S&P 500',
    source: 'Bank of America, Benzinga (LSEG)',
    asOf: '2026-11-14',
    ...overrides,
  };
}

export function digestData(overrides: Partial<DigestChartData> = {}): DigestChartData {
  return { performance: performanceData(), rateCuts: rateCutsData(), ...overrides };
}
