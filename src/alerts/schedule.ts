/**
 * When alert rules are evaluated: every few minutes while US markets are open, and at fixed New York times
 * after the close and after fed funds futures settle (CME settles ZQ at 14:00 Chicago, 15:00 New York).
 */
import { DateTime } from 'luxon';
import { isTradingDay } from '../digest/calendar.ts';

export interface AlertSchedule {
  /** Minutes between refreshes during the session (0 turns intraday refreshes off). */
  intervalMinutes: number;
  /** Extra refreshes on trading days, HH:MM New York time. */
  times: string[];
}

export const DEFAULT_ALERT_SCHEDULE: AlertSchedule = { intervalMinutes: 5, times: ['15:15', '16:15'] };

const OPEN = 9 * 60 + 30;
const CLOSE = 16 * 60;

/** True when the minute containing `now` is a refresh minute. */
export function isRefreshDue(now: Date, schedule: AlertSchedule = DEFAULT_ALERT_SCHEDULE): boolean {
  const ny = DateTime.fromJSDate(now, { zone: 'America/New_York' });
  if (!isTradingDay(ny.toISODate()!)) return false;
  const minute = ny.hour * 60 + ny.minute;
  if (schedule.times.includes(ny.toFormat('HH:mm'))) return true;
  return schedule.intervalMinutes > 0 && minute >= OPEN && minute <= CLOSE && (minute - OPEN) % schedule.intervalMinutes === 0;
}

/** "5/15:15,16:15" style setting: interval in minutes, then the fixed times. */
export function parseAlertSchedule(raw: string): AlertSchedule {
  const [interval, times = ''] = raw.split('/');
  const intervalMinutes = Number(interval);
  const list = times.split(',').map((t) => t.trim()).filter(Boolean);
  if (!Number.isInteger(intervalMinutes) || intervalMinutes < 0 || intervalMinutes > 390 || !list.every((t) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t))) {
    throw new Error('expected minutes between refreshes, then New York times, e.g. 5/15:15,16:15');
  }
  return { intervalMinutes, times: list };
}
