/** The ALERT_REFRESH setting, apart from the calendar so that reading the config loads no holiday tables. */

export interface AlertSchedule {
  /** Minutes between refreshes during the session (0 turns intraday refreshes off). */
  intervalMinutes: number;
  /** Extra refreshes on trading days, HH:MM New York time. */
  times: string[];
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
