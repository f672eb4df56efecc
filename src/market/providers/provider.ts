/** What each live provider hands the chain: our own types plus where and when they came from. */
import type { Bar } from '../types.ts';

export interface Fetched<T> {
  value: T;
  /** Human name of the source, e.g. "Yahoo Finance". */
  source: string;
  /** Date (YYYY-MM-DD) of the data itself. */
  asOf: string;
}

export interface BarsProvider {
  readonly id: string;
  dailyBars(symbol: string, from: string, to: string): Promise<Fetched<Bar[]>>;
}

/** Daily closes of one fed funds futures contract. */
export interface ContractSeries {
  /** Contract month, YYYY-MM. */
  month: string;
  bars: Bar[];
}

export interface FuturesProvider {
  readonly id: string;
  /** Recent daily closes of the contracts listed from the month of `today` on. */
  futuresContracts(today: Date): Promise<Fetched<ContractSeries[]>>;
}

export interface Rates {
  effr: number | null;
  target: [number, number];
}

export interface RatesProvider {
  readonly id: string;
  policyRates(today: Date): Promise<Fetched<Rates>>;
}
