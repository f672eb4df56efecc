/**
 * NYSE trading calendar: weekends and exchange holidays, computed from the NYSE's published rules
 * (Rule 7.2 holidays with its observance conventions) plus the special closures it announced.
 */

/** Full-day closures outside the regular rules (national days of mourning and the like). */
const SPECIAL_CLOSURES: ReadonlySet<string> = new Set([
  '2025-01-09', // National Day of Mourning for President Jimmy Carter
]);

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Day of week of a calendar date, 0 = Sunday ... 6 = Saturday (the date is zone-free). */
function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function addDays(y: number, m: number, d: number, days: number): string {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The n-th (1-based) given weekday of a month, or the last one when n = -1. */
function nthWeekday(y: number, m: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = weekdayOf(y, m, 1);
    return iso(y, m, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = weekdayOf(y, m, lastDay);
  return iso(y, m, lastDay - ((last - weekday + 7) % 7));
}

/** Western (Gregorian) Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(y: number): string {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(y, month, day);
}

/** Fixed-date holiday moved per NYSE: Saturday -> Friday before, Sunday -> Monday after. */
function observed(y: number, m: number, d: number): string {
  const wd = weekdayOf(y, m, d);
  if (wd === 6) return addDays(y, m, d, -1);
  if (wd === 0) return addDays(y, m, d, 1);
  return iso(y, m, d);
}

export interface Holiday {
  date: string;
  name: string;
}

/** NYSE full-day holidays observed in a calendar year, in date order. */
export function nyseHolidays(year: number): Holiday[] {
  const list: Holiday[] = [];
  // New Year's Day on a Saturday is not observed on the Friday before (that Friday closes the prior year).
  if (weekdayOf(year, 1, 1) !== 6) list.push({ date: observed(year, 1, 1), name: "New Year's Day" });
  list.push({ date: nthWeekday(year, 1, 1, 3), name: 'Martin Luther King Jr. Day' });
  list.push({ date: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" });
  const [ey, em, ed] = easterSunday(year).split('-').map(Number) as [number, number, number];
  list.push({ date: addDays(ey, em, ed, -2), name: 'Good Friday' });
  list.push({ date: nthWeekday(year, 5, 1, -1), name: 'Memorial Day' });
  if (year >= 2022) list.push({ date: observed(year, 6, 19), name: 'Juneteenth National Independence Day' });
  list.push({ date: observed(year, 7, 4), name: 'Independence Day' });
  list.push({ date: nthWeekday(year, 9, 1, 1), name: 'Labor Day' });
  list.push({ date: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' });
  list.push({ date: observed(year, 12, 25), name: 'Christmas Day' });
  for (const date of SPECIAL_CLOSURES) if (date.startsWith(`${year}-`)) list.push({ date, name: 'Special closure' });
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

const holidayCache = new Map<number, Map<string, string>>();

function holidaysOf(year: number): Map<string, string> {
  let map = holidayCache.get(year);
  if (!map) {
    map = new Map(nyseHolidays(year).map((h) => [h.date, h.name]));
    holidayCache.set(year, map);
  }
  return map;
}

function parseIsoDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The holiday's name when the NYSE is closed for a holiday on this date (YYYY-MM-DD), else undefined. */
export function nyseHolidayName(date: string): string | undefined {
  const [y] = parseIsoDate(date);
  return holidaysOf(y).get(date);
}

export function isWeekend(date: string): boolean {
  const [y, m, d] = parseIsoDate(date);
  const wd = weekdayOf(y, m, d);
  return wd === 0 || wd === 6;
}

export function isNyseHoliday(date: string): boolean {
  return nyseHolidayName(date) !== undefined;
}

export function isTradingDay(date: string): boolean {
  return !isWeekend(date) && !isNyseHoliday(date);
}

/** The latest trading day on or before the date. */
export function previousTradingDay(date: string, inclusive = true): string {
  let [y, m, d] = parseIsoDate(date);
  let current = inclusive ? date : addDays(y, m, d, -1);
  while (!isTradingDay(current)) {
    [y, m, d] = parseIsoDate(current);
    current = addDays(y, m, d, -1);
  }
  return current;
}

/** The earliest trading day on or after the date. */
export function nextTradingDay(date: string, inclusive = true): string {
  let [y, m, d] = parseIsoDate(date);
  let current = inclusive ? date : addDays(y, m, d, 1);
  while (!isTradingDay(current)) {
    [y, m, d] = parseIsoDate(current);
    current = addDays(y, m, d, 1);
  }
  return current;
}
