/** Relative performance of a small-cap instrument against a large-cap one over a period. */
import { DateTime } from 'luxon';
import { commonWindow, InsufficientDataError, periodReturn, relativePerformance } from '../analytics/returns.ts';
import { FIXED_PERIODS, periodWindow, windowFetchStart, type Period } from '../analytics/periods.ts';
import { LARGE, SMALL, type Instrument } from '../instruments.ts';
import { UnknownSymbolError, type Bar, type DailySeries, type MarketData, type Provenance, type PublishedReturn } from '../market/types.ts';
import { isStale } from '../market/freshness.ts';
import { round } from '../format.ts';
import { DataUnavailableError } from './errors.ts';

export interface Leg {
  symbol: string;
  label: string;
  /** Percent. */
  return: number;
  /** Closes used, when computed from bars. */
  startClose?: number;
  endClose?: number;
  provenance: Provenance;
}

export interface PerformanceResult {
  period: Period;
  /** Trading dates actually used (null when a published figure gives only the end). */
  start: string | null;
  end: string;
  small: Leg;
  large: Leg | null;
  /** The large-cap side asked for (named in replies even when no figure exists). */
  largeAsked: Instrument;
  spreadPp: number | null;
  relativePct: number | null;
  /** Bars within the period, for charts (absent for published figures). */
  series?: { small: Bar[]; large: Bar[] };
  notes: string[];
}

/** The exchange-local date of "now". */
export function marketToday(now: Date): string {
  return DateTime.fromJSDate(now).setZone('America/New_York').toISODate()!;
}

export async function computePerformance(
  market: MarketData,
  opts: { period: Period; small: string; vs: string },
  now: Date,
): Promise<PerformanceResult> {
  const small = SMALL[opts.small];
  const large = LARGE[opts.vs];
  if (!small || !large) throw new Error(`unknown instrument choice ${opts.small}/${opts.vs}`);
  const today = marketToday(now);
  const window = periodWindow(opts.period, today);
  const from = windowFetchStart(window);
  let smallSeries: DailySeries;
  let largeSeries: DailySeries;
  try {
    [smallSeries, largeSeries] = await Promise.all([
      market.dailyBars(small.symbol, from, window.end),
      market.dailyBars(large.symbol, from, window.end),
    ]);
  } catch (error) {
    if (error instanceof UnknownSymbolError) throw error;
    const published = await fromPublished(market, opts.period, small, large, now);
    if (published) return published;
    const periods = await publishedPeriods(market, small);
    throw new DataUnavailableError(
      `Live prices for ${small.symbol} and ${large.symbol} can't be fetched right now, and the offline snapshot has no ${opts.period} figure` +
        (periods.length ? `; it has ${periods.join(', ')}.` : '.') +
        ' /smallcaps sources shows what failed.',
    );
  }
  const aligned = commonWindow(smallSeries.bars, largeSeries.bars, window);
  let s, l;
  try {
    s = periodReturn(smallSeries.bars, aligned);
    l = periodReturn(largeSeries.bars, aligned);
  } catch (error) {
    if (error instanceof InsufficientDataError)
      throw new DataUnavailableError(`Not enough price history for ${opts.period}: ${error.message}.`);
    throw error;
  }
  const rel = relativePerformance(s.returnPct, l.returnPct);
  const inPeriod = (bars: Bar[]) => bars.filter((b) => b.date >= s.start.date && b.date <= s.end.date);
  return {
    period: opts.period,
    start: s.start.date,
    end: s.end.date,
    small: leg(small, s.returnPct, smallSeries.provenance, s.start.close, s.end.close),
    large: leg(large, l.returnPct, largeSeries.provenance, l.start.close, l.end.close),
    largeAsked: large,
    spreadPp: rel.spreadPp,
    relativePct: rel.relativePct,
    series: { small: inPeriod(smallSeries.bars), large: inPeriod(largeSeries.bars) },
    notes: [],
  };
}

/** The machine-readable `data` of a performance answer (DESIGN.md contract), percentages in percent. */
/** The performance command's `data` (DESIGN.md contract). */
export type PerformanceData = ReturnType<typeof performanceJson>;

export function performanceJson(r: PerformanceResult) {
  return {
    period: r.period,
    start: r.start,
    end: r.end,
    small: { symbol: r.small.symbol, return: round(r.small.return) },
    large: r.large ? { symbol: r.large.symbol, return: round(r.large.return) } : null,
    spreadPp: r.spreadPp === null ? null : round(r.spreadPp),
    relativePct: r.relativePct === null ? null : round(r.relativePct),
  };
}

function leg(inst: Instrument, ret: number, provenance: Provenance, startClose?: number, endClose?: number): Leg {
  return { symbol: inst.symbol, label: inst.label, return: ret, startClose, endClose, provenance };
}

/** Periods the snapshot publishes for this small-cap side (or the index standing in for it). */
async function publishedPeriods(market: MarketData, small: Instrument): Promise<string[]> {
  const symbols = [small.symbol, ...(SAME_EXPOSURE[small.symbol] ?? [])];
  const all = await market.publishedReturns();
  const have = new Set(all.filter((r) => symbols.includes(r.symbol)).map((r) => r.period));
  return FIXED_PERIODS.filter((p) => have.has(p));
}

/** Russell 2000 figures stand in for IWM when only the index was published. */
const SAME_EXPOSURE: Record<string, string[]> = { IWM: ['^RUT'], '^RUT': ['IWM'], SPY: ['^GSPC'], '^GSPC': ['SPY'] };

async function fromPublished(
  market: MarketData,
  period: Period,
  small: Instrument,
  large: Instrument,
  now: Date,
): Promise<PerformanceResult | null> {
  const all = await market.publishedReturns();
  const find = (symbol: string) =>
    [symbol, ...(SAME_EXPOSURE[symbol] ?? [])]
      .map((sym) => all.find((r) => r.symbol === sym && r.period === period))
      .find((r): r is PublishedReturn => r !== undefined);
  const s = find(small.symbol);
  if (!s) return null;
  const l = find(large.symbol) ?? null;
  const notes: string[] = [];
  const smallInst = s.symbol === small.symbol ? small : { symbol: s.symbol, label: labelFor(s.symbol, small.label) };
  if (s.symbol !== small.symbol) notes.push(`${small.symbol} has no published ${period} figure; ${s.symbol}, which tracks the same index, stands in.`);
  const provenanceOf = (r: PublishedReturn): Provenance => ({
    source: r.source,
    provider: 'snapshot',
    asOf: r.asOf,
    stale: isStale('bars', r.asOf, now),
    fallback: true,
    snapshot: true,
  });
  const rel = l ? relativePerformance(s.value, l.value) : null;
  return {
    period,
    start: null,
    end: s.asOf,
    small: { symbol: smallInst.symbol, label: smallInst.label, return: s.value, endClose: s.close, provenance: provenanceOf(s) },
    large: l ? { symbol: l.symbol, label: large.label, return: l.value, endClose: l.close, provenance: provenanceOf(l) } : null,
    largeAsked: large,
    spreadPp: rel?.spreadPp ?? null,
    relativePct: rel?.relativePct ?? null,
    notes,
  };
}

function labelFor(symbol: string, fallback: string): string {
  return Object.values(SMALL).find((i) => i.symbol === symbol)?.label ?? fallback;
}
