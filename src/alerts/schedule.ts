/**
 * When alert rules are evaluated: every few minutes while US markets are open, and at fixed New York times
 * after the close and after fed funds futures settle (CME settles ZQ at 14:00 Chicago, 15:00 New York).
 */
import { DateTime } from 'luxon';
import { isTradingDay } from '../digest/calendar.ts';
import type { AlertSchedule } from './schedule-setting.ts';

export type { AlertSchedule } from './schedule-setting.ts';

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
