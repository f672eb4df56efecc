/** Periods users ask about, and the trading-day boundaries they mean. */
import { DateTime } from 'luxon';
import { InputError } from '../command.ts';

export const FIXED_PERIODS = ['1d', '5d', '1m', '3m', '6m', 'ytd', '1y', '3y', '5y', '10y'] as const;
export type FixedPeriod = (typeof FIXED_PERIODS)[number];

/** A period is a fixed one, `since:YYYY-MM-DD`, or a calendar year `YYYY`. */
export type Period = FixedPeriod | `since:${string}` | `${number}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An example start for hints: the second of January a year before today (never a date after now). */
function exampleStart(today: string | undefined): string {
  const year = today ? Number(today.slice(0, 4)) - 1 : 2015;
  return `${year}-01-02`;
}

/** Accepts "1m", "YTD", "since 2025-07-01", "since:2025-07-01", "2024"; returns the canonical form or throws InputError. */
export function parsePeriod(raw: string, today?: string): Period {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if ((FIXED_PERIODS as readonly string[]).includes(text)) return text as FixedPeriod;
  const since = /^since[: ](\d{4}-\d{2}-\d{2})$/.exec(text) ?? (ISO_DATE.test(text) ? [text, text] : null);
  if (since) {
    const date = since[1]!;
    if (!DateTime.fromISO(date).isValid) throw new InputError(`"${date}" is not a valid date.`, `Use since:YYYY-MM-DD, e.g. since:${exampleStart(today)}.`);
    if (today && date >= today) throw new InputError(`"since ${date}" is not in the past.`, 'Pick a start date before today.');
    return `since:${date}`;
  }
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    const currentYear = today ? Number(today.slice(0, 4)) : new Date().getUTCFullYear();
    if (year < 1990 || year > currentYear)
      throw new InputError(`${text} is outside the years with data.`, `Pick a year from 1990 to ${currentYear}.`);
    return text as `${number}`;
  }
  throw new InputError(
    `"${raw}" is not a period I know.`,
    `Try one of ${FIXED_PERIODS.join(', ')}, since:YYYY-MM-DD or a year like 2024.`,
  );
}

export function describePeriod(period: Period): string {
  const names: Record<FixedPeriod, string> = {
    '1d': 'the last session',
    '5d': 'the last five sessions',
    '1m': 'the past month',
    '3m': 'the past three months',
    '6m': 'the past six months',
    ytd: 'the year to date',
    '1y': 'the past year',
    '3y': 'the past three years',
    '5y': 'the past five years',
    '10y': 'the past ten years',
  };
  if (period.startsWith('since:')) return `the period since ${period.slice(6)}`;
  if (/^\d{4}$/.test(period)) return period;
  return names[period as FixedPeriod];
}

/** A period measured to an earlier close than today's (the data ends there): "the year to 2026-02-23". */
export function describePeriodTo(period: Period, end: string): string {
  const names: Record<FixedPeriod, string> = {
    '1d': 'the session',
    '5d': 'the five sessions',
    '1m': 'the month',
    '3m': 'the three months',
    '6m': 'the six months',
    ytd: 'the year',
    '1y': 'the year',
    '3y': 'the three years',
    '5y': 'the five years',
    '10y': 'the ten years',
  };
  if (period.startsWith('since:')) return `the period from ${period.slice(6)} to ${end}`;
  if (/^\d{4}$/.test(period)) return `${period} to ${end}`;
  return `${names[period as FixedPeriod]} to ${end}`;
}

/** Calendar boundaries: start is the date whose last close on or before it is the base; end likewise. */
export interface PeriodWindow {
  /** Trading-day offset instead of a calendar start (1d, 5d). */
  sessionsBack?: number;
  start?: string;
  end: string;
}

export function periodWindow(period: Period, today: string): PeriodWindow {
  const end = DateTime.fromISO(today);
  switch (period) {
    case '1d':
      return { sessionsBack: 1, end: today };
    case '5d':
      return { sessionsBack: 5, end: today };
    case '1m':
      return { start: end.minus({ months: 1 }).toISODate()!, end: today };
    case '3m':
      return { start: end.minus({ months: 3 }).toISODate()!, end: today };
    case '6m':
      return { start: end.minus({ months: 6 }).toISODate()!, end: today };
    case 'ytd':
      return { start: `${end.year - 1}-12-31`, end: today };
    case '1y':
      return { start: end.minus({ years: 1 }).toISODate()!, end: today };
    case '3y':
      return { start: end.minus({ years: 3 }).toISODate()!, end: today };
    case '5y':
      return { start: end.minus({ years: 5 }).toISODate()!, end: today };
    case '10y':
      return { start: end.minus({ years: 10 }).toISODate()!, end: today };
  }
  if (period.startsWith('since:')) return { start: period.slice(6), end: today };
  const year = Number(period);
  const yearEnd = `${year}-12-31`;
  return { start: `${year - 1}-12-31`, end: yearEnd < today ? yearEnd : today };
}

/** The earliest date whose bars a window needs (with slack for weekends and holidays). */
export function windowFetchStart(window: PeriodWindow): string {
  const end = DateTime.fromISO(window.end);
  if (window.sessionsBack !== undefined) return end.minus({ days: window.sessionsBack * 2 + 10 }).toISODate()!;
  return DateTime.fromISO(window.start!).minus({ days: 10 }).toISODate()!;
}
