/** Date phrases via chrono-node; the year is resolved here because "since July" means the last July, "by March" the next. */
// English only: the full package loads every locale (about 20 MB and 0.2 s more).
import * as chrono from 'chrono-node/en';
import { DateTime } from 'luxon';

/** Market time: "today" and "this year" are judged in New York. */
const MARKET_ZONE = 'America/New_York';

export interface Today {
  year: number;
  month: number;
  day: number;
}

export function today(now: Date): Today {
  const dt = DateTime.fromJSDate(now, { zone: MARKET_ZONE });
  return { year: dt.year, month: dt.month, day: dt.day };
}

export interface DateMention {
  /** Index in the searched text where the mention starts. */
  index: number;
  text: string;
  year?: number;
  month: number;
  day?: number;
}

// "may" the verb would read as a month; accept it only where a month is expected.
const MAY_AS_MONTH = /\b(in|by|since|from|the|before|until|through|of|mid|early|late|end of)\s+$/;

/** Calendar mentions (month with optional day/year) found by chrono, with only the parts the text states. */
export function findDates(text: string, now: Date): DateMention[] {
  const results = chrono.parse(text, { instant: now });
  const out: DateMention[] = [];
  for (const r of results) {
    const month = r.start.get('month');
    if (month === null || !r.start.isCertain('month')) continue;
    // "now" is the present moment, not a calendar date anyone asks about.
    if (/^(?:right )?now$/i.test(r.text.trim())) continue;
    if (/^may$/i.test(r.text.trim())) {
      const before = text.slice(0, r.index);
      const after = text.slice(r.index + r.text.length);
      if (!MAY_AS_MONTH.test(before) && !/^\s+(meeting|fomc)/.test(after)) continue;
    }
    const mention: DateMention = { index: r.index, text: r.text, month };
    const year = r.start.isCertain('year') ? r.start.get('year') : null;
    const day = r.start.isCertain('day') ? r.start.get('day') : null;
    if (year !== null) mention.year = year;
    if (day !== null) mention.day = day;
    out.push(mention);
  }
  return out;
}

/** The most recent date on or before today with the given month/day (year when stated). */
export function pastDate(m: DateMention, now: Date): string {
  const t = today(now);
  const day = m.day ?? 1;
  let year = m.year ?? t.year;
  if (m.year === undefined && (m.month > t.month || (m.month === t.month && day > t.day))) year -= 1;
  return isoDate(year, m.month, day);
}

/** The next month (this one included) with the given month number, as YYYY-MM. */
export function upcomingMonth(month: number, now: Date, year?: number): string {
  const t = today(now);
  const y = year ?? (month >= t.month ? t.year : t.year + 1);
  return `${y}-${pad(month)}`;
}

/** Today minus a number of days/weeks/months/years, as YYYY-MM-DD. */
export function dateBefore(now: Date, amount: number, unit: 'days' | 'weeks' | 'months' | 'years'): string {
  const dt = DateTime.fromJSDate(now, { zone: MARKET_ZONE }).minus({ [unit]: amount });
  return isoDate(dt.year, dt.month, dt.day);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
