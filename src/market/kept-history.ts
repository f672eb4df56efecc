/**
 * The bot's own history: every close and strip fetched live is kept through the store, and answers when
 * every live provider fails (before the bundled snapshot, which is older). Keeping never fails an answer.
 */
import { bookkeeping } from './bookkeeping.ts';
import type { Logger } from '../logger.ts';
import type { MarketHistoryRepo } from '../store/repos/market-history.ts';
import { isStale } from './freshness.ts';
import type { Bar, DailySeries, FuturesQuote, FuturesStrip } from './types.ts';

export interface KeptHistory {
  keepBars(symbol: string, bars: readonly Bar[], source: string): Promise<void>;
  keepStrips(strips: ReadonlyArray<{ tradeDate: string; quotes: readonly FuturesQuote[] }>, source: string): Promise<void>;
  /** Kept closes of `symbol` over [from, to], labelled as a fallback; null when none were kept. */
  bars(symbol: string, from: string, to: string): Promise<DailySeries | null>;
  /** The kept strip of the last trade date on or before `date`. */
  stripOnOrBefore(date: string): Promise<FuturesStrip | null>;
}

const KEPT = 'kept';

export function keptHistory(repo: MarketHistoryRepo | undefined, now: () => Date, logger?: Logger): KeptHistory {
  const quietly = (what: string, write: () => Promise<void>) => bookkeeping(`kept market history (${what})`, write, logger);
  return {
    keepBars: (symbol, bars, source) => (repo ? quietly(`bars ${symbol}`, () => repo.saveBars(symbol, bars, source, now().toISOString())) : Promise.resolve()),
    keepStrips: (strips, source) => (repo ? quietly('strips', () => repo.saveStrips(strips, source, now().toISOString())) : Promise.resolve()),
    async bars(symbol, from, to) {
      const got = await repo?.barsBetween(symbol, from, to).catch(() => null);
      const last = got?.bars.at(-1);
      if (!got || !last) return null;
      const source = `${got.sources.join('; ')}, kept from earlier fetches`;
      return { symbol, bars: got.bars, provenance: { source, provider: KEPT, asOf: last.date, stale: isStale('bars', last.date, now()), fallback: true, snapshot: false } };
    },
    async stripOnOrBefore(date) {
      const got = await repo?.stripOnOrBefore(date).catch(() => null);
      if (!got) return null;
      const source = `${got.sources.join('; ')}, kept from earlier fetches`;
      return { tradeDate: got.tradeDate, quotes: got.quotes, provenance: { source, provider: KEPT, asOf: got.tradeDate, stale: isStale('futures', got.tradeDate, now()), fallback: true, snapshot: false } };
    },
  };
}
