/** Test doubles for what sits behind the bot: market data with daily bars, and a gate to make it slow. */
import { createSnapshotMarketData } from '../../../src/market/snapshot.ts';
import type { Bar, MarketData } from '../../../src/market/types.ts';

/** The snapshot plus deterministic weekday closes, so performance and chart commands have series. */
export function marketWithBars(now: () => Date): MarketData {
  const snapshot = createSnapshotMarketData(now);
  return {
    ...snapshot,
    async dailyBars(symbol, from, to) {
      const bars: Bar[] = [];
      const slope = symbol.toUpperCase().includes('IWM') || symbol.includes('RUT') ? 0.12 : 0.05;
      const start = new Date(`${from}T00:00:00Z`);
      start.setUTCDate(start.getUTCDate() - 10);
      for (let d = start, i = 0; d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
        const day = d.getUTCDay();
        if (day === 0 || day === 6) continue;
        bars.push({ date: d.toISOString().slice(0, 10), close: 100 + slope * i++ });
      }
      const asOf = bars.at(-1)?.date ?? to;
      return { symbol, bars, provenance: { source: 'Test closes', provider: 'test', asOf, stale: false, fallback: false, snapshot: false } };
    },
  };
}

/** Every call waits until open() is called: the "data is slow" switch without any clock. */
export function gatedMarket(inner: MarketData): { market: MarketData; open(): void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const market = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await gate;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { market, open };
}

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A tiny stand-in PNG for replies built by hand (the deliverer tests). */
export const PNG = new Uint8Array([...PNG_SIGNATURE, 0, 0, 0, 13, 73, 72, 68, 82]);
