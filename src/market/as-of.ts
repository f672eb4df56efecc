/**
 * The one "as of now" rule: nothing dated after now is ever used, live or offline, whatever the dataset.
 * Dates are exchange dates (America/New_York), so a bar of today's session counts once today has begun there.
 * Every reader of bars, futures strips, policy rates, curated figures and valuations filters through here.
 */
import { DateTime } from 'luxon';

const EXCHANGE_ZONE = 'America/New_York';

/** Today's date at the US exchanges, YYYY-MM-DD. */
export function exchangeDate(now: Date): string {
  return DateTime.fromJSDate(now, { zone: EXCHANGE_ZONE }).toISODate()!;
}

/** True when an ISO date (YYYY-MM-DD) or date-time is not after now. */
export function isKnownAt(asOf: string, now: Date): boolean {
  if (asOf.length === 10) return asOf <= exchangeDate(now);
  return Date.parse(asOf) <= now.getTime();
}

/** The rows dated on or before now (rows keep their order). */
export function knownAt<T>(rows: readonly T[], now: Date, dateOf: (row: T) => string): T[] {
  return rows.filter((row) => isKnownAt(dateOf(row), now));
}

/** The last row (by ascending date) dated on or before `date`, or undefined. Rows must be sorted ascending. */
export function lastOnOrBefore<T>(rows: readonly T[], date: string, dateOf: (row: T) => string): T | undefined {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dateOf(rows[mid]!) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? rows[lo - 1] : undefined;
}
