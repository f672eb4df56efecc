/** Period phrases -> the performance command's canonical period (1d 5d 1m 3m 6m ytd 1y 3y 5y 10y, since:YYYY-MM-DD, YYYY). */
import { dateBefore, findDates, isoDate, pastDate, today } from './dates.ts';
import { findPastHoliday } from './holidays.ts';

const CANONICAL = /\b(?:period:)?(1d|5d|1m|3m|6m|ytd|1y|3y|5y|10y)\b/;
const EXPLICIT = /\bperiod:(\S+)/;

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fifteen: 15, twenty: 20, thirty: 30, ninety: 90,
};

/** Fixed phrases, checked in order (longer and more specific first). */
const PHRASES: [RegExp, string][] = [
  [/\b(?:ytd|year to date|so far this year|this year|since (?:the )?(?:start|beginning) of (?:the |this )?year|since new year)\b/, 'ytd'],
  [/\b(?:over|in|during|for|across) (?:the )?(?:last|past|previous|prior|trailing) (?:year|12 months|twelve months)\b|\b(?:past|trailing|last) (?:12|twelve) months\b|\bpast year\b|\b(?:one|1) year\b|\b52 weeks?\b|\ba year\b/, '1y'],
  [/\b(?:decade|(?:10|ten) years?)\b/, '10y'],
  [/\b(?:5|five) years?\b/, '5y'],
  [/\b(?:3|three) years?\b/, '3y'],
  [/\b(?:6|six) months?\b|\bhalf (?:a )?year\b|\b180 days\b/, '6m'],
  [/\b(?:3|three) months?\b|\bquarter\b|\b90 days\b|\b13 weeks\b/, '3m'],
  [/\b(?:last|past|previous|prior|trailing) month\b|\b(?:a|one|1) month\b|\bover the month\b|\b30 days\b|\b(?:4|four) weeks\b|\bmonthly\b/, '1m'],
  [/\b(?:this|last|past|previous|the) week\b|\b(?:a|one|1) week\b|\bweek so far\b|\bwtd\b|\bweek to date\b|\b(?:5|five) (?:trading )?days\b|\b(?:past|last) (?:few|couple(?: of)?) days\b|\bweekly\b/, '5d'],
  [/\b(?:today|todays|yesterday|(?:1|one) day|on the day|intraday|session|daily move|overnight)\b/, '1d'],
];

/** The period the text names, or undefined when it names none (the command's default then applies). */
export function extractPeriod(text: string, now: Date): string | undefined {
  const explicit = EXPLICIT.exec(text)?.[1];
  if (explicit) return explicit;
  return since(text, now) ?? calendarYear(text, now) ?? thisMonth(text, now) ?? thisQuarter(text, now) ?? phrase(text) ?? countedSpan(text, now) ?? CANONICAL.exec(text)?.[1];
}

/** "since July", "since March 3", "from 2025-07-01", "since 2024", "since last week". */
function since(text: string, now: Date): string | undefined {
  // "best week since July" compares with a past date rather than measuring from it.
  const m = /(?<!\b(?:best|worst|biggest|strongest|weakest|highest|lowest) \w+ )\b(?:since|from|starting|beginning)\s+(.*)$/.exec(text);
  if (!m?.[1]) return undefined;
  const rest = m[1];
  if (/^(?:the )?(?:start|beginning) of (?:the |this )?year\b|^new year/.test(rest)) return 'ytd';
  const year = /^(?:the (?:start|beginning) of )?((?:19|20)\d\d)\b(?![-/])/.exec(rest)?.[1];
  if (year) return `since:${year}-01-01`;
  // A date written out is taken as written, valid or not: "2025-02-30" must not become March 2.
  const written = writtenDate(rest, now);
  if (written) return `since:${written}`;
  const found = findDates(rest, now)[0];
  const holiday = findPastHoliday(rest, now);
  let date: string;
  if (holiday && holiday.index <= 30 && (!found || holiday.index <= found.index)) date = holiday.date;
  else if (found && found.index <= 30) date = pastDate(found, now);
  else return undefined;
  return date === isoDate(today(now).year, 1, 1) ? 'ytd' : `since:${date}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * "2025-07-01", "2025/7/1", "feb 30 2025", "march 3rd": the date as written, YYYY-MM-DD, even when the calendar
 * has no such day (the period check then rejects it). Undefined when the text does not start with such a date.
 */
function writtenDate(rest: string, now: Date): string | undefined {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/.exec(rest);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const named = /^(?:the )?([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d)\b)?/.exec(rest);
  const month = named ? MONTHS.indexOf(named[1]!) + 1 : 0;
  if (!named || month === 0) return undefined;
  const day = Number(named[2]);
  const year = named[3] ? Number(named[3]) : today(now).year;
  const valid = day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  // A valid date without a year is left to the usual rule (the last such day before today).
  return valid ? undefined : isoDate(year, month, day);
}

/** "in 2024", "during 2023", "2024 performance", "2023" alone, "last year" (the calendar year before this one). */
function calendarYear(text: string, now: Date): string | undefined {
  const y = /\b(?:in|during|for|of|over|through|across)\s+((?:19|20)\d\d)\b(?![-/])/.exec(text)?.[1]
    ?? /(?<!\brussell\s)\b((?:19|20)\d\d)\s+(?:performance|returns?|so far)\b/.exec(text)?.[1];
  if (y) return Number(y) === today(now).year ? 'ytd' : y;
  if (/(?<!\b(?:the|over|in|during|for|across|past)\s)\blast (?:calendar )?year\b/.test(text)) return String(today(now).year - 1);
  // A year on its own ("small vs large, 2023") is that calendar year, when it has already begun.
  const bare = /(?<!\b(?:russell|by|before|until|till|thru|through|end of)\s)\b((?:19|20)\d\d)\b(?![-/])/.exec(text)?.[1];
  if (bare && Number(bare) <= today(now).year) return Number(bare) === today(now).year ? 'ytd' : bare;
  return undefined;
}

/** "this month", "month to date": since the first of the current month. */
function thisMonth(text: string, now: Date): string | undefined {
  if (!/\b(?:this month|month to date|mtd|so far this month)\b/.test(text)) return undefined;
  const t = today(now);
  return `since:${isoDate(t.year, t.month, 1)}`;
}

/** "this quarter", "QTD": since the first day of the current calendar quarter. */
function thisQuarter(text: string, now: Date): string | undefined {
  if (!/\b(?:this quarter|current quarter|quarter to date|qtd|so far this quarter)\b/.test(text)) return undefined;
  const t = today(now);
  return `since:${isoDate(t.year, Math.floor((t.month - 1) / 3) * 3 + 1, 1)}`;
}

function phrase(text: string): string | undefined {
  return PHRASES.find(([pattern]) => pattern.test(text))?.[1];
}

const SPANS: Record<string, Record<number, string>> = {
  days: { 1: '1d', 5: '5d' },
  weeks: { 1: '5d' },
  months: { 1: '1m', 3: '3m', 6: '6m', 12: '1y' },
  years: { 1: '1y', 3: '3y', 5: '5y', 10: '10y' },
};

/** "past 2 weeks", "last ten days": canonical when one exists, else since the date that far back. */
function countedSpan(text: string, now: Date): string | undefined {
  const m = /\b(\d{1,3}|[a-z]+) (?:trading )?(day|week|month|year)s?\b/.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1]];
  if (n === undefined || n <= 0) return undefined;
  const unit = `${m[2]}s` as 'days' | 'weeks' | 'months' | 'years';
  return SPANS[unit]?.[n] ?? `since:${dateBefore(now, n, unit)}`;
}
