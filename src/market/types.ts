/** The MarketData port: what commands may ask for, independent of any vendor. */
import type { Bar } from '../values.ts';
import type { SeriesKey } from './valuation/history.ts';
import type { FundValuationAnswer } from './valuation/service.ts';
import type { FundFigure } from './valuation/types.ts';

export interface Provenance {
  /** Human name of the source, e.g. "Yahoo Finance", "Benzinga (LSEG, Bloomberg, Barclays)". */
  source: string;
  /** Provider id that answered: 'yahoo' | 'stooq' | 'nyfed' | 'fred' | 'curated' | 'snapshot' | ... */
  provider: string;
  /** ISO date (YYYY-MM-DD) or date-time of the data itself. */
  asOf: string;
  /** ISO date-time when it was fetched (absent for curated/snapshot). */
  fetchedAt?: string;
  stale: boolean;
  /** A provider other than the first in the chain answered. */
  fallback: boolean;
  snapshot: boolean;
}

/** Shared with src/analytics/ (see src/values.ts). */
export type { Bar };

export interface DailySeries {
  symbol: string;
  /** Ascending by date, no duplicates. */
  bars: Bar[];
  provenance: Provenance;
}

export interface FuturesQuote {
  /** Contract month, YYYY-MM. */
  month: string;
  /** Settlement or last price, e.g. 96.105. */
  price: number;
}

export interface FuturesStrip {
  /** Trade date of the prices, YYYY-MM-DD. */
  tradeDate: string;
  quotes: FuturesQuote[];
  provenance: Provenance;
  /** Contract months asked for that gave no price, and why (not listed, HTTP 404, implausible price...). */
  missing?: { month: string; reason: string }[];
}

export interface PolicyRates {
  /** Effective fed funds rate in percent, e.g. 4.33; null when only the target range is known. */
  effr: number | null;
  /** Target range in percent, e.g. [4.25, 4.5]. */
  target: [number, number];
  asOf: string;
  provenance: Provenance;
}

export interface CuratedFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
  source: string;
  asOf: string;
}

export interface DatasetStatus {
  dataset: string;
  provider: string | null;
  asOf: string | null;
  fetchedAt: string | null;
  stale: boolean;
  lastError: string | null;
}

export interface MarketData {
  /** Daily closes covering [from, to] (inclusive, YYYY-MM-DD), with a few days of slack before `from`. */
  dailyBars(symbol: string, from: string, to: string): Promise<DailySeries>;
  /** Latest fed funds futures strip (ZQ by contract month). */
  futuresStrip(): Promise<FuturesStrip>;
  /** The strip as of the trading day before `tradeDate`, when history exists. */
  previousFuturesStrip?(tradeDate: string): Promise<FuturesStrip | null>;
  /** The strip of the last trade date on or before `date` (fetched or stored history), or null. */
  futuresStripOn?(date: string): Promise<FuturesStrip | null>;
  /** Today's target range and EFFR. */
  policyRates(): Promise<PolicyRates>;
  /** The target range (and EFFR) in force on `date`, from the range history; null when unknown. */
  policyRatesOn?(date: string): Promise<PolicyRates | null>;
  curated(key: string): Promise<CuratedFigure & { provenance: Provenance }>;
  curatedAll(): Promise<CuratedFigure[]>;
  status(): Promise<DatasetStatus[]>;
  /** Fund-level valuation from the issuers' pages, else their last stored figures (stale); absent where not wired. */
  fundValuation?(): Promise<FundValuationAnswer>;
  /** One stored valuation series, ascending, nothing dated after now. */
  valuationSeries?(key: SeriesKey): Promise<FundFigure[]>;
}

/** Raised by a provider for anything it cannot turn into our types. */
export class ProviderError extends Error {
  readonly provider: string;
  readonly kind: 'http' | 'timeout' | 'invalid' | 'empty' | 'not_found' | 'rate_limited';

  constructor(provider: string, message: string, kind: ProviderError['kind'] = 'invalid') {
    super(`${provider}: ${message}`);
    this.provider = provider;
    this.kind = kind;
    this.name = 'ProviderError';
  }
}

/** Raised when a symbol is unknown to every provider. */
export class UnknownSymbolError extends Error {
  readonly symbol: string;

  constructor(symbol: string) {
    super(`Unknown symbol "${symbol}"`);
    this.symbol = symbol;
    this.name = 'UnknownSymbolError';
  }
}
