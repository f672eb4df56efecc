/** What commands ask of the chart renderer; implemented in src/charts/. */
import type { Chart } from '../reply.ts';

/**
 * How current the charted data is. Anything but live is said on the image itself, since a chart
 * travels without the message footer that names its sources (forwarded, saved, previewed).
 */
export type ChartFreshness = 'live' | 'stale' | 'offline';

export interface PerformanceChartData {
  period: string;
  small: { symbol: string; label: string; points: { date: string; close: number }[] };
  large: { symbol: string; label: string; points: { date: string; close: number }[] };
  source: string;
  asOf: string;
  freshness?: ChartFreshness;
}

export interface RateCutsChartData {
  /** Next meeting's probabilities in percent by target-range label, e.g. {"3.75-4.00": 42.4}. */
  next: { date: string; probabilities: Record<string, number> };
  /** Implied rate (percent) after each meeting. */
  path: { date: string; expectedRate: number }[];
  currentRange: [number, number];
  source: string;
  asOf: string;
  freshness?: ChartFreshness;
}

/** A premium published without its multiples, e.g. EV/EBITDA against the S&P 490. */
export interface PremiumFigure {
  metric: string;
  /** Small-cap premium (+) or discount (-) in percent. */
  premiumPct: number;
  /** Historical median of that premium, in percent. */
  medianPct?: number;
}

export interface ValuationChartData {
  /** Multiples; `median` is the historical median of the small-vs-large premium/discount, in percent. */
  bars: { metric: string; small: number; large: number; median?: number }[];
  premiums?: PremiumFigure[];
  smallLabel: string;
  largeLabel: string;
  source: string;
  asOf: string;
  freshness?: ChartFreshness;
}

export interface DigestChartData {
  performance: PerformanceChartData;
  rateCuts?: RateCutsChartData;
}

export interface ChartService {
  performance(data: PerformanceChartData): Promise<Chart>;
  rateCuts(data: RateCutsChartData): Promise<Chart>;
  valuation(data: ValuationChartData): Promise<Chart>;
  digest(data: DigestChartData): Promise<Chart>;
}
