/**
 * Stored fed funds futures strips and the target range history, by date: the bundled history
 * (src/market/history) and the snapshot's CME check strip after it. Nothing dated after now is returned.
 * A missing or unreadable bundle reads as no history (the live providers may still answer).
 */
import { exchangeDate, lastOnOrBefore } from './as-of.ts';
import { bundledPolicy, bundledStrips, type PolicyRow, type StripRow } from './history/bundle.ts';
import { isStale } from './freshness.ts';
import { snapshotFutures, snapshotPolicy } from './snapshot-data.ts';
import type { FuturesStrip, PolicyRates } from './types.ts';

let strips: StripRow[] | undefined;
let policy: PolicyRow[] | undefined;

function quietly<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch {
    return [];
  }
}

export function storedStrips(): StripRow[] {
  if (strips) return strips;
  const bundled = quietly(bundledStrips);
  const last = bundled.at(-1)?.tradeDate ?? '';
  const check: StripRow = { tradeDate: snapshotFutures.tradeDate, quotes: [...snapshotFutures.quotes], source: snapshotFutures.source };
  strips = snapshotFutures.tradeDate > last ? [...bundled, check] : bundled;
  return strips;
}

export function storedPolicy(): PolicyRow[] {
  if (policy) return policy;
  const bundled = quietly(bundledPolicy);
  const last = bundled.at(-1)?.date ?? '';
  const [lower, upper] = snapshotPolicy.target;
  const check: PolicyRow = { date: snapshotPolicy.asOf, lower, upper, effr: snapshotPolicy.effr, source: snapshotPolicy.source };
  policy = snapshotPolicy.asOf > last ? [...bundled, check] : bundled;
  return policy;
}

/** Forget what was read (tests that point the bundle elsewhere). */
export function forgetStoredRates(): void {
  strips = undefined;
  policy = undefined;
}

/** The stored strip of the last trade date on or before `date` (and now), labelled as stored history. */
export function storedStripOn(date: string, now: Date): FuturesStrip | null {
  const today = exchangeDate(now);
  const row = lastOnOrBefore(storedStrips(), date < today ? date : today, (s) => s.tradeDate);
  if (!row) return null;
  return {
    tradeDate: row.tradeDate,
    quotes: row.quotes.map((q) => ({ ...q })),
    provenance: { source: row.source, provider: 'snapshot', asOf: row.tradeDate, stale: isStale('futures', row.tradeDate, now), fallback: false, snapshot: true },
  };
}

/**
 * The target range in force on `date` from the stored history, or null when the history does not reach
 * that day (a row on or before it that is at most `maxGapDays` older: the range may have moved since).
 */
export function storedPolicyOn(date: string, now: Date, maxGapDays = 5): PolicyRates | null {
  const today = exchangeDate(now);
  const day = date < today ? date : today;
  const row = lastOnOrBefore(storedPolicy(), day, (p) => p.date);
  if (!row || Date.parse(`${day}T00:00:00Z`) - Date.parse(`${row.date}T00:00:00Z`) > maxGapDays * 86_400_000) return null;
  return {
    effr: row.effr,
    target: [row.lower, row.upper],
    asOf: row.date,
    provenance: { source: row.source, provider: 'snapshot', asOf: row.date, stale: false, fallback: false, snapshot: true },
  };
}
