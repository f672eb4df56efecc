/** A MarketData that answers only from the committed offline snapshot. */
import { isStale } from './freshness.ts';
import { snapshotCurated, snapshotFutures, snapshotPolicy, snapshotReturns } from './snapshot-data.ts';
import { ProviderError, type CuratedFigure, type MarketData, type Provenance } from './types.ts';
import type { Dataset } from './freshness.ts';

function provenance(dataset: Dataset, source: string, asOf: string, now: Date): Provenance {
  return { source, provider: 'snapshot', asOf, stale: isStale(dataset, asOf, now), fallback: false, snapshot: true };
}

export function createSnapshotMarketData(now: () => Date = () => new Date()): MarketData {
  const curatedWithProvenance = (fig: CuratedFigure) => ({ ...fig, provenance: provenance('curated', fig.source, fig.asOf, now()) });
  return {
    async dailyBars(symbol) {
      throw new ProviderError('snapshot', `the offline snapshot has no daily bars for ${symbol}`, 'not_found');
    },
    async futuresStrip() {
      const { source, ...strip } = snapshotFutures;
      return { ...strip, quotes: [...strip.quotes], provenance: provenance('futures', source, strip.tradeDate, now()) };
    },
    async previousFuturesStrip() {
      return null;
    },
    async policyRates() {
      const p = snapshotPolicy;
      return { effr: p.effr, target: p.target, asOf: p.asOf, provenance: provenance('rates', p.source, p.asOf, now()) };
    },
    async curated(key) {
      const fig = snapshotCurated.find((f) => f.key === key);
      if (!fig) throw new ProviderError('snapshot', `no curated figure "${key}"`, 'not_found');
      return curatedWithProvenance(fig);
    },
    async curatedAll() {
      return snapshotCurated.map((f) => ({ ...f }));
    },
    async publishedReturns() {
      return snapshotReturns.map((r) => ({ ...r }));
    },
    async status() {
      const at = now();
      const curatedAsOf = latest(snapshotCurated.map((f) => f.asOf));
      return [
        { dataset: 'bars', provider: 'snapshot', asOf: snapshotReturns[0]?.asOf ?? null, fetchedAt: null, stale: true, lastError: 'offline: published figures only' },
        { dataset: 'futures', provider: 'snapshot', asOf: snapshotFutures.tradeDate, fetchedAt: null, stale: isStale('futures', snapshotFutures.tradeDate, at), lastError: null },
        { dataset: 'rates', provider: 'snapshot', asOf: snapshotPolicy.asOf, fetchedAt: null, stale: isStale('rates', snapshotPolicy.asOf, at), lastError: null },
        { dataset: 'curated', provider: 'snapshot', asOf: curatedAsOf, fetchedAt: null, stale: curatedAsOf ? isStale('curated', curatedAsOf, at) : true, lastError: null },
      ];
    },
  };
}

function latest(dates: string[]): string | null {
  return dates.length ? [...dates].sort().at(-1)! : null;
}
