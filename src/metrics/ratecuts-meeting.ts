/** Which FOMC meeting a `ratecuts` option means, relative to today (never to an older strip's trade date). */
import { InputError } from '../command.ts';
import { FOMC_DECISIONS } from '../analytics/fomc-calendar.ts';
import { ALL_DECISIONS } from './ratecuts.ts';

export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "next", "last", a decision date, a month YYYY-MM, or a month name ("december", "dec") -> canonical form. */
export function parseMeetingOption(raw: string): string {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'next' || text === 'upcoming') return 'next';
  if (text === 'last' || text === 'previous' || text === 'latest' || text === 'prev') return 'last';
  if (/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/.test(text)) return text;
  const name = MONTH_NAMES.find((m) => text.length >= 3 && m.startsWith(text));
  if (name) return name;
  throw new InputError(
    `"${raw}" is not a meeting.`,
    'Use next, last, a decision date like 2026-12-09, a month like 2026-12, or a month name like december.',
  );
}

export interface ResolvedMeeting {
  date: string;
  /** Decided before today: answered from the range history and the strip of the day before. */
  past: boolean;
}

/**
 * The decision day meant: "next" is the first on or after today; a month name is the nearer of the next
 * and the last meeting in that month; a date or YYYY-MM must be an FOMC decision.
 */
export function resolveMeeting(wanted: string, today: string): ResolvedMeeting {
  const at = (date: string): ResolvedMeeting => ({ date, past: date < today });
  // The whole history, not only the scheduled calendar: at a past "now" (2019, 2024) its next meetings are there.
  const upcoming = ALL_DECISIONS.filter((d) => d >= today);
  const hint = `Upcoming meetings: ${upcoming.slice(0, 4).join(', ') || 'none in the calendar'}.`;
  if (wanted === 'next') {
    const next = upcoming[0];
    if (!next) throw new InputError(`The FOMC calendar has no meeting after ${today}.`);
    return at(next);
  }
  if (wanted === 'last') {
    const last = ALL_DECISIONS.filter((d) => d < today).at(-1);
    if (!last) throw new InputError('No FOMC meeting is known before today.', hint);
    return at(last);
  }
  const monthIndex = MONTH_NAMES.indexOf(wanted);
  if (monthIndex >= 0) {
    const inMonth = (d: string) => Number(d.slice(5, 7)) === monthIndex + 1;
    const soon = upcoming.find(inMonth);
    const before = ALL_DECISIONS.filter((d) => inMonth(d) && d < today).at(-1);
    const away = (d: string) => Math.abs(Date.parse(d) - Date.parse(today));
    // The nearer of the next and the last meeting in that month: "october" on Nov 2 is the one just past.
    const found = soon && before ? (away(soon) <= away(before) ? soon : before) : (soon ?? before);
    if (!found) throw new InputError(`There is no FOMC meeting in ${wanted}.`, hint);
    return at(found);
  }
  const found = wanted.length === 7 ? ALL_DECISIONS.find((d) => d.startsWith(`${wanted}-`)) : ALL_DECISIONS.find((d) => d === wanted);
  if (found) return at(found);
  throw new InputError(wanted.length === 7 ? `There is no FOMC meeting in ${wanted}.` : `${wanted} is not an FOMC decision day.`, hint);
}
