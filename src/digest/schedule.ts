/** Pure due-time selection: which subscriptions should get a digest at `now`, and for which local date. */
import { DateTime } from 'luxon';
import { isNyseHoliday } from './calendar.ts';
import type { Subscription } from './subscriptions.ts';
import { weekdaysOf } from './validation.ts';

export const DEFAULT_GRACE_MS = 2 * 60 * 60 * 1000;

export type Schedulable = Pick<Subscription, 'id' | 'time' | 'timezone' | 'days' | 'includeHolidays' | 'status' | 'updatedAt'>;

export interface DueDigest<S extends Schedulable = Subscription> {
  subscription: S;
  /** The subscriber's local date (YYYY-MM-DD) this digest is for: the ledger key with the subscription id. */
  localDate: string;
  /** The instant the local time was reached. */
  scheduledAt: Date;
}

/**
 * The instant of HH:MM on a local date in a zone. Luxon resolves DST: a time inside the spring-forward gap
 * moves forward by the gap, an ambiguous fall-back time maps to one fixed instant, so each local date has
 * exactly one send instant.
 */
export function scheduledInstant(localDate: string, time: string, timezone: string): DateTime {
  return DateTime.fromISO(`${localDate}T${time}`, { zone: timezone });
}

/** Whether the subscription sends on this local date: its weekdays, and NYSE holidays only when asked. */
export function isSendDay(sub: Pick<Schedulable, 'days' | 'includeHolidays'>, localDate: string): boolean {
  const weekday = DateTime.fromISO(localDate).weekday;
  if (!weekdaysOf(sub.days).has(weekday)) return false;
  return sub.includeHolidays || !isNyseHoliday(localDate);
}

/**
 * Subscriptions whose local send time fell within (now - grace, now]. A tick every minute finds each digest
 * on time; after downtime shorter than the grace window the missed digest is still found. The delivery
 * ledger, not this function, makes sending idempotent. A send time already past when the subscription was
 * last changed does not fire for that day.
 */
export function dueDigests<S extends Schedulable>(subs: Iterable<S>, now: Date, graceMs = DEFAULT_GRACE_MS): DueDigest<S>[] {
  const nowMs = now.getTime();
  const earliest = nowMs - graceMs;
  const instants = new Map<string, number>();
  const localDays = new Map<string, string[]>();
  const sendDays = new Map<string, boolean>();
  const out: DueDigest<S>[] = [];

  for (const sub of subs) {
    if (sub.status !== 'active') continue;
    let dates = localDays.get(sub.timezone);
    if (!dates) {
      dates = candidateDates(now, sub.timezone, graceMs);
      localDays.set(sub.timezone, dates);
    }
    const changedAt = Date.parse(sub.updatedAt);
    for (const localDate of dates) {
      const key = `${sub.timezone}|${localDate}|${sub.time}`;
      let at = instants.get(key);
      if (at === undefined) {
        at = scheduledInstant(localDate, sub.time, sub.timezone).toMillis();
        instants.set(key, at);
      }
      if (at > nowMs || at <= earliest || at < changedAt) continue;
      const dayKey = `${sub.days}|${sub.includeHolidays}|${localDate}`;
      let sends = sendDays.get(dayKey);
      if (sends === undefined) sendDays.set(dayKey, (sends = isSendDay(sub, localDate)));
      if (!sends) continue;
      out.push({ subscription: sub, localDate, scheduledAt: new Date(at) });
    }
  }
  return out;
}

/** Local dates in the zone that a send time within the grace window can fall on (newest first). */
function candidateDates(now: Date, timezone: string, graceMs: number): string[] {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const oldest = DateTime.fromMillis(now.getTime() - graceMs, { zone: timezone }).toISODate()!;
  const dates: string[] = [];
  for (let d = local.startOf('day'); ; d = d.minus({ days: 1 })) {
    const iso = d.toISODate()!;
    dates.push(iso);
    if (iso <= oldest) break;
  }
  return dates;
}

/** The next send instant strictly after `now`, looking up to `horizonDays` ahead; null when none. */
export function nextRun(sub: Pick<Schedulable, 'time' | 'timezone' | 'days' | 'includeHolidays'>, now: Date, horizonDays = 21): Date | null {
  const start = DateTime.fromJSDate(now, { zone: sub.timezone }).startOf('day');
  for (let i = 0; i <= horizonDays; i++) {
    const localDate = start.plus({ days: i }).toISODate()!;
    if (!isSendDay(sub, localDate)) continue;
    const at = scheduledInstant(localDate, sub.time, sub.timezone);
    if (at.toMillis() > now.getTime()) return at.toJSDate();
  }
  return null;
}
