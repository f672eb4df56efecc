/**
 * Every fund valuation observation, kept: the store's `valuations` repository in the running bot, memory in
 * tests that need no database. Nothing dated after now is read back.
 */
import type { ValuationsRepo } from '../../store/repos/valuations.ts';
import { exchangeDate, isKnownAt } from '../as-of.ts';
import type { FundFigure, ValuationBasis, ValuationMetric } from './types.ts';

export interface SeriesKey {
  provider: string;
  fund: string;
  metric: ValuationMetric;
  basis: ValuationBasis;
}

export interface ValuationHistory {
  /** Store figures; one row per (provider, fund, metric, basis, asOf): a repeat of a known date is ignored. */
  record(figures: readonly FundFigure[], observedAt: string): Promise<number>;
  /** The series of one figure, ascending by date, nothing dated after `now`. */
  series(key: SeriesKey, now: Date): Promise<FundFigure[]>;
}

const keyOf = (f: SeriesKey & { asOf: string }) => `${f.provider}|${f.fund}|${f.metric}|${f.basis}|${f.asOf}`;
const sameSeries = (f: FundFigure, k: SeriesKey) => f.provider === k.provider && f.fund === k.fund && f.metric === k.metric && f.basis === k.basis;

export class MemoryValuationHistory implements ValuationHistory {
  readonly #rows = new Map<string, FundFigure>();

  async record(figures: readonly FundFigure[], _observedAt?: string): Promise<number> {
    let added = 0;
    for (const f of figures) {
      const key = keyOf(f);
      if (this.#rows.has(key)) continue;
      this.#rows.set(key, { ...f });
      added += 1;
    }
    return added;
  }

  async series(key: SeriesKey, now: Date): Promise<FundFigure[]> {
    return [...this.#rows.values()]
      .filter((f) => sameSeries(f, key) && isKnownAt(f.asOf, now))
      .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  }
}

/** The history kept by the store's `valuations` repository; the as-of rule is applied here. */
export function storeValuationHistory(repo: Pick<ValuationsRepo, 'record' | 'series'>): ValuationHistory {
  return {
    record: (figures, observedAt) => repo.record(figures, observedAt),
    series: (key, now) => repo.series(key, exchangeDate(now)),
  };
}
