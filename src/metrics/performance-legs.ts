/** Which series a performance answer compares, and what to say when history is missing. */
import { describePeriod, type Period, type PeriodWindow } from '../analytics/periods.ts';
import { InputError } from '../command.ts';
import type { Instrument } from '../instruments.ts';
import { isStale } from '../market/freshness.ts';
import { bundledCoverage } from '../market/snapshot.ts';
import { ProviderError, UnknownSymbolError, type DailySeries } from '../market/types.ts';
import { DataUnavailableError } from './errors.ts';

/** The index a large-cap ETF tracks: an index (price) is compared with an index, not with an ETF (total return offline). */
const INDEX_OF: Record<string, Instrument> = {
  SPY: { symbol: '^GSPC', label: 'the S&P 500 index (^GSPC)' },
  QQQ: { symbol: '^NDX', label: 'the Nasdaq 100 index (^NDX)' },
};

const lastDate = (s: DailySeries) => s.bars.at(-1)?.date ?? '';

/**
 * The large-cap side: for an index on the small side, the index the ETF tracks when it has data as recent as
 * the ETF's; otherwise the ETF, with a note.
 */
export async function largeLeg(
  small: Instrument,
  asked: Instrument,
  fetch: (symbol: string) => Promise<DailySeries>,
  notes: string[],
  now: Date,
): Promise<{ large: Instrument; series: DailySeries }> {
  const index = small.symbol.startsWith('^') ? INDEX_OF[asked.symbol] : undefined;
  if (!index) return { large: asked, series: await fetch(asked.symbol) };
  let idx: DailySeries | undefined;
  try {
    idx = await fetch(index.symbol);
    if (!isStale('bars', lastDate(idx), now)) return { large: index, series: idx };
  } catch (error) {
    if (error instanceof UnknownSymbolError) throw error;
  }
  let etf: DailySeries;
  try {
    etf = await fetch(asked.symbol);
  } catch (error) {
    if (idx) return { large: index, series: idx };
    throw error;
  }
  if (idx && lastDate(idx) >= lastDate(etf)) return { large: index, series: idx };
  // Say when the stand-in is on another basis: a fund's total return outgrows a price index by its dividends.
  const basis = /total return/i.test(etf.provenance.source) ? ` (its total return, dividends included, against the ${small.symbol} price level)` : '';
  notes.push(`${index.symbol} has no prices ${idx ? `after ${lastDate(idx)}` : 'available'}; ${asked.symbol} stands in for it${basis}.`);
  return { large: asked, series: etf };
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** A failure to get prices, as the user should read it. */
export function unavailable(error: unknown, small: Instrument, large: Instrument, now: Date): unknown {
  if (error instanceof UnknownSymbolError || error instanceof InputError || !(error instanceof Error)) return error;
  if (error instanceof ProviderError && error.provider === 'snapshot') {
    const text = error.message.replace(/^snapshot: /, '');
    return new DataUnavailableError(`${text[0]!.toUpperCase()}${text.slice(1)}.`);
  }
  return new DataUnavailableError(
    `Live prices for ${small.symbol} and ${large.symbol} can't be fetched right now, and the offline snapshot does not cover them ` +
      `(it has ${bundledCoverage(now)}). /smallcaps sources shows what failed.`,
  );
}

/** The period reaches before the first close: bad input for a date the user chose, missing data otherwise. */
export function noHistory(period: Period, window: PeriodWindow, series: DailySeries[], error: Error): Error {
  const firsts = series.map((s) => ({ symbol: s.symbol, first: s.bars[0]?.date ?? '' }));
  const latestStart = firsts.reduce((a, b) => (b.first > a.first ? b : a));
  const to = series.map(lastDate).reduce(minDate);
  const chosen = period.startsWith('since:') || /^\d{4}$/.test(period);
  if (window.start && latestStart.first > window.start) {
    const text = `${latestStart.symbol} closes start ${latestStart.first}, after the start of ${describePeriod(period)} (${window.start}).`;
    if (chosen) throw new InputError(text, `Pick a start from ${latestStart.first} to ${to}.`);
    return new DataUnavailableError(`Not enough price history for ${period}: ${text} Available: ${latestStart.first} to ${to}.`);
  }
  return new DataUnavailableError(`Not enough price history for ${period}: ${error.message}. Available: ${latestStart.first} to ${to}.`);
}
