/**
 * NYSE trading calendar: weekends and exchange holidays. The holidays are the NYSE's published rules
 * (Rule 7.2, with its observance conventions) in date-holidays' rule grammar, plus announced special closures.
 */
import type DateHolidays from 'date-holidays';
import { DateTime } from 'luxon';
import { createRequire } from 'node:module';

/** Saturday holidays close the Friday before, Sunday ones the Monday after... */
const OBSERVED = 'if saturday then previous friday if sunday then next monday';

const NYSE_RULES: ReadonlyArray<[name: string, rule: string]> = [
  // ...except New Year's Day: on a Saturday the Friday before closes the prior year, so it is not moved.
  ["New Year's Day", '01-01 if sunday then next monday'],
  ['Martin Luther King Jr. Day', '3rd monday in January'],
  ["Washington's Birthday", '3rd monday in February'],
  ['Good Friday', 'easter -2'],
  ['Memorial Day', 'monday before 06-01'],
  ['Juneteenth National Independence Day', `06-19 ${OBSERVED} since 2022`],
  ['Independence Day', `07-04 ${OBSERVED}`],
  ['Labor Day', '1st monday in September'],
  ['Thanksgiving Day', '4th thursday in November'],
  ['Christmas Day', `12-25 ${OBSERVED}`],
];

/** Full-day closures outside the regular rules (national days of mourning and the like). */
const SPECIAL_CLOSURES: ReadonlyMap<string, string> = new Map([
  ['2025-01-09', 'National Day of Mourning for President Jimmy Carter'],
]);

let rules: DateHolidays | undefined;

/**
 * date-holidays carries every country's data (about a hundred modules to load); it is required on the
 * first date asked about, so commands that never need the exchange calendar do not pay for it.
 */
function nyseRules(): DateHolidays {
  if (rules) return rules;
  const Holidays: typeof DateHolidays = createRequire(import.meta.url)('date-holidays');
  rules = new Holidays();
  for (const [name, rule] of NYSE_RULES) rules.setHoliday(rule, { name, type: 'public' });
  return rules;
}

export interface Holiday {
  date: string;
  name: string;
}

/** NYSE full-day holidays observed in a calendar year, in date order. */
export function nyseHolidays(year: number): Holiday[] {
  const list: Holiday[] = nyseRules()
    .getHolidays(year)
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
    // A Saturday New Year's Day is not moved, so it closes nothing.
    .filter((h) => !isWeekend(h.date));
  for (const [date, name] of SPECIAL_CLOSURES) if (date.startsWith(`${year}-`)) list.push({ date, name });
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

function day(date: string): DateTime {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  if (!parsed?.isValid) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return parsed;
}

/** The holiday's name when the NYSE is closed for a holiday on this date (YYYY-MM-DD), else undefined. */
export function nyseHolidayName(date: string): string | undefined {
  return holidaysOf(day(date).year).get(date);
}

export function isWeekend(date: string): boolean {
  return day(date).weekday >= 6;
}

export function isNyseHoliday(date: string): boolean {
  return nyseHolidayName(date) !== undefined;
}

export function isTradingDay(date: string): boolean {
  return !isWeekend(date) && !isNyseHoliday(date);
}

function stepToTradingDay(date: string, inclusive: boolean, step: 1 | -1): string {
  let current = inclusive ? day(date) : day(date).plus({ days: step });
  while (!isTradingDay(current.toISODate()!)) current = current.plus({ days: step });
  return current.toISODate()!;
}

/** The latest trading day on or before the date. */
export function previousTradingDay(date: string, inclusive = true): string {
  return stepToTradingDay(date, inclusive, -1);
}

/** The earliest trading day on or after the date. */
export function nextTradingDay(date: string, inclusive = true): string {
  return stepToTradingDay(date, inclusive, 1);
}
