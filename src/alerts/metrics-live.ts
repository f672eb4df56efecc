/** Alert metrics over the same MarketData (and cache) that answers commands. */
import { periodWindow } from '../analytics/periods.ts';
import { InsufficientDataError, periodReturn } from '../analytics/returns.ts';
import { exchangeDate } from '../market/as-of.ts';
import type { MarketData } from '../market/types.ts';
import { DataUnavailableError } from '../metrics/errors.ts';
import { computePerformance } from '../metrics/performance.ts';
import type { AlertMetrics, MetricValue } from './metrics.ts';
import { MOVE_INSTRUMENTS, type AlertRuleSpec } from './rule.ts';

/** A priced meeting, as much of it as alerts watch. */
export interface WatchedMeeting {
  date: string;
  /** Cumulative: chance the range after the meeting is below the trade date's range, percent. */
  pCut: number;
  /** Chance of a cut decided at this meeting alone, percent. */
  cutAt: number;
  cutsPriced: number;
}

export interface WatchedPricing {
  /** Trade date of the strip. */
  asOf: string;
  /** The next FOMC decision from today on, priced or not. */
  nextMeeting?: string;
  /** Upcoming meetings in date order. */
  meetings: WatchedMeeting[];
}

/** Rate-cut pricing as the ratecuts command computes it: today's strip and the previous trading day's. */
export interface RateCutSnapshot {
  result: WatchedPricing;
  previous?: WatchedPricing;
  source: string;
  stale: boolean;
}

export interface LiveMetricsDeps {
  market: MarketData;
  now: () => Date;
  rateCuts: () => Promise<RateCutSnapshot>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The meeting a rule names among the priced ones ('yearend': the last one of the strip's year). */
export function findMeeting(result: WatchedPricing, ref: string): WatchedMeeting {
  const priced = result.meetings;
  let found: WatchedMeeting | undefined;
  if (ref === 'next') {
    found = priced[0];
    if (result.nextMeeting && found?.date !== result.nextMeeting) {
      throw new DataUnavailableError(`The next meeting (${result.nextMeeting}) is not priced by the futures strip of ${result.asOf}.`);
    }
  }
  else if (ref === 'yearend') found = priced.filter((m) => m.date.slice(0, 4) === result.asOf.slice(0, 4)).at(-1) ?? priced[0];
  else if (MONTHS.includes(ref)) found = priced.find((m) => Number(m.date.slice(5, 7)) === MONTHS.indexOf(ref) + 1);
  else found = priced.find((m) => m.date === ref || m.date.startsWith(`${ref}-`));
  if (!found) throw new DataUnavailableError(`The futures strip of ${result.asOf} does not price the ${ref} meeting.`);
  return found;
}

export function createLiveAlertMetrics(deps: LiveMetricsDeps): AlertMetrics {
  const cut = async (spec: AlertRuleSpec, pick: (s: RateCutSnapshot, m: WatchedMeeting) => { value: number; label: string }): Promise<MetricValue> => {
    const snap = await deps.rateCuts();
    const meeting = findMeeting(snap.result, spec.meeting ?? 'next');
    const { value, label } = pick(snap, meeting);
    return { value, asOf: snap.result.asOf, source: snap.source, stale: snap.stale, label };
  };
  return {
    async value(spec) {
      switch (spec.kind) {
        case 'spread': {
          const r = await computePerformance(deps.market, { period: spec.period ?? '1m', small: spec.small ?? 'iwm', vs: spec.vs ?? 'sp500' }, deps.now());
          if (r.spreadPp === null || !r.large) throw new DataUnavailableError(`No ${spec.period} spread for ${r.small.symbol} against ${r.largeAsked.symbol}.`);
          return {
            value: r.spreadPp,
            asOf: r.end,
            source: r.small.provenance.source,
            stale: r.small.provenance.stale || r.large.provenance.stale,
            label: `${r.small.symbol} vs ${r.large.symbol}, ${spec.period} spread (${r.start ?? '?'} to ${r.end})`,
          };
        }
        case 'move':
          return move(deps, spec);
        case 'cut':
          return cut(spec, (_s, m) => ({ value: spec.mode === 'by' ? m.pCut : m.cutAt, label: `Probability of a cut ${spec.mode === 'by' ? 'by' : 'at'} the ${m.date} meeting` }));
        case 'cuts':
          return cut(spec, (_s, m) => ({ value: m.cutsPriced, label: `Cuts priced by the ${m.date} meeting` }));
        case 'odds-change':
          return cut(spec, (s, m) => {
            const before = s.previous?.meetings.find((p) => p.date === m.date);
            if (!before || !s.previous) throw new DataUnavailableError(`No previous trading day's pricing of the ${m.date} meeting to compare with.`);
            return { value: m.pCut - before.pCut, label: `Cut odds for the ${m.date} meeting since ${s.previous.asOf}` };
          });
      }
    },
  };
}

async function move(deps: LiveMetricsDeps, spec: AlertRuleSpec): Promise<MetricValue> {
  const inst = MOVE_INSTRUMENTS[spec.instrument ?? ''];
  if (!inst) throw new DataUnavailableError(`Unknown instrument ${spec.instrument}.`);
  const today = exchangeDate(deps.now());
  const window = periodWindow(spec.window ?? '1d', today);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
  const series = await deps.market.dailyBars(inst.symbol, from, today);
  try {
    const r = periodReturn(series.bars, window);
    return { value: r.returnPct, asOf: r.end.date, source: series.provenance.source, stale: series.provenance.stale, label: `${inst.symbol}'s ${spec.window} move (${r.start.date} to ${r.end.date})` };
  } catch (error) {
    if (error instanceof InsufficientDataError) throw new DataUnavailableError(`Not enough prices for ${inst.symbol}: ${error.message}.`);
    throw error;
  }
}
