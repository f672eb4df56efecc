/** Relative performance of a small-cap instrument against a large-cap one over a period. */
import { DateTime } from 'luxon';
import { commonWindow, InsufficientDataError, periodReturn, relativePerformance } from '../analytics/returns.ts';
import { periodWindow, windowFetchStart, type Period } from '../analytics/periods.ts';
import { InputError } from '../command.ts';
import { LARGE, SMALL, type Instrument } from '../instruments.ts';
import type { Bar, DailySeries, MarketData, Provenance } from '../market/types.ts';
import { isStale } from '../market/freshness.ts';
import { round } from '../format.ts';
import { largeLeg, minDate, noHistory, unavailable } from './performance-legs.ts';

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
  /** Trading dates actually used. */
  start: string | null;
  end: string;
  small: Leg;
  large: Leg | null;
  /** The large-cap side asked for (named in replies even when no figure exists). */
  largeAsked: Instrument;
  spreadPp: number | null;
  relativePct: number | null;
  /** Bars within the period, for charts. */
  series?: { small: Bar[]; large: Bar[] };
  notes: string[];
  /** Set when the newest close is older than the period's end: the period was measured to this close. */
  dataEnds?: string;
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
  const largeAsked = LARGE[opts.vs];
  if (!small || !largeAsked) throw new Error(`unknown instrument choice ${opts.small}/${opts.vs}`);
  const today = marketToday(now);
  const since = opts.period.startsWith('since:') ? opts.period.slice(6) : null;
  if (since && since >= today) throw new InputError(`"since ${since}" is not in the past (today is ${today}).`, 'Pick a start date before today.');
  let window = periodWindow(opts.period, today);
  let fetchedFrom = windowFetchStart(window);
  const notes: string[] = [];
  let dataEnds: string | undefined;
  const fetch = (symbol: string) => market.dailyBars(symbol, fetchedFrom, window.end);
  let smallSeries: DailySeries;
  let pair: { large: Instrument; series: DailySeries };
  try {
    [smallSeries, pair] = await Promise.all([fetch(small.symbol), largeLeg(small, largeAsked, fetch, notes, now)]);
  } catch (error) {
    throw unavailable(error, small, largeAsked, now);
  }
  let largeSeries = pair.series;
  const large = pair.large;
  // Stale data: the period ends at the last close both sides have, and the reply says so.
  const lastClose = minDate(smallSeries.bars.at(-1)?.date ?? today, largeSeries.bars.at(-1)?.date ?? today);
  // Judged against the end of the period asked for (a past calendar year is not stale).
  const reference = window.end >= today ? now : new Date(`${window.end}T23:59:59Z`);
  if (lastClose < window.end && isStale('bars', lastClose, reference)) {
    window = periodWindow(opts.period, lastClose);
    dataEnds = lastClose;
    notes.push(`The price data ends ${lastClose} (offline snapshot or stale source): the ${opts.period} is measured to that close.`);
    if (windowFetchStart(window) < fetchedFrom) {
      fetchedFrom = windowFetchStart(window);
      try {
        [smallSeries, largeSeries] = await Promise.all([fetch(small.symbol), fetch(large.symbol)]);
      } catch (error) {
        throw unavailable(error, small, large, now);
      }
    }
  }
  const aligned = commonWindow(smallSeries.bars, largeSeries.bars, window);
  let s, l;
  try {
    s = periodReturn(smallSeries.bars, aligned);
    l = periodReturn(largeSeries.bars, aligned);
  } catch (error) {
    if (error instanceof InsufficientDataError) throw noHistory(opts.period, window, [smallSeries, largeSeries], error);
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
    largeAsked,
    spreadPp: rel.spreadPp,
    relativePct: rel.relativePct,
    series: { small: inPeriod(smallSeries.bars), large: inPeriod(largeSeries.bars) },
    notes,
    ...(dataEnds ? { dataEnds } : {}),
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

