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
import { FOMC_DECISIONS } from '../analytics/fomc-calendar.ts';
import { PAST_FOMC_DECISIONS } from './history/fomc-past.ts';

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

/** Every known FOMC decision day, past and scheduled, ascending. */
export const ALL_DECISIONS: readonly string[] = [...new Set([...PAST_FOMC_DECISIONS, ...FOMC_DECISIONS])].sort();

/** True when a decision taking effect after `from` and by `to` lies between them (a new range starts the day after). */
export function decisionBetween(from: string, to: string): boolean {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return ALL_DECISIONS.some((d) => d >= a && d < b);
}

/**
 * The target range in force on `date` from the stored history: the row of that day, or the nearest row
 * before or after it with no FOMC decision in between; null when the history does not reach it. The EFFR
 * comes along only from a row at most five days away. With `anyAgeDays`, the last row before the day
 * serves even across decisions when it is at most that old (a "latest known" reading, dated as such).
 */
export function storedPolicyOn(date: string, now: Date, anyAgeDays?: number): PolicyRates | null {
  const today = exchangeDate(now);
  const day = date < today ? date : today;
  const rows = storedPolicy().filter((p) => p.date <= today);
  const before = lastOnOrBefore(rows, day, (p) => p.date);
  const after = rows.find((p) => p.date > day);
  const within = (row: PolicyRow) => anyAgeDays !== undefined && Date.parse(day) - Date.parse(row.date) <= anyAgeDays * 86_400_000;
  const row =
    before && !decisionBetween(before.date, day) ? before : after && !decisionBetween(day, after.date) ? after : before && within(before) ? before : undefined;
  if (!row) return null;
  const near = Math.abs(Date.parse(`${day}T00:00:00Z`) - Date.parse(`${row.date}T00:00:00Z`)) <= 5 * 86_400_000;
  return {
    effr: near ? row.effr : null,
    target: [row.lower, row.upper],
    asOf: row.date,
    provenance: { source: row.source, provider: 'snapshot', asOf: row.date, stale: false, fallback: false, snapshot: true },
  };
}

/** The last stored range on or before now, labelled stale when old (offline "today's range" past the history's end). */
export function latestStoredPolicy(now: Date): PolicyRates | null {
  const row = lastOnOrBefore(storedPolicy(), exchangeDate(now), (p) => p.date);
  if (!row) return null;
  const stale = isStale('rates', row.date, now);
  return { effr: row.effr, target: [row.lower, row.upper], asOf: row.date, provenance: { source: row.source, provider: 'snapshot', asOf: row.date, stale, fallback: false, snapshot: true } };
}
