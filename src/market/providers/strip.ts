/** Build a futures strip (one price per contract month) from per-contract daily closes. */
import type { FuturesQuote } from '../types.ts';
import type { ContractSeries } from './provider.ts';

/** A deferred month without a trade keeps its last close for this many days, no longer. */
const CARRY_DAYS = 5;

/**
 * Each contract's close on `date`, or its last close up to CARRY_DAYS before (Yahoo leaves days without
 * a trade in a deferred month empty); contracts with no close in that window are left out. A contract of
 * a month already over keeps its last close: that is its final settlement.
 */
export function stripAt(contracts: readonly ContractSeries[], date: string): FuturesQuote[] {
  const earliest = shiftDays(date, -CARRY_DAYS);
  const quotes: FuturesQuote[] = [];
  for (const c of contracts) {
    const bar = c.bars.filter((b) => b.date <= date).at(-1);
    const expired = c.month < date.slice(0, 7) && bar !== undefined && bar.date.slice(0, 7) >= c.month;
    if (bar && (bar.date >= earliest || expired)) quotes.push({ month: c.month, price: bar.close });
  }
  return quotes.sort((a, b) => (a.month < b.month ? -1 : 1));
}

/** Trading dates on or before `date` on which any contract closed, newest first. */
export function tradeDatesUpTo(contracts: readonly ContractSeries[], date: string): string[] {
  const dates = new Set<string>();
  for (const c of contracts) for (const b of c.bars) if (b.date <= date) dates.add(b.date);
  return [...dates].sort().reverse();
}

/** The latest trading date strictly before `date` on which any contract closed, or null. */
export function previousTradeDate(contracts: readonly ContractSeries[], date: string): string | null {
  return tradeDatesUpTo(contracts, date).find((d) => d < date) ?? null;
}

/** The latest trading date on or before `date`, or null. */
export function tradeDateOnOrBefore(contracts: readonly ContractSeries[], date: string): string | null {
  return tradeDatesUpTo(contracts, date)[0] ?? null;
}

export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
