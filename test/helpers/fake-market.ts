/** A MarketData over in-memory bars, for tests that need live-looking prices without a network. */
import { createSnapshotMarketData } from '../../src/market/snapshot.ts';
import { ProviderError, type Bar, type MarketData } from '../../src/market/types.ts';

/** Weekday closes from `from` to `to`, following `path(i)` (deterministic). */
export function weekdayBars(from: string, to: string, path: (i: number) => number): Bar[] {
  const bars: Bar[] = [];
  for (let d = new Date(`${from}T00:00:00Z`), i = 0; d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.getUTCDay();
    if (day === 0 || day === 6) continue;
    bars.push({ date: d.toISOString().slice(0, 10), close: path(i++) });
  }
  return bars;
}

export function fakeMarket(series: Record<string, Bar[]>, opts: { delayMs?: number; now?: () => Date } = {}): MarketData & { calls: string[] } {
  const snapshot = createSnapshotMarketData(opts.now);
  const calls: string[] = [];
  return {
    ...snapshot,
    calls,
    async dailyBars(symbol, from, to) {
      calls.push(symbol);
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      const bars = series[symbol];
      if (!bars) throw new ProviderError('fake', `no bars for ${symbol}`, 'not_found');
      return {
        symbol,
        bars: bars.filter((b) => b.date >= from && b.date <= to),
        provenance: { source: 'Test feed', provider: 'fake', asOf: bars.at(-1)!.date, stale: false, fallback: false, snapshot: false },
      };
    },
  };
}
