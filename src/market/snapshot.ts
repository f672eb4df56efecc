/**
 * The offline MarketData: daily closes, futures strips and policy rates from the bundled history
 * (src/market/history), curated figures from snapshot-data.ts, everything as of now (as-of.ts).
 */
import { exchangeDate, isKnownAt, knownAt, lastOnOrBefore } from './as-of.ts';
import { isStale, type Dataset } from './freshness.ts';
import { bundledBars, bundledSeries } from './history/bundle.ts';
import { storedPolicy, storedPolicyOn, storedStripOn, storedStrips } from './rates-history.ts';
import { snapshotCurated } from './snapshot-data.ts';
import { normalizeSymbol } from './symbols.ts';
import { ProviderError, type CuratedFigure, type FuturesStrip, type MarketData, type PolicyRates, type Provenance } from './types.ts';

/** The offline MarketData also answers for a given trade date (rate-cut pricing of a past day). */
export interface OfflineMarketData extends MarketData {
  futuresStripOn(date: string): Promise<FuturesStrip | null>;
  policyRatesOn(date: string): Promise<PolicyRates | null>;
}

const dayBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

function provenance(dataset: Dataset, source: string, asOf: string, now: Date): Provenance {
  return { source, provider: 'snapshot', asOf, stale: isStale(dataset, asOf, now), fallback: false, snapshot: true };
}

/** What the bundle has, for messages: "IWM 2000-05-26 to 2026-02-23, ...", as of now. */
export function bundledCoverage(now: Date): string {
  const today = exchangeDate(now);
  return bundledSeries()
    .filter((s) => s.from <= today)
    .map((s) => `${s.symbol} ${s.from} to ${s.to < today ? s.to : today}`)
    .join(', ');
}

export function createSnapshotMarketData(now: () => Date = () => new Date()): OfflineMarketData {
  const curatedWithProvenance = (fig: CuratedFigure) => ({ ...fig, provenance: provenance('curated', fig.source, fig.asOf, now()) });
  const stripsFrom = () => storedStrips()[0]?.tradeDate ?? 'nowhere';
  const policyFrom = () => storedPolicy()[0]?.date ?? 'nowhere';
  // The range in force today: the last stored day however old (the history's own date says how old).
  const policyAt = (date: string, at: Date) => {
    const p = storedPolicyOn(date, at, 36_500);
    return p ? { ...p, provenance: provenance('rates', p.provenance.source, p.asOf, at) } : null;
  };
  return {
    async dailyBars(symbol, from, to) {
      const sym = normalizeSymbol(symbol);
      const at = now();
      const series = bundledBars(sym);
      if (!series) {
        throw new ProviderError('snapshot', `the offline snapshot has no history for ${sym}; it has ${bundledCoverage(at)}`, 'not_found');
      }
      const today = exchangeDate(at);
      const end = to < today ? to : today;
      const bars = series.bars.filter((b) => b.date >= from && b.date <= end);
      // The close on or before `from` is the base of a period starting then.
      const base = lastOnOrBefore(series.bars, from, (b) => b.date);
      if (base && base.date < from && base.date <= end) bars.unshift(base);
      const last = bars.at(-1);
      if (!last) {
        const first = series.bars[0]!.date;
        throw new ProviderError('snapshot', `the offline snapshot has ${sym} from ${first} to ${series.bars.at(-1)!.date}, nothing up to ${end}`, 'empty');
      }
      return { symbol: sym, bars, provenance: provenance('bars', `${series.source}, ${series.basis === 'price' ? 'price' : 'total return'}`, last.date, at) };
    },
    async futuresStrip() {
      const at = now();
      const strip = storedStripOn(exchangeDate(at), at);
      if (!strip) throw new ProviderError('snapshot', `the offline snapshot has fed funds futures strips from ${stripsFrom()} on, none by ${exchangeDate(at)}`, 'empty');
      return strip;
    },
    /** The strip of the trading day before `tradeDate`, within a week (an older one is not "the day before"). */
    async previousFuturesStrip(tradeDate) {
      const prev = storedStripOn(dayBefore(tradeDate, 1), now());
      return prev && prev.tradeDate >= dayBefore(tradeDate, 7) ? prev : null;
    },
    async futuresStripOn(date) {
      return storedStripOn(date, now());
    },
    async policyRates() {
      const at = now();
      const p = policyAt(exchangeDate(at), at);
      if (!p) throw new ProviderError('snapshot', `the offline snapshot has the target range from ${policyFrom()} on, nothing by ${exchangeDate(at)}`, 'empty');
      return p;
    },
    async policyRatesOn(date) {
      return storedPolicyOn(date, now());
    },
    async curated(key) {
      const fig = snapshotCurated.find((f) => f.key === key);
      if (!fig) throw new ProviderError('snapshot', `no curated figure "${key}"`, 'not_found');
      // A figure published after now was not known then: as of an earlier date it does not exist.
      if (!isKnownAt(fig.asOf, now())) throw new ProviderError('snapshot', `no published figure for "${key}" is known as of ${exchangeDate(now())}`, 'not_found');
      return curatedWithProvenance(fig);
    },
    async curatedAll() {
      return knownAt(snapshotCurated, now(), (f) => f.asOf).map((f) => ({ ...f }));
    },
    async status() {
      const at = now();
      const today = exchangeDate(at);
      // The newest close on or before today (read from a series only when its span reaches past today).
      const barsAsOf = latest(
        bundledSeries()
          .filter((s) => s.from <= today)
          .map((s) => (s.to <= today ? s.to : (lastOnOrBefore(bundledBars(s.symbol)?.bars ?? [], today, (b) => b.date)?.date ?? ''))),
      );
      const strip = storedStripOn(today, at);
      const rates = policyAt(today, at);
      const curatedAsOf = latest(knownAt(snapshotCurated, at, (f) => f.asOf).map((f) => f.asOf));
      const row = (dataset: Dataset, asOf: string | null, lastError: string | null) => ({
        dataset,
        provider: 'snapshot',
        asOf,
        fetchedAt: null,
        stale: asOf ? isStale(dataset, asOf, at) : true,
        lastError,
      });
      return [
        row('bars', barsAsOf, null),
        row('futures', strip?.tradeDate ?? null, strip ? null : 'offline: no strip by this date'),
        row('rates', rates?.asOf ?? null, rates ? null : 'offline: no target range by this date'),
        row('curated', curatedAsOf, curatedAsOf ? null : 'offline: no figure published by this date'),
      ];
    },
  };
}

function latest(dates: string[]): string | null {
  return dates.length ? [...dates].sort().at(-1)! : null;
}
