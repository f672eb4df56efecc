/**
 * Rate-cut pricing over time and for past meetings, from stored or fetched strips: how the next
 * meeting's odds and the cuts priced by year end moved since the previous trading day, a week and a
 * month ago; what a past meeting decided and what the futures priced the trading day before it.
 */
import type { FedWatchResult, MeetingOdds } from '../analytics/fedwatch.ts';
import { shiftDays } from '../market/providers/strip.ts';
import type { MarketData, Provenance } from '../market/types.ts';
import { DataUnavailableError } from './errors.ts';
import { decision, priceStrip, yearEndOf, type DecidedMeeting, type PricedStrip, type RateCutPricing } from './ratecuts.ts';

export interface PricingChange {
  /** 'previous trading day' | 'a week ago' | 'a month ago' */
  label: string;
  tradeDate: string;
  /** The next meeting's odds on that day (cumulative, against that day's range), when it was priced. */
  next?: { date: string; pCut: number; pHold: number; pHike: number };
  /** Cuts priced by the year-end meeting on that day, counted from today's strip's range. */
  yearEnd?: { date: string; cutsPriced: number };
  /** That day's whole pricing (for commentary; not part of the reply's data). */
  result: FedWatchResult;
}

const LOOKBACKS = [
  { label: 'previous trading day', target: (d: string) => shiftDays(d, -1), slack: 7 },
  { label: 'a week ago', target: (d: string) => shiftDays(d, -7), slack: 4 },
  { label: 'a month ago', target: (d: string) => monthBefore(d), slack: 5 },
];

export async function pricingChanges(market: MarketData, p: RateCutPricing): Promise<PricingChange[]> {
  if (!market.futuresStripOn) return [];
  const next = p.upcoming[0]!;
  const yearEnd = yearEndOf(p.upcoming);
  const seen = new Set<string>([p.strip.tradeDate]);
  const out: PricingChange[] = [];
  for (const look of LOOKBACKS) {
    const target = look.target(p.strip.tradeDate);
    const strip = await market.futuresStripOn(target).catch(() => null);
    if (!strip || strip.tradeDate < shiftDays(target, -look.slack) || seen.has(strip.tradeDate)) continue;
    seen.add(strip.tradeDate);
    let then: PricedStrip;
    try {
      then = await priceStrip(market, strip);
    } catch (error) {
      if (error instanceof DataUnavailableError) continue;
      throw error;
    }
    const change: PricingChange = { label: look.label, tradeDate: strip.tradeDate, result: then.result };
    const n = then.result.meetings.find((m) => m.date === next.date && !m.approximate);
    if (n) change.next = { date: n.date, pCut: n.pCut, pHold: n.pHold, pHike: n.pHike };
    const y = yearEnd && then.result.meetings.find((m) => m.date === yearEnd.date);
    if (y) change.yearEnd = { date: y.date, cutsPriced: round2(y.cutsPriced + (p.rates.target[0] - then.rates.target[0]) / 0.25) };
    if (change.next || change.yearEnd) out.push(change);
  }
  return out;
}

export interface PastMeeting {
  decided: DecidedMeeting;
  /** The pricing of the last trading day before the decision, when a strip of that day is at hand. */
  before?: PricedStrip & { meeting: MeetingOdds };
  /** Where the decided range comes from (the range history's reading the day after the decision). */
  rangeSource?: Provenance;
}

/** A meeting that already happened: the decision and the odds the trading day before. */
export async function pastMeeting(market: MarketData, date: string): Promise<PastMeeting> {
  const decided = await decision(market, date);
  const range = decided.after ? await market.policyRatesOn?.(shiftDays(date, 1)).catch(() => null) : null;
  const known: PastMeeting = range ? { decided, rangeSource: range.provenance } : { decided };
  const strip = await market.futuresStripOn?.(shiftDays(date, -1)).catch(() => null);
  if (!strip || strip.tradeDate < shiftDays(date, -7)) return known;
  try {
    const priced = await priceStrip(market, strip);
    const meeting = priced.result.meetings.find((m) => m.date === date);
    return meeting ? { ...known, before: { ...priced, meeting } } : known;
  } catch (error) {
    if (error instanceof DataUnavailableError) return known;
    throw error;
  }
}

function monthBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 2, 1));
  const days = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth(), Math.min(d, days))).toISOString().slice(0, 10);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
