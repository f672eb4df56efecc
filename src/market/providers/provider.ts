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
  /** Why some closes were left out, e.g. "implausible price 0 on 2026-11-19". */
  dropped?: string;
}

/** A contract month the provider could not use, and why ("not listed", HTTP 404, ...). */
export interface MissingContract {
  month: string;
  reason: string;
}

export interface FuturesContracts {
  contracts: ContractSeries[];
  missing: MissingContract[];
}

export interface FuturesProvider {
  readonly id: string;
  /** Recent daily closes of the contracts listed from the month of `today` on. */
  futuresContracts(today: Date): Promise<Fetched<FuturesContracts>>;
}

export interface Rates {
  effr: number | null;
  target: [number, number];
}

/** The target range (and EFFR) in force on one day. */
export interface PolicyDay {
  date: string;
  lower: number;
  upper: number;
  effr: number | null;
}

export interface RatesProvider {
  readonly id: string;
  policyRates(today: Date): Promise<Fetched<Rates>>;
  /** Daily target range history over [from, to], ascending. */
  policyHistory?(from: string, to: string): Promise<Fetched<PolicyDay[]>>;
}
