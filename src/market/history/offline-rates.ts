/**
 * Fed funds futures strips and policy rates from the bundled history by trade date, never after now.
 * The curated CME check of the snapshot (snapshot-data.ts) follows the bundle's last strip.
 */
import { exchangeDate, lastOnOrBefore } from '../as-of.ts';
import { snapshotFutures, snapshotPolicy } from '../snapshot-data.ts';
import type { FuturesQuote } from '../types.ts';
import { bundledPolicy, bundledStrips } from './bundle.ts';

export interface DatedStrip {
  tradeDate: string;
  quotes: FuturesQuote[];
  source: string;
}

export interface DatedPolicy {
  date: string;
  target: [number, number];
  effr: number | null;
  source: string;
}

let strips: DatedStrip[] | undefined;
let policy: DatedPolicy[] | undefined;

function allStrips(): DatedStrip[] {
  if (strips) return strips;
  const bundled = bundledStrips();
  const last = bundled.at(-1)?.tradeDate ?? '';
  strips = snapshotFutures.tradeDate > last ? [...bundled, { tradeDate: snapshotFutures.tradeDate, quotes: [...snapshotFutures.quotes], source: snapshotFutures.source }] : bundled;
  return strips;
}

function allPolicy(): DatedPolicy[] {
  if (policy) return policy;
  const bundled: DatedPolicy[] = bundledPolicy().map((p) => ({ date: p.date, target: [p.lower, p.upper], effr: p.effr, source: p.source }));
  const last = bundled.at(-1)?.date ?? '';
  policy = snapshotPolicy.asOf > last ? [...bundled, { date: snapshotPolicy.asOf, target: [...snapshotPolicy.target], effr: snapshotPolicy.effr, source: snapshotPolicy.source }] : bundled;
  return policy;
}

/** The strip of the last trade date on or before `date` and now. */
export function stripOn(date: string, now: Date): DatedStrip | undefined {
  const today = exchangeDate(now);
  return lastOnOrBefore(allStrips(), date < today ? date : today, (s) => s.tradeDate);
}

/** The strip of the trading day before `tradeDate` (within a week; never after now). */
export function stripBefore(tradeDate: string, now: Date): DatedStrip | undefined {
  const weekBefore = new Date(Date.parse(`${tradeDate}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  const dayBefore = new Date(Date.parse(`${tradeDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const prev = stripOn(dayBefore, now);
  return prev && prev.tradeDate >= weekBefore ? prev : undefined;
}

/** The target range in force (and EFFR) on `date`, or on the last day before it with data; never after now. */
export function policyOn(date: string, now: Date): DatedPolicy | undefined {
  const today = exchangeDate(now);
  return lastOnOrBefore(allPolicy(), date < today ? date : today, (p) => p.date);
}

export function offlineRatesSpan(): { strips: { from: string; to: string }; policy: { from: string; to: string } } {
  const s = allStrips();
  const p = allPolicy();
  return { strips: { from: s[0]?.tradeDate ?? '', to: s.at(-1)?.tradeDate ?? '' }, policy: { from: p[0]?.date ?? '', to: p.at(-1)?.date ?? '' } };
}
