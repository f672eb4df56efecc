/** What commands ask of the chart renderer; implemented in src/charts/. */
import type { Chart } from '../reply.ts';

export interface PerformanceChartData {
  period: string;
  small: { symbol: string; label: string; points: { date: string; close: number }[] };
  large: { symbol: string; label: string; points: { date: string; close: number }[] };
  source: string;
  asOf: string;
}

export interface RateCutsChartData {
  /** Next meeting's probabilities in percent by target-range label, e.g. {"3.75-4.00": 42.4}. */
  next: { date: string; probabilities: Record<string, number> };
  /** Implied rate (percent) after each meeting. */
  path: { date: string; expectedRate: number }[];
  currentRange: [number, number];
  source: string;
  asOf: string;
}

export interface ValuationChartData {
  bars: { metric: string; small: number; large: number; median?: number }[];
  smallLabel: string;
  largeLabel: string;
  source: string;
  asOf: string;
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
