/** Parsing and validation of subscription settings typed by users: time, time zone, days. */
import { IANAZone } from 'luxon';
import { InputError } from '../command.ts';

export const DEFAULT_TIME = '08:30';
export const DEFAULT_TIMEZONE = 'America/New_York';
export const DEFAULT_DAYS = 'weekdays';

/** ISO weekday numbers (luxon): 1 = Monday ... 7 = Sunday. */
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayName = (typeof DAY_NAMES)[number];

const DAY_ALIASES: Record<string, DayName> = {
  mon: 'mon', monday: 'mon',
  tue: 'tue', tues: 'tue', tuesday: 'tue',
  wed: 'wed', weds: 'wed', wednesday: 'wed',
  thu: 'thu', thur: 'thu', thurs: 'thu', thursday: 'thu',
  fri: 'fri', friday: 'fri',
  sat: 'sat', saturday: 'sat',
  sun: 'sun', sunday: 'sun',
};

/** Accepts HH:MM (or H:MM) on a 24-hour clock; returns zero-padded HH:MM. */
export function parseTime(raw: string): string {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw.trim());
  if (!m) {
    throw new InputError(
      `"${raw}" is not a time. Use HH:MM on a 24-hour clock, e.g. 08:30 or 17:45.`,
      'time: HH:MM, 00:00 to 23:59',
    );
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

// Valid IANA names, but fixed offsets that ignore daylight saving: almost never what a user means.
const MISLEADING_ZONES = new Set(['EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'HST', 'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT']);

/** Accepts an IANA time zone name (e.g. America/New_York, Europe/London, UTC); returns its canonical spelling. */
export function parseTimezone(raw: string): string {
  const name = raw.trim();
  if (MISLEADING_ZONES.has(name.toUpperCase())) {
    throw new InputError(
      `"${raw}" is an abbreviation, not a place. Use an IANA time zone such as America/New_York, America/Chicago or America/Los_Angeles.`,
      'timezone: an IANA name like Europe/London',
    );
  }
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || !isKnownZone(name)) {
    throw new InputError(
      `"${raw}" is not a known time zone. Use an IANA name such as America/New_York, Europe/London or Asia/Tokyo.`,
      'timezone: an IANA name like Europe/London',
    );
  }
  return canonicalZone(name);
}

// Intl.DateTimeFormat instances hold sizeable native memory the GC reclaims late: build one per zone name, once.
const canonicalZones = new Map<string, string>();

const knownZones = new Map<string, boolean>();

function isKnownZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    known = IANAZone.isValidZone(name);
    // Unknown names are user typos: not worth remembering without bound.
    if (known) knownZones.set(name, known);
  }
  return known;
}

function canonicalZone(name: string): string {
  let canonical = canonicalZones.get(name);
  if (canonical === undefined) {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    canonicalZones.set(name, canonical);
  }
  return canonical;
}

export interface DaysSetting {
  /** Canonical text: "weekdays", "daily", or a comma list in week order like "mon,wed,fri". */
  days: string;
  /** Also send on NYSE holidays. */
  includeHolidays: boolean;
}

/**
 * Accepts "weekdays" (Mon-Fri trading days), "daily" (every day, holidays included), or a comma list of
 * day names; adding "holidays" to a list also sends on NYSE holidays.
 */
export function parseDays(raw: string): DaysSetting {
  const text = raw.trim().toLowerCase();
  if (text === 'weekdays' || text === 'weekday') return { days: 'weekdays', includeHolidays: false };
  if (text === 'daily' || text === 'everyday' || text === 'every day') return { days: 'daily', includeHolidays: true };
  const tokens = text.split(/[\s,]+/).filter(Boolean);
  const chosen = new Set<DayName>();
  let includeHolidays = false;
  for (const token of tokens) {
    if (token === 'holidays') {
      includeHolidays = true;
      continue;
    }
    if (token === 'weekdays') {
      for (const d of DAY_NAMES.slice(0, 5)) chosen.add(d);
      continue;
    }
    const day = DAY_ALIASES[token];
    if (!day) {
      throw new InputError(
        `"${token}" is not a day. Use weekdays, daily, or a comma list like mon,wed,fri.`,
        'days: weekdays | daily | mon,tue,wed,thu,fri,sat,sun',
      );
    }
    chosen.add(day);
  }
  if (chosen.size === 0) {
    throw new InputError('Pick at least one day: weekdays, daily, or a comma list like mon,wed,fri.');
  }
  const ordered = DAY_NAMES.filter((d) => chosen.has(d));
  if (ordered.length === 7 && includeHolidays) return { days: 'daily', includeHolidays: true };
  if (ordered.join(',') === 'mon,tue,wed,thu,fri' && !includeHolidays) return { days: 'weekdays', includeHolidays: false };
  return { days: ordered.join(','), includeHolidays };
}

/** The ISO weekdays (1 = Monday ... 7 = Sunday) of a canonical days setting. */
export function weekdaysOf(days: string): Set<number> {
  if (days === 'weekdays') return new Set([1, 2, 3, 4, 5]);
  if (days === 'daily') return new Set([1, 2, 3, 4, 5, 6, 7]);
  const out = new Set<number>();
  for (const token of days.split(',')) {
    const index = DAY_NAMES.indexOf(token as DayName);
    if (index >= 0) out.add(index + 1);
  }
  return out;
}

/** "weekdays", "daily", or "Mon, Wed, Fri", plus "and NYSE holidays" where it applies. */
export function describeDays(days: string, includeHolidays: boolean): string {
  if (days === 'daily') return 'every day';
  const base =
    days === 'weekdays'
      ? 'weekdays'
      : days
          .split(',')
          .map((d) => d.charAt(0).toUpperCase() + d.slice(1))
          .join(', ');
  return includeHolidays ? `${base}, NYSE holidays included` : `${base}, NYSE holidays skipped`;
}
