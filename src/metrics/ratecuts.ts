/**
 * Rate-cut pricing as of now: one futures strip, priced against the target range in force on its own
 * trade date (never today's range against an older strip). "Next" means next after today: meetings
 * decided between the strip's trade date and today are reported as decided, from the range history.
 */
import { computeFedWatch, FedWatchError, type FedWatchResult, type MeetingOdds, type UnpricedMeeting } from '../analytics/fedwatch.ts';
import { FOMC_DECISIONS } from '../analytics/fomc-calendar.ts';
import { exchangeDate } from '../market/as-of.ts';
import { ALL_DECISIONS } from '../market/rates-history.ts';
import { shiftDays } from '../market/providers/strip.ts';
import { ProviderError, type FuturesStrip, type MarketData, type PolicyRates, type Provenance } from '../market/types.ts';
import { DataUnavailableError } from './errors.ts';

export { ALL_DECISIONS };

export interface PricedStrip {
  result: FedWatchResult;
  strip: FuturesStrip;
  /** The range (and EFFR) in force on the strip's trade date, that the probabilities are measured from. */
  rates: PolicyRates;
  /** Set when no range history reached the trade date and a later range had to stand in. */
  rangeNote?: string;
}

export interface DecidedMeeting {
  date: string;
  /** Range before and after the decision, from the range history; null when it does not reach that day. */
  before: [number, number] | null;
  after: [number, number] | null;
  /** 25 bp steps decided (negative for cuts); null when unknown. */
  steps: number | null;
  /** Where the range after the decision came from. */
  source?: Provenance;
}

export interface RateCutPricing extends PricedStrip {
  /** Today's exchange date. */
  today: string;
  /** Priced meetings from today on, in date order. */
  upcoming: MeetingOdds[];
  /** Meetings from today on that the strip cannot price. */
  unpriced: UnpricedMeeting[];
  /** Meetings decided after the strip's trade date. */
  decided: DecidedMeeting[];
  /** The strip is not today's (weekend, holiday, fallback, snapshot). */
  notToday: boolean;
}

/** The range in force on a date; after a decision on that very day, the new one (the market knew it by the close). */
export async function rangeOn(market: MarketData, date: string): Promise<{ rates: PolicyRates; note?: string }> {
  const decisionDay = ALL_DECISIONS.includes(date);
  const after = decisionDay ? await market.policyRatesOn?.(shiftDays(date, 1)).catch(() => null) : null;
  if (after && after.asOf > date) return { rates: after };
  const on = await market.policyRatesOn?.(date).catch(() => null);
  if (on) return { rates: on };
  const today = await market.policyRates();
  const moved = ALL_DECISIONS.some((d) => d >= date && d < today.asOf);
  if (today.asOf < date || !moved) return { rates: today };
  return { rates: today, note: `No range history reaches ${date}; the range of ${today.asOf} is used, though an FOMC decision came in between.` };
}

/** Prices one strip against the range of its own trade date; FedWatchError becomes DataUnavailableError. */
export async function priceStrip(market: MarketData, strip: FuturesStrip): Promise<PricedStrip> {
  const { rates, note } = await rangeOn(market, strip.tradeDate);
  try {
    const result = computeFedWatch({ tradeDate: strip.tradeDate, quotes: strip.quotes, currentTarget: rates.target, effr: rates.effr });
    return { result, strip, rates, ...(note ? { rangeNote: note } : {}) };
  } catch (error) {
    if (error instanceof FedWatchError) throw new DataUnavailableError(`Rate-cut odds can't be computed from the futures strip of ${strip.tradeDate}: ${error.message}.`);
    throw error;
  }
}

/** What each meeting between two dates decided, from the range history. */
export async function decidedBetween(market: MarketData, after: string, before: string): Promise<DecidedMeeting[]> {
  const dates = ALL_DECISIONS.filter((d) => d > after && d < before);
  return Promise.all(dates.map((d) => decision(market, d)));
}

export async function decision(market: MarketData, date: string): Promise<DecidedMeeting> {
  const [was, is] = await Promise.all([
    market.policyRatesOn?.(date).catch(() => null) ?? null,
    market.policyRatesOn?.(shiftDays(date, 1)).catch(() => null) ?? null,
  ]);
  const before = was && was.asOf <= date ? was.target : null;
  const after = is && is.asOf > date ? is.target : null;
  const steps = before && after ? Math.round((after[0] - before[0]) / 0.25) : null;
  return { date, before, after, steps, ...(after && is ? { source: is.provenance } : {}) };
}

/** Older strips tried when the latest prices no meeting from today on (a short check strip, say). */
const LOOK_BACK = 5;

export async function loadRateCuts(market: MarketData, now: Date): Promise<RateCutPricing> {
  const today = exchangeDate(now);
  let strip = await market.futuresStrip().catch((error: unknown) => {
    throw error instanceof ProviderError ? noStrip(error, today) : error;
  });
  let priced = await priceStrip(market, strip);
  for (let i = 0; i < LOOK_BACK && !priced.result.meetings.some((m) => m.date >= today); i++) {
    const older = await market.futuresStripOn?.(shiftDays(strip.tradeDate, -1)).catch(() => null);
    if (!older || older.tradeDate >= strip.tradeDate) break;
    const again = await priceStrip(market, older).catch(() => null);
    if (!again) break;
    strip = older;
    priced = again;
  }
  const upcoming = priced.result.meetings.filter((m) => m.date >= today);
  const unpriced = priced.result.unpriced.filter((u) => u.date >= today);
  const decided = await decidedBetween(market, strip.tradeDate, today);
  if (upcoming.length === 0) {
    const first = unpriced[0];
    const why = first ? `the ${first.date} meeting needs contract month ${first.needs.join(' and ')}` : 'it prices no meeting from today on';
    throw new DataUnavailableError(`The futures strip of ${strip.tradeDate} is too old to price the next FOMC meeting: ${why}.`);
  }
  return { ...priced, today, upcoming, unpriced, decided, notToday: strip.tradeDate !== today };
}

/** The meeting "by year end" refers to: the year's last scheduled meeting, when priced. */
export function yearEndOf(meetings: readonly MeetingOdds[]): MeetingOdds | undefined {
  const year = meetings[0]?.date.slice(0, 4);
  const last = FOMC_DECISIONS.filter((d) => d.startsWith(`${year}-`)).at(-1);
  return meetings.find((m) => m.date === last);
}

/** No strip at all (before the bundled strips begin, providers down): missing data, told plainly, not a crash. */
function noStrip(_error: ProviderError, today: string): DataUnavailableError {
  // The providers' own words can name dates after now (where the bundle starts): /smallcaps sources has them.
  return new DataUnavailableError(`No fed funds futures strip is available as of ${today}, so rate-cut odds can't be priced. /smallcaps sources shows what each provider said.`);
}
