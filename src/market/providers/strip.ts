/** Build a futures strip (one price per contract month) from per-contract daily closes. */
import type { FuturesQuote } from '../types.ts';
import type { ContractSeries } from './provider.ts';

/** Each contract's last close on or before `date`; contracts with no close by then are left out. */
export function stripAt(contracts: readonly ContractSeries[], date: string): FuturesQuote[] {
  const quotes: FuturesQuote[] = [];
  for (const c of contracts) {
    const bar = c.bars.filter((b) => b.date <= date).at(-1);
    if (bar) quotes.push({ month: c.month, price: bar.close });
  }
  return quotes;
}

/** The latest trading date strictly before `date` on which any contract closed, or null. */
export function previousTradeDate(contracts: readonly ContractSeries[], date: string): string | null {
  let best: string | null = null;
  for (const c of contracts) {
    for (const b of c.bars) if (b.date < date && (best === null || b.date > best)) best = b.date;
  }
  return best;
}
